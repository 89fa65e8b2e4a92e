"""The demo's care of places: the mediator of the demo asks to manage the Bibliothèque du Bachut (Lyon 8e) and the
organiser approves it, a visitor reports an error on its page, and the participant's request to manage the
Bibliothèque de la Rize waits for an answer. Everything goes through `services_care`, without e-mails.

Runs once: when any request to manage a place exists, or when the demo's two libraries are not in the directory (a
database loaded by another version), it does nothing (`load_demo` calls it on every run).
"""

from __future__ import annotations

from collections.abc import Callable

from mediane.accounts.models import User
from mediane.jobs.queue import without_emails
from mediane.structures import services_care
from mediane.structures.models import Place, PlaceManagerRequest

BACHUT, RIZE = "bib-LI5927", "bib-LI5945"


def load_places_care(
    organiser: User | None, mediator: User | None, participant: User | None, step: Callable[[str], None]
) -> dict[str, int]:
    if organiser is None or PlaceManagerRequest.objects.exists():
        return {}
    places = {place.id_standard: place for place in Place.objects.filter(id_standard__in=[BACHUT, RIZE])}
    if not (mediator is not None and BACHUT in places) and not (participant is not None and RIZE in places):
        return {}  # nobody of the demo to write them, or not its libraries
    step("lieux : un gestionnaire, un signalement d'erreur et une demande de gestion en attente")
    with without_emails():
        if mediator is not None and BACHUT in places:
            bachut = places[BACHUT]
            request = services_care.ask_to_manage(
                mediator,
                bachut,
                "Je suis médiateur numérique à la bibliothèque du Bachut : j'anime les ateliers et l'accueil pour "
                "les démarches en ligne.",
            )
            services_care.decide_manager_request(organiser, request, approve=True)
            services_care.report_error(
                bachut,
                "La bibliothèque est fermée le lundi, mais la page ne donne pas ses horaires.",
                "visiteur@demo.mediane.localhost",
            )
        if participant is not None and RIZE in places:
            services_care.ask_to_manage(
                participant,
                places[RIZE],
                "Je suis bénévole à la Rize et j'aide les habitants pour leurs démarches le mercredi.",
            )
    if not PlaceManagerRequest.objects.exists():  # no demo person to write them: nothing was loaded
        return {}
    return {
        "demandes de gestion de lieux": PlaceManagerRequest.objects.count(),
        "lieux gérés par une personne acceptée": Place.objects.filter(manager_requests__status="acceptee").count(),
    }
