from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mediane.pages"
    label = "pages"
    verbose_name = "Pages et actualités"
