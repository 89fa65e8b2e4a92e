"""Who may open each page of host structures and of the committee, and read a structure's committee opinions and
conventions: anonymous people go to the login page, a structure is a 404 for anyone but its managers and the
programme team, and the committee's pages are the programme team's only."""

import pytest
from django.urls import reverse

from mediane.conseillers.models import CommitteeDecision, Convention, PositionRequest
from tests.accounts.factories import UserFactory

from .factories import CandidateFactory, HostStructureFactory, programme_team

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "outsider", "candidate", "other_candidate", "manager", "other_manager", "team"]
LOGIN = "login"


@pytest.fixture
def world():
    host = HostStructureFactory()
    request = PositionRequest.objects.create(host=host, positions=2)
    decision = CommitteeDecision.objects.create(
        number="CS-2026-69-0007",
        request=request,
        departement="69",
        opinion="favorable",
        positions_granted=2,
        decided_on="2026-01-15",
    )
    Convention.objects.create(number="CN-69-0007", host=host, decision=decision, positions=2, starts_on="2026-02-01")
    other = HostStructureFactory()
    people = {
        "anonymous": None,
        "outsider": UserFactory(),
        "candidate": CandidateFactory().user,
        "other_candidate": CandidateFactory().user,
        "manager": host.managers.get(),
        "other_manager": other.managers.get(),
        "team": programme_team(),
    }
    return {"host": host, "request": request, "people": people}


def expected(url_name: str, persona: str) -> object:
    if url_name == "home":
        return 200
    if persona == "anonymous":
        return LOGIN
    if url_name in {"host_register", "host_list"}:
        return 200
    if url_name in {"host_detail", "host_edit", "request_create"}:
        if persona == "team":
            return 200 if url_name == "host_detail" else 403
        return 200 if persona == "manager" else 404
    if url_name == "host_status":
        return {"team": 200, "manager": 403}.get(persona, 404)
    if url_name == "decision_create":
        return 200 if persona == "team" else 404
    return 200 if persona == "team" else 404  # committee, committee_departement, quotas: the team's pages


URLS = {
    "home": lambda w: [],
    "host_register": lambda w: [],
    "host_list": lambda w: [],
    "host_detail": lambda w: [w["host"].pk],
    "host_edit": lambda w: [w["host"].pk],
    "host_status": lambda w: [w["host"].pk],
    "request_create": lambda w: [w["host"].pk],
    "committee": lambda w: [],
    "committee_departement": lambda w: ["69"],
    "decision_create": lambda w: [w["request"].pk],
    "quotas": lambda w: [],
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_opens_exactly_the_pages_it_may(client, world, persona):
    user = world["people"][persona]
    if user is not None:
        client.force_login(user)
    for name, args in URLS.items():
        url = reverse(f"conseillers:{name}", args=args(world))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            want = expected(name, persona)
            if want == LOGIN:
                assert response.status_code == 302 and "next=" in response.url, (name, method)
            elif method == "post" and want == 200:
                assert response.status_code in {200, 302, 400}, (name, method, response.status_code)
            else:
                assert response.status_code == want, (name, method, persona, response.status_code)


@pytest.mark.parametrize("persona", PERSONAS)
def test_committee_opinions_and_conventions_are_read_by_the_managers_and_the_team_only(client, world, persona):
    user = world["people"][persona]
    if user is not None:
        client.force_login(user)
    page = client.get(reverse("conseillers:host_detail", args=[world["host"].pk])).content.decode()
    reads = "CS-2026-69-0007" in page and "CN-69-0007" in page
    assert reads == (persona in {"manager", "team"})
    listing = client.get(reverse("conseillers:host_list")).content.decode() if user else ""
    assert (world["host"].name in listing) == (persona in {"manager", "team"})
