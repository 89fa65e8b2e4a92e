from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mediane.pages"
    label = "pages"
    verbose_name = "Pages et actualités"

    def ready(self) -> None:
        from mediane import assets  # noqa: F401 - registers the check that the DSFR assets were built

        from . import checks  # noqa: F401 - registers the deploy checks of the legal information
