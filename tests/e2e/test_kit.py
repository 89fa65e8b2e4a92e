"""The kit: a mediator searches the kit in French (« demarche » finds « Démarches »), narrows it to a public, opens
a resource and reads its competences, licence and link.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (kit-*.png) to be looked at.
"""

import pytest
from playwright.sync_api import expect

from mediane.training.enums_kit import KitFormat, KitLicence, KitPublic
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow
from tests.training.factories_kit import KitResourceFactory, pix_competence

pytestmark = E2E_MARKS


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/kit-{name}.png", full_page=True)  # noqa: S108 - to be looked at, never committed


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_mediator_finds_a_resource_for_seniors_and_opens_it(browse, javascript, width):
    phone = width < 400
    competence = pix_competence("2.1", "Interagir")
    KitResourceFactory(
        title="Démarches en ligne pas à pas",
        slug="demarches-en-ligne",
        summary="Des fiches pour accompagner les démarches administratives sur internet.",
        description="Une fiche par démarche : **créer un compte**, se connecter, envoyer un justificatif.",
        author="Association Exemple",
        format=KitFormat.SHEET,
        licence=KitLicence.CC_BY_SA,
        publics=[KitPublic.SENIORS, KitPublic.MEDIATORS],
        competences=[competence],
    )
    KitResourceFactory(
        title="Démarche d'emploi : le CV en ligne",
        summary="Un parcours pour écrire son CV et répondre à une offre d'emploi.",
        format=KitFormat.COURSE,
        publics=[KitPublic.JOB_SEEKERS],
    )
    KitResourceFactory(title="Jeu des mots de passe", summary="Un jeu de cartes sur la sécurité.")

    page = browse(javascript=javascript)
    page.set_viewport_size({"width": width, "height": 900 if not phone else 740})

    page.goto("/formation/kit/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit de ressources")
    shoot(page, "catalogue", phone)

    # A word without its accent or plural finds both resources, highlighted.
    page.get_by_label("Mots à rechercher").fill("demarche")
    follow(page.get_by_role("button", name="Rechercher", exact=True))
    assert_accessible(page)
    expect(page.get_by_role("status").filter(has_text="2 ressources pour cette recherche")).to_be_visible()
    expect(page.locator("mark").first).to_have_text("Démarches")
    expect(page.get_by_text("Jeu des mots de passe")).to_have_count(0)

    # Narrowed to seniors: one resource left, the search kept.
    page.get_by_label("Public").select_option(label="Seniors")
    follow(page.get_by_role("button", name="Appliquer les filtres"))
    assert_accessible(page)
    expect(page.get_by_role("status").filter(has_text="1 ressource pour cette recherche")).to_be_visible()
    expect(page.get_by_label("Mots à rechercher")).to_have_value("demarche")
    shoot(page, "recherche", phone)

    follow(page.get_by_role("link", name="Démarches en ligne pas à pas"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Démarches en ligne pas à pas")
    expect(page.get_by_text("2.1", exact=True)).to_be_visible()
    expect(page.get_by_text("CC BY-SA")).to_be_visible()
    expect(page.get_by_role("link", name="Ouvrir la ressource")).to_have_attribute(
        "href", "https://ressources.example.org/fiche"
    )
    shoot(page, "ressource", phone)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll

    follow(page.get_by_role("link", name="Toutes les ressources du kit"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit de ressources")
