"""App configuration of structures: the organisations and their places in the national standard."""

from django.apps import AppConfig


class StructuresConfig(AppConfig):
    name = "mediane.structures"
    label = "structures"
    verbose_name = "Structures et lieux"
