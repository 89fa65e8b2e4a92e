"""The iCalendar (RFC 5545) files of the agenda, written by the `icalendar` package: the feed of public events and
one event's file. Cancelled events stay in the feed with `STATUS:CANCELLED`, so that calendars remove them."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event

PRODUCT_ID = "-//Médiane//Agenda//FR"


def _absolute(path: str) -> str:
    return settings.MEDIANE_BASE_URL.rstrip("/") + path


def _host() -> str:
    return settings.MEDIANE_BASE_URL.split("//", 1)[-1].split("/", 1)[0] or "mediane"


def _entry(event: Event) -> CalendarEvent:
    entry = CalendarEvent()
    url = _absolute(event.get_absolute_url())
    entry.add("uid", f"evenement-{event.pk}@{_host()}")
    entry.add("dtstamp", event.updated_at)
    entry.add("last-modified", event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", f"{event.description}\n\n{url}")
    entry.add("location", event.where())
    entry.add("url", url)
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return entry


def calendar_of(events: Iterable[Event], name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    for event in events:
        calendar.add_component(_entry(event))
    return calendar.to_ical()
