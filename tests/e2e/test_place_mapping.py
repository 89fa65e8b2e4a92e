"""Journey (issue 15, test 1): an organiser adds a producer's source, sends its own file (« ; » between columns,
French column names, glued « Thématiques », free French hours), builds the mapping from the proposals (changing
one column and one label's translation), previews the places, imports them, then sends the source's next file,
which goes straight to the preview with the saved mapping and imports. At 375 px and 1280 px, with and without
JavaScript; axe-core audits every page (no sideways scroll, no clipped label). The phone's pages are saved as
screenshots in /work/notes/shots/ (mapping-*.png) to be looked at."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mediane.structures.mapping.profile import Profile
from mediane.structures.models import Place, PlaceSource
from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in
from tests.structures.producer_files import NEXT, producer_csv

pytestmark = E2E_MARKS

SHOTS = Path("/work/notes/shots")


def shoot(page, name: str, phone: bool, javascript: bool) -> None:
    if phone and SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"mapping-{name}-{'js' if javascript else 'sans-js'}.png"), full_page=True)


def send_file(page, data: bytes, name: str) -> None:
    page.get_by_label("Fichier de la source").set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})
    follow(page.get_by_role("button", name="Envoyer le fichier"))


@pytest.mark.parametrize("phone", [False, True], ids=["1280px", "375px"])
@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_an_organiser_maps_a_producers_file_imports_it_and_the_next_file_reuses_the_mapping(
    browse, organiser, javascript, phone
):
    page = browse(javascript=javascript, phone=phone)
    log_in(page, organiser.email, PASSWORD)
    assert_accessible(page)

    page.goto("/structures/imports/")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Sources de lieux et correspondances"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sources de lieux")
    assert_accessible(page)
    shoot(page, "1-sources", phone, javascript)

    page.get_by_label("Nom de la nouvelle source").fill("Hub numérique de l'Ain")
    follow(page.get_by_role("button", name="Ajouter une source"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Source : Hub numérique de l'Ain")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Importer un fichier de cette source"))
    assert_accessible(page)
    shoot(page, "2-fichier", phone, javascript)

    # The columns: each one proposed with its reason; the organiser ignores the referent's name.
    send_file(page, producer_csv(), "hub-ain.csv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Les colonnes du fichier de Hub numérique de l'Ain")
    postal = page.get_by_role("group", name=re.compile("Colonne « Code postal »"))
    expect(postal).to_contain_text("Proposé : Code postal car 100")
    expect(postal.get_by_label("Ce que contient cette colonne")).to_have_value("code_postal")
    expect(page.get_by_role("group", name=re.compile("Colonne « Thématiques »"))).to_contain_text(
        "Proposé : Services car"
    )
    referent = page.get_by_role("group", name=re.compile("Colonne « Nom du référent »"))
    expect(referent.get_by_label("Ce que contient cette colonne")).to_have_value("__garder__")
    referent.get_by_label("Ce que contient cette colonne").select_option(label="Ignorer")
    expect(page.get_by_label("SIRET ou RNA ou RIDET : valeur par défaut")).to_have_value("00000000000000")
    assert_accessible(page)
    shoot(page, "3-colonnes", phone, javascript)
    follow(page.get_by_role("button", name="Continuer"))

    # The labels: « Accès wifi » means two labels of the standard.
    expect(page.get_by_role("heading", level=1)).to_have_text("Les libellés du fichier de Hub numérique de l'Ain")
    wifi = page.get_by_role("group", name=re.compile("« Accès wifi »"))
    first = wifi.get_by_label("« Accès wifi » devient")
    expect(first).to_have_value("Accès internet et matériel informatique")
    wifi.get_by_label("Et aussi (facultatif)").select_option("Maîtrise des outils numériques du quotidien")
    workshops = page.get_by_role("group", name=re.compile("« Ateliers numériques »"))
    workshops.get_by_label("« Ateliers numériques » devient").select_option("Loisirs et créations numériques")
    assert_accessible(page)
    shoot(page, "4-libelles", phone, javascript)
    follow(page.get_by_role("button", name="Voir l'aperçu"))

    # The preview: the places as they will be imported, nothing written yet.
    expect(page.get_by_role("heading", level=1)).to_have_text("Aperçu du fichier de Hub numérique de l'Ain")
    places = page.get_by_role("region", name=re.compile("premiers lieux")).or_(page.locator("#lieux-titre + ul"))
    expect(page.get_by_text("01000 Bourg-en-Bresse").first).to_be_visible()
    expect(page.get_by_text("Horaires : Mo-Fr 09:00-12:00")).to_be_visible()
    expect(page.get_by_role("heading", name="Espace numérique de Viriat")).to_be_visible()
    assert places.count() >= 1
    assert not Place.objects.exists()
    assert_accessible(page)
    shoot(page, "5-apercu", phone, javascript)
    choose(page, "Importer seulement les lignes valides")
    follow(page.get_by_role("button", name="Enregistrer la correspondance et importer"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("Import n°")
    expect(page.get_by_role("row", name="Lieux ajoutés 3")).to_be_visible()
    assert_accessible(page)
    shoot(page, "6-import", phone, javascript)
    source = PlaceSource.objects.get()
    assert Place.objects.filter(place_source=source).count() == 3
    saved = Profile.from_json(source.profile)
    assert saved.fields["services"].translations["Accès wifi"] == [
        "Accès internet et matériel informatique",
        "Maîtrise des outils numériques du quotidien",
    ]
    assert "Nom du référent" in saved.ignored

    # The next file of the source: one place changed, one new; straight to the preview with the saved mapping.
    follow(page.get_by_role("link", name="Hub numérique de l'Ain").last)
    expect(page.get_by_role("heading", level=1)).to_have_text("Source : Hub numérique de l'Ain")
    expect(page.get_by_role("table", name=re.compile("Correspondance de la source"))).to_contain_text(
        "« Accès wifi » devient"
    )
    assert_accessible(page)
    shoot(page, "7-source", phone, javascript)
    follow(page.get_by_role("link", name="Importer un fichier de cette source"))
    assert_accessible(page)
    send_file(page, producer_csv(NEXT), "hub-ain-2.csv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aperçu du fichier de Hub numérique de l'Ain")
    expect(page.get_by_role("heading", name="Maison France Services de Péronnas")).to_be_visible()
    assert_accessible(page)
    choose(page, "N'importer que si toutes les lignes sont valides")
    follow(page.get_by_role("button", name="Enregistrer la correspondance et importer"))
    expect(page.get_by_role("row", name="Lieux ajoutés 1")).to_be_visible()
    expect(page.get_by_role("row", name="Lieux mis à jour 1")).to_be_visible()
    assert_accessible(page)
    assert Place.objects.filter(place_source=source).count() == 4


@pytest.mark.parametrize("phone", [False, True], ids=["1280px", "375px"])
@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_a_file_sent_as_the_standard_that_is_not_leads_to_a_mapping_of_that_same_file(
    browse, organiser, javascript, phone
):
    page = browse(javascript=javascript, phone=phone)
    log_in(page, organiser.email, PASSWORD)
    assert_accessible(page)
    page.goto("/structures/imports/nouvel-import/")
    assert_accessible(page)
    page.get_by_label("Fichier à importer").set_input_files(
        {"name": "hub-ain.csv", "mimeType": "text/csv", "buffer": producer_csv()}
    )
    choose(page, "Standard national, fichier CSV")
    follow(page.get_by_role("button", name="Vérifier sans importer"))

    expect(
        page.get_by_text(re.compile("Ce fichier n'est pas au standard : 0 des 7 champs obligatoires"))
    ).to_be_visible()
    assert_accessible(page)
    shoot(page, "0-verdict", phone, javascript)
    follow(page.get_by_role("link", name="Créer une correspondance pour ce fichier"))
    expect(page.get_by_role("heading", level=1)).to_have_text("La source du fichier « hub-ain.csv »")
    assert_accessible(page)
    page.get_by_label("Ou nom d'une nouvelle source").fill("Hub numérique de l'Ain")
    follow(page.get_by_role("button", name="Continuer avec ce fichier"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Les colonnes du fichier de Hub numérique de l'Ain")
    expect(page.get_by_role("group", name=re.compile("Colonne « Thématiques »"))).to_be_visible()
    assert_accessible(page)
    assert PlaceSource.objects.filter(name="Hub numérique de l'Ain").exists()
