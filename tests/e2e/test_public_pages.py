"""A visitor reads the public pages (home, forum, news, statements), with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow

pytestmark = E2E_MARKS


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_visitor_reads_the_public_pages_and_they_are_accessible(browse, javascript):
    theme = ThemeFactory(title="Rôle et missions des bibliothèques")
    ContributionFactory(theme=theme, title="Ouvrir un atelier numérique le samedi")
    page = browse(javascript=javascript)

    for path in [
        "/",
        "/forum/",
        "/actualites/",
        "/accessibilite/",
        "/mentions-legales/",
        "/donnees-personnelles/",
        "/charte-de-participation/",
        "/forum/donnees-ouvertes/",
        "/api/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)

    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name="Ouvrir un atelier numérique le samedi"))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text("Ouvrir un atelier numérique le samedi")
