"""Registrations beyond capacity under concurrent requests: exactly the capacity gets a seat, the rest wait,
nobody is registered twice, each refused request gets a French message, and nothing is half-written.

Runs for real on PostgreSQL (the registrable's row lock decides); skipped on SQLite, which serialises writers and
so cannot show the race.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from mediane.events.models import Event, EventRegistration
from mediane.registrations import services
from mediane.registrations.enums import RegistrationStatus
from tests.accounts.factories import UserFactory, verify_email
from tests.events.factories import EventFactory

pytestmark = pytest.mark.postgres

CAPACITY = 5
PEOPLE = 16


@pytest.fixture
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Ce test de concurrence demande PostgreSQL (DATABASE_URL).")


def _run_together(work, count):
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index):
        barrier.wait()
        try:
            results[index] = work(index)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _assert_lists(event):
    rows = EventRegistration.objects.filter(registrable=event)
    seated = rows.filter(status=RegistrationStatus.REGISTERED).count()
    waiting = list(rows.waiting())
    assert seated == CAPACITY
    assert len(waiting) == PEOPLE - CAPACITY
    assert rows.values("email").distinct().count() == rows.count(), "nobody twice"
    event.refresh_from_db()
    assert (event.seats_taken, event.waiting_count) == (CAPACITY, PEOPLE - CAPACITY)


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_of_signed_in_people_seat_exactly_the_capacity(needs_postgresql):
    event = EventFactory(capacity=CAPACITY)
    people = []
    for index in range(PEOPLE):
        person = UserFactory(email=f"personne{index}@example.org")
        verify_email(person)
        people.append(person)
    url = reverse("events:register", args=[event.pk])

    def register(index):
        client = Client()
        client.force_login(people[index])
        return client.post(url).status_code

    statuses = _run_together(register, PEOPLE)
    assert statuses == [302] * PEOPLE
    _assert_lists(event)


@pytest.mark.django_db(transaction=True)
def test_parallel_double_clicks_on_the_confirmation_links_seat_exactly_the_capacity(needs_postgresql):
    event = EventFactory(capacity=CAPACITY)
    pending = [
        services.register(event, name=f"Personne {index}", email=f"personne{index}@example.org")
        for index in range(PEOPLE)
    ]
    clients = [Client() for _ in range(PEOPLE * 2)]

    def click(index):
        # Every person clicks « Confirmer mon inscription » twice at once.
        url = reverse("events:registration_confirm", args=[pending[index // 2].token])
        return clients[index].post(url).status_code

    assert _run_together(click, PEOPLE * 2) == [302] * (PEOPLE * 2)
    _assert_lists(event)


@pytest.mark.django_db(transaction=True)
def test_parallel_public_registrations_with_one_address_write_one_row(needs_postgresql):
    event = EventFactory(capacity=CAPACITY)

    def register(index):
        return services.register(event, name="Josiane", email="JOSIANE@example.org").pk

    ids = _run_together(register, 8)  # the same form sent 8 times at once: the e-mail is sent again, no new row
    assert len(set(ids)) == 1
    assert EventRegistration.objects.filter(registrable=event).count() == 1
    assert Event.objects.get(pk=event.pk).seats_taken == 0
