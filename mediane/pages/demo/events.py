"""The demo's agenda: the 2021 « Journée inclusion numérique » with workshops in three libraries of the Rhône (from
the demo directory), and today's events — a workshop with seats left, a full one with a waiting list, a webinar.

Every event and registration goes through the services, each at its date (`clock.at`). The people who register
are invented (addresses at example.org), except Lucie, the demo's participant, who registers with her account: her
« Mes inscriptions » page shows it. The demo writes to no one: its registrations' e-mails are not sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from mediane.accounts.models import User
from mediane.events import services as events
from mediane.events.enums import EventKind
from mediane.events.models import Event
from mediane.events.services import EventData
from mediane.jobs.queue import without_emails
from mediane.registrations import services as registrations
from mediane.structures.models import Place

from . import clock

PARIS = ZoneInfo("Europe/Paris")
# The Ministry of Culture's libraries of the Rhône in the demo directory (« bib- » + the Ministry's code).
BACHUT, RIZE, PAUL_ELUARD, PART_DIEU = "bib-LI5927", "bib-LI5945", "bib-LI5937", "bib-LI3037"
JOURNEE_2021 = dt.date(2021, 10, 14)
JOURNEE_2021_ANNOUNCED = dt.datetime(2021, 9, 6, 9, 0, tzinfo=PARIS)
PEOPLE = [
    "Josiane Martin",
    "Ahmed Benali",
    "Monique Durand",
    "Kevin Nguyen",
    "Fatima Ouali",
    "Gérard Petit",
    "Chantal Robert",
    "Mamadou Diallo",
    "Sandrine Morel",
    "Yvette Garnier",
]
JOURNEE_DESCRIPTION = (
    "Dans le cadre de la journée inclusion numérique, la bibliothèque ouvre ses portes à toutes celles et ceux "
    "qui ont du mal avec le numérique.\n\n"
    "Au programme :\n\n"
    "- **créer une adresse e-mail** et s'en servir ;\n"
    "- faire une démarche en ligne (CAF, impôts, santé) avec un médiateur ;\n"
    "- régler son téléphone : agrandir le texte, installer une application.\n\n"
    "Gratuit. Venez avec votre téléphone et vos identifiants si vous en avez."
)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=PARIS)


def _data(title, kind, description, starts, ends, place, capacity, online_url="") -> EventData:
    return EventData(
        title=title,
        kind=kind,
        description=description,
        starts_at=starts,
        ends_at=ends,
        place=place,
        online=place is None,
        online_url=online_url,
        structure=place.structure if place else None,
        capacity=capacity,
        registration_open=True,
    )


def _register(event: Event, names: list[str], moment: dt.datetime) -> None:
    """The public registers and confirms, one person every 20 minutes from `moment`."""
    for index, name in enumerate(names):
        with clock.at(moment + dt.timedelta(minutes=20 * index)):
            slug = name.lower().replace(" ", ".").replace("é", "e").replace("è", "e")
            registration = registrations.register(event, name=name, email=f"{slug}@example.org")
            registrations.confirm(registration)


def load_events(now: dt.datetime, participant: User, step: Callable[[str], None]) -> dict[str, int]:
    places = {
        place.id_standard: place
        for place in Place.objects.filter(id_standard__in=[BACHUT, RIZE, PAUL_ELUARD, PART_DIEU])
    }
    if len(places) < 4:
        step("agenda : les bibliothèques de la démonstration manquent, pas d'événement")
        return {"événements": 0}
    with without_emails():  # the demo's people are invented: nobody is written to
        step("agenda : la journée inclusion numérique de 2021")
        for number, (key, hours) in enumerate(((BACHUT, (9, 17)), (RIZE, (10, 16)), (PAUL_ELUARD, (14, 18)))):
            place = places[key]
            with clock.at(JOURNEE_2021_ANNOUNCED + dt.timedelta(hours=number)):
                event = events.create_event(
                    _data(
                        f"Journée inclusion numérique : ateliers à la {place.nom}",
                        EventKind.INCLUSION_DAY,
                        JOURNEE_DESCRIPTION,
                        _at(JOURNEE_2021, hours[0]),
                        _at(JOURNEE_2021, hours[1]),
                        place,
                        12,
                    ),
                    publish=True,
                )
            _register(event, PEOPLE[number : number + 6], JOURNEE_2021_ANNOUNCED + dt.timedelta(days=3 + number))

        step("agenda : les événements à venir")
        today = now.astimezone(PARIS).date()
        with clock.at(now - dt.timedelta(days=14)):
            workshop = events.create_event(
                _data(
                    "Atelier « Mes démarches en ligne sans stress »",
                    EventKind.WORKSHOP,
                    "Un atelier en petit groupe pour apprendre à faire ses démarches en ligne : se connecter avec "
                    "FranceConnect, remplir un formulaire, garder une preuve.\n\nGratuit, sans inscription préalable "
                    "à la bibliothèque.",
                    _at(today + dt.timedelta(days=12), 14),
                    _at(today + dt.timedelta(days=12), 16),
                    places[PART_DIEU],
                    12,
                ),
                publish=True,
            )
            full = events.create_event(
                _data(
                    "Atelier « Mon smartphone au quotidien »",
                    EventKind.WORKSHOP,
                    "Régler son téléphone, agrandir le texte, installer une application, reconnaître une arnaque "
                    "par SMS. Venez avec votre téléphone.",
                    _at(today + dt.timedelta(days=20), 10),
                    _at(today + dt.timedelta(days=20), 12),
                    places[BACHUT],
                    6,
                ),
                publish=True,
            )
            webinar = events.create_event(
                _data(
                    "Webinaire : accueillir les publics éloignés du numérique en bibliothèque",
                    EventKind.WEBINAR,
                    "Une heure d'échanges entre bibliothécaires et médiateurs : repérer les besoins, orienter, "
                    "travailler avec France Services et les conseillers numériques.",
                    _at(today + dt.timedelta(days=9), 11),
                    _at(today + dt.timedelta(days=9), 12),
                    None,
                    None,
                    "https://webinaire.example.org/accueillir-les-publics",
                ),
                publish=True,
            )
        _register(workshop, PEOPLE[:4], now - dt.timedelta(days=10))
        _register(full, PEOPLE[2:10], now - dt.timedelta(days=9))  # 6 seats, 2 on the waiting list
        _register(webinar, PEOPLE[5:8], now - dt.timedelta(days=8))
        with clock.at(now - dt.timedelta(days=2)):
            registrations.register(webinar, user=participant)
            registrations.register(full, user=participant)  # third on the waiting list
    return {"événements": Event.objects.count()}
