"""Delete the candidates' CVs sent more than `CV_RETENTION_DAYS` ago (the candidates are told), after reminding
those whose CV goes within 14 days. Idempotent; Celery beat runs it daily (`conseillers.purge_cvs`)."""

from django.core.management.base import BaseCommand

from mediane.conseillers.services_candidates import purge_cvs, remind_cv_deletion
from mediane.french import count_phrase


class Command(BaseCommand):
    help = "Supprime les CV des candidat·es envoyés il y a plus de six mois, prévient les candidat·es, et dit combien."

    def handle(self, *args, **options):
        reminded = remind_cv_deletion()
        deleted = purge_cvs()
        people = count_phrase(reminded, "candidat·e prévenu·e", "candidat·es prévenu·es")
        self.stdout.write(f"{people} de la suppression prochaine de leur CV.")
        self.stdout.write(self.style.SUCCESS(f"{count_phrase(deleted, 'CV supprimé', 'CV supprimés')}."))
