"""Journeys of the needs self-diagnostic, as a person in digital difficulty lives them, with and without JavaScript,
on a desktop and on a 375 × 740 phone; axe-core and the layout checks audit every page.

1. A person types a town name, answers the diagnostic, gets places within reach in the right commune, opens one,
   goes back to the results and prints the slip (the print button with JavaScript; words and the PDF without).
4. For a commune far from any place offering the service asked, the page says so and offers help at a distance
   and the national helpline.
"""

import re

import pypdfium2
import pytest
from playwright.sync_api import expect

from mediane.orientation.helpline import NATIONAL_HELPLINE
from mediane.structures.communes import load_communes
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS

NAMES = [f"Médiathèque Lacassagne {n}" for n in range(6)]
VARIANTS = pytest.mark.parametrize(
    ("javascript", "phone"),
    # With JavaScript on a computer, without it on a phone: both widths and both modes, at half the browser time.
    [(True, False), (False, True)],
    ids=["js-bureau", "sans-js-telephone"],
)
# Counts the calls of the browser's print window instead of opening it (the page's own script calls it).
FAKE_PRINT = "window.__impressions = 0; window.print = function () { window.__impressions += 1; };"


def answer(page, *labels: str, expected: str) -> None:
    """Tick the answers of the screen showing `expected`, then « Suivant »; the next screen is audited."""
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(expected)))
    for label in labels:
        choose(page, label)
    follow(page.get_by_role("button", name="Suivant"))
    assert_accessible(page)


def answer_up_to_the_commune(page) -> None:
    page.goto("/orientation/")
    assert_accessible(page)
    expect(page.get_by_text("Nous ne gardons pas vos réponses.")).to_be_visible()
    follow(page.get_by_role("link", name="Commencer"))
    assert_accessible(page)

    # Moving on without an answer says what to do.
    follow(page.get_by_role("button", name="Suivant"))
    assert_accessible(page)
    expect(page.get_by_text("Cochez au moins une réponse.").first).to_be_visible()

    answer(page, "Faire mes démarches en ligne (CAF, impôts, Ameli, carte grise…)", expected="Que voulez-vous faire")
    answer(page, "Oui, mais je n'ai pas internet chez moi", expected="Avez-vous un appareil")
    answer(page, "Je me débrouille avec de l'aide", expected="Êtes-vous à l'aise")

    # Going back keeps the answer already given.
    follow(page.get_by_role("button", name="Précédent"))
    assert_accessible(page)
    expect(page.get_by_label("Je me débrouille avec de l'aide")).to_be_checked()
    follow(page.get_by_role("button", name="Suivant"))
    assert_accessible(page)

    answer(page, "Avec une personne, rien que pour moi", expected="Comment aimez-vous être aidé")
    answer(page, "Je vois mal ou je ne vois pas", expected="Avez-vous besoin d'une aide particulière")
    answer(page, "J'ai plus de 60 ans", expected="Êtes-vous dans l'un de ces cas")
    answer(page, "Oui, je ne peux pas payer", expected="L'aide doit-elle être gratuite")
    expect(page.locator("h1")).to_have_text(re.compile("^Dans quelle commune habitez-vous"))
    expect(page.locator("h1")).to_contain_text("Question 8 sur 8")


@VARIANTS
def test_a_person_types_a_town_name_finds_places_within_reach_and_prints_the_slip(browse, javascript, phone, tmp_path):
    villeurbanne = load_communes().by_insee("69266")
    for number, name in enumerate(NAMES):
        PlaceFactory(
            nom=name,
            latitude=villeurbanne.latitude + number * 0.002,
            longitude=villeurbanne.longitude,
            commune="VILLEURBANNE",
            code_postal="69100",
            code_insee="69266",
            telephone="+33478000000",
            prise_en_charge_specifique=["Déficience visuelle"],
        )
    page = browse(javascript=javascript, phone=phone)
    page.add_init_script(FAKE_PRINT)

    answer_up_to_the_commune(page)
    # A name shared by several communes: the person picks theirs on the same screen.
    page.get_by_role("textbox", name="Votre commune").fill("saint denis")
    follow(page.get_by_role("button", name="Voir les lieux"))
    assert_accessible(page)
    expect(page.get_by_text("Laquelle est votre commune ?")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Saint-Denis \(97400"))).to_be_visible()
    # Then the town name alone, in lower case and without its hyphen.
    page.get_by_role("textbox", name="Votre commune").fill("villeurbanne")
    follow(page.get_by_role("button", name="Voir les lieux"))
    assert_accessible(page)

    expect(page.locator("h1")).to_have_text("Les lieux qui peuvent vous aider")
    expect(page.get_by_text("Près de Villeurbanne (69100).")).to_be_visible()
    expect(page.get_by_text("Faire ses démarches en ligne", exact=False).first).to_be_visible()
    near = page.locator("ol.mediane-places").first.locator(":scope > li")
    expect(near).to_have_count(5)
    for index, name in enumerate(NAMES[:5]):
        expect(near.nth(index)).to_contain_text(name, use_inner_text=True)
        expect(near.nth(index)).to_contain_text("69100 Villeurbanne", use_inner_text=True)
    expect(page.get_by_role("heading", name="À moins de 30 km")).to_be_visible()
    expect(page.get_by_text("Accueil adapté : Personnes aveugles ou qui voient mal.").first).to_be_visible()

    # Open the nearest place, then come back to the results with « Retour aux résultats ».
    follow(page.get_by_role("link", name=NAMES[0]))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(NAMES[0])
    expect(page.get_by_role("link", name="04 78 00 00 00")).to_have_attribute("href", "tel:+33478000000")
    follow(page.get_by_role("link", name="Retour aux résultats").first)
    assert_accessible(page)
    expect(page).to_have_url(re.compile(r"/orientation/resultat/\?.*insee=69266"))
    expect(page.locator("h1")).to_have_text("Les lieux qui peuvent vous aider")

    # The print version: the slip alone, and the way to print it.
    follow(page.get_by_role("link", name="Imprimer la fiche"))
    assert_accessible(page)
    slip = page.locator(".mediane-slip")
    expect(slip).to_contain_text("Ce que vous pouvez apporter", use_inner_text=True)
    for name in NAMES[:5]:
        expect(slip).to_contain_text(name, use_inner_text=True)
    expect(page.get_by_text("Ctrl")).to_have_count(0)
    if javascript:
        expect(page.get_by_text("Pour imprimer, ouvrez le menu de votre navigateur")).to_be_hidden()
        page.get_by_role("button", name="Imprimer la fiche").click()
        page.wait_for_function("window.__impressions === 1")
    else:
        expect(page.get_by_role("button", name="Imprimer la fiche")).to_be_hidden()
        expect(page.get_by_text("Pour imprimer, ouvrez le menu de votre navigateur")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("header.fr-header")).to_be_hidden()
    expect(page.get_by_role("link", name="Retour aux lieux")).to_be_hidden()
    expect(slip).to_be_visible()
    page.emulate_media(media="screen")

    # The PDF: one or two A4 pages with the places.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger la fiche en PDF").click()
    target = tmp_path / "fiche.pdf"
    download_info.value.save_as(target)
    document = pypdfium2.PdfDocument(str(target))
    assert 1 <= len(document) <= 2
    text = "".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    for name in NAMES[:5]:
        assert name in text


@VARIANTS
def test_far_from_any_place_the_page_says_so_and_offers_help_at_a_distance(browse, javascript, phone):
    lyon = load_communes().by_insee("69123")
    for number in range(5):
        PlaceFactory(nom=f"Espace numérique de Lyon {number}", latitude=lyon.latitude + number * 0.002)
    remote = PlaceFactory(
        nom="Aide numérique par téléphone",
        latitude=48.85,
        longitude=2.35,
        commune="Paris",
        code_postal="75011",
        code_insee="75111",
        modalites_accompagnement=["À distance"],
        prise_en_charge_specifique=["Déficience visuelle"],
        telephone="+33140000000",
    )
    page = browse(javascript=javascript, phone=phone)

    answer_up_to_the_commune(page)
    page.get_by_role("textbox", name="Votre commune").fill("Aurillac")
    follow(page.get_by_role("button", name="Voir les lieux"))
    assert_accessible(page)

    expect(page.get_by_text("Près d'Aurillac (15000).")).to_be_visible()
    expect(
        page.get_by_text("Aucun lieu à moins de 30 km ne propose le service « Aide aux démarches administratives »")
    ).to_be_visible()
    expect(page.get_by_text("Espace numérique de Lyon 0")).to_have_count(0)  # about 170 km away: never « near »
    expect(page.get_by_role("heading", name="Être aidé sans se déplacer")).to_be_visible()
    expect(page.get_by_role("link", name=remote.nom)).to_be_visible()
    helpline = page.get_by_role("link", name=NATIONAL_HELPLINE.phone)
    expect(helpline).to_have_attribute("href", NATIONAL_HELPLINE.tel_href)

    follow(page.get_by_role("link", name=remote.nom))
    assert_accessible(page)
    expect(page.get_by_text("À distance, par téléphone ou en vidéo")).to_be_visible()
    follow(page.get_by_role("link", name="Retour aux résultats").first)
    assert_accessible(page)

    # The directory says the same for the same commune.
    page.goto("/lieux/?commune=Aurillac")
    assert_accessible(page)
    expect(page.get_by_text("Aucun lieu à moins de 30 km d'Aurillac ne propose d'aide connue.")).to_be_visible()
    expect(page.get_by_role("link", name=remote.nom)).to_be_visible()
    expect(page.get_by_role("link", name=NATIONAL_HELPLINE.phone)).to_be_visible()
