"""The audit itself: it must catch a violation, with JavaScript and without (or journeys prove nothing)."""

import re

import pytest

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow

pytestmark = E2E_MARKS


def document(title: str, content: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="fr"><head><title>{title}</title></head><body><main>{content}</main></body></html>'
    )


def serve(page, path: str, html: str) -> None:
    """Answer `path` with `html` in this browser: a page that the site cannot be made to produce."""
    page.route(f"**{path}", lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))


INACCESSIBLE = document("Piège", '<h1>Piège</h1><img src="/static/nulle-part.png"><input type="text" name="q">')


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_audit_reports_an_image_without_text_and_an_unlabelled_field(browse, javascript):
    page = browse(javascript=javascript)
    serve(page, "/piege/", INACCESSIBLE)
    page.goto("/piege/")

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)

    assert "image-alt" in str(failure.value)
    assert "label" in str(failure.value)


def test_the_audit_reports_a_page_without_a_single_main_heading(browse):
    page = browse(javascript=True)
    serve(page, "/sans-titre/", document("Piège", '<img alt="" src="/static/nulle-part.png">'))
    page.goto("/sans-titre/")

    with pytest.raises(AssertionError, match="0 titre"):
        assert_accessible(page)


DEPARTURE = document("Départ", '<h1>Départ</h1><p><a href="/arrivee/">Aller à l\'arrivée</a></p>')


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_audit_refuses_a_page_that_is_being_left_for_another(browse, javascript):
    page = browse(javascript=javascript)
    serve(page, "/depart/", DEPARTURE)
    refusals = []

    def arrive(route):
        # The request for the next page is on its way, held here: an audit now would audit « Départ » again.
        try:
            assert_accessible(page)
        except AssertionError as refusal:
            refusals.append(str(refusal))
        route.fulfill(body=document("Arrivée", "<h1>Arrivée</h1>"), content_type="text/html; charset=utf-8")

    page.route("**/arrivee/", arrive)
    page.goto("/depart/")
    assert_accessible(page)

    follow(page.get_by_role("link", name="Aller à l'arrivée"))

    assert len(refusals) == 1, refusals
    assert re.search("en train de laisser place à .*/arrivee/", refusals[0]), refusals[0]
    assert_accessible(page)  # the new page, once it has arrived
