"""The roadmap's open data and API: what they give, what they never give (unpublished contributions, decisions of
meetings not held, personal data), bad input, and a constant number of queries with one and with many actions."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from mediane.roadmap import services
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import ActionFactory, MilestoneFactory, StageFactory
from tests.structures.factories import StructureFactory
from tests.workinggroup.factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zéphyrine Quintal"


def linked_action():
    """An action with a parent, an owner, a milestone, and links to contributions in every state and to decisions
    of a held and of a planned meeting; `expected` says which links are public."""
    parent = ActionFactory(title="Accompagnement financier", progress=45)
    action = ActionFactory(title="=CTL / CDLI", parent=parent, stage=parent.stage, axis=parent.axis, progress=45)
    action.owners.add(StructureFactory(name="Médiathèque de Rennes", siret="21350238800017"))
    published = ContributionFactory(author__display_name=SECRET_NAME, author_name=SECRET_NAME)
    hidden = ContributionFactory(hidden=True)
    withdrawn = ContributionFactory(withdrawn=True)
    pending = ContributionFactory(pending=True)
    held = DecisionFactory()
    planned = DecisionFactory(meeting=MeetingFactory())
    services.set_links(None, action, contributions=[published, hidden, withdrawn, pending], decisions=[held, planned],
                       topics=[])  # fmt: skip
    MilestoneFactory(action=action, date=dt.date(2020, 9, 3), title="France Relance annoncé")
    action.expected = {  # type: ignore[attr-defined]
        "contributions": [published.pk],
        "hidden": [hidden.pk, withdrawn.pk, pending.pk],
        "decisions": [held.reference],
        "planned": planned.reference,
    }
    return action


@pytest.fixture
def action():
    return linked_action()


def _csv(client):
    response = client.get(reverse("roadmap:open_data_csv"))
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_gives_every_action_with_its_public_links_only(client, action):
    rows = {int(row["id"]): row for row in _csv(client)}
    row = rows[action.pk]
    assert row["intitule"] == "'=CTL / CDLI"  # a spreadsheet never runs it as a formula
    assert row["parent_id"] == str(action.parent_id)
    assert row["avancement"] == "45"
    assert row["structures"] == "Médiathèque de Rennes" and row["sirets"] == "21350238800017"
    assert row["contributions"] == " ; ".join(map(str, action.expected["contributions"]))
    assert row["decisions"] == action.expected["decisions"][0]
    assert row["jalons"] == "2020-09-03 : France Relance annoncé"


def test_the_json_gives_the_whole_roadmap_without_personal_data(client, action):
    response = client.get(reverse("roadmap:open_data_json"))
    text = response.content.decode()
    document = json.loads(text)
    assert {"stages", "axes", "statuses", "actions"} <= set(document)
    item = next(row for row in document["actions"] if row["id"] == action.pk)
    assert item["title"] == "=CTL / CDLI"
    assert item["links"] == {"contributions": action.expected["contributions"],
                             "decisions": action.expected["decisions"], "topics": []}  # fmt: skip
    assert item["milestones"][0]["title"] == "France Relance annoncé"
    assert SECRET_NAME not in text and "@example" not in text


def test_the_open_data_page_lists_the_columns(client, action):
    page = client.get(reverse("roadmap:open_data")).content.decode()
    assert "<code>sirets</code>" in page and reverse("roadmap:open_data_csv") in page


def test_hidden_withdrawn_and_pending_contributions_never_appear(client, action):
    texts = [
        b"".join(client.get(reverse("roadmap:open_data_csv")).streaming_content).decode(),
        client.get(reverse("roadmap:open_data_json")).content.decode(),
        client.get(f"/api/v1/feuille-de-route/actions/{action.pk}").content.decode(),
        client.get("/api/v1/feuille-de-route/actions").content.decode(),
    ]
    for text in texts:
        for pk in action.expected["hidden"]:
            assert f'"contributions": [{pk}' not in text and f"[{pk}]" not in text
        assert action.expected["planned"] not in text


def _many(count: int):
    stage = StageFactory()
    owner = StructureFactory()
    for _ in range(count):
        action = ActionFactory(stage=stage)
        action.owners.add(owner)
        action.contributions.add(ContributionFactory())
        action.decisions.add(DecisionFactory())
        MilestoneFactory(action=action)


@pytest.mark.parametrize("count", [1, 12])
def test_open_data_and_api_make_the_same_queries_whatever_the_number_of_actions(
    client, django_assert_num_queries, count
):
    _many(count)
    # actions, owners, contributions, decisions, topics, milestones.
    with django_assert_num_queries(6):
        b"".join(client.get(reverse("roadmap:open_data_csv")).streaming_content)
    # stages, axes, statuses, and the same six.
    with django_assert_num_queries(9):
        client.get(reverse("roadmap:open_data_json"))
    with django_assert_num_queries(6):
        assert client.get("/api/v1/feuille-de-route/actions", {"limit": 100}).status_code == 200
    with django_assert_num_queries(1):
        client.get(reverse("roadmap:open_data"))
