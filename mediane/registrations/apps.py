"""App configuration of registrations (abstract models only: no table of its own)."""

from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "mediane.registrations"
    label = "registrations"
    verbose_name = "Inscriptions"
