"""Journey: an organiser imports a file of places with errors, reads the line-numbered report, fixes the file,
checks it again and imports it. With and without JavaScript; axe-core audits every page."""

import pytest
from playwright.sync_api import expect

from mediane.structures.models import Place
from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in
from tests.structures.files import csv_bytes, place

pytestmark = E2E_MARKS

WITH_ERRORS = csv_bytes(
    place(),
    place(id="lieu-2", nom="Annexe Croix-Rouge", code_postal="5110"),
    place(id="lieu-3", nom="Espace Orgeval", services="Aide aux demarches administrative"),
)
FIXED = csv_bytes(
    place(),
    place(id="lieu-2", nom="Annexe Croix-Rouge", code_postal="51100"),
    place(id="lieu-3", nom="Espace Orgeval", services="Aide aux démarches administratives"),
)


def send(page, data: bytes, button: str) -> None:
    """Choose the file and its format, then press `button`; returns once the job's page has loaded."""
    page.get_by_label("Fichier à importer").set_input_files(
        {"name": "lieux-reims.csv", "mimeType": "text/csv", "buffer": data}
    )
    choose(page, "Standard national, fichier CSV")
    follow(page.get_by_role("button", name=button))


@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_an_organiser_imports_a_file_with_errors_reads_the_report_fixes_it_and_imports_it(
    browse, organiser, javascript
):
    page = browse(javascript=javascript)
    log_in(page, organiser.email, PASSWORD)
    assert_accessible(page)

    follow(page.locator("#navigation-principale").get_by_role("link", name="Organisation"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Imports de lieux"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Imports de lieux")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Importer un fichier"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Importer un fichier de lieux")
    assert_accessible(page)

    # A first check: two lines are wrong, and the report says which and why.
    send(page, WITH_ERRORS, "Vérifier sans importer")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérification n°")
    rejected = page.get_by_role("table", name="Lignes rejetées")
    expect(rejected.get_by_role("row")).to_have_count(3)
    expect(rejected).to_contain_text("Code postal invalide : « 5110 »")
    expect(rejected).to_contain_text("Vouliez-vous dire « Aide aux démarches administratives » ?")
    expect(rejected.get_by_role("rowheader", name="3", exact=True)).to_be_visible()
    expect(rejected.get_by_role("rowheader", name="4", exact=True)).to_be_visible()
    assert_accessible(page)
    assert not Place.objects.exists()

    # The organiser fixes the file and checks it again: every line is valid.
    follow(page.get_by_role("link", name="Imports de lieux").first)
    assert_accessible(page)
    follow(page.get_by_role("link", name="Importer un fichier"))
    send(page, FIXED, "Vérifier sans importer")
    expect(page.get_by_text("Aucune ligne rejetée.")).to_be_visible()
    expect(page.get_by_role("row", name="Lieux à ajouter 3")).to_be_visible()
    assert_accessible(page)

    follow(page.get_by_role("button", name="Importer ce fichier"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import n°")
    expect(page.get_by_role("row", name="Lieux ajoutés 3")).to_be_visible()
    assert_accessible(page)
    assert sorted(Place.objects.values_list("id_standard", flat=True)) == ["lieu-1", "lieu-2", "lieu-3"]

    # The history lists the three runs, most recent first.
    follow(page.get_by_role("link", name="Imports de lieux").first)
    expect(
        page.get_by_role("table", name="Imports de lieux, du plus récent au plus ancien").get_by_role("row")
    ).to_have_count(4)
    assert_accessible(page)
