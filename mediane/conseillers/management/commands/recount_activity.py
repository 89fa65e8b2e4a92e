"""Rebuild every activity counter from the activity reports (after a restore, or to prove them): one transaction
that locks the counters first, so reports recorded meanwhile wait and are counted once. Idempotent: running it
twice gives the same counters."""

from django.core.management.base import BaseCommand

from mediane.conseillers.models_reports import ActivityCounter
from mediane.conseillers.services_reports import recount
from mediane.french import count_phrase


class Command(BaseCommand):
    help = "Recalcule tous les compteurs d'activité à partir des comptes rendus, et dit combien."

    def handle(self, *args, **options):
        self.stdout.write("Recalcul des compteurs d'activité…")
        reports = recount()
        rows = ActivityCounter.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{count_phrase(reports, 'compte rendu compté', 'comptes rendus comptés')}, "
                f"{count_phrase(rows, 'compteur recréé', 'compteurs recréés')}."
            )
        )
