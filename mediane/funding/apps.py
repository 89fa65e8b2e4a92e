"""App configuration of funding: schemes, their eligibility rules, applications and payments."""

from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "mediane.funding"
    label = "funding"
    verbose_name = "Financements"
