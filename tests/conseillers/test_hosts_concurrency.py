"""Two registrations of one SIRET at the same time: one is « créée », the other gets the duplicate message (the
partial unique index decides, since the row lock finds no row to lock). Runs for real on PostgreSQL only."""

import pytest

from mediane.conseillers.enums import HostStatus
from mediane.conseillers.models import HostStructure
from mediane.conseillers.services_hosts import DuplicateSiret, register_host
from tests.accounts.factories import UserFactory
from tests.registrations.test_concurrency import _run_together, needs_postgresql  # noqa: F401 (a fixture)

from .test_services_hosts import data

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("needs_postgresql")]
PEOPLE = 4


@pytest.mark.django_db(transaction=True)
def test_two_registrations_of_one_siret_at_the_same_time_make_one_and_tell_the_other():
    people = [UserFactory() for _ in range(PEOPLE)]

    def register(index):
        try:
            return register_host(data(), by=people[index]).status
        except DuplicateSiret as error:
            return "duplicate" if "déjà inscrit" in error.message else "other"

    results = _run_together(register, PEOPLE)
    assert sorted(results) == [HostStatus.CREATED] + ["duplicate"] * (PEOPLE - 1)
    assert HostStructure.objects.count() == 1
