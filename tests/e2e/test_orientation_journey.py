"""A person without an account answers the needs self-diagnostic, gets the 5 nearest places, opens one and prints
the orientation slip (print version and PDF). Runs with JavaScript and without; axe-core audits every page."""

import re

import pypdfium2
import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS

NAMES = [f"Médiathèque Lacassagne {n}" for n in range(6)]


def answer(page, *labels: str, expected: str) -> None:
    """Tick the answers of the screen showing `expected`, then « Suivant »; the next screen is audited."""
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(expected)))
    for label in labels:
        choose(page, label)
    follow(page.get_by_role("button", name="Suivant"))
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_person_without_an_account_finds_the_nearest_places_and_prints_the_slip(browse, javascript, tmp_path):
    for name in NAMES:
        PlaceFactory(nom=name, telephone="+33478000000", prise_en_charge_specifique=["Déficience visuelle"])
    page = browse(javascript=javascript)

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
    expect(page.locator("h1")).to_have_text(re.compile("^Quel est votre code postal"))
    expect(page.locator("h1")).to_contain_text("Question 8 sur 8")
    page.get_by_label("Code postal").fill("69003")
    follow(page.get_by_role("button", name="Voir les lieux"))
    assert_accessible(page)

    expect(page.locator("h1")).to_have_text("Les lieux qui peuvent vous aider")
    expect(page.get_by_text("Aide aux démarches administratives", exact=True).first).to_be_visible()
    shown = page.locator("ol.mediane-places > li")
    expect(shown).to_have_count(5)
    for index, name in enumerate(NAMES[:5]):
        expect(shown.nth(index)).to_contain_text(name, use_inner_text=True)
    assert NAMES[5] not in page.content()
    expect(page.get_by_text("Accueil adapté : Déficience visuelle.").first).to_be_visible()
    # No place says it helps one to one, nor that it welcomes seniors in particular: the page says so.
    expect(page.get_by_text("Moins de 5 lieux proches ont tout ce que vous cherchez.")).to_be_visible()

    # Open the nearest place, then come back.
    follow(page.get_by_role("link", name=NAMES[0]))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(NAMES[0])
    page.go_back(wait_until="load")
    assert_accessible(page)

    # The print version: the slip alone, without the site's navigation once printed.
    follow(page.get_by_role("link", name="Imprimer la fiche"))
    assert_accessible(page)
    slip = page.locator(".mediane-slip")
    expect(slip).to_contain_text("Ce que vous pouvez apporter", use_inner_text=True)
    for name in NAMES[:5]:
        expect(slip).to_contain_text(name, use_inner_text=True)
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
    assert "Ce que vous pouvez apporter" in text
