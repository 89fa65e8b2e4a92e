"""A person without an account answers the needs self-diagnostic, gets the 5 nearest places, opens one and prints
the orientation slip (print version and PDF). Runs with JavaScript and without; axe-core audits every page."""

import pypdfium2
import pytest

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS

NAMES = [f"Médiathèque Lacassagne {n}" for n in range(6)]


def answer(page, *labels: str, expected: str) -> None:
    """Tick the answers of the screen showing `expected`, then « Suivant »; the next screen is audited."""
    assert page.locator("h1").inner_text().startswith(expected), page.locator("h1").inner_text()
    for label in labels:
        choose(page, label)
    page.get_by_role("button", name="Suivant").click()
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_person_without_an_account_finds_the_nearest_places_and_prints_the_slip(browse, javascript, tmp_path):
    for name in NAMES:
        PlaceFactory(nom=name, telephone="+33478000000", prise_en_charge_specifique=["Déficience visuelle"])
    page = browse(javascript=javascript)

    page.goto("/orientation/")
    assert_accessible(page)
    assert page.get_by_text("Nous ne gardons pas vos réponses.").is_visible()
    page.get_by_role("link", name="Commencer").click()
    assert_accessible(page)

    # Moving on without an answer says what to do.
    page.get_by_role("button", name="Suivant").click()
    assert_accessible(page)
    assert page.get_by_text("Cochez au moins une réponse.").first.is_visible()

    answer(page, "Faire mes démarches en ligne (CAF, impôts, Ameli, carte grise…)", expected="Que voulez-vous faire")
    answer(page, "Oui, mais je n'ai pas internet chez moi", expected="Avez-vous un appareil")
    answer(page, "Je me débrouille avec de l'aide", expected="Êtes-vous à l'aise")

    # Going back keeps the answer already given.
    page.get_by_role("button", name="Précédent").click()
    assert_accessible(page)
    assert page.get_by_label("Je me débrouille avec de l'aide").is_checked()
    page.get_by_role("button", name="Suivant").click()
    assert_accessible(page)

    answer(page, "Avec une personne, rien que pour moi", expected="Comment aimez-vous être aidé")
    answer(page, "Je vois mal ou je ne vois pas", expected="Avez-vous besoin d'une aide particulière")
    answer(page, "J'ai plus de 60 ans", expected="Êtes-vous dans l'un de ces cas")
    answer(page, "Oui, je ne peux pas payer", expected="L'aide doit-elle être gratuite")
    assert page.locator("h1").inner_text().startswith("Quel est votre code postal")
    assert "Question 8 sur 8" in page.locator("h1").inner_text()
    page.get_by_label("Code postal").fill("69003")
    page.get_by_role("button", name="Voir les lieux").click()
    assert_accessible(page)

    assert page.locator("h1").inner_text() == "Les lieux qui peuvent vous aider"
    assert page.get_by_text("Aide aux démarches administratives", exact=True).first.is_visible()
    shown = page.locator("ol.mediane-places > li")
    assert shown.count() == 5
    for index, name in enumerate(NAMES[:5]):
        assert name in shown.nth(index).inner_text()
    assert NAMES[5] not in page.content()
    assert page.get_by_text("Accueil adapté : Déficience visuelle.").first.is_visible()
    # No place says it helps one to one, nor that it welcomes seniors in particular: the page says so.
    assert page.get_by_text("Moins de 5 lieux proches ont tout ce que vous cherchez.").is_visible()

    # Open the nearest place, then come back.
    page.get_by_role("link", name=NAMES[0]).click()
    assert_accessible(page)
    assert page.locator("h1").inner_text() == NAMES[0]
    page.go_back()
    assert_accessible(page)

    # The print version: the slip alone, without the site's navigation once printed.
    page.get_by_role("link", name="Imprimer la fiche").click()
    assert_accessible(page)
    slip = page.locator(".mediane-slip")
    assert "Ce que vous pouvez apporter" in slip.inner_text()
    for name in NAMES[:5]:
        assert name in slip.inner_text()
    page.emulate_media(media="print")
    assert not page.locator("header.fr-header").is_visible()
    assert not page.get_by_role("link", name="Retour aux lieux").is_visible()
    assert slip.is_visible()
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
