"""`manage.py import_workshop_sheet`: record a workshop sheet (CSV) as contributions collected by a mediator.

All or nothing, like the import page.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mediane.accounts.models import User
from mediane.consultation import services, services_imports
from mediane.french import count_phrase

from .import_decidim import find_theme, read_bytes


class Command(BaseCommand):
    help = "Importe une fiche d'atelier (CSV type;titre;texte;categorie;code_postal;consentement) dans un thème ouvert."

    def add_arguments(self, parser):
        parser.add_argument("file", help="fiche d'atelier au format CSV")
        parser.add_argument("--consultation", required=True, help="adresse courte (slug) de la consultation")
        parser.add_argument("--theme", required=True, type=int, help="numéro du thème")
        parser.add_argument("--collected-by", required=True, help="adresse e-mail du ou de la médiateur·rice")
        parser.add_argument("--dry-run", action="store_true", help="vérifie le fichier sans rien enregistrer")

    def handle(self, *args, **options):
        theme = find_theme(options["consultation"], options["theme"])
        try:
            mediator = User.objects.get(email=options["collected_by"].lower())
        except User.DoesNotExist:
            raise CommandError(f"Aucun compte pour l'adresse « {options['collected_by']} ».") from None
        result = services_imports.read_workshop_sheet(read_bytes(options["file"]))
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} erreur(s) : rien n'a été importé.")
        if options["dry_run"]:
            self.stdout.write(
                self.style.SUCCESS(f"Fichier valide : {count_phrase(len(result.rows), 'contribution')} à importer.")
            )
            return
        try:
            record = services_imports.import_workshop_sheet(mediator, theme, result.rows, Path(options["file"]).name)
        except services.ForumError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{count_phrase(record.rows, 'contribution importée', 'contributions importées')} dans « {theme} »."
            )
        )
