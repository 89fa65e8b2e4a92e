"""Who may open and post each page of the activity reports: anonymous, another user, the adviser, another adviser,
the manager of the adviser's structure, the manager of another structure, the programme team; and on which pages
the adviser's report shows (its address or its date), and, asserted on their own, where its private notes and tags
show: to the adviser only. Another person's report is a 404, never a leak."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format

from mediane.conseillers.models_reports import ActivityReport
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import HostStructureFactory, adviser, programme_team, report

pytestmark = pytest.mark.django_db
PERSONAS = ["anonymous", "outsider", "adviser", "other_adviser", "manager", "other_manager", "team"]
SECRET = "Note-privee-7f3a"
TAG = "etiquette-privee-9c1b"


@pytest.fixture
def world():
    recruitment = adviser()
    return {
        "report": report(recruitment, notes=SECRET, tags=[TAG]),
        "host": recruitment.host,
        "anonymous": None,
        "outsider": UserFactory(),
        "adviser": recruitment.candidate.user,
        "other_adviser": adviser().candidate.user,
        "manager": recruitment.host.managers.get(),
        "other_manager": HostStructureFactory().managers.get(),
        "team": programme_team(),
    }


def visit(world, persona, method, name):
    args = {
        "report_detail": [world["report"].pk],
        "report_edit": [world["report"].pk],
        "report_duplicate": [world["report"].pk],
        "report_delete": [world["report"].pk],
        "host_reports": [world["host"].pk],
    }.get(name, [])
    client = Client()
    if world[persona] is not None:
        client.force_login(world[persona])
    response = getattr(client, method)(reverse(f"conseillers:{name}", args=args))
    body = response.content.decode()
    # The report's page is linked, or the page is about it (its title gives its date).
    shown = reverse("conseillers:report_detail", args=[world["report"].pk]) in body or (
        response.status_code == 200 and f"compte rendu du {date_format(world['report'].date, 'j F Y')}" in body.lower()
    )
    return response.status_code, shown, SECRET in body or TAG in body


# anonymous, outsider, adviser, other adviser, manager, other manager, team: (status, the report shows, its notes or
# tags show)
OUT = (302, False, False)
NOT_FOUND = (404, False, False)
INTRO = (200, False, False)
SEEN = (200, True, False)
WITH_NOTES = (200, True, True)
EXPECTED = {
    ("get", "reports"): [OUT, INTRO, SEEN, INTRO, INTRO, INTRO, INTRO],
    ("get", "report_new"): [OUT, INTRO, INTRO, INTRO, INTRO, INTRO, INTRO],
    ("get", "my_statistics"): [OUT, INTRO, INTRO, INTRO, INTRO, INTRO, INTRO],
    ("get", "report_detail"): [OUT, NOT_FOUND, WITH_NOTES, NOT_FOUND, SEEN, NOT_FOUND, SEEN],
    ("get", "report_edit"): [OUT, NOT_FOUND, WITH_NOTES, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ("post", "report_edit"): [OUT, NOT_FOUND, SEEN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ("get", "report_duplicate"): [OUT, NOT_FOUND, WITH_NOTES, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ("get", "report_delete"): [OUT, NOT_FOUND, SEEN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ("get", "host_reports"): [OUT, NOT_FOUND, NOT_FOUND, NOT_FOUND, SEEN, NOT_FOUND, SEEN],
}


@pytest.mark.parametrize(("method", "name"), list(EXPECTED))
def test_each_persona_reaches_exactly_the_report_pages_it_may_and_sees_only_what_it_may(world, method, name):
    got = [visit(world, persona, method, name) for persona in PERSONAS]
    assert got == EXPECTED[(method, name)]
    assert ActivityReport.objects.filter(pk=world["report"].pk, notes=SECRET).exists()


def test_only_the_adviser_deletes_their_report(world):
    for persona in PERSONAS:
        if persona != "adviser":
            assert visit(world, persona, "post", "report_delete")[0] in (302, 404)
            assert ActivityReport.objects.filter(pk=world["report"].pk).exists()
    assert visit(world, "adviser", "post", "report_delete")[0] == 302
    assert not ActivityReport.objects.filter(pk=world["report"].pk).exists()


def test_the_statistics_count_only_the_adviser_s_own_reports(world):
    for persona in ("adviser", "other_adviser"):
        client = Client()
        client.force_login(world[persona])
        context = client.get(reverse("conseillers:my_statistics"), {"periode": "tout"}).context
        assert context.get("activities", 0) == (1 if persona == "adviser" else 0)
