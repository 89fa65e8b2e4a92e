"""The French grammar of the interface, written once: plurals of counts, names with their article, and numbers
and amounts in euros (`number`, `euros`: « 12 500 », « 12 500,50 € »).

French puts 0 and 1 in the singular (« 0 commentaire », « 1 soutien », « 2 soutiens »), where Django's
`pluralize` follows English. Every count that a page, an e-mail, a PDF or a command writes goes through
`plural` / `count_phrase` here, or the `plural` template filter (`templatetags.py`, a builtin of every
template); a test fails when `pluralize` comes back.

A name that takes an article in a sentence (« le ministère de la Culture ») is stored with it, and contracted
here after « de » and « à » (« du ministère », « au ministère »), so that no page writes « de le ».

Pure (no Django import): the synthesis engine and the other pure cores use it too.
"""

from __future__ import annotations

from collections.abc import Sized
from decimal import Decimal

Count = int | float | Decimal


def is_plural(count: Count | Sized) -> bool:
    """The French rule: plural from 2 on (« 0 contribution », « 1,5 kilomètre »); a sized value counts its items."""
    if isinstance(count, Sized):
        return len(count) >= 2
    return count >= 2 or count <= -2


def plural(count: Count | Sized, singular: str, plural_form: str) -> str:
    """`singular` or `plural_form`, as the French rule asks for `count`."""
    return plural_form if is_plural(count) else singular


def count_phrase(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 contribution publiée », « 3 contributions publiées », « 1 200 commentaires »: the count (thousands
    grouped, as `number` writes them) and its words. Without `plural_form`,
    the plural of a single word is that word with an s (« soutien » → « soutiens »); give it for anything else."""
    if plural_form is None:
        if " " in singular:
            raise ValueError(f"Donnez le pluriel de « {singular} » : il a plusieurs mots.")
        plural_form = singular + "s"
    return f"{number(count)} {plural(count, singular, plural_form)}"


# What « de » and « à » become before each article a name may start with.
_CONTRACTIONS = {
    "de": {"le ": "du ", "les ": "des ", "la ": "de la ", "l'": "de l'", "l’": "de l’"},
    "à": {"le ": "au ", "les ": "aux ", "la ": "à la ", "l'": "à l'", "l’": "à l’"},
}
_ARTICLES = ("le ", "la ", "les ", "l'", "l’")


def with_preposition(name: str, preposition: str) -> str:
    """« de » or « à » before `name`, contracted with its article: « du ministère de la Culture », « à la
    médiathèque », « de Bibliothèques sans frontières » (a name without article keeps the preposition whole)."""
    if preposition not in _CONTRACTIONS:
        raise ValueError(f"Préposition non prise en charge : « {preposition} » (de ou à).")
    lowered = name.lower()
    for article, contracted in _CONTRACTIONS[preposition].items():
        if lowered.startswith(article):
            return contracted + name[len(article) :]
    return f"{preposition} {name}"


def without_article(name: str) -> str:
    """The name as a title, on a cover or a letterhead: « le ministère de la Culture » → « Ministère de la Culture »."""
    lowered = name.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            rest = name[len(article) :]
            return rest[:1].upper() + rest[1:]
    return name


# French typography: a narrow no-break space between groups of thousands, a no-break space before the unit.
THOUSANDS = "\u202f"
BEFORE_UNIT = "\u00a0"


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", THOUSANDS)


def number(value: Count) -> str:
    """« 1 200 », « 3,5 », « 100 000 »: thousands grouped, a decimal comma, no trailing zero (14.0 → « 14 »)."""
    amount = Decimal(str(value))
    if amount == amount.to_integral_value():
        return _grouped(int(amount))
    sign = "-" if amount < 0 else ""
    whole, _, decimals = f"{abs(amount).normalize():f}".partition(".")
    return f"{sign}{_grouped(int(whole))},{decimals}"


def euros(amount: Count) -> str:
    """« 12 500 € », « 12 500,50 € », « 0,50 € »: an amount in euros, cents only when there are some."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):f}".partition(".")
    text = _grouped(int(whole)) if cents == "00" else f"{_grouped(int(whole))},{cents}"
    return f"{sign}{text}{BEFORE_UNIT}€"


def share(part: int, whole: int) -> str:
    """« 33 % », « moins de 1 % »: a part of a whole, rounded, as French writes it; never « 0 % » for a part that
    is not zero. The synthesis's pages, its dossier and its Markdown report all write shares this way."""
    if not whole or not part:
        return f"0{BEFORE_UNIT}%"
    percent = round(100 * part / whole)
    return f"moins de 1{BEFORE_UNIT}%" if percent == 0 else f"{percent}{BEFORE_UNIT}%"
