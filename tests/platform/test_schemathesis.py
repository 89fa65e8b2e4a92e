"""schemathesis against the API, in-process (WSGI, no server), anonymous and signed in with the CSRF token.

Checks: no server error, every status and body as the OpenAPI description says, and no request that fits the
description refused (positive-data acceptance). Bounded: a few examples per operation and generation mode.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from config.api import api
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory
from tests.roadmap.factories import ActionFactory
from tests.structures.factories import PlaceFactory
from tests.training.factories import CourseFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    positive_data_acceptance,
]
CSRF_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF"
EXAMPLES = 25


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler in this thread, on the test's database connection: like the test client, it must not
    close the connection at the end of each request (the test's transaction lives on it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def forum(db, settings, citizen):
    """Real objects for the ids the generated requests carry, and rates high enough not to be the answer."""
    settings.MEDIANE_API_RATE_ANON = "100000/m"
    settings.MEDIANE_API_RATE_USER = "100000/m"
    open_theme = ThemeFactory()
    closed_theme = ThemeFactory(closed=True, consultation=open_theme.consultation)
    contributions = [ContributionFactory(theme=open_theme) for _ in range(3)]
    contributions.append(ContributionFactory(theme=closed_theme))
    contributions.append(ContributionFactory(theme=open_theme, author=citizen))
    CommentFactory(contribution=contributions[0])
    PlaceFactory.create_batch(3)
    client = Client()
    cursors = {}
    for sort in ("recentes", "soutenues", "commentees"):
        page = client.get("/api/v1/contributions", {"limit": 1, "sort": sort}).json()
        cursors[sort] = page["next_cursor"]
    cursors["lieux"] = client.get("/api/v1/lieux", {"limit": 1}).json()["next_cursor"]
    actions = [ActionFactory(), ActionFactory()]
    cursors["actions"] = client.get("/api/v1/feuille-de-route/actions", {"limit": 1}).json()["next_cursor"]
    CourseFactory.create_batch(2)
    cursors["formations"] = client.get("/api/v1/formation/formations", {"limit": 1}).json()["next_cursor"]
    return {
        "theme_id": [open_theme.pk, closed_theme.pk],
        "contribution_id": [contribution.pk for contribution in contributions],
        "action_id": [action.pk for action in actions],
        "cursors": cursors,
    }


# The description as the API serves it; requests go to the WSGI handler of the test (`wsgi_app`).
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def _with_real_ids(case, forum) -> None:
    """Point two thirds of the generated ids (and half of the communes) at real objects, so that writes and
    reads go past the 404; a cursor that fits the schema is only valid when the API issued it, so a positive case
    carries one that it did."""
    for name in ("theme_id", "contribution_id", "action_id"):
        ids = forum[name]
        value = (case.path_parameters or {}).get(name)
        if isinstance(value, int) and value % 3:  # a third keep their generated value: unknown ids, huge ones
            case.path_parameters[name] = ids[value % len(ids)]
    query = case.query if isinstance(case.query, dict) else {}
    if case.meta.generation.mode.is_positive and isinstance(query.get("commune"), str) and len(query["commune"]) % 2:
        query["commune"] = "69003"  # a commune that exists, where the places are, half of the time
    if isinstance(query.get("cursor"), str) and case.meta.generation.mode.is_positive:
        paged = [name for name in ("lieux", "actions", "formations") if case.path.endswith(f"/{name}")]
        key = paged[0] if paged else str(query.get("sort", "recentes"))
        if forum["cursors"].get(key):
            query["cursor"] = forum["cursors"][key]
        else:
            del query["cursor"]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonyme", "connecte"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_the_api_keeps_its_contract(operation, signed_in, forum, wsgi_app, citizen):
    SCHEMA.app = wsgi_app
    # A browser has the CSRF token whether signed in or not; a signed-in one has its session too.
    cookies = {"csrftoken": CSRF_SECRET}
    # Identity: the in-process transport does not undo the gzip of Django's GZipMiddleware, as HTTP clients do.
    headers = {"X-CSRFToken": CSRF_SECRET, "Accept-Encoding": "identity"}
    if signed_in:
        browser = Client()
        browser.force_login(citizen)
        cookies["sessionid"] = browser.cookies["sessionid"].value
    cases = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=cases)
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        _with_real_ids(case, forum)
        case.call_and_validate(checks=CHECKS, headers=headers, cookies=cookies, app=wsgi_app)

    check()
