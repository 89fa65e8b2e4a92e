"""E-mail the followers of roadmap actions the changes since their last digest (run it every hour)."""

from django.core.management.base import BaseCommand

from mediane.roadmap.services_digests import send_action_digests


class Command(BaseCommand):
    help = "Envoie aux personnes qui suivent des actions de la feuille de route le résumé de leurs nouvelles."

    def handle(self, *args, **options):
        summary = send_action_digests()
        message = f"{summary.sent} e-mail(s) envoyé(s) pour {summary.people} personne(s) qui suivent des actions."
        self.stdout.write(self.style.SUCCESS(message))
