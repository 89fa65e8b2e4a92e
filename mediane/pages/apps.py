from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mediane.pages"
    label = "pages"
    verbose_name = "Pages et actualités"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deploy checks of the legal information
