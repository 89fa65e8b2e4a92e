"""Factories for events: a published workshop next week at a place of Lyon, 2 hours long, 10 seats."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.events.dates import PARIS
from mediane.events.enums import EventKind, EventStatus
from mediane.events.models import Event, EventRegistration
from mediane.registrations.enums import RegistrationStatus
from tests.structures.factories import PlaceFactory


def _next_week() -> dt.datetime:
    # At 10 h in Paris: a 2-hour workshop then never runs past midnight, whatever the hour the tests run at.
    local = (timezone.now() + dt.timedelta(days=7)).astimezone(PARIS)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Atelier « Mes démarches en ligne » n° {n}")
    kind = EventKind.WORKSHOP
    description = "Venez avec votre téléphone : nous créons ensemble votre compte en ligne."
    starts_at = factory.LazyFunction(_next_week)
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=2))
    place = factory.SubFactory(PlaceFactory)
    structure = factory.LazyAttribute(lambda event: event.place.structure if event.place else None)
    capacity = 10
    status = EventStatus.PUBLISHED

    class Params:
        draft = factory.Trait(status=EventStatus.DRAFT)
        cancelled = factory.Trait(status=EventStatus.CANCELLED, registration_open=False)
        online_only = factory.Trait(
            kind=EventKind.WEBINAR, place=None, online=True, online_url="https://visio.example.org/atelier"
        )
        finished = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
        )
        unlimited = factory.Trait(capacity=None)


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written as it is (no service): for lists and permissions. Services are tested through
    `mediane.registrations.services`."""

    class Meta:
        model = EventRegistration

    registrable = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Personne n° {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    status = RegistrationStatus.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)
