"""App configuration of the roadmap: stages, axes, actions, milestones, follows, and the charter."""

from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "mediane.roadmap"
    label = "roadmap"
    verbose_name = "Feuille de route"

    def ready(self):
        from mediane.synthesis import signals

        from . import receivers

        signals.topics_merged.connect(receivers.follow_merge, dispatch_uid="roadmap_follow_merge")
        signals.topic_split.connect(receivers.follow_split, dispatch_uid="roadmap_follow_split")
