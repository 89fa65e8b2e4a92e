"""App configuration of training: competence frameworks, courses, sessions, records and the kit."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "mediane.training"
    label = "training"
    verbose_name = "Formation"
