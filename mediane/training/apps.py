"""App configuration of training: competence frameworks, courses, sessions, records and the kit."""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.db.models.signals import post_migrate, pre_delete


def ensure_frameworks(using: str = "default", **kwargs) -> None:
    """The seeded frameworks and socle are there after a `flush` too (tests that flush the database). Only an
    empty set is seeded: what organisers changed is never given back. The lists are the data migration's."""
    from .models import Framework

    if Framework.objects.using(using).exists():
        return
    seed = import_module("mediane.training.migrations.0003_seed_frameworks_and_socle").seed
    seed(global_apps, None)


class TrainingConfig(AppConfig):
    name = "mediane.training"
    label = "training"
    verbose_name = "Formation"

    def ready(self):
        post_migrate.connect(ensure_frameworks, sender=self, dispatch_uid="mediane.training.ensure_frameworks")
        from mediane.accounts.panels import register_profile_panel

        from . import receivers, views_records

        pre_delete.connect(receivers.forget_person, sender=settings.AUTH_USER_MODEL, dispatch_uid="training-forget")

        # The account page links to « Mon parcours de formation » without accounts importing training.
        register_profile_panel("training/components/profile_panel.html", views_records.profile_panel)
