"""App configuration of funding: schemes, their eligibility rules, applications and payments."""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.db.models.signals import post_migrate, pre_delete


def ensure_schemes(using: str = "default", **kwargs) -> None:
    """The six seeded schemes are there after a `flush` too (tests that flush the database, the demo).

    Only when there is no scheme at all: what organisers changed or removed is never given back. The list is the
    data migration's, read from it, so that it exists once.
    """
    from .models import Scheme

    if Scheme.objects.using(using).exists():
        return
    import_module("mediane.funding.migrations.0004_seed_schemes").seed(global_apps, None)


class FundingConfig(AppConfig):
    name = "mediane.funding"
    label = "funding"
    verbose_name = "Financements"

    def ready(self):
        post_migrate.connect(ensure_schemes, sender=self, dispatch_uid="mediane.funding.ensure_schemes")
        from . import receivers

        pre_delete.connect(receivers.forget_person, sender=settings.AUTH_USER_MODEL, dispatch_uid="funding-forget")
        # The account page links a structure's manager to their funding applications (accounts is below funding).
        from mediane.accounts.panels import register_profile_panel

        from . import views_applications

        register_profile_panel("funding/applications/profile_panel.html", views_applications.profile_panel)
