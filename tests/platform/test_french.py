"""`mediane/french`: French plurals (0 and 1 take the singular) and names with their article, written once."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template

from mediane import french

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 commentaire"), (1, "1 commentaire"), (2, "2 commentaires"), (1000, "1\u202f000 commentaires")],
)
def test_zero_and_one_take_the_singular(count, expected):
    assert french.count_phrase(count, "commentaire") == expected


def test_the_rule_is_french_for_decimals_negatives_and_sized_values():
    assert french.plural(1.5, "kilomètre", "kilomètres") == "kilomètre"
    assert french.plural(-3, "degré", "degrés") == "degrés"
    assert french.plural(["a"], "ligne", "lignes") == "ligne"
    assert french.plural(["a", "b"], "ligne", "lignes") == "lignes"


def test_a_phrase_of_several_words_needs_its_plural_written_out():
    assert french.count_phrase(0, "contribution publiée", "contributions publiées") == "0 contribution publiée"
    with pytest.raises(ValueError, match="plusieurs mots"):
        french.count_phrase(2, "contribution publiée")


@pytest.mark.parametrize(
    ("source", "counts", "expected"),
    [
        ("{{ n }} commentaire{{ n|plural }}", (0, 1, 2), ["0 commentaire", "1 commentaire", "2 commentaires"]),
        ("{{ n }} correspond{{ n|plural:'ent' }}", (1, 5), ["1 correspond", "5 correspondent"]),
        ('{{ n|plural:"n\'est,ne sont" }}', (0, 2), ["n'est", "ne sont"]),
        ("{{ n|length }} sujet{{ n|plural }}", (["a"], ["a", "b"]), ["1 sujet", "2 sujets"]),
    ],
)
def test_the_plural_filter_is_in_every_template(source, counts, expected):
    # Rendered as text, as in the e-mails (HTML escapes the apostrophe, like every word of a template).
    rendered = [Template(source).render(Context({"n": count}, autoescape=False)) for count in counts]

    assert rendered == expected


def test_the_plural_filter_leaves_what_is_not_a_count_in_the_singular():
    assert Template("x{{ n|plural }}").render(Context({"n": ""})) == "x"
    assert Template("x{{ n|plural }}").render(Context({"n": None})) == "x"


@pytest.mark.parametrize(
    ("name", "after_de", "after_a", "title"),
    [
        (
            "le ministère de la Culture",
            "du ministère de la Culture",
            "au ministère de la Culture",
            "Ministère de la Culture",
        ),
        (
            "la médiathèque de Quimper",
            "de la médiathèque de Quimper",
            "à la médiathèque de Quimper",
            "Médiathèque de Quimper",
        ),
        ("l'Agence du numérique", "de l'Agence du numérique", "à l'Agence du numérique", "Agence du numérique"),
        (
            "les Bibliothèques de Lyon",
            "des Bibliothèques de Lyon",
            "aux Bibliothèques de Lyon",
            "Bibliothèques de Lyon",
        ),
        (
            "Bibliothèques sans frontières",
            "de Bibliothèques sans frontières",
            "à Bibliothèques sans frontières",
            "Bibliothèques sans frontières",
        ),
    ],
)
def test_a_name_with_its_article_is_contracted_after_de_and_a(name, after_de, after_a, title):
    assert french.with_preposition(name, "de") == after_de
    assert french.with_preposition(name, "à") == after_a
    assert french.without_article(name) == title


def test_the_operator_reads_right_at_the_start_of_a_sentence_and_after_de():
    template = Template('{{ op|capfirst }} s\'engage. Auprès {{ op|with_preposition:"de" }}. {{ op|without_article }}')

    rendered = template.render(Context({"op": "le ministère de la Culture"}))

    assert rendered == "Le ministère de la Culture s'engage. Auprès du ministère de la Culture. Ministère de la Culture"


def _sources():
    for folder in ("mediane", "templates", "config"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".txt", ".md", ".py"} and "french" not in path.parts and path.is_file():
                yield path


def test_no_count_is_written_with_the_english_rule_or_by_hand():
    # Django's pluralize puts 0 in the plural; « 's' if n > 1 » is the French rule written again.
    hand_made = re.compile(r"""\|pluralize\b|['"]s['"] if |['"]s['"] if len\(|> 1 else ['"]""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hand_made.search(line)
    ]

    assert not offenders, "Écrivez les nombres avec mediane.french (plural, count_phrase) : " + ", ".join(offenders)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (1200, "1\u202f200"),
        (100_000, "100\u202f000"),
        (3.5, "3,5"),
        (Decimal("14.0"), "14"),
        (Decimal("1234.50"), "1\u202f234,5"),
        (-2500, "-2\u202f500"),
    ],
)
def test_a_number_has_narrow_spaces_between_thousands_and_a_decimal_comma(value, expected):
    assert french.number(value) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (50_000, "50\u202f000\u00a0€"),
        (Decimal("12500.5"), "12\u202f500,50\u00a0€"),
        (Decimal("0.07"), "0,07\u00a0€"),
        (Decimal("1200.00"), "1\u202f200\u00a0€"),
        (100_000_000, "100\u202f000\u202f000\u00a0€"),
    ],
)
def test_an_amount_in_euros_has_cents_only_when_there_are_some(amount, expected):
    assert french.euros(amount) == expected


def test_the_euros_and_number_filters_are_in_every_template():
    template = Template("{{ price|euros }} · {{ hours|number }} heure{{ hours|plural }} · {{ none|euros }}.")
    rendered = template.render(Context({"price": Decimal("1200"), "hours": Decimal("3.5"), "none": None}))

    assert rendered == "1\u202f200\u00a0€ · 3,5 heures · ."


def test_funding_and_training_write_numbers_through_mediane_french():
    # floatformat writes « 1200 », a hand-written « € » after a number forgets the no-break space.
    hand_made = re.compile(r"floatformat(?!:0\|number)|\}\} €|\{[A-Z_]+\} (?:euros|heures)")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        if {"funding", "training"} & set(path.parts) and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hand_made.search(line)
    ]

    assert not offenders, "Écrivez montants et nombres avec |euros et |number (mediane.french) : " + ", ".join(
        offenders
    )
