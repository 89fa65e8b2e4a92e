"""Issue 13, test 3: an adviser exports their activity reports to XLSX, and the file opens with the Coop's columns
and their reports; then a Coop file with a mistake is refused on the import page, the line of the mistake named.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (cra-exports-*.png) to be looked at.
"""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from mediane.conseillers import exports_reports as coop
from mediane.conseillers.models_reports import ActivityReport
from mediane.conseillers.services_reports import record_report
from mediane.spreadsheets import csv_text
from tests.accounts.factories import PASSWORD, verify_email
from tests.conseillers import factories
from tests.conseillers.test_exports_reports import COOP_OWN
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in

pytestmark = E2E_MARKS


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/cra-exports-{name}.png", full_page=True)  # noqa: S108 - looked at
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_an_adviser_exports_their_reports_to_xlsx_and_a_bad_coop_file_names_its_line(
    browse, tmp_path: Path, javascript, width
):
    phone = width < 400
    recruitment = factories.adviser()
    user = recruitment.candidate.user
    user.email = f"ines-{width}@example.org"
    user.save()
    verify_email(user)
    individual = factories.report(recruitment, thematiques=["email", "argent_impots"], notes="Revient jeudi.")
    record_report(factories.workshop_data(participants=3), by=user, recruitment=recruitment)

    page = browse(javascript=javascript, phone=phone)
    log_in(page, user.email, PASSWORD, "/conseillers-numeriques/activites/importer/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Importer mes activités depuis la Coop")
    shoot(page, "import", phone)

    # The export: the file has the Coop's columns and one row per accompaniment.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter (Excel)").click()
    download = download_info.value
    assert re.fullmatch(r"activites-\d{4}-\d{2}-\d{2}\.xlsx", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COOP_OWN
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    # One person: « 1 », as the Coop writes it; a workshop: one row per participant, « k/N ».
    assert sorted(row["Participants"] for row in body) == ["1", "1/3", "2/3", "3/3"]
    assert {row["Bénéficiaire"] for row in body} == {"Anonyme"}
    (mine,) = [row for row in body if row["ID CRA"] == f"mediane-{individual.pk}"]
    assert mine["Thématique(s) d’accompagnement"] == "E-mail\nArgent - Impôts"
    assert mine["Notes supplémentaires"] == "Revient jeudi."

    # A Coop file with an unknown thématique on its 6th row: nothing recorded, the line named.
    header = list(coop.OWN_COLUMNS)
    good = {coop.DATE: f"{individual.date:%d/%m/%Y}", coop.TYPE: "Accompagnement individuel", coop.DURATION: "30"}
    lines = [["Export de la Coop"], [], [], header]
    lines.append([{**good, coop.THEMATIQUES: "E-mail"}.get(name, "") for name in header])
    lines.append([{**good, coop.THEMATIQUES: "Astrologie"}.get(name, "") for name in header])
    bad = tmp_path / "coop.csv"
    bad.write_text(csv_text(lines, delimiter=";", bom=True), encoding="utf-8")
    page.get_by_label(re.compile("Export de la Coop")).set_input_files(str(bad))
    follow(page.get_by_role("button", name="Vérifier le fichier"))
    assert_accessible(page)
    expect(page.get_by_text(re.compile("Ligne 6 : thématique inconnue « Astrologie »"))).to_be_visible()
    shoot(page, "import-erreur", phone)

    # The good row alone: the preview first, nothing recorded, then the import.
    lines.pop()
    bad.write_text(csv_text(lines, delimiter=";", bom=True), encoding="utf-8")
    page.get_by_label(re.compile("Export de la Coop")).set_input_files(str(bad))
    follow(page.get_by_role("button", name="Vérifier le fichier"))
    assert_accessible(page)
    expect(page.get_by_text("1 activité : 1 accompagnement individuel et 0 atelier collectif")).to_be_visible()
    assert ActivityReport.objects.of_adviser(user).count() == 2
    # The preview's table fits the phone: no column cut off at the screen's edge.
    assert page.locator(".fr-table__container").evaluate("box => box.scrollWidth <= box.clientWidth")
    expect(page.get_by_role("cell", name="Individuel, 30 min")).to_be_visible()
    shoot(page, "import-apercu", phone)
    follow(page.get_by_role("button", name="Importer cette activité"))
    assert_accessible(page)
    expect(page.get_by_text("1 activité importée.")).to_be_visible()
    assert ActivityReport.objects.of_adviser(user).count() == 3
