"""The iCalendar feed and files (parsed back with `icalendar`), the API, and dates in plain French."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from mediane.events.dates import PARIS, when_phrase
from tests.events.factories import EventFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db


def _calendar(response) -> Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_feed_has_every_public_upcoming_event_and_says_which_are_cancelled(client):
    event = EventFactory(title="Atelier téléphone")
    EventFactory(title="Annulé", cancelled=True)
    EventFactory(title="Brouillon", draft=True)
    entries = _calendar(client.get(reverse("events:agenda_ics"))).walk("VEVENT")
    by_title = {str(entry["SUMMARY"]): entry for entry in entries}
    assert set(by_title) == {"Atelier téléphone", "Annulé"}
    entry = by_title["Atelier téléphone"]
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert str(entry["UID"]) == f"evenement-{event.pk}@mediane.example.org"
    assert str(entry["URL"]) == f"https://mediane.example.org/evenements/{event.pk}/"
    assert event.place.nom in str(entry["LOCATION"])
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert str(by_title["Annulé"]["STATUS"]) == "CANCELLED"


def test_one_event_s_file_has_that_event_only_and_never_the_online_link(client):
    event = EventFactory(online_only=True)
    EventFactory()
    entries = _calendar(client.get(reverse("events:event_ics", args=[event.pk]))).walk("VEVENT")
    assert [str(entry["SUMMARY"]) for entry in entries] == [event.title]
    assert str(entries[0]["LOCATION"]) == "En ligne"
    assert b"visio.example.org" not in client.get(reverse("events:event_ics", args=[event.pk])).content


@pytest.mark.parametrize("rows", [1, 20])
def test_the_feed_and_the_api_list_run_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        EventFactory()
    with django_assert_num_queries(1):
        client.get(reverse("events:agenda_ics"))
    with django_assert_num_queries(1):
        client.get(reverse("api:list_events"))


def test_the_api_gives_public_events_without_personal_data(client):
    event = EventFactory(capacity=3, online_only=True)
    EventRegistrationFactory(registrable=event, name="Aurore Quetzalcoatl")
    event.seats_taken = 1
    event.save()
    rows = client.get(reverse("api:list_events")).json()
    assert [row["id"] for row in rows] == [event.pk]
    row = rows[0]
    assert (row["places"], row["places_restantes"], row["en_ligne"], row["lieu"]) == (3, 2, True, None)
    assert row["type_libelle"] == "Webinaire"
    detail = client.get(reverse("api:get_event", kwargs={"event_id": event.pk}))
    assert detail.json() == row
    assert b"Aurore" not in detail.content and b"visio" not in detail.content


@pytest.mark.parametrize(
    ("starts", "ends", "phrase"),
    [
        ((2021, 5, 18, 9, 0), (2021, 5, 18, 17, 0), "le mardi 18 mai 2021 de 9 h à 17 h"),
        ((2026, 1, 1, 14, 30), (2026, 1, 1, 16, 0), "le jeudi 1er janvier 2026 de 14 h 30 à 16 h"),
        ((2026, 3, 28, 9, 0), (2026, 3, 29, 12, 0), "du samedi 28 mars 2026 à 9 h au dimanche 29 mars 2026 à 12 h"),
    ],
)
def test_dates_read_in_plain_french_in_paris_time(starts, ends, phrase):
    start = dt.datetime(*starts, tzinfo=PARIS).astimezone(dt.UTC)
    end = dt.datetime(*ends, tzinfo=PARIS).astimezone(dt.UTC)
    assert when_phrase(start, end) == phrase
