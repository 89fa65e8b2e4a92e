"""App configuration of structures: the organisations and their places in the national standard."""

from django.apps import AppConfig


class StructuresConfig(AppConfig):
    name = "mediane.structures"
    label = "structures"
    verbose_name = "Structures et lieux"

    def ready(self):
        # The account page shows « Mes lieux » to a person who manages a place (accounts is below structures).
        from mediane.accounts.panels import register_profile_panel

        from . import views_care_lists

        register_profile_panel("structures/care/profile_panel.html", views_care_lists.profile_panel)
