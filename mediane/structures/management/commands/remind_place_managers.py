"""`manage.py remind_place_managers`: the yearly reminder to the managers of places not confirmed for a year, as
Celery beat runs it every day (`structures.remind_managers`). Idempotent: a second run the same year sends nothing."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from mediane.french import count_phrase
from mediane.structures.services_care import remind_managers


class Command(BaseCommand):
    help = (
        "Écrit à chaque responsable de lieu dont les informations n'ont pas été vérifiées depuis un an (un seul "
        "e-mail par personne, avec tous ses lieux). Sans effet si le rappel a déjà été envoyé cette année."
    )

    def handle(self, *args, **options):
        counts = remind_managers(timezone.now())
        people = count_phrase(counts["responsables"], "responsable")
        places = count_phrase(counts["lieux"], "lieu", "lieux")
        self.stdout.write(f"Rappel envoyé : {people}, {places} à vérifier.")
