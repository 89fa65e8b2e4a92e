"""App configuration of the forum."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ConsultationConfig(AppConfig):
    name = "mediane.consultation"
    label = "consultation"
    verbose_name = "Forum contributif"

    def ready(self):
        from .search import repair_fulltext_triggers

        # A later migration that rebuilds the contribution table on SQLite drops the search triggers.
        post_migrate.connect(repair_fulltext_triggers, sender=self, dispatch_uid="consultation_fulltext_triggers")
