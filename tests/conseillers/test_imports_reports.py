"""The import of a Coop export into an adviser's account: the header found below the Coop's lines, a preview before
anything is written, all or none, a report already imported skipped, and every error in French with its line."""

import datetime as dt
import io
import os
import time
import zipfile

import openpyxl.xml
import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers import exports_reports as coop
from mediane.conseillers import views_exports
from mediane.conseillers.imports_reports import FileRefused, read_file
from mediane.conseillers.models_reports import ActivityReport
from mediane.conseillers.services_reports import record_report, report_data, update_report
from mediane.privatefiles import get_private_storage
from mediane.spreadsheets import csv_text
from tests.conseillers import factories as f

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - dt.timedelta(days=1)
HEADER = list(coop.OWN_COLUMNS)


def row(**cells) -> list:
    """A row of the Coop's export (own variant): an individual accompaniment of yesterday, unless told."""
    values = {
        coop.DATE: f"{YESTERDAY:%d/%m/%Y}",
        coop.TYPE: "Accompagnement individuel",
        coop.PARTICIPANTS: "1/1",
        coop.CHANNEL: "À domicile",
        coop.COMMUNE: "Lyon",
        coop.DURATION: "45",
        coop.MATERIEL: "Ordinateur",
        coop.THEMATIQUES: "Navigation sur internet\nE-mail",
        coop.AUTONOMIE: "3/3",
        coop.REDIRECTED: "Non",
        coop.GENDER: "Masculin",
        coop.AGE_BAND: "25 - 39 ans",
        coop.STATUS: "En emploi",
        coop.REPORT_ID: "",
    }
    names = {"id_cra": coop.REPORT_ID, "workshop": coop.WORKSHOP}
    values.update({names.get(name) or getattr(coop, name.upper()): value for name, value in cells.items()})
    return [values.get(name, "") for name in HEADER]


def coop_csv(*rows, metadata=True, header=HEADER) -> bytes:
    lines = [["Export des accompagnements"], ["Exporté le 06/12/2026 par Camille"], []] if metadata else []
    return csv_text([*lines, header, *rows], delimiter=";", bom=True).encode()


def coop_xlsx(*rows) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet("Accompagnements")
    sheet.write_row(0, 0, ["Export de la Coop de la médiation numérique"])
    sheet.write_row(2, 0, HEADER)
    for index, values in enumerate(rows, start=3):
        sheet.write_row(index, 0, values)
    book.close()
    return buffer.getvalue()


def errors(data: bytes) -> list[str]:
    return [str(error) for error in read_file(data).errors]


def test_a_coop_csv_with_lines_above_its_header_is_read():
    result = read_file(coop_csv(row(id_cra="a1"), row(id_cra="a2", thematiques="Santé")))
    assert not result.errors
    first, second = (report.data for report in result.reports)
    assert [report.line for report in result.reports] == [5, 6]
    assert (first.kind, first.date, first.duration, first.place_type) == ("individuel", YESTERDAY, 45, "domicile")
    assert first.thematiques == ["navigation_sur_internet", "email"]
    assert (first.autonomie, first.gender, first.age_band, first.social_status) == (
        "autonome",
        "masculin",
        "vingt_cinq_trente_neuf",
        "en_emploi",
    )
    assert second.thematiques == ["sante"]
    assert first.external_id == "a1"


def test_a_coop_xlsx_is_read_and_the_rows_of_one_workshop_make_one_report():
    workshop = {
        "type": "Atelier collectif",
        "nom_de_l_atelier": "",
        "workshop": "Découvrir sa messagerie",
        "autonomie": "2/3",
        "id_cra": "w1",
        "gender": "Féminin",
        "age_band": "Non communiqué",
        "status": "Non communiqué ou hétérogène",
    }
    workshop.pop("nom_de_l_atelier")
    rows = [
        row(**{**workshop, "participants": f"{n}/3", "gender": g})
        for n, g in ((1, "Féminin"), (2, "Féminin"), (3, "Masculin"))
    ]
    result = read_file(coop_xlsx(*rows))
    assert not result.errors, result.errors
    (report,) = result.reports
    assert (report.data.kind, report.data.participants, report.data.workshop_level) == ("collectif", 3, "intermediaire")
    assert report.data.participant_counts == {"gender": {"feminin": 2, "masculin": 1}}
    assert (result.rows, result.people, result.collective) == (3, 3, 1)


def test_both_apostrophes_are_accepted_in_the_headers():
    header = [name.replace("’", "'") for name in HEADER]
    assert not read_file(coop_csv(row(), header=header)).errors


def test_an_unknown_thematique_names_the_line_and_the_possible_ones():
    (message,) = errors(coop_csv(row(), row(), row(thematiques="E-mail\nAstrologie")))
    assert message.startswith(
        "Ligne 7 : thématique inconnue « Astrologie ». Thématiques possibles : Diagnostic numérique,"
    )


def test_the_line_is_the_row_a_spreadsheet_shows_whatever_the_line_breaks_inside_cells():
    # Each row's thématiques cell holds a line break: the third row starts on the text's 6th line, but is row 4.
    (message,) = errors(coop_csv(row(), row(), row(date="32/01/2026"), metadata=False))
    assert message.startswith("Ligne 4 : date illisible « 32/01/2026 »")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"date": (timezone.localdate() + dt.timedelta(days=3)).strftime("%d/%m/%Y")},
            "Ligne 5 : la date ne peut pas être dans le futur",
        ),
        ({"duration": "0"}, "Ligne 5 : la durée doit être comprise entre 1 minute et 8 heures"),
        ({"duration": "481"}, "Ligne 5 : la durée doit être comprise entre 1 minute et 8 heures"),
        ({"duration": "-15"}, "Ligne 5 : la durée doit être comprise entre 1 minute et 8 heures"),
        (
            {
                "type": "Atelier collectif",
                "participants": "",
                "workshop": "Atelier",
                "autonomie": "",
                "gender": "",
                "age_band": "",
                "status": "",
            },
            "Ligne 5 : un atelier collectif compte au moins un participant",
        ),
        ({"participants": "4"}, "Ligne 5 : un accompagnement individuel concerne une seule personne"),
        ({"type": "Visite"}, "Ligne 5 : valeur inconnue dans la colonne « Type » : « Visite »."),
        (
            {"materiel": "Minitel"},
            "Ligne 5 : valeur inconnue dans la colonne « Matériel numérique utilisé » : « Minitel ».",
        ),
        ({"thematiques": ""}, "Ligne 5 : choisissez au moins une thématique."),
    ],
)
def test_each_error_of_a_row_is_in_french_with_its_line(cells, expected):
    (message,) = errors(coop_csv(row(**cells)))
    assert message.startswith(expected), message


def test_a_missing_column_is_named():
    header = [name for name in HEADER if name != coop.DURATION]
    with pytest.raises(FileRefused, match="colonne « Durée \\(min\\) » introuvable"):
        read_file(coop_csv(row()[: len(header)], header=header))


def test_a_file_without_the_coops_header_says_the_date_column_is_missing():
    with pytest.raises(FileRefused, match="Colonne « Date » introuvable dans les 30 premières lignes"):
        read_file("nom;prénom\nDupont;Alex\n".encode())


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
        b"<html><body></body></html>",
    ],
)
def test_a_binary_or_non_spreadsheet_file_is_refused_in_one_sentence(data):
    with pytest.raises(FileRefused) as refused:
        read_file(data)
    assert str(refused.value).count(". ") <= 1


def test_a_damaged_xlsx_is_refused():
    with pytest.raises(FileRefused, match="Ce classeur ne peut pas être lu"):
        read_file(b"PK\x03\x04" + b"\x00" * 100)


def test_no_message_echoes_more_than_200_characters_of_the_file():
    (message,) = errors(coop_csv(row(thematiques="A" * 5000)))
    assert "A" * 200 not in message
    assert "A" * 150 in message


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr("mediane.conseillers.imports_reports.MAX_ROWS", 2)
    with pytest.raises(FileRefused, match="plus de 2 lignes"):
        read_file(coop_csv(row(), row(), row()))


def test_a_report_already_imported_is_skipped_and_counted():
    result = read_file(coop_csv(row(id_cra="a1"), row(id_cra="a2")), known_ids={"a1"})
    assert [report.data.external_id for report in result.reports] == ["a2"]
    assert result.already == 1


# --- The page -------------------------------------------------------------------------------------------------------


def _upload(client, data: bytes, name="export.csv"):
    return client.post(
        reverse("conseillers:reports_import"), {"action": "verifier", "file": SimpleUploadedFile(name, data)}
    )


def test_the_preview_writes_nothing_and_the_confirmation_records_all(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    response = _upload(client, coop_csv(*(row(id_cra=f"id{n}") for n in range(25))))
    text = response.content.decode()
    assert "25 activités : 25 accompagnements individuels et 0 atelier collectif" in text
    assert "Les 20 premières activités" in text
    assert text.count("<tr><td>") == 20
    assert not ActivityReport.objects.exists()
    response = client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    assert response.status_code == 302
    assert ActivityReport.objects.filter(adviser=recruitment.candidate.user).count() == 25
    # The same file again: nothing twice.
    text = _upload(client, coop_csv(*(row(id_cra=f"id{n}") for n in range(25)))).content.decode()
    assert "Aucune nouvelle activité dans ce fichier" in text
    assert ActivityReport.objects.count() == 25


def test_a_file_with_an_error_records_nothing_and_shows_the_line(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    text = _upload(client, coop_csv(row(), row(thematiques="Astrologie"))).content.decode()
    assert "Ligne 6 : thématique inconnue « Astrologie »" in text
    assert 'name="action" value="confirmer"' not in text
    response = client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    assert response.status_code == 302
    assert not ActivityReport.objects.exists()


def test_a_refused_file_is_said_beside_the_field(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    text = _upload(client, b"%PDF-1.4 hello", name="scan.pdf").content.decode()
    assert "Ce fichier n&#x27;est pas un tableau" in text
    assert "Le fichier n'est pas encore importé" in text
    assert "Ce n'est pas encore fait" not in text


def test_a_file_too_heavy_is_refused_in_mo_as_the_help_text_says(client, monkeypatch):
    monkeypatch.setattr("mediane.conseillers.forms_exports.MAX_BYTES", 1024 * 1024)
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    data = coop_csv(row()) + b"\n" * (1024 * 1024 + 300 * 1024)
    text = _upload(client, data).content.decode()
    assert "Ce fichier pèse 1,3 Mo, pour 1 Mo au plus" in text
    assert "Mio" not in text
    assert "Le fichier n'est pas encore importé" in text


def test_an_export_imported_into_another_advisers_account_gives_the_same_reports(client):
    source = f.adviser()
    by = source.candidate.user
    f.report(source, thematiques=["email", "argent_impots"], materiel=["telephone"], tags=["Impôts"], notes="Note")
    f.report(source, kind="individuel", redirected=True, redirection="aide_sociale", procedure_name="Déclaration")
    record_report(
        f.workshop_data(participant_counts={"gender": {"feminin": 5}, "age_band": {"soixante_dix_plus": 2}}),
        by=by,
        recruitment=source,
    )
    client.force_login(by)
    for fmt in ("xlsx", "csv"):
        exported = b"".join(client.get(reverse("conseillers:reports_export", args=[fmt])).streaming_content)
        target = f.adviser()
        client.force_login(target.candidate.user)
        _upload(client, exported, name=f"activites.{fmt}")
        client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
        client.force_login(by)

        def comparable(report):
            data = report_data(report)
            data.external_id = ""
            return data

        originals = [comparable(r) for r in ActivityReport.objects.of_adviser(by).order_by("pk")]
        copies = ActivityReport.objects.of_adviser(target.candidate.user).order_by("date", "external_id")
        assert sorted(str(c.external_id) for c in copies) == sorted(
            f"mediane-{r.pk}" for r in ActivityReport.objects.of_adviser(by)
        )
        by_id = {int(c.external_id.removeprefix("mediane-")): comparable(c) for c in copies}
        assert [by_id[r.pk] for r in ActivityReport.objects.of_adviser(by).order_by("pk")] == originals, fmt


def test_a_checked_file_never_imported_goes_after_a_day(client):
    recruitment = f.adviser()
    # Checked in another browser, then left there: no session of this one forgets it.
    elsewhere = Client()
    elsewhere.force_login(recruitment.candidate.user)
    _upload(elsewhere, coop_csv(row()))
    client.force_login(recruitment.candidate.user)
    storage = get_private_storage()
    (kept,) = storage.listdir(views_exports.IMPORT_FOLDER)[1]
    old = time.time() - 2 * 24 * 3600
    os.utime(storage.path(f"{views_exports.IMPORT_FOLDER}/{kept}"), (old, old))
    _upload(client, coop_csv(row(), row()))
    (fresh,) = storage.listdir(views_exports.IMPORT_FOLDER)[1]
    assert fresh != kept


def test_importing_ones_own_export_adds_nothing(client):
    recruitment = f.adviser()
    f.report(recruitment)
    f.report(recruitment, thematiques=["sante"])
    client.force_login(recruitment.candidate.user)
    exported = b"".join(client.get(reverse("conseillers:reports_export", args=["csv"])).streaming_content)
    text = _upload(client, exported).content.decode()
    assert "Aucune nouvelle activité dans ce fichier" in text
    assert "Ses 2 activités ont déjà été importées" in text


def test_an_uploaded_workbook_is_parsed_without_expanding_xml_entities():
    assert openpyxl.xml.DEFUSEDXML, "openpyxl lit les classeurs envoyés à travers defusedxml (requirements.txt)"


# --- Review 13 --------------------------------------------------------------------------------------------------------

WORKSHOP = {"type": "Atelier collectif", "workshop": "Découvrir sa messagerie", "autonomie": "2/3"}


def workshop_rows(total: int, **cells) -> list[list]:
    return [row(**{**WORKSHOP, **cells, "participants": f"{n}/{total}"}) for n in range(1, total + 1)]


@pytest.mark.parametrize("duration", ["inf", "1e999", "-inf", "nan", "9" * 5000, "45.5"])
def test_a_duration_that_is_no_whole_number_is_a_line_error(duration):
    (message,) = errors(coop_csv(row(duration=duration)))
    assert message.startswith("Ligne 5 : le nombre de minutes")


def test_a_huge_duration_in_a_workbook_is_a_line_error():
    (message,) = errors(coop_xlsx(row(duration=1e300)))
    assert message == "Ligne 4 : le nombre de minutes est bien trop grand."


def test_a_csv_cell_beyond_the_field_limit_is_refused_in_french():
    with pytest.raises(FileRefused, match="une cellule bien trop longue"):
        read_file(coop_csv(row(notes="x" * 200_000)))


def test_a_workbook_whose_sheet_is_cut_off_is_refused_in_french():
    data = coop_xlsx(row(), row(), row())
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) * 2 // 3]
            damaged.writestr(item, content)
    with pytest.raises(FileRefused, match="Ce classeur ne peut pas être lu"):
        read_file(buffer.getvalue())


def test_the_rows_of_a_workshop_without_id_make_one_workshop():
    result = read_file(coop_csv(row(), *workshop_rows(3), *workshop_rows(2, workshop="Bureautique")))
    assert not result.errors, result.errors
    assert [(r.data.kind, r.data.participants) for r in result.reports] == [
        ("individuel", None),
        ("collectif", 3),
        ("collectif", 2),
    ]
    assert result.people == 6
    assert all(r.data.external_id.startswith("empreinte-") for r in result.reports)


def test_a_workshop_row_without_id_away_from_its_first_row_is_refused():
    first, second, third = workshop_rows(3)
    assert errors(coop_csv(first, row(), second, third)) == [
        "Ligne 7 : cette ligne « 2/3 » d'un atelier sans « ID CRA » ne suit pas sa ligne « 1/3 » (même date, même "
        "type, même nom d'atelier) : remettez les lignes de l'atelier l'une sous l'autre, de « 1/3 » à « 3/3 ».",
        "Ligne 8 : cette ligne « 3/3 » d'un atelier sans « ID CRA » ne suit pas sa ligne « 2/3 » (même date, même "
        "type, même nom d'atelier) : remettez les lignes de l'atelier l'une sous l'autre, de « 1/3 » à « 3/3 ».",
    ]


def test_rows_without_id_are_imported_once_whatever_the_number_of_imports(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    # Two identical accompaniments of one day are two reports, not one.
    data = coop_csv(row(), row(), *workshop_rows(3))
    _upload(client, data)
    client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    assert ActivityReport.objects.count() == 3
    text = _upload(client, data).content.decode()
    assert "Aucune nouvelle activité dans ce fichier" in text
    assert ActivityReport.objects.count() == 3


def test_a_second_click_on_import_records_nothing_twice(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    _upload(client, coop_csv(row(), *workshop_rows(2)))
    session = client.session
    name = session[views_exports.SESSION_KEY]
    client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    # The other tab sent its confirmation with the session as it was before the first one.
    session = client.session
    session[views_exports.SESSION_KEY] = name
    session.save()
    response = client.post(reverse("conseillers:reports_import"), {"action": "confirmer"}, follow=True)
    assert response.status_code == 200
    assert ActivityReport.objects.count() == 2
    assert client.session.get(views_exports.SESSION_KEY) is None


def test_confirming_after_the_file_was_purged_says_it_is_gone(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    _upload(client, coop_csv(row()))
    get_private_storage().delete(client.session[views_exports.SESSION_KEY])
    response = client.post(reverse("conseillers:reports_import"), {"action": "confirmer"}, follow=True)
    assert response.status_code == 200
    assert "Le fichier vérifié n&#x27;est plus disponible : envoyez-le de nouveau." in response.content.decode()
    assert not ActivityReport.objects.exists()
    assert views_exports.SESSION_KEY not in client.session


def test_an_imported_report_changed_then_imported_again_is_not_added_twice(client):
    recruitment = f.adviser()
    user = recruitment.candidate.user
    client.force_login(user)
    data = coop_csv(row(id_cra="coop-1"), row())
    _upload(client, data)
    client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    for report in ActivityReport.objects.all():
        update_report(report, report_data(report), by=user)
    assert set(ActivityReport.objects.values_list("external_id", flat=True)) != {""}
    text = _upload(client, data).content.decode()
    assert "Aucune nouvelle activité dans ce fichier" in text


def test_an_activity_before_the_current_post_began_is_a_line_error(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    before = recruitment.starts_on - dt.timedelta(days=1)
    text = _upload(client, coop_csv(row(), row(date=f"{before:%d/%m/%Y}"))).content.decode()
    assert (
        f"Ligne 6 : cette activité du {before:%d/%m/%Y} est antérieure à votre prise de poste du "
        f"{recruitment.starts_on:%d/%m/%Y} chez {recruitment.host.name} : elle ne peut pas être comptée pour ce "
        "poste."
    ) in text.replace("&#x27;", "'")
    assert 'name="action" value="confirmer"' not in text


def test_a_shared_export_of_another_adviser_is_refused(client):
    colleague = f.adviser()
    colleague.candidate.first_name, colleague.candidate.last_name = "Inès", "Durand"
    colleague.candidate.save()
    f.report(colleague)
    manager = colleague.host.managers.get()
    client.force_login(manager)
    exported = b"".join(
        client.get(reverse("conseillers:host_reports_export", args=[colleague.host.pk, "csv"])).streaming_content
    )
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    text = _upload(client, exported).content.decode().replace("&#x27;", "'")
    assert "Ligne 2 : cette activité est celle de Inès Durand, pas la vôtre" in text
    assert not ActivityReport.objects.of_adviser(recruitment.candidate.user).exists()
    # Inès herself imports it (into an account that had lost it): her names match.
    client.force_login(colleague.candidate.user)
    ActivityReport.objects.all().delete()
    assert "1 activité" in _upload(client, exported).content.decode()


def test_another_advisers_medianes_id_is_not_taken_for_one_of_mine(client):
    recruitment = f.adviser()
    mine = f.report(recruitment)
    client.force_login(recruitment.candidate.user)
    # A Coop file whose id happens to be my report's number is not « déjà importée ».
    text = _upload(client, coop_csv(row(id_cra=str(mine.pk)))).content.decode()
    assert "Aucune nouvelle activité" not in text
    assert "Ses 1 activités ont déjà été importées" not in text
    client.post(reverse("conseillers:reports_import"), {"action": "confirmer"})
    assert ActivityReport.objects.of_adviser(recruitment.candidate.user).count() == 2


def test_the_preview_says_each_activity_in_three_short_columns(client):
    recruitment = f.adviser()
    client.force_login(recruitment.candidate.user)
    text = _upload(client, coop_csv(row(), *workshop_rows(3))).content.decode()
    assert '<th scope="col">Date (ligne)</th><th scope="col">Activité</th><th scope="col">Thématiques</th>' in text
    assert "<td>Individuel, 45 min</td>" in text
    assert "<td>Atelier, 3 personnes, " in text
