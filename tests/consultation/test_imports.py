"""Reading workshop sheets and Decidim exports (pure), and writing them (services and commands)."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation import services, services_imports
from mediane.consultation.enums import ContributionKind, ContributionSource, ContributionStatus
from mediane.consultation.imports import TextLimits, parse_decidim_proposals, parse_workshop_sheet, shorten
from mediane.consultation.models import Contribution, ImportRecord, Support, Theme
from tests.consultation.factories import ThemeFactory

REAL_DECIDIM_EXPORT = Path(__file__).resolve().parents[2].parent / "shared/data/decidim-lille/propositions-libres.csv"
LIMITS = TextLimits(title_min=3, title_max=150, body_min=10, body_max=5000)
HEADER = "type;titre;texte;categorie;code_postal;consentement\n"
GOOD_LINE = "Proposition;Ateliers le samedi;Un atelier le samedi matin pour ceux qui travaillent.;Usager·e;59000;oui\n"
DECIDIM_HEADER = (
    "id;category/id;category/name/en;category/name/fr;scope/id;scope/name/en;scope/name/fr;"
    "title;body;votes;comments;created_at;url;component/id;meeting_urls\n"
)


def sheet(text: str):
    return parse_workshop_sheet(
        text.encode(), kinds=ContributionKind.choices, categories=ParticipantCategory.choices, limits=LIMITS
    )


def decidim_line(
    pk="12",
    title="Des bornes d'accès",
    body="Installer des bornes dans chaque mairie.",
    votes="3",
    created="2019-01-24 22:29:15 +0100",
):
    url = f"http://participation.example.org/proposals/{pk}"
    return f'{pk};;"";"";;"";"";{title};"{body}";{votes};0;{created};{url};111;""\n'


# --- Workshop sheets (pure) ---


def test_a_valid_sheet_gives_one_row_per_line_with_codes():
    result = sheet(HEADER + GOOD_LINE + "point de vigilance;Peur des arnaques;J'ai peur des faux sites.;elu;;OUI\n")
    assert result.ok, result.errors
    first, second = result.rows
    assert (first.line, first.kind, first.category, first.departement) == (2, "proposition", "usager", "59")
    assert (second.kind, second.category, second.postal_code) == ("point_vigilance", "elu", "")


def test_every_invalid_line_is_reported_with_its_number():
    text = (
        HEADER
        + GOOD_LINE
        + "Suggestion;Ateliers;Un texte bien assez long.;usager;59000;oui\n"
        + "Proposition;Ateliers;Un texte bien assez long.;usager;6900;oui\n"
        + "Proposition;Ateliers;Un texte bien assez long.;usager;59000;non\n"
        + "Proposition;Ok;court;Martien;59000;oui\n"
    )
    result = sheet(text)
    messages = [str(error) for error in result.errors]
    assert result.rows == [result.rows[0]]
    assert messages[0].startswith("Ligne 3 : le type « Suggestion » n'existe pas")
    assert "Ligne 4 : le code postal « 6900 » n'est pas valide" in messages[1]
    assert messages[2].startswith("Ligne 5 : la colonne « consentement » doit valoir « oui »")
    assert [error.line for error in result.errors[3:]] == [6, 6, 6]
    assert "le titre est trop court" in messages[3]
    assert "la catégorie « Martien » n'existe pas" in messages[5]


def test_line_numbers_count_the_lines_inside_quoted_texts():
    multi_line = 'Proposition;Ateliers;"Premier paragraphe.\n\nDeuxième paragraphe.";usager;59000;oui\n'
    result = sheet(HEADER + multi_line + "Proposition;Ateliers;Un texte bien assez long.;usager;59000;peut-être\n")
    assert result.rows[0].body == "Premier paragraphe.\n\nDeuxième paragraphe."
    assert result.errors[0].line == 5


def test_a_sheet_saved_by_excel_in_windows_1252_is_read():
    data = (HEADER + GOOD_LINE.replace("Usager·e", "Élu·e")).encode("cp1252")
    result = parse_workshop_sheet(
        data, kinds=ContributionKind.choices, categories=ParticipantCategory.choices, limits=LIMITS
    )
    assert result.ok, result.errors
    assert result.rows[0].category == "elu"


def test_a_utf8_sheet_with_a_bom_and_commas_is_read():
    text = (
        HEADER.replace(";", ",") + 'Retour d’expérience,Le café numérique,"Ça marche, on revient.",association,,oui\n'
    )
    result = parse_workshop_sheet(
        ("\ufeff" + text).encode(),
        kinds=ContributionKind.choices,
        categories=ParticipantCategory.choices,
        limits=LIMITS,
    )
    assert result.ok, result.errors
    assert result.rows[0].kind == "retour_experience"
    assert result.rows[0].body == "Ça marche, on revient."


def test_a_wrong_separator_is_explained():
    result = sheet(HEADER.replace(";", "\t") + GOOD_LINE.replace(";", "\t"))
    assert not result.ok
    assert "séparées par des points-virgules" in str(result.errors[0])


def test_missing_columns_are_named_in_one_error():
    result = sheet("type;titre;texte\n" + "Proposition;Ateliers;Un texte bien assez long.\n")
    assert len(result.errors) == 1
    assert "« categorie », « consentement »" in str(result.errors[0])


def test_a_sheet_with_only_a_header_is_refused():
    assert "aucune contribution" in str(sheet(HEADER).errors[0])


# --- Decidim exports (pure) ---


def test_a_decidim_export_is_read_with_dates_votes_and_urls():
    text = DECIDIM_HEADER + decidim_line() + decidim_line(pk="13", body="Sur deux\nlignes de texte.", votes="0")
    result = parse_decidim_proposals(text.encode(), limits=LIMITS)
    assert result.ok, result.errors
    first, second = result.rows
    assert first.external_id == "12"
    assert first.votes == 3
    assert first.created_at == dt.datetime(2019, 1, 24, 21, 29, 15, tzinfo=dt.UTC)
    assert first.url.endswith("/proposals/12")
    assert second.line == 3
    assert second.body == "Sur deux\nlignes de texte."


def test_missing_decidim_columns_give_one_clear_error():
    result = parse_decidim_proposals(b"id;title;body\n1;Titre;Un texte assez long.\n", limits=LIMITS)
    assert len(result.errors) == 1
    assert "« votes », « created_at », « url »" in str(result.errors[0])


def test_malformed_decidim_rows_are_numbered_by_physical_line():
    text = (
        DECIDIM_HEADER
        + decidim_line(body="Trois\nlignes\nde texte.")
        + decidim_line(pk="14", votes="beaucoup")
        + decidim_line(pk="15", created="hier")
        + decidim_line(pk="12")
    )
    result = parse_decidim_proposals(text.encode(), limits=LIMITS)
    assert [error.line for error in result.errors] == [5, 6, 7]
    assert "nombre de soutiens : « beaucoup » n'est pas un nombre" in str(result.errors[0])
    assert "la date « hier »" in str(result.errors[1])
    assert "figure déjà ligne 2" in str(result.errors[2])


def test_a_long_decidim_title_is_shortened_with_a_warning():
    long_title = "Ouvrir " + " ".join(["les bibliothèques"] * 12)
    result = parse_decidim_proposals((DECIDIM_HEADER + decidim_line(title=long_title)).encode(), limits=LIMITS)
    assert result.ok
    title = result.rows[0].title
    assert len(title) <= 150
    assert title.endswith("…")
    assert long_title.startswith(title[:-1])
    assert long_title[len(title) - 1] == " "  # cut between two words
    assert "raccourci" in str(result.warnings[0])


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("un deux trois quatre", 12) == "un deux…"
    assert shorten("court", 12) == "court"


# --- Services ---


@pytest.mark.django_db
def test_a_workshop_sheet_is_imported_in_one_go(mediator):
    theme = ThemeFactory()
    result = services_imports.read_workshop_sheet((HEADER + GOOD_LINE * 3).encode())

    record = services_imports.import_workshop_sheet(mediator, theme, result.rows, "atelier.csv")

    assert record.rows == 3
    assert record.source == ContributionSource.WORKSHOP_SHEET
    contributions = Contribution.objects.filter(theme=theme)
    assert contributions.count() == 3
    assert {c.source for c in contributions} == {ContributionSource.WORKSHOP_SHEET}
    assert {c.collected_by for c in contributions} == {mediator}
    assert all(c.is_assisted and c.author is None for c in contributions)
    theme.refresh_from_db()
    assert theme.published_count == 3


@pytest.mark.django_db
def test_a_workshop_sheet_cannot_go_into_a_closed_theme(mediator):
    theme = ThemeFactory(closed=True)
    result = services_imports.read_workshop_sheet((HEADER + GOOD_LINE).encode())
    with pytest.raises(services.ForumError, match="clos"):
        services_imports.import_workshop_sheet(mediator, theme, result.rows, "atelier.csv")
    assert not Contribution.objects.exists()


def decidim_rows(text):
    result = services_imports.read_decidim_export(text.encode())
    assert result.ok, result.errors
    return result.rows


@pytest.mark.django_db
def test_decidim_proposals_are_imported_then_updated_without_duplicates(organiser):
    theme = ThemeFactory(closed=True, consultation__pre_moderation=True)
    rows = decidim_rows(DECIDIM_HEADER + decidim_line() + decidim_line(pk="13"))

    summary = services_imports.import_decidim_proposals(theme, rows, "export.csv", imported_by=organiser)

    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    proposal = Contribution.objects.get(external_id="12")
    assert proposal.kind == ContributionKind.PROPOSAL
    assert proposal.source == ContributionSource.DECIDIM
    assert proposal.status == ContributionStatus.PUBLISHED
    assert proposal.supports_count == 3
    assert proposal.author_category == ""
    assert proposal.external_url.endswith("/proposals/12")
    assert proposal.created_at == dt.datetime(2019, 1, 24, 21, 29, 15, tzinfo=dt.UTC)
    assert not Support.objects.exists()
    assert ImportRecord.objects.get().imported_by == organiser
    assert Theme.objects.get(pk=theme.pk).published_count == 2

    again = services_imports.import_decidim_proposals(theme, rows, "export.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    changed = decidim_rows(DECIDIM_HEADER + decidim_line(votes="9") + decidim_line(pk="13"))
    third = services_imports.import_decidim_proposals(theme, changed, "export.csv")
    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    assert Contribution.objects.get(external_id="12").supports_count == 9
    assert Contribution.objects.count() == 2
    assert Theme.objects.get(pk=theme.pk).published_count == 2


@pytest.mark.django_db
def test_a_dry_run_counts_but_writes_nothing():
    theme = ThemeFactory()
    summary = services_imports.import_decidim_proposals(
        theme, decidim_rows(DECIDIM_HEADER + decidim_line()), "export.csv", dry_run=True
    )
    assert summary.created == 1
    assert summary.record is None
    assert not Contribution.objects.exists()
    assert not ImportRecord.objects.exists()
    assert Theme.objects.get(pk=theme.pk).published_count == 0


# --- Commands ---


@pytest.mark.django_db
def test_the_decidim_command_imports_and_prints_a_summary(tmp_path, capsys):
    theme = ThemeFactory()
    export = tmp_path / "export.csv"
    export.write_text(DECIDIM_HEADER + decidim_line() + decidim_line(pk="13"), encoding="utf-8")

    call_command("import_decidim", str(export), consultation=theme.consultation.slug, theme=theme.number)

    out = capsys.readouterr().out
    assert "2/2 propositions traitées" in out
    assert "2 ajoutées, 0 mise à jour, 0 inchangée" in out
    assert Contribution.objects.count() == 2


@pytest.mark.django_db
def test_the_decidim_command_imports_nothing_when_a_line_is_wrong(tmp_path, capsys):
    theme = ThemeFactory()
    export = tmp_path / "export.csv"
    export.write_text(DECIDIM_HEADER + decidim_line() + decidim_line(pk="13", votes="x"), encoding="utf-8")
    with pytest.raises(CommandError, match="rien n'a été importé"):
        call_command("import_decidim", str(export), consultation=theme.consultation.slug, theme=theme.number)
    assert "Ligne 3" in capsys.readouterr().err
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_the_workshop_command_records_the_mediator(tmp_path, mediator):
    theme = ThemeFactory()
    sheet_file = tmp_path / "atelier.csv"
    sheet_file.write_text(HEADER + GOOD_LINE, encoding="utf-8")
    call_command(
        "import_workshop_sheet",
        str(sheet_file),
        consultation=theme.consultation.slug,
        theme=theme.number,
        collected_by=mediator.email,
    )
    assert Contribution.objects.get().collected_by == mediator


@pytest.mark.realdata
@pytest.mark.django_db
def test_the_real_lille_export_imports_196_proposals_and_reimports_idempotently(organiser, capsys):
    if not REAL_DECIDIM_EXPORT.is_file():
        pytest.skip(f"Real Decidim export not found at {REAL_DECIDIM_EXPORT}")
    theme = ThemeFactory()
    args = (str(REAL_DECIDIM_EXPORT),)
    options = {"consultation": theme.consultation.slug, "theme": theme.number}

    call_command("import_decidim", *args, dry_run=True, **options)
    assert not Contribution.objects.exists()

    call_command("import_decidim", *args, **options)
    assert Contribution.objects.filter(theme=theme, source=ContributionSource.DECIDIM).count() == 196
    assert Theme.objects.get(pk=theme.pk).published_count == 196
    assert "196 ajoutées" in capsys.readouterr().out

    call_command("import_decidim", *args, **options)
    assert Contribution.objects.count() == 196
    assert Theme.objects.get(pk=theme.pk).published_count == 196
    assert "0 ajoutée, 0 mise à jour, 196 inchangées" in capsys.readouterr().out
    linky = Contribution.objects.get(external_id="418")
    assert linky.title == "Non au déploiement forcé des compteurs intelligents Linky"
    assert linky.supports_count == 2


@pytest.mark.parametrize("votes", ["²", "٣", "３", "1_000", "-2", "9" * 40])
def test_decidim_votes_take_ascii_digits_only_with_a_line_numbered_error(votes):
    """The outside review's reproduction: a `votes` cell « ² » passed str.isdigit() and int() refused it (500)."""
    result = parse_decidim_proposals((DECIDIM_HEADER + decidim_line(votes=votes)).encode(), limits=LIMITS)
    [error] = result.errors
    assert error.line == 2
    assert str(error).startswith("Ligne 2 : le nombre de soutiens")


def test_a_control_character_in_a_sheet_or_an_export_is_a_line_numbered_error():
    workshop = sheet(HEADER + GOOD_LINE + GOOD_LINE.replace("Ateliers le samedi", "Ateliers\x1b le samedi"))
    [error] = workshop.errors
    assert error.line == 3
    assert str(error).startswith("Ligne 3, colonne « titre » : caractère invisible interdit (U+001B, échappement)")
    decidim = parse_decidim_proposals(
        (DECIDIM_HEADER + decidim_line(body="Installer des bornes\x08 dans chaque mairie.")).encode(), limits=LIMITS
    )
    assert [str(error) for error in decidim.errors] == [
        "Ligne 2, colonne « body » : caractère invisible interdit (U+0008, retour arrière), souvent venu d'un "
        "copier-coller. Effacez-le, ou retapez le texte."
    ]
