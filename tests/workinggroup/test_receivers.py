"""Decisions follow their topics when the working group merges or splits them in the synthesis."""

import pytest

from mediane.synthesis import services_topics as synthesis
from mediane.synthesis.enums import TopicKind
from tests.consultation.factories import ThemeFactory
from tests.synthesis.factories import build_run, seed_subjects

from .factories import DecisionFactory, published_synthesis

pytestmark = pytest.mark.django_db


def test_a_decision_linked_to_a_merged_topic_links_the_topic_that_received_it(organiser):
    theme = ThemeFactory(closed=True)
    run = published_synthesis(theme)
    large, small = run.topics.filter(kind=TopicKind.TOPIC).order_by("position")
    decision = DecisionFactory()
    decision.topics.add(small)

    merged = synthesis.merge_topics(organiser, [large, small])

    assert list(decision.topics.all()) == [merged]


def test_a_decision_linked_to_a_split_topic_also_links_the_part_holding_its_contributions(organiser):
    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes", "formation"))
    run = build_run(
        theme,
        [("Tout et rien", subjects["horaires"] + subjects["tablettes"], 3), ("Formation", subjects["formation"], 2)],
    )
    topic = run.topics.get(label="Tout et rien")
    decision = DecisionFactory()
    decision.topics.add(topic)
    decision.contributions.add(*subjects["horaires"][:1], *subjects["tablettes"][:1])
    untouched = DecisionFactory()
    untouched.topics.add(topic)

    first, second = synthesis.split_topic(organiser, topic)

    assert set(decision.topics.all()) == {first, second}
    assert list(untouched.topics.all()) == [first]
