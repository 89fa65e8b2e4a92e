"""Opinions recorded at the same time in one département never grant beyond its quota, and their numbers never
collide. Runs for real on PostgreSQL (the quota's row lock decides); skipped on SQLite, which serialises writers.
The sequential version is in test_services_committee.py."""

import datetime as dt

import pytest

from mediane.conseillers.enums import Opinion
from mediane.conseillers.models import CommitteeDecision, DepartementQuota, HostStructure, PositionRequest
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_committee import record_opinion
from tests.registrations.test_concurrency import _run_together, needs_postgresql  # noqa: F401 (a fixture)

from .factories import HostStructureFactory, programme_team

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("needs_postgresql")]

QUOTA = 3
REQUESTS = 6


@pytest.mark.django_db(transaction=True)
def test_opinions_at_the_same_time_cannot_exceed_the_departements_quota():
    DepartementQuota.objects.create(departement="69", positions=QUOTA)
    team = programme_team()
    requests = [
        PositionRequest.objects.create(host=HostStructureFactory(created=True), positions=1) for _ in range(REQUESTS)
    ]

    def decide(index):
        try:
            return record_opinion(requests[index], Opinion.FAVOURABLE, 1, dt.date(2021, 3, 15), by=team).number
        except ProgrammeError:
            return "refused"

    results = _run_together(decide, REQUESTS)
    assert results.count("refused") == REQUESTS - QUOTA
    assert sum(HostStructure.objects.values_list("positions_granted", flat=True)) == QUOTA
    numbers = sorted(CommitteeDecision.objects.values_list("number", flat=True))
    assert numbers == [f"CS-2021-69-{n:04d}" for n in range(1, QUOTA + 1)]
