"""The audit itself: it must catch a violation, with JavaScript and without (or journeys prove nothing)."""

import pytest

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS

pytestmark = E2E_MARKS

INACCESSIBLE = (
    '<!DOCTYPE html><html lang="fr"><head><title>Piège</title></head>'
    '<body><main><h1>Piège</h1><img src="/static/nulle-part.png"><input type="text" name="q"></main>'
    "</body></html>"
)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_audit_reports_an_image_without_text_and_an_unlabelled_field(browse, javascript):
    page = browse(javascript=javascript)
    page.route("**/piege/", lambda route: route.fulfill(body=INACCESSIBLE, content_type="text/html; charset=utf-8"))
    page.goto("/piege/")

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)

    assert "image-alt" in str(failure.value)
    assert "label" in str(failure.value)


def test_the_audit_reports_a_page_without_a_single_main_heading(browse):
    page = browse(javascript=True)
    html = (
        INACCESSIBLE.replace("<h1>Piège</h1>", "")
        .replace("<img", '<img alt="" ')
        .replace('<input type="text" name="q">', "")
    )
    page.route("**/sans-titre/", lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto("/sans-titre/")

    with pytest.raises(AssertionError, match="0 titre"):
        assert_accessible(page)
