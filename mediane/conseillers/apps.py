"""App configuration of the Conseillers numériques programme: host structures and their positions, the selection
committee, candidates, matching, recruitment, and the subsidy and training of each adviser."""

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete


class ConseillersConfig(AppConfig):
    name = "mediane.conseillers"
    label = "conseillers"
    verbose_name = "Conseillers numériques"

    def ready(self):
        from mediane.accounts.panels import register_profile_panel

        from . import indicators, services_candidates, signals, views_candidates, views_hosts

        # A deleted account takes the candidate's profile with it (GDPR): personal data removed, CV deleted.
        pre_delete.connect(
            services_candidates.forget_person, sender=settings.AUTH_USER_MODEL, dispatch_uid="conseillers-forget"
        )
        # The account page links a structure's manager to their host structures and a candidate to their profile
        # (accounts is below conseillers).
        register_profile_panel("conseillers/hosts/profile_panel.html", views_hosts.profile_panel)
        register_profile_panel("conseillers/candidates/profile_panel.html", views_candidates.profile_panel)
        # The roadmap's actions measured by a figure of the programme follow it (the roadmap imports nothing here).
        indicators.register()
        signals.programme_figures_changed.connect(indicators.refresh_roadmap, dispatch_uid="conseillers-roadmap")
