"""Who may open and post each recruitment page: anonymous, an outsider, the candidate, another candidate, a
manager of the structure, a manager of another structure, the programme team. Unseen objects are a 404."""

import pytest
from django.test import Client
from django.urls import reverse

from mediane.conseillers.enums import LogAction, RecruitmentStatus
from mediane.conseillers.services import record
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db
PERSONAS = ["anonymous", "outsider", "candidate", "other_candidate", "manager", "other_manager", "team"]


@pytest.fixture
def world():
    recruitment = RecruitmentFactory(status=RecruitmentStatus.INTERESTED)
    return {
        "recruitment": recruitment,
        "anonymous": None,
        "outsider": UserFactory(),
        "candidate": recruitment.candidate.user,
        "other_candidate": CandidateFactory().user,
        "manager": recruitment.host.managers.get(),
        "other_manager": HostStructureFactory().managers.get(),
        "team": programme_team(),
    }


def status_of(world, persona, method, name, *args, data=None):
    client = Client()
    if world[persona] is not None:
        client.force_login(world[persona])
    response = getattr(client, method)(reverse(f"conseillers:{name}", args=args), data or {})
    return response.status_code


# anonymous, outsider, candidate, other candidate, manager, other manager, team
EXPECTED = {
    ("get", "host_recruitments"): [302, 404, 404, 404, 200, 404, 200],
    ("get", "recruitment_create"): [302, 404, 404, 404, 200, 404, 403],
    ("get", "recruitment_detail"): [302, 404, 200, 404, 200, 404, 200],
    ("post", "recruitment_move"): [302, 404, 403, 404, 302, 404, 403],
    ("get", "recruitment_list"): [302, 404, 404, 404, 404, 404, 200],
    ("get", "subsidies"): [302, 404, 404, 404, 404, 404, 200],
    ("get", "training_status"): [302, 404, 404, 404, 404, 404, 200],
}


@pytest.mark.parametrize(("method", "name"), list(EXPECTED))
def test_each_persona_reaches_exactly_the_recruitment_pages_it_may(world, method, name):
    recruitment = world["recruitment"]
    args = {
        "host_recruitments": [recruitment.host.pk],
        "recruitment_create": [recruitment.host.pk],
        "recruitment_detail": [recruitment.pk],
        "recruitment_move": [recruitment.pk, "non-interessee"],
    }.get(name, [])
    got = []
    for persona in PERSONAS:
        got.append(status_of(world, persona, method, name, *args))
        recruitment.refresh_from_db()
        if recruitment.status != RecruitmentStatus.INTERESTED:
            recruitment.status = RecruitmentStatus.INTERESTED
            recruitment.save()
    assert got == EXPECTED[(method, name)]


def test_a_candidate_does_not_see_a_recruitment_the_structure_has_not_shown_interest_in(world):
    recruitment = world["recruitment"]
    recruitment.status = RecruitmentStatus.NEW
    recruitment.save()
    assert status_of(world, "candidate", "get", "recruitment_detail", recruitment.pk) == 404
    assert status_of(world, "manager", "get", "recruitment_detail", recruitment.pk) == 200


def test_only_the_team_validates_a_recruitment(world):
    recruitment = world["recruitment"]
    recruitment.status = RecruitmentStatus.RECRUITED
    recruitment.save()
    assert status_of(world, "manager", "post", "recruitment_move", recruitment.pk, "finaliser") == 403
    assert status_of(world, "candidate", "post", "recruitment_move", recruitment.pk, "finaliser") == 403
    assert status_of(world, "team", "post", "recruitment_move", recruitment.pk, "finaliser") == 302
    recruitment.refresh_from_db()
    assert recruitment.status == RecruitmentStatus.FINALISED


def test_the_history_is_the_structures_and_the_teams_not_the_candidates(world):
    recruitment = world["recruitment"]
    record(LogAction.RECRUITMENT, world["manager"], after="Intéressée", note="Note interne", recruitment=recruitment)
    client = Client()
    client.force_login(world["candidate"])
    page = client.get(reverse("conseillers:recruitment_detail", args=[recruitment.pk])).content.decode()
    assert "Historique" not in page
    client.force_login(world["manager"])
    page = client.get(reverse("conseillers:recruitment_detail", args=[recruitment.pk])).content.decode()
    assert "Déclarer le recrutement" in page
    assert "Note interne" in page
