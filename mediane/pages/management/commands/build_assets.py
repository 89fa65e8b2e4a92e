"""`manage.py build_assets`: the DSFR that the site's pages use (stylesheet and script), and the files they load.

Run by `make install` (again whenever a template, the Python, a script or a package changes). Idempotent: building
again from the same sources writes the same files. See `mediane/assets/`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from mediane.assets import SCRIPT, STYLESHEET, built
from mediane.assets.build import BuildFailed, build


def kilobytes(size: int) -> str:
    return f"{size / 1000:,.0f} Ko".replace(",", " ")


class Command(BaseCommand):
    help = "Construit le DSFR du site : sa feuille de style et son script réduits à ce que ses pages utilisent."
    # Its own system check says that these files are missing: this command is what builds them.
    requires_system_checks: list[str] = []

    def handle(self, *args, **options) -> None:
        try:
            report = build()
        except BuildFailed as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{STYLESHEET} : {kilobytes(report.stylesheet_bytes)} (les feuilles de style complètes du DSFR : "
            f"{kilobytes(report.sources_bytes)}), d'après {report.content_files} fichiers.\n"
            f"{SCRIPT} : {kilobytes(report.script_bytes)} (le script complet : {kilobytes(report.full_script_bytes)}), "
            f"avec les composants {', '.join(report.components)}.\n"
            f"{report.copied} fichiers du DSFR copiés dans {built('')}."
        )
