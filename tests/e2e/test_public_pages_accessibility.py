"""The home page, the news and the legal pages pass axe-core, with and without JavaScript (pages app)."""

import pytest

from tests.consultation.factories import ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.pages.factories import NewsItemFactory

pytestmark = E2E_MARKS

PATHS = [
    "/",
    "/actualites/",
    "/actualites/journee-inclusion-numerique/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/charte-de-participation/",
    "/cette-page-n-existe-pas/",
]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_visitor_reads_the_home_news_and_legal_pages(browse, javascript):
    theme = ThemeFactory(number=1, closed=True)
    ThemeFactory(number=2, consultation=theme.consultation)
    ThemeFactory(number=3, consultation=theme.consultation, upcoming=True)
    NewsItemFactory(slug="journee-inclusion-numerique", event=True, body="Au programme :\n\n- des **ateliers**.")
    NewsItemFactory.create_batch(3)
    page = browse(javascript=javascript)
    for path in PATHS:
        page.goto(path)
        assert_accessible(page)
