"""E-mail each theme's followers the contributions published since their last digest (run it daily)."""

from django.core.management.base import BaseCommand

from mediane.consultation.services import send_digests


class Command(BaseCommand):
    help = "Envoie aux abonné·es de chaque thème le résumé des nouvelles contributions."

    def handle(self, *args, **options):
        summary = send_digests()
        message = f"{summary.sent} e-mail(s) envoyé(s) pour {summary.follows} abonnement(s) examiné(s)."
        self.stdout.write(self.style.SUCCESS(message))
