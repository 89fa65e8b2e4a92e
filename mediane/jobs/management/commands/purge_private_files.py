"""Delete the private files that no row holds any more (an upload whose transaction rolled back), older than a day.

Idempotent: run it as often as you like; Celery beat runs it daily (`jobs.purge_private_files`)."""

from django.core.management.base import BaseCommand

from mediane import privatefiles


class Command(BaseCommand):
    help = "Supprime les fichiers privés qu'aucune ligne ne référence plus (plus vieux d'un jour) et dit combien."

    def handle(self, *args, **options):
        purged = privatefiles.purge_all_orphans()
        for folder, names in purged.items():
            self.stdout.write(f"{folder} : {len(names)} fichier(s) supprimé(s).")
        total = sum(len(names) for names in purged.values())
        self.stdout.write(self.style.SUCCESS(f"{total} fichier(s) orphelin(s) supprimé(s) en tout."))
