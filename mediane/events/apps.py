"""App configuration of events: the agenda, its events and their registrations with a waiting list."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "mediane.events"
    label = "events"
    verbose_name = "Événements"
