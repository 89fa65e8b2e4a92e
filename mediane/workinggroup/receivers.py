"""Keep decisions linked to the right topics when the synthesis reshapes them (merge, split).

Connected in `WorkingGroupConfig.ready`; the synthesis sends the signals and never imports this app.
"""

from __future__ import annotations

from mediane.synthesis.models import Topic, TopicMembership

from .models import Decision


def follow_merge(sender, target: Topic, merged: list[Topic], **kwargs) -> None:
    """Decisions linked to a merged-away topic now point to the topic that received its contributions."""
    for decision in Decision.objects.filter(topics__in=merged).distinct():
        decision.topics.add(target)


def follow_split(sender, topic: Topic, new_topic: Topic, **kwargs) -> None:
    """Decisions linked to a split topic also point to the new part when some of their contributions went there."""
    moved = TopicMembership.objects.filter(topic=new_topic).values("contribution_id")
    for decision in Decision.objects.filter(topics=topic, contributions__in=moved).distinct():
        decision.topics.add(new_topic)
