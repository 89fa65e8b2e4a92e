from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mediane.accounts"
    label = "accounts"
    verbose_name = "Comptes"
