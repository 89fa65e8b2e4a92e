"""App configuration of the synthesis (runs, topics, duplicates) built on the pure engine."""

from django.apps import AppConfig


class SynthesisConfig(AppConfig):
    name = "mediane.synthesis"
    label = "synthesis"
    verbose_name = "Synthèse des contributions"

    def ready(self):
        from mediane.consultation.panels import register_theme_panel

        from .views import theme_panel

        # The theme page links to the synthesis without the forum importing this app.
        register_theme_panel("synthesis/components/theme_panel.html", theme_panel)
