"""The organisers' pages: create, edit (capacity moves waiting people in), publish, cancel, participants + CSV."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mediane.events.enums import EventStatus
from mediane.events.models import Event
from mediane.registrations.enums import RegistrationStatus
from tests.events.factories import EventFactory, EventRegistrationFactory
from tests.structures.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _form(place=None, **changes):
    day = timezone.localdate() + dt.timedelta(days=10)
    data = {
        "title": "Journée inclusion numérique à Vénissieux",
        "kind": "journee",
        "description": "Des ateliers **gratuits** toute la journée.",
        "start_date": day.isoformat(),
        "start_time": "09:30",
        "end_date": day.isoformat(),
        "end_time": "17:00",
        "place_number": str(place.pk) if place else "",
        "capacity": "30",
        "registration_open": "on",
    }
    data.update(changes)
    return data


def test_an_organiser_creates_and_publishes_an_event_at_a_place_of_the_directory(client, organiser):
    place = PlaceFactory()
    client.force_login(organiser)
    response = client.post(reverse("events:create"), {**_form(place), "publish": "1"})
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert (event.status, event.place, event.structure, event.capacity) == (
        EventStatus.PUBLISHED,
        place,
        place.structure,
        30,
    )
    assert event.starts_at.astimezone(dt.UTC).hour in (7, 8)  # 9 h 30 in Paris
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<strong>gratuits</strong>" in page and "de 9 h 30 à 17 h" in page


def test_a_draft_is_published_later(client, organiser):
    client.force_login(organiser)
    client.post(reverse("events:create"), {**_form(online="on", online_url="https://visio.example.org/x")})
    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT and event.online
    client.post(reverse("events:publish", args=[event.pk]))
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_time": "08:00"}, "La fin de l&#x27;événement doit venir après son début."),
        ({}, "Choisissez le lieu de l&#x27;événement, ou cochez « En ligne »."),
        ({"place_number": "999999"}, "Aucun lieu de l&#x27;annuaire ne porte le numéro 999999."),
        ({"capacity": "0"}, "supérieure ou égale à 1"),
        ({"capacity": "٣"}, "chiffres"),
        ({"title": "Jo\x1bur"}, "Caractère invisible interdit"),
    ],
)
def test_bad_input_says_what_to_fix_and_writes_nothing(client, organiser, changes, message):
    client.force_login(organiser)
    response = client.post(reverse("events:create"), _form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_more_seats_move_the_first_waiting_people_in(client, organiser, committed):
    event = EventFactory(capacity=1)
    EventRegistrationFactory(registrable=event)
    waiting = EventRegistrationFactory(registrable=event, status=RegistrationStatus.WAITING)
    Event.objects.filter(pk=event.pk).update(seats_taken=1, waiting_count=1)
    client.force_login(organiser)
    committed(client.post, reverse("events:edit", args=[event.pk]), _form(event.place, capacity="2"))
    waiting.refresh_from_db()
    assert waiting.is_registered
    assert mail.outbox[-1].to == [waiting.email]
    event.refresh_from_db()
    assert (event.capacity, event.seats_taken, event.waiting_count) == (2, 2, 0)


def test_a_cancelled_event_stays_public_marked_cancelled_and_everyone_registered_is_told(client, organiser, committed):
    event = EventFactory(capacity=1)
    seated = EventRegistrationFactory(registrable=event)
    waiting = EventRegistrationFactory(registrable=event, status=RegistrationStatus.WAITING)
    client.force_login(organiser)
    page = client.get(reverse("events:cancel", args=[event.pk])).content.decode()
    assert "On ne peut pas revenir en arrière" in page and "2 personnes" in page
    event.refresh_from_db()
    assert not event.is_cancelled, "asking is not cancelling"
    committed(client.post, reverse("events:cancel", args=[event.pk]))
    event.refresh_from_db()
    assert event.is_cancelled and not event.registration_open
    assert (event.seats_taken, event.waiting_count) == (0, 0)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([seated.email, waiting.email])
    assert all("n'aura pas lieu" in message.subject for message in mail.outbox)
    client.logout()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Cet événement est annulé" in page and "M&#x27;inscrire" not in page


def test_the_participant_list_shows_seats_and_the_waiting_list_apart(client, organiser):
    event = EventFactory(capacity=1)
    EventRegistrationFactory(registrable=event, name="Assise Première")
    EventRegistrationFactory(registrable=event, name="Attente Seconde", status=RegistrationStatus.WAITING)
    EventRegistrationFactory(registrable=event, name="Pas Confirmée", status=RegistrationStatus.PENDING)
    EventRegistrationFactory(registrable=event, name="Partie Avant", status=RegistrationStatus.CANCELLED)
    client.force_login(organiser)
    page = client.get(reverse("events:participants", args=[event.pk])).content.decode()
    seated, rest = page.split("<h2>Liste d'attente</h2>")
    waiting, pending = rest.split("<h2>À confirmer</h2>")
    assert "Assise Première" in seated and "Attente Seconde" not in seated and "Pas Confirmée" not in seated
    assert "Attente Seconde" in waiting
    assert "Pas Confirmée" in pending
    assert "Partie Avant" not in page


def test_the_participant_csv_lists_each_list_in_its_order(client, organiser):
    event = EventFactory(capacity=1)
    EventRegistrationFactory(registrable=event, name="=Assise")
    EventRegistrationFactory(registrable=event, name="Attente", status=RegistrationStatus.WAITING)
    client.force_login(organiser)
    response = client.get(reverse("events:participants_csv", args=[event.pk]))
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert lines[0].startswith("Liste,Position,Nom")
    assert lines[1].startswith("inscrit·e,1,'=Assise")  # a formula is neutralised
    assert lines[2].startswith("liste d'attente,1,Attente")


@pytest.mark.parametrize("rows", [1, 20])
def test_organiser_lists_run_a_constant_number_of_queries(client, organiser, django_assert_num_queries, rows):
    event = EventFactory(capacity=5)
    for _ in range(rows):
        EventFactory()
        EventRegistrationFactory(registrable=event)
        EventRegistrationFactory(registrable=event, status=RegistrationStatus.WAITING)
    client.force_login(organiser)
    client.get(reverse("events:manage"))
    # session, user, the permission's groups (cached on the user for the page and its menu), the events
    with django_assert_num_queries(4):
        client.get(reverse("events:manage"))
    with django_assert_num_queries(7):  # ... the event, seats, waiting list, requests to confirm
        client.get(reverse("events:participants", args=[event.pk]))
