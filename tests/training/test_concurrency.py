"""A session beyond capacity under concurrent enrolments: exactly the capacity is enrolled, the rest wait, nobody
twice. Runs for real on PostgreSQL (the session's row lock decides); skipped on SQLite, which serialises writers.
The sequential version, which runs everywhere, is in test_services.py."""

import pytest
from django.test import Client
from django.urls import reverse

from mediane.registrations.enums import RegistrationStatus
from mediane.training.models import Enrolment, TrainingSession
from tests.accounts.factories import UserFactory, verify_email
from tests.registrations.test_concurrency import _run_together, needs_postgresql  # noqa: F401 (a fixture)
from tests.training.factories import SessionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("needs_postgresql")]

CAPACITY = 4
PEOPLE = 12


@pytest.mark.django_db(transaction=True)
def test_parallel_enrolments_in_a_session_seat_exactly_the_capacity():
    session = SessionFactory(capacity=CAPACITY)
    people = []
    for index in range(PEOPLE):
        person = UserFactory(email=f"agent{index}@example.org")
        verify_email(person)
        people.append(person)
    url = reverse("training:enrol", args=[session.pk])

    def enrol(index):
        client = Client()
        client.force_login(people[index])
        return client.post(url).status_code

    assert _run_together(enrol, PEOPLE) == [302] * PEOPLE
    rows = Enrolment.objects.filter(registrable=session)
    assert rows.filter(status=RegistrationStatus.REGISTERED).count() == CAPACITY
    assert rows.filter(status=RegistrationStatus.WAITING).count() == PEOPLE - CAPACITY
    assert rows.values("email").distinct().count() == rows.count() == PEOPLE
    session = TrainingSession.objects.get(pk=session.pk)
    assert (session.seats_taken, session.waiting_count) == (CAPACITY, PEOPLE - CAPACITY)
