"""`manage.py import_decidim`: bring a Decidim proposals export (CSV) into a theme.

Idempotent: running it again on the same file updates the proposals, with no duplicate.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mediane.consultation import services_imports
from mediane.consultation.models import Theme
from mediane.french import count_phrase


def find_theme(consultation: str, number: int) -> Theme:
    try:
        return Theme.objects.select_related("consultation").get(consultation__slug=consultation, number=number)
    except Theme.DoesNotExist:
        raise CommandError(f"Aucun thème n° {number} dans la consultation « {consultation} ».") from None


def read_bytes(path: str) -> bytes:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"Le fichier « {path} » n'existe pas.")
    return file.read_bytes()


class Command(BaseCommand):
    help = "Importe l'export CSV des propositions d'une concertation Decidim dans un thème."

    def add_arguments(self, parser):
        parser.add_argument("file", help="export CSV des propositions (séparateur « ; »)")
        parser.add_argument("--consultation", required=True, help="adresse courte (slug) de la consultation")
        parser.add_argument("--theme", required=True, type=int, help="numéro du thème")
        parser.add_argument("--dry-run", action="store_true", help="vérifie et compte sans rien enregistrer")

    def handle(self, *args, **options):
        theme = find_theme(options["consultation"], options["theme"])
        result = services_imports.read_decidim_export(read_bytes(options["file"]))
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(str(warning)))
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} erreur(s) : rien n'a été importé.")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  {done}/{count_phrase(total, 'proposition traitée', 'propositions traitées')}")

        summary = services_imports.import_decidim_proposals(
            theme, result.rows, Path(options["file"]).name, dry_run=options["dry_run"], progress=progress
        )
        prefix = "Vérification seule, rien n'est enregistré : " if options["dry_run"] else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{count_phrase(len(result.rows), 'proposition lue', 'propositions lues')} pour « {theme} » : "
                f"{count_phrase(summary.created, 'ajoutée')}, "
                f"{count_phrase(summary.updated, 'mise à jour', 'mises à jour')}, "
                f"{count_phrase(summary.unchanged, 'inchangée')}."
            )
        )
