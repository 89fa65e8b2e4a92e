"""Concurrent double support: two parallel requests from one person count exactly once.

Runs for real on PostgreSQL (row locks and the unique constraint decide); skipped on SQLite, which
serialises writers and so cannot show the race.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from mediane.consultation.models import Contribution, Support
from tests.consultation.factories import ContributionFactory

pytestmark = pytest.mark.postgres

PARALLEL_REQUESTS = 8


@pytest.fixture
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Ce test de concurrence demande PostgreSQL (DATABASE_URL).")


@pytest.mark.django_db(transaction=True)
def test_parallel_double_support_counts_exactly_once(needs_postgresql, citizen):
    contribution = ContributionFactory()
    url = reverse("consultation:support", kwargs={"pk": contribution.pk})
    barrier = threading.Barrier(PARALLEL_REQUESTS)
    statuses: list[int] = []

    def send_support():
        client = Client()
        client.force_login(citizen)
        barrier.wait()
        try:
            statuses.append(client.post(url, {"action": "soutenir"}).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send_support) for _ in range(PARALLEL_REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(statuses) == PARALLEL_REQUESTS
    assert all(status in (200, 302) for status in statuses)
    assert Support.objects.filter(contribution=contribution, user=citizen).count() == 1
    assert Contribution.objects.get(pk=contribution.pk).supports_count == 1
