"""App configuration of the roadmap: stages, axes, actions, milestones, follows, and the charter."""

from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "mediane.roadmap"
    label = "roadmap"
    verbose_name = "Feuille de route"

    def ready(self):
        from mediane.accounts.panels import register_profile_panel
        from mediane.consultation.panels import register_contribution_panel
        from mediane.synthesis import signals

        from . import receivers, views

        signals.topics_merged.connect(receivers.follow_merge, dispatch_uid="roadmap_follow_merge")
        signals.topic_split.connect(receivers.follow_split, dispatch_uid="roadmap_follow_split")
        # The account page and a contribution's page link here without their apps importing this one.
        register_profile_panel("roadmap/components/profile_panel.html", views.profile_panel)
        register_contribution_panel("roadmap/components/contribution_panel.html", views.contribution_panel)
