"""The activity reports' exports in the Coop's layout: the columns, one row per participant of a workshop, the
notes only in the adviser's own file, the filters, and who may download what (never someone else's reports)."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers import exports_reports as coop
from mediane.conseillers import views_exports
from mediane.conseillers.services_reports import record_report
from tests.accounts.factories import UserFactory
from tests.conseillers import factories as f

pytestmark = pytest.mark.django_db

# Typed from the Coop's self-export (coop-mediation-numerique, `buildAccompagnementsWorksheet`), not from the module.
COOP_OWN = [
    "Date", "Enregistré le", "Dernière modification le", "Type", "Participants", "Bénéficiaire",
    "Canaux d’accompagnement",
    "Nom du lieu", "Adresse", "Commune", "Code postal", "Code Insee", "Durée (min)", "Nom de l’atelier",
    "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags", "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)", "Bénéficiaire réorienté", "Structure de redirection",
    "Commune du bénéficiaire", "Code postal du bénéficiaire", "Code Insee du bénéficiaire", "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire", "Statut du bénéficiaire", "Notes supplémentaires", "ID CRA",
]  # fmt: skip


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def xlsx_rows(response) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(_body(response))).active
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def csv_rows(response) -> list[dict]:
    text = _body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def workshop(recruitment, **overrides):
    return record_report(f.workshop_data(**overrides), by=recruitment.candidate.user, recruitment=recruitment)


def test_the_advisers_own_export_has_the_coops_columns_in_order():
    assert list(coop.OWN_COLUMNS) == COOP_OWN


def test_the_shared_export_names_the_adviser_after_the_dates_and_leaves_the_notes_out():
    assert list(coop.SHARED_COLUMNS) == [
        *COOP_OWN[:3],
        "Prénom du médiateur",
        "Nom du médiateur",
        "Rôle",
        "ID - Conum",
        "Type",
        "Participants",
        *COOP_OWN[6:-2],
        "ID CRA",
    ]


def test_an_individual_report_is_one_row_with_the_coops_labels(client):
    recruitment = f.adviser()
    report = f.report(
        recruitment,
        thematiques=["email", "argent_impots"],
        materiel=["telephone", "ordinateur"],
        tags=["Impôts", "Retraités"],
        redirected=True,
        redirection="aide_sociale",
        notes="Revient jeudi.",
    )
    client.force_login(recruitment.candidate.user)
    (row,) = xlsx_rows(client.get(reverse("conseillers:reports_export", args=["xlsx"])))
    assert row["Date"].date() == report.date
    assert row["Type"] == "Accompagnement individuel"
    assert row["Participants"] == "1"
    assert row["Bénéficiaire"] == "Anonyme"
    assert row["Dernière modification le"] is None
    assert row["Canaux d’accompagnement"] == "À domicile"
    assert row["Commune"] == "Villeurbanne"
    assert row["Durée (min)"] == 30
    assert row["Matériel numérique utilisé"] == "Téléphone\nOrdinateur"
    assert row["Thématique(s) d’accompagnement"] == "E-mail\nArgent - Impôts"
    assert row["Tags"] == "Impôts\nRetraités"
    assert row["Niveau d’autonomie (ou de l’atelier)"] == "2/3"
    assert row["Bénéficiaire réorienté"] == "Oui"
    assert row["Structure de redirection"].startswith("Structure d'aide sociale")
    assert (row["Genre du bénéficiaire"], row["Tranche d’âge du bénéficiaire"], row["Statut du bénéficiaire"]) == (
        "Féminin",
        "70 ans et plus",
        "Retraité",
    )
    assert row["Notes supplémentaires"] == "Revient jeudi."
    assert row["ID CRA"] == f"mediane-{report.pk}"


def test_a_workshop_of_eight_gives_eight_rows_each_with_one_participants_band(client):
    recruitment = f.adviser()
    workshop(
        recruitment,
        participant_counts={"gender": {"feminin": 5, "masculin": 2}, "age_band": {"soixante_dix_plus": 3}},
        notes="Salle trop petite.",
    )
    client.force_login(recruitment.candidate.user)
    rows = xlsx_rows(client.get(reverse("conseillers:reports_export", args=["xlsx"])))
    assert [row["Participants"] for row in rows] == [f"{n}/8" for n in range(1, 9)]
    assert [row["Genre du bénéficiaire"] for row in rows] == ["Masculin"] * 2 + ["Féminin"] * 5 + ["Non communiqué"]
    assert [row["Tranche d’âge du bénéficiaire"] for row in rows] == ["70 ans et plus"] * 3 + ["Non communiqué"] * 5
    assert {row["Statut du bénéficiaire"] for row in rows} == {"Non communiqué ou hétérogène"}
    assert {row["Niveau d’autonomie (ou de l’atelier)"] for row in rows} == {"1/3"}
    assert {row["Nom de l’atelier"] for row in rows} == {"Découvrir sa messagerie"}
    assert len({row["ID CRA"] for row in rows}) == 1
    # The session's notes once, on its first row, as the Coop writes them.
    assert [row["Notes supplémentaires"] for row in rows] == ["Salle trop petite."] + [None] * 7


def test_a_changed_report_gives_its_last_change(client):
    recruitment = f.adviser()
    report = f.report(recruitment)
    type(report).objects.filter(pk=report.pk).update(updated_at=report.created_at + dt.timedelta(hours=2))
    client.force_login(recruitment.candidate.user)
    (row,) = xlsx_rows(client.get(reverse("conseillers:reports_export", args=["xlsx"])))
    assert row["Dernière modification le"] - row["Enregistré le"] == dt.timedelta(hours=2)


def test_the_csv_is_the_same_table_with_semicolons_and_a_bom(client):
    recruitment = f.adviser()
    f.report(recruitment, notes='=HYPERLINK("http://evil.example")')
    client.force_login(recruitment.candidate.user)
    response = client.get(reverse("conseillers:reports_export", args=["csv"]))
    assert response["Content-Disposition"] == f'attachment; filename="activites-{timezone.localdate():%Y-%m-%d}.csv"'
    (row,) = csv_rows(response)
    assert list(row) == COOP_OWN
    assert row["Notes supplémentaires"].startswith("'=")  # neutralised by the platform's one writer


def test_the_xlsx_is_named_by_the_day(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    response = client.get(reverse("conseillers:reports_export", args=["xlsx"]))
    assert response["Content-Disposition"] == f'attachment; filename="activites-{timezone.localdate():%Y-%m-%d}.xlsx"'
    assert xlsx_rows(response) == []


def test_the_export_honours_the_lists_filters(client):
    recruitment = f.adviser()
    today = timezone.localdate()
    f.report(recruitment, date=today - dt.timedelta(days=40), thematiques=["sante"])
    recent = f.report(recruitment, date=today - dt.timedelta(days=2), thematiques=["email"])
    workshop(recruitment, date=today - dt.timedelta(days=3))
    client.force_login(recruitment.candidate.user)
    url = reverse("conseillers:reports_export", args=["csv"])
    since = (today - dt.timedelta(days=10)).strftime("%d/%m/%Y")
    rows = csv_rows(client.get(url, {"du": since, "type": "individuel", "thematique": "email"}))
    assert [row["ID CRA"] for row in rows] == [f"mediane-{recent.pk}"]
    iso = (today - dt.timedelta(days=41)).isoformat()
    assert len(csv_rows(client.get(url, {"au": iso}))) == 0
    # A mistyped filter is left out: the export covers more, and never answers an error.
    assert len(csv_rows(client.get(url, {"du": "32/13/2026", "type": "<script>", "thematique": "astrologie"}))) == 10


def test_a_structures_export_names_its_advisers_and_never_carries_their_notes(client):
    recruitment = f.adviser()
    recruitment.candidate.first_name, recruitment.candidate.last_name = "Inès", "Durand"
    recruitment.candidate.save()
    f.report(recruitment, notes="Secret de l'accompagnement")
    manager = recruitment.host.managers.get()
    client.force_login(manager)
    response = client.get(reverse("conseillers:host_reports_export", args=[recruitment.host.pk, "csv"]))
    (row,) = csv_rows(response)
    assert list(row) == list(coop.SHARED_COLUMNS)
    assert (row["Prénom du médiateur"], row["Nom du médiateur"], row["Rôle"]) == (
        "Inès",
        "Durand",
        "Conseiller Numérique",
    )
    # The Coop's id of a conseiller numérique: Médiane has none, the cell stays empty.
    assert row["ID - Conum"] == ""
    assert b"Secret" not in _body(
        client.get(reverse("conseillers:host_reports_export", args=[recruitment.host.pk, "xlsx"]))
    )


def test_the_teams_export_filters_by_departement():
    recruitment, other = f.adviser(), f.adviser(host=f.HostStructureFactory(departement="13"))
    f.report(recruitment)
    kept = f.report(other)
    team = f.programme_team()
    from django.test import Client

    client = Client()
    client.force_login(team)
    rows = csv_rows(client.get(reverse("conseillers:team_reports_export", args=["csv"]), {"departement": "13"}))
    assert [row["ID CRA"] for row in rows] == [f"mediane-{kept.pk}"]
    rows = csv_rows(client.get(reverse("conseillers:team_reports_export", args=["csv"]), {"departement": "1'3"}))
    assert len(rows) == 2


def test_an_xlsx_beyond_the_limit_is_refused_in_french_with_the_csv_offered(client, monkeypatch):
    monkeypatch.setattr(views_exports, "XLSX_MAX_ROWS", 7)
    recruitment = f.adviser()
    workshop(recruitment)
    client.force_login(f.programme_team())
    response = client.get(reverse("conseillers:team_reports_export", args=["xlsx"]), {"departement": "69"})
    assert response.status_code == 413
    text = response.content.decode()
    assert "trop grand pour un fichier Excel" in text
    assert "/tableau-de-bord/pilotage/activites.csv?departement=69" in text


def test_an_unknown_format_is_a_404(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    assert client.get(reverse("conseillers:reports_export", args=["pdf"])).status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_an_export_reads_the_reports_in_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    recruitment = f.adviser()
    for _ in range(size):
        f.report(recruitment, redirected=True, redirection="autre")
    client.force_login(recruitment.candidate.user)
    with django_assert_max_num_queries(6):
        assert len(xlsx_rows(client.get(reverse("conseillers:reports_export", args=["xlsx"])))) == size
    client.force_login(f.programme_team())
    with django_assert_max_num_queries(6):
        assert len(csv_rows(client.get(reverse("conseillers:team_reports_export", args=["csv"])))) == size


def test_someone_who_never_was_an_adviser_gets_the_page_that_says_so_rather_than_an_empty_file(client):
    f.report(f.adviser())
    client.force_login(UserFactory())
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("conseillers:reports_export", args=[fmt]))
        assert response["Content-Type"].startswith("text/html")
        assert "Votre compte n'est pas celui d'un conseiller" in response.content.decode()


def test_an_adviser_who_has_not_reported_yet_gets_the_columns_to_fill(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    response = client.get(reverse("conseillers:reports_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert csv_rows(response) == []


def test_the_admin_shows_a_report_read_only_without_its_notes(client):
    report = f.report(f.adviser(), notes="Note-privée-admin")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:conseillers_activityreport_change", args=[report.pk]))
    assert response.status_code == 200
    assert "Note-privée-admin" not in response.content.decode()
    assert 'name="_save"' not in response.content.decode()
    assert client.get(reverse("admin:conseillers_activityreport_add")).status_code == 403
