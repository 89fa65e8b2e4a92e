"""Every write of events: create, edit, publish, cancel. Registrations go through `mediane.registrations.services`.

Errors are `EventError` with a French message. A change of capacity goes through
`registrations.services.change_capacity`, so that new seats move waiting people in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from mediane import text
from mediane.registrations import services as registrations
from mediane.structures.models import Place, Structure

from .enums import EventKind, EventStatus
from .models import Event

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 10_000
MAX_CAPACITY = 100_000

# The only moves of an event's status.
EVENT_TRANSITIONS: dict[str, frozenset[str]] = {
    EventStatus.DRAFT: frozenset({EventStatus.PUBLISHED, EventStatus.CANCELLED}),
    EventStatus.PUBLISHED: frozenset({EventStatus.CANCELLED}),
    EventStatus.CANCELLED: frozenset(),
}


class EventError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class EventData:
    title: str
    kind: str
    description: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: Place | None
    online: bool
    online_url: str
    structure: Structure | None
    capacity: int | None
    registration_open: bool


def check_event(data: EventData) -> None:
    """Raise `EventError` with a French message when the data cannot make an event."""
    if not data.title.strip():
        raise EventError("Donnez un titre à l'événement.")
    if len(data.title) > TITLE_MAX_LENGTH:
        raise EventError(f"Le titre est trop long : {TITLE_MAX_LENGTH} caractères au plus.")
    if len(data.description) > DESCRIPTION_MAX_LENGTH:
        raise EventError(f"La description est trop longue : {DESCRIPTION_MAX_LENGTH} caractères au plus.")
    for value, label in ((data.title, "Le titre"), (data.description, "La description")):
        message = text.control_character_message(value, label)
        if message:
            raise EventError(message)
    if data.kind not in EventKind.values:
        raise EventError("Choisissez le type d'événement dans la liste.")
    if data.ends_at < data.starts_at:
        raise EventError("La fin de l'événement doit venir après son début.")
    if data.online and data.place is not None:
        raise EventError("Un événement est soit dans un lieu, soit en ligne : choisissez l'un ou l'autre.")
    if not data.online and data.place is None:
        raise EventError("Choisissez le lieu de l'événement, ou cochez « En ligne ».")
    if data.capacity is not None and not 1 <= data.capacity <= MAX_CAPACITY:
        raise EventError(f"Le nombre de places doit être entre 1 et {MAX_CAPACITY}, ou vide s'il n'est pas limité.")


def create_event(data: EventData, *, publish: bool = False) -> Event:
    check_event(data)
    return Event.objects.create(
        title=data.title.strip(),
        kind=data.kind,
        description=data.description.strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place,
        online=data.online,
        online_url=data.online_url if data.online else "",
        structure=data.structure,
        capacity=data.capacity,
        registration_open=data.registration_open,
        status=EventStatus.PUBLISHED if publish else EventStatus.DRAFT,
    )


def update_event(event: Event, data: EventData) -> Event:
    """Change an event. More seats move waiting people in (told by e-mail); fewer never remove anyone."""
    check_event(data)
    if event.is_cancelled:
        raise EventError("Cet événement est annulé : il ne peut plus être modifié.")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        locked.title = data.title.strip()
        locked.kind = data.kind
        locked.description = data.description.strip()
        locked.starts_at, locked.ends_at = data.starts_at, data.ends_at
        locked.place, locked.online = data.place, data.online
        locked.online_url = data.online_url if data.online else ""
        locked.structure = data.structure
        locked.registration_open = data.registration_open
        locked.save(
            update_fields=[
                "title",
                "kind",
                "description",
                "starts_at",
                "ends_at",
                "place",
                "online",
                "online_url",
                "structure",
                "registration_open",
                "updated_at",
            ]
        )
        if locked.capacity != data.capacity:
            registrations.change_capacity(locked, data.capacity)
    locked.refresh_from_db()
    return locked


def _change_status(event: Event, status: str) -> Event:
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if status not in EVENT_TRANSITIONS[locked.status]:
            raise EventError(
                f"Cet événement est « {locked.get_status_display()} » : il ne peut pas devenir « "
                f"{EventStatus(status).label} »."
            )
        locked.status = status
        fields = ["status", "updated_at"]
        if status == EventStatus.CANCELLED:
            locked.registration_open = False
            fields.append("registration_open")
        locked.save(update_fields=fields)
        if status == EventStatus.CANCELLED:
            registrations.call_off(locked)
    return locked


def publish_event(event: Event) -> Event:
    return _change_status(event, EventStatus.PUBLISHED)


def cancel_event(event: Event) -> Event:
    """The event will not take place: it stays public, marked « Annulé », takes no more registrations, and every
    person registered, waiting or still to confirm is told by e-mail (their registrations are cancelled)."""
    return _change_status(event, EventStatus.CANCELLED)
