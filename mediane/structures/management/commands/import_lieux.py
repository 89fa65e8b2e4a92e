"""`manage.py import_lieux <fichier>`: import a file of places, with a progress line and a line-numbered report."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mediane.structures import import_jobs, services, services_sources
from mediane.structures.enums import ImportFormat, ImportStatus
from mediane.structures.imports import guess_format
from mediane.structures.mapping.profile import Profile, ProfileError
from mediane.structures.services import ImportRefused
from mediane.structures.standard import FormatError

STAGES = {"read": "Lecture du fichier", "plan": "Comparaison", "write": "Enregistrement", "done": "Terminé"}
PRODUCER = "producteur"


class Command(BaseCommand):
    help = (
        "Importe un fichier de lieux : standard national (CSV ou JSON), ancien format v0 (JSON), fichier des "
        "bibliothèques publiques du ministère de la Culture (CSV), ou fichier d'un producteur dans sa propre forme, "
        "lu avec sa correspondance (--format producteur --profil correspondance.json). Les identifiants des lieux "
        "sont ceux de leur source (--source, ou la source nommée dans la correspondance, créée si elle est "
        "nouvelle) : importer de nouveau le même fichier met à jour, sans doublon. Le format se devine de "
        "l'extension (.csv, .json, éventuellement .gz) quand --format est omis. Code de sortie : 0 quand toutes "
        "les lignes sont acceptées ; 1 quand le fichier est illisible, quand la correspondance l'est, ou quand des "
        "lignes sont rejetées (les autres sont importées quand même, sauf avec --dry-run ou --tout-ou-rien), pour "
        "qu'un script s'en aperçoive."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Chemin du fichier (.csv, .json, .csv.gz ou .json.gz).")
        parser.add_argument(
            "--format",
            choices=["standard", "legacy", "bibliotheques", PRODUCER],
            help="standard (CSV ou JSON selon l'extension), legacy (ancien format v0, JSON), bibliotheques "
            "(fichier du ministère de la Culture) ou producteur (la forme propre d'un producteur, avec --profil).",
        )
        parser.add_argument(
            "--dry-run",
            "--verifier",
            action="store_true",
            dest="dry_run",
            help="Vérifie et donne le rapport sans rien écrire.",
        )
        parser.add_argument(
            "--date-publication",
            type=date.fromisoformat,
            help="Date de publication du fichier des bibliothèques (AAAA-MM-JJ), écrite comme date de mise à jour "
            "de chaque lieu. Par défaut : la date du jour.",
        )
        parser.add_argument(
            "--profil",
            type=Path,
            help="Fichier de correspondance (.json, « Télécharger la correspondance » dans Médiane) : comment les "
            "colonnes et les libellés du fichier deviennent le standard. Obligatoire avec --format producteur.",
        )
        parser.add_argument(
            "--source",
            help="Nom de la source des lieux (le producteur du fichier), créée si elle est nouvelle. Par défaut : "
            "celle de la correspondance ; aucune pour un fichier au standard. Le fichier des bibliothèques va "
            "toujours à sa propre source.",
        )
        parser.add_argument(
            "--tout-ou-rien",
            action="store_true",
            dest="all_or_nothing",
            help="N'importe rien si une seule ligne est rejetée (par défaut, les lignes valides sont importées).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}.")
        producer = options["format"] == PRODUCER
        if producer != bool(options["profil"]):
            raise CommandError(
                "Avec --format producteur, indiquez la correspondance : --profil fichier.json."
                if producer
                else "--profil ne sert qu'avec --format producteur : ajoutez-le, ou retirez --profil."
            )
        try:
            profile = self.profile(options["profil"])
            file_format = ImportFormat.MAPPED if producer else guess_format(path.name, options["format"])
            place_source = self.source(options["source"] or (profile.source if profile else ""), file_format)
            job = import_jobs.import_file(
                path.read_bytes(),
                file_name=path.name,
                file_format=file_format,
                dry_run=options["dry_run"],
                published=options["date_publication"],
                progress=self.progress,
                place_source=place_source,
                profile=profile,
                all_or_nothing=options["all_or_nothing"],
            )
        except (FormatError, ImportRefused) as error:
            raise CommandError(str(error)) from None
        self.stderr.write("")
        if job.status == ImportStatus.FAILED:
            if job.report:
                self.report(job)
            raise CommandError(job.error)
        self.report(job)
        if job.rejected_count:
            raise CommandError(f"{job.rejected_count} ligne(s) rejetée(s) : voir le rapport ci-dessus.")

    def profile(self, path: Path | None) -> Profile | None:
        if path is None:
            return None
        if not path.is_file():
            raise CommandError(f"Fichier de correspondance introuvable : {path}.")
        try:
            return Profile.loads(path.read_bytes())
        except ProfileError as error:
            raise CommandError(f"Correspondance {path.name} : {error}") from None

    def source(self, name: str, file_format: str):
        if file_format == ImportFormat.LIBRARIES:
            if name:
                self.stderr.write(
                    f"Le fichier des bibliothèques va toujours à la source « {services.LIBRARIES_SOURCE_NAME} » : "
                    f"--source « {name} » n'est pas utilisée."
                )
            return None
        if not name:
            if file_format == ImportFormat.MAPPED:
                raise CommandError(
                    "La correspondance ne nomme pas sa source : indiquez-la avec --source « Nom du producteur »."
                )
            return None
        source, created = services_sources.source_named(name)
        if created:
            self.stderr.write(f"Nouvelle source créée : « {source.name} » (identifiant court « {source.slug} »).")
        return source

    def progress(self, stage: str, fraction: float) -> None:
        percent = round(fraction * 100)
        if (stage, percent) == getattr(self, "_last", None):
            return
        self._last = (stage, percent)
        self.stderr.write(f"\r{STAGES.get(stage, stage)} : {percent:3d} %", ending="")
        self.stderr.flush()

    def report(self, job) -> None:
        if job.status == ImportStatus.FAILED:
            title = "Vérification échouée" if job.dry_run else "Import échoué (rien n'a été écrit)"
        else:
            title = "Vérification sans import (rien n'a été écrit)" if job.dry_run else "Import terminé"
        source = f", source « {job.place_source.name} »" if job.place_source else ""
        self.stdout.write(f"{title} : {job.file_name}{source}, {job.rows_count} ligne(s) lue(s) (import n° {job.pk}).")
        verdict = (job.report or {}).get("verdict")
        if verdict:
            self.stdout.write(verdict)
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
