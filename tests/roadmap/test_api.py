"""The roadmap's API (/api/v1/feuille-de-route/): stages, axes, actions page by page with their filters, an action
with its milestones and public links, and bad input answered in French. What the API never gives (unpublished
contributions, decisions of meetings not held) and its query counts are tested with the open data
(`test_open_data.py`), which reads the same rows."""

import pytest

from tests.roadmap.factories import ActionFactory, StageFactory
from tests.roadmap.test_open_data import linked_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    return linked_action()


def test_the_api_gives_stages_axes_and_actions(client, action):
    stages = client.get("/api/v1/feuille-de-route/etapes").json()
    assert any(stage["year"] == 2020 for stage in stages)
    assert client.get("/api/v1/feuille-de-route/axes").status_code == 200
    listed = client.get("/api/v1/feuille-de-route/actions", {"parent": action.parent_id}).json()
    assert [item["id"] for item in listed["items"]] == [action.pk]
    assert listed["items"][0]["owners"] == [{"name": "Médiathèque de Rennes", "siret": "21350238800017"}]
    detail = client.get(f"/api/v1/feuille-de-route/actions/{action.pk}").json()
    assert detail["links"]["contributions"] == action.expected["contributions"]
    assert action.expected["planned"] not in detail["links"]["decisions"]
    assert detail["milestones"] == [{"date": "2020-09-03", "title": "France Relance annoncé", "description": ""}]


def test_the_api_pages_through_actions_and_filters_them(client):
    stage = StageFactory()
    actions = [ActionFactory(stage=stage) for _ in range(5)]
    first = client.get("/api/v1/feuille-de-route/actions", {"stage": stage.pk, "limit": 3}).json()
    assert [item["id"] for item in first["items"]] == [action.pk for action in actions[:3]]
    second = client.get(
        "/api/v1/feuille-de-route/actions", {"stage": stage.pk, "limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert [item["id"] for item in second["items"]] == [action.pk for action in actions[3:]]
    assert second["next_cursor"] is None


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"cursor": "n'importe quoi"}, 400),
        ({"cursor": "YWJj"}, 400),  # « abc »: not a number
        ({"limit": "0"}, 422),
        ({"limit": "1000"}, 422),
        ({"stage": "-1"}, 422),
        ({"axis": "１"}, 422),
        ({"parent": "9" * 40}, 422),
    ],
)
def test_bad_input_gets_a_french_message(client, params, status):
    response = client.get("/api/v1/feuille-de-route/actions", params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_unknown_action_is_a_french_404(client):
    response = client.get("/api/v1/feuille-de-route/actions/999999")
    assert response.status_code == 404 and "Introuvable" in response.json()["detail"]
