"""`manage.py generate_dossier --theme 1`: build a meeting's dossier now, in this process (not in the background).

With `--png DIR`, also render chosen pages of the PDF to PNG images (the screenshots of `docs/images/`), with
pypdfium2, a development tool (`requirements-dev.txt`) that the platform itself never needs.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mediane import numbers
from mediane.french import count_phrase
from mediane.workinggroup import services
from mediane.workinggroup.models import Meeting


class Command(BaseCommand):
    help = "Génère tout de suite le dossier de la réunion d'un thème (PDF et Markdown)."

    def add_arguments(self, parser):
        parser.add_argument("--theme", type=int, required=True, help="numéro du thème")
        parser.add_argument("--consultation", default="", help="adresse courte de la consultation (si plusieurs)")
        parser.add_argument("--png", default="", help="dossier où écrire des pages du PDF en PNG")
        parser.add_argument("--pages", default="1,2,3", help="pages à écrire en PNG, par exemple 1,4,6")
        parser.add_argument("--scale", type=float, default=1.0, help="échelle des PNG (1 = 72 points par pouce)")

    def handle(self, *args, **options):
        meetings = Meeting.objects.with_theme().filter(theme__number=options["theme"])
        if options["consultation"]:
            meetings = meetings.filter(theme__consultation__slug=options["consultation"])
        if meetings.count() != 1:
            raise CommandError("Aucune réunion, ou plusieurs, pour ce thème : précisez --consultation.")
        meeting = meetings.get()
        started = time.monotonic()
        try:
            dossier = services.build_dossier_now(None, meeting)
        except services.WorkingGroupError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        if not dossier.is_ready:
            raise CommandError(dossier.error or "Le dossier n'a pas pu être généré.")
        self.stdout.write(self.style.SUCCESS(f"Dossier n° {dossier.pk} généré en {elapsed:.1f} s :"))
        self.stdout.write(f"  - Markdown : {dossier.markdown.name} ({dossier.markdown.size} octets)")
        if dossier.pdf:
            self.stdout.write(
                f"  - PDF : {dossier.pdf.name} ({dossier.pdf.size} octets, "
                f"{count_phrase(dossier.pdf_pages or 0, 'page')})"
            )
        else:
            self.stdout.write(self.style.WARNING(f"  - PDF : {dossier.error}"))
        if options["png"] and dossier.pdf:
            self.write_pages(dossier, Path(options["png"]), options["pages"], options["scale"])

    def write_pages(self, dossier, directory: Path, pages: str, scale: float) -> None:
        try:
            import pypdfium2
        except ImportError as error:
            raise CommandError("pypdfium2 manque : pip install -r requirements-dev.txt") from error
        directory.mkdir(parents=True, exist_ok=True)
        with dossier.pdf.open("rb") as handle:
            document = pypdfium2.PdfDocument(handle.read())
        try:
            for part in [part for part in pages.split(",") if part.strip()]:
                try:
                    number = numbers.parse_int(part, minimum=1, maximum=len(document), label="Le numéro de page")
                except numbers.NumberError as error:
                    raise CommandError(f"{error} Le PDF a {len(document)} page(s).") from error
                target = directory / f"dossier-page-{number}.png"
                document[number - 1].render(scale=scale).to_pil().save(target, optimize=True)
                self.stdout.write(f"  - page {number} : {target}")
        finally:
            document.close()
