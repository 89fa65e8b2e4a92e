"""The organisers' pages of the kit and of the funding schemes, audited by axe-core with and without JavaScript:
the lists, the forms empty, refused (the French errors shown) and with one more rule, and a scheme's public page.
The journeys of issue 11 cover the other new pages; these are the ones no journey opens."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.training.factories_kit import KitResourceFactory

pytestmark = E2E_MARKS


def no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_an_organiser_manages_the_kit_and_the_schemes_on_accessible_pages(browse, organiser, javascript, width):
    resource = KitResourceFactory(title="Fiche : créer son adresse e-mail", draft=True)
    page = browse(javascript=javascript)
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 740})
    log_in(page, organiser.email, PASSWORD, next_path="/formation/kit/gestion/")
    assert_accessible(page)
    expect(page.get_by_text("Fiche : créer son adresse e-mail")).to_be_visible()
    no_sideways_scroll(page, width)

    page.goto("/formation/kit/gestion/nouvelle/")
    assert_accessible(page)
    follow(page.get_by_role("button", name="Enregistrer comme brouillon"))
    assert_accessible(page)  # the form again, with its French errors
    expect(page.locator(".fr-error-text").first).to_be_visible()
    no_sideways_scroll(page, width)

    page.goto(f"/formation/kit/{resource.slug}/modifier/")
    assert_accessible(page)

    page.goto("/financements/organisation/")
    assert_accessible(page)
    expect(page.get_by_text("Bibliothèques numériques de référence").first).to_be_visible()
    no_sideways_scroll(page, width)

    page.goto("/financements/organisation/nouveau/")
    assert_accessible(page)
    follow(page.get_by_role("button", name="Ajouter une règle"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Enregistrer le dispositif et ses règles"))
    assert_accessible(page)  # refused: the errors are on the page
    expect(page.locator(".fr-error-text, .fr-alert--error").first).to_be_visible()
    no_sideways_scroll(page, width)

    page.goto("/financements/organisation/conseiller-numerique/modifier/")
    assert_accessible(page)
    no_sideways_scroll(page, width)

    page.goto("/financements/conseiller-numerique/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Conseiller numérique")
    no_sideways_scroll(page, width)
