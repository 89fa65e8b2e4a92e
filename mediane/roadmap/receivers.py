"""Keep actions linked to the right synthesis topics when the working group merges or splits them.

Connected in `RoadmapConfig.ready`; the synthesis sends the signals and never imports this app.
"""

from __future__ import annotations

from mediane.synthesis.models import Topic

from . import services


def follow_merge(sender, target: Topic, merged: list[Topic], **kwargs) -> None:
    services.link_merged_topic(target, merged)


def follow_split(sender, topic: Topic, new_topic: Topic, **kwargs) -> None:
    services.link_split_topic(topic, new_topic)
