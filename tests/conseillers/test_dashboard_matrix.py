"""Who reads which page of the dashboard: the public version and its open data are open to everyone and show only
aggregates; the internal version (with the names of advisers who have not reported) is a 404 for everyone but the
programme team. Personas: anonymous, another user, the adviser, another adviser, the host's manager, another
host's manager, the programme team."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.conseillers.factories import HostStructureFactory, adviser, programme_team, report

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "outsider", "adviser", "other_adviser", "manager", "other_manager", "team"]
PAGES = [
    ("conseillers:dashboard", [], {persona: 200 for persona in PERSONAS}),
    ("conseillers:dashboard_internal", [], {**{persona: 404 for persona in PERSONAS}, "team": 200}),
    ("conseillers:dashboard_open_data", ["csv"], {persona: 200 for persona in PERSONAS}),
    ("conseillers:dashboard_open_data", ["json"], {persona: 200 for persona in PERSONAS}),
]


@pytest.fixture
def world():
    recruitment = adviser()
    recruitment.candidate.last_name = "Quintanilla"
    recruitment.candidate.save()
    silent = adviser(host=HostStructureFactory(departement="75", commune="Paris", insee_code="75056"))
    silent.candidate.last_name = "Zéphyrin"
    silent.candidate.save()
    report(recruitment, notes="Madame Berthelot, voisine du 3e", workshop_title="", thematiques=["email"])
    return {
        "anonymous": None,
        "outsider": UserFactory(),
        "adviser": recruitment.candidate.user,
        "other_adviser": silent.candidate.user,
        "manager": recruitment.host.managers.get(),
        "other_manager": silent.host.managers.get(),
        "team": programme_team(),
    }


def fetch(world, persona, name, args):
    client = Client()
    if world[persona] is not None:
        client.force_login(world[persona])
    response = client.get(reverse(name, args=args))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, content.decode("utf-8-sig")


@pytest.mark.parametrize(("name", "args", "expected"), PAGES)
def test_each_persona_reaches_exactly_the_dashboard_pages_it_may(world, name, args, expected):
    got = {persona: fetch(world, persona, name, args)[0] for persona in PERSONAS}
    assert got == expected


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("conseillers:dashboard", []),
        ("conseillers:dashboard_open_data", ["csv"]),
        ("conseillers:dashboard_open_data", ["json"]),
    ],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_pages_leak_no_report_and_no_adviser(world, name, args, persona):
    _status, content = fetch(world, persona, name, args)
    for secret in ("Quintanilla", "Zéphyrin", "Berthelot", "Médiathèque n°"):
        assert secret not in content


def test_the_team_sees_the_names_of_the_advisers_who_have_not_reported(world):
    _status, content = fetch(world, "team", "conseillers:dashboard_internal", [])
    assert "Zéphyrin" in content
    assert "Quintanilla" not in content  # reported yesterday
    assert "Berthelot" not in content  # never a report's notes
