"""App configuration of the roadmap: stages, axes, actions, milestones, follows, and the charter."""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


def ensure_vocabulary(using: str = "default", **kwargs) -> None:
    """The seeded stages, axes and statuses are there after a `flush` too (tests that flush the database).

    Only an empty roadmap is seeded: what organisers changed or removed is never given back. The list is the data
    migration's, read from it, so that it exists once.
    """
    from .models import Axis, Stage, Status

    if (
        Stage.objects.using(using).exists()
        or Axis.objects.using(using).exists()
        or Status.objects.using(using).exists()
    ):
        return
    seed = import_module("mediane.roadmap.migrations.0002_seed_stages_axes_statuses").seed
    seed(global_apps, None)


class RoadmapConfig(AppConfig):
    name = "mediane.roadmap"
    label = "roadmap"
    verbose_name = "Feuille de route"

    def ready(self):
        post_migrate.connect(ensure_vocabulary, sender=self, dispatch_uid="mediane.roadmap.ensure_vocabulary")
        from mediane.accounts.panels import register_profile_panel
        from mediane.consultation.panels import register_contribution_panel
        from mediane.synthesis import signals

        from . import receivers, views

        signals.topics_merged.connect(receivers.follow_merge, dispatch_uid="roadmap_follow_merge")
        signals.topic_split.connect(receivers.follow_split, dispatch_uid="roadmap_follow_split")
        # The account page and a contribution's page link here without their apps importing this one.
        register_profile_panel("roadmap/components/profile_panel.html", views.profile_panel)
        register_contribution_panel("roadmap/components/contribution_panel.html", views.contribution_panel)
