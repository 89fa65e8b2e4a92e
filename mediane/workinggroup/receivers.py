"""Keep decisions linked to the right topics when the synthesis reshapes them (merge, split).

Connected in `WorkingGroupConfig.ready`; the synthesis sends the signals and never imports this app. The writes
are the services' `link_merged_topic` and `link_split_topic`.
"""

from __future__ import annotations

from mediane.synthesis.models import Topic

from . import services


def follow_merge(sender, target: Topic, merged: list[Topic], **kwargs) -> None:
    services.link_merged_topic(target, merged)


def follow_split(sender, topic: Topic, new_topic: Topic, **kwargs) -> None:
    services.link_split_topic(topic, new_topic)
