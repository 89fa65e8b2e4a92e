"""App configuration of the Conseillers numériques programme: host structures and their positions, the selection
committee, candidates, matching, recruitment, and the subsidy and training of each adviser."""

from django.apps import AppConfig


class ConseillersConfig(AppConfig):
    name = "mediane.conseillers"
    label = "conseillers"
    verbose_name = "Conseillers numériques"

    def ready(self):
        # The account page links a structure's manager to their host structures (accounts is below conseillers).
        from mediane.accounts.panels import register_profile_panel

        from . import views_hosts

        register_profile_panel("conseillers/hosts/profile_panel.html", views_hosts.profile_panel)
