"""Who may open the matching's pages: a structure's recommendations (its managers once validated, and the programme
team; a 404 for everyone else, so that a structure's existence does not leak), and the global assignment (the
programme team only)."""

import pytest
from django.urls import reverse

from mediane.conseillers import recommendations
from tests.accounts.factories import UserFactory

from .factories import CandidateFactory, HostStructureFactory, programme_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    host = HostStructureFactory()
    other_host = HostStructureFactory()
    candidate = CandidateFactory(first_name="Visible")
    other_candidate = CandidateFactory(first_name="Autre")
    return {
        "host": host,
        "anonymous": None,
        "outsider": UserFactory(),
        "candidate": candidate.user,
        "another candidate": other_candidate.user,
        "manager": host.managers.get(),
        "manager of another structure": other_host.managers.get(),
        "programme team": programme_team(),
    }


RECOMMENDATIONS = {
    "anonymous": 302,
    "outsider": 404,
    "candidate": 404,
    "another candidate": 404,
    "manager": 200,
    "manager of another structure": 404,
    "programme team": 200,
}
ASSIGNMENT = {
    "anonymous": 302,
    "outsider": 403,
    "candidate": 403,
    "another candidate": 403,
    "manager": 403,
    "manager of another structure": 403,
    "programme team": 200,
}


def login(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(("who", "status"), RECOMMENDATIONS.items())
def test_who_reads_a_structures_recommendations(client, world, who, status):
    login(client, world[who])
    response = client.get(reverse("conseillers:recommendations", args=[world["host"].pk]))
    assert response.status_code == status
    if status == 302:
        assert "/compte/" in response["Location"] or "login" in response["Location"]
    if status == 200:
        assert "Visible" in response.content.decode()


@pytest.mark.parametrize("who", RECOMMENDATIONS)
def test_nobody_may_post_to_the_recommendations(client, world, who):
    login(client, world[who])
    response = client.post(reverse("conseillers:recommendations", args=[world["host"].pk]))
    # A read-only page: the method is refused before anything is looked up, for everyone alike.
    assert response.status_code == 405


@pytest.mark.parametrize(("who", "status"), ASSIGNMENT.items())
def test_who_reads_the_global_assignment(client, world, who, status):
    login(client, world[who])
    response = client.get(reverse("conseillers:assignment") + "?departement=69")
    assert response.status_code == status
    if status == 200:
        assert "Visible" in response.content.decode() or "Autre" in response.content.decode()


@pytest.mark.parametrize(("who", "status"), ASSIGNMENT.items())
def test_only_the_team_may_propose_the_pairs(client, world, who, status, monkeypatch):
    proposed = []
    monkeypatch.setattr(
        "mediane.conseillers.views_matching.propose_pairs", lambda pairs, by: proposed.append(pairs) or (len(pairs), 0)
    )
    login(client, world[who])
    digest = recommendations.cached_assign("69").digest
    response = client.post(reverse("conseillers:assignment"), {"departement": "69", "digest": digest})
    if who == "programme team":
        assert response.status_code == 302
        assert len(proposed) == 1 and proposed[0]
    else:
        assert response.status_code == status
        assert proposed == []


def test_a_recommendation_of_an_unknown_structure_is_a_404_even_for_the_team(client):
    client.force_login(programme_team())
    assert client.get(reverse("conseillers:recommendations", args=[999999])).status_code == 404
