"""App configuration of registrations (abstract models only: no table of its own). A deleted account's
registrations are freed and anonymised (`receivers.forget_person`)."""

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete


class RegistrationsConfig(AppConfig):
    name = "mediane.registrations"
    label = "registrations"
    verbose_name = "Inscriptions"

    def ready(self):
        from . import receivers

        pre_delete.connect(
            receivers.forget_person, sender=settings.AUTH_USER_MODEL, dispatch_uid="registrations-forget"
        )
