"""Actions keep their links to the synthesis' topics when the working group merges or splits them."""

import pytest

from mediane.roadmap import services
from mediane.roadmap.services import ActionData
from mediane.synthesis import services_topics as synthesis
from mediane.synthesis.enums import TopicKind
from tests.consultation.factories import ThemeFactory
from tests.roadmap.factories import AxisFactory, StageFactory
from tests.synthesis.factories import build_run, seed_subjects
from tests.workinggroup.factories import published_synthesis

pytestmark = pytest.mark.django_db


def action_linked_to(topics, contributions=()):
    action = services.create_action(None, ActionData(title="Action", stage=StageFactory(), axis=AxisFactory()))
    services.set_links(None, action, contributions=contributions, decisions=[], topics=topics)
    return action


def test_an_action_linked_to_a_merged_topic_links_the_topic_that_received_it(organiser):
    run = published_synthesis(ThemeFactory(closed=True))
    large, small = run.topics.filter(kind=TopicKind.TOPIC).order_by("position")
    action = action_linked_to([small])

    merged = synthesis.merge_topics(organiser, [large, small])

    assert list(action.topics.all()) == [merged]


def test_an_action_linked_to_a_split_topic_links_the_parts_holding_its_contributions(organiser):
    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes", "formation"))
    run = build_run(
        theme,
        [("Tout et rien", subjects["horaires"] + subjects["tablettes"], 3), ("Formation", subjects["formation"], 2)],
    )
    topic = run.topics.get(label="Tout et rien")
    both = action_linked_to([topic], [subjects["horaires"][0], subjects["tablettes"][0]])
    alone = action_linked_to([topic])

    first, second = synthesis.split_topic(organiser, topic)

    assert set(both.topics.all()) == {first, second}
    # Linked to the topic alone, nothing tells the parts apart: the action keeps both.
    assert set(alone.topics.all()) == {first, second}
