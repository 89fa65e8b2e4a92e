"""`manage.py import_lieux <fichier>`: import a file of places, with a progress line and a line-numbered report."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mediane.structures import import_jobs, services
from mediane.structures.enums import ImportStatus
from mediane.structures.imports import guess_format
from mediane.structures.services import ImportRefused
from mediane.structures.standard import FormatError

STAGES = {"read": "Lecture du fichier", "plan": "Comparaison", "write": "Enregistrement", "done": "Terminé"}


class Command(BaseCommand):
    help = (
        "Importe un fichier de lieux : standard national (CSV ou JSON), ancien format v0 (JSON) ou fichier des "
        "bibliothèques publiques du ministère de la Culture (CSV). Chaque lieu est reconnu par son identifiant : "
        "importer de nouveau le même fichier met à jour, sans doublon. Le format se devine de l'extension "
        "(.csv, .json, éventuellement .gz) quand --format est omis. Code de sortie : 0 quand toutes les lignes "
        "sont acceptées ; 1 quand le fichier est illisible, ou quand des lignes sont rejetées (les autres sont "
        "importées quand même, sauf avec --dry-run), pour qu'un script s'en aperçoive."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Chemin du fichier (.csv, .json, .csv.gz ou .json.gz).")
        parser.add_argument(
            "--format",
            choices=["standard", "legacy", "bibliotheques"],
            help="standard (CSV ou JSON selon l'extension), legacy (ancien format v0, JSON) ou bibliotheques "
            "(fichier du ministère de la Culture).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Vérifie et donne le rapport sans rien écrire.")
        parser.add_argument(
            "--date-publication",
            type=date.fromisoformat,
            help="Date de publication du fichier des bibliothèques (AAAA-MM-JJ), écrite comme date de mise à jour "
            "de chaque lieu. Par défaut : la date du jour.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}.")
        try:
            file_format = guess_format(path.name, options["format"])
            job = import_jobs.import_file(
                path.read_bytes(),
                file_name=path.name,
                file_format=file_format,
                dry_run=options["dry_run"],
                published=options["date_publication"],
                progress=self.progress,
            )
        except (FormatError, ImportRefused) as error:
            raise CommandError(str(error)) from None
        self.stderr.write("")
        if job.status == ImportStatus.FAILED:
            raise CommandError(job.error)
        self.report(job)
        if job.rejected_count:
            raise CommandError(f"{job.rejected_count} ligne(s) rejetée(s) : voir le rapport ci-dessus.")

    def progress(self, stage: str, fraction: float) -> None:
        percent = round(fraction * 100)
        if (stage, percent) == getattr(self, "_last", None):
            return
        self._last = (stage, percent)
        self.stderr.write(f"\r{STAGES.get(stage, stage)} : {percent:3d} %", ending="")
        self.stderr.flush()

    def report(self, job) -> None:
        title = "Vérification sans import (rien n'a été écrit)" if job.dry_run else "Import terminé"
        self.stdout.write(f"{title} : {job.file_name}, {job.rows_count} ligne(s) lue(s) (import n° {job.pk}).")
        self.stdout.write(services.describe_counts(job))
        self.stdout.write(
            f"Structures : {job.structures_created_count} ajoutée(s), {job.structures_updated_count} complétée(s)."
        )
        for warning in job.warnings:
            self.stdout.write(self.style.WARNING(f"Avertissement : {warning}"))
        for rejection in job.rejections:
            where = f"{job.row_word} {rejection['line']}" if rejection["line"] else f"{job.row_word} inconnu(e)"
            identifier = f" (id « {rejection['id']} »)" if rejection["id"] else ""
            for message in rejection["messages"]:
                self.stdout.write(self.style.ERROR(f"{where}{identifier} : {message}"))
