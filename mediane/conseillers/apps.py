"""App configuration of the Conseillers numériques programme: host structures and their positions, the selection
committee, candidates, matching, recruitment, and the subsidy and training of each adviser."""

from django.apps import AppConfig


class ConseillersConfig(AppConfig):
    name = "mediane.conseillers"
    label = "conseillers"
    verbose_name = "Conseillers numériques"
