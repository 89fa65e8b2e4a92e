from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_role_groups(using: str = "default", **kwargs) -> None:
    """The role groups exist after every `migrate` and `flush` (tests that flush the database included)."""
    from django.contrib.auth.models import Group

    from .enums import Role

    for role in Role:
        Group.objects.using(using).get_or_create(name=role.value)


class AccountsConfig(AppConfig):
    name = "mediane.accounts"
    label = "accounts"
    verbose_name = "Comptes"

    def ready(self) -> None:
        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="mediane.accounts.ensure_role_groups")
        # Registers the checks of the rates and of the trusted proxies: the lowest app loads the cross-cutting modules.
        from mediane import client_address, ratelimits  # noqa: F401
