"""The two limits of recruitments under concurrent requests, for real on PostgreSQL (skipped on SQLite): a structure
never holds more than its positions granted, and a candidate never holds two positions."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import Recruitment
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory
from tests.registrations.test_concurrency import _run_together, needs_postgresql  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("needs_postgresql")]
PEOPLE = 6
CONTRACT = {
    "recruter-contract_type": "cdd",
    "recruter-starts_on": "05/01/2027",
    "recruter-ends_on": "04/01/2029",
}


def _recruit_all(recruitments):
    def recruit(index):
        recruitment = recruitments[index]
        client = Client()
        client.force_login(recruitment.host.managers.get())
        return client.post(reverse("conseillers:recruitment_move", args=[recruitment.pk, "recruter"]), CONTRACT)

    return _run_together(recruit, len(recruitments))


@pytest.mark.django_db(transaction=True)
def test_parallel_recruitments_at_one_structure_fill_exactly_its_positions():
    host = HostStructureFactory(positions_granted=2)
    recruitments = [RecruitmentFactory(host=host, status=RecruitmentStatus.INTERESTED) for _ in range(PEOPLE)]
    responses = _recruit_all(recruitments)
    assert host.recruitments.holding().count() == 2
    refused = [r for r in responses if r.status_code == 400]
    assert len(refused) == PEOPLE - 2
    assert "2 postes accordés et 2 sont déjà pourvus" in refused[0].content.decode()


@pytest.mark.django_db(transaction=True)
def test_parallel_recruitments_of_one_candidate_give_them_one_position():
    candidate = CandidateFactory(available_from=dt.date(2026, 1, 1))
    recruitments = [RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.INTERESTED) for _ in range(PEOPLE)]
    responses = _recruit_all(recruitments)
    assert Recruitment.objects.filter(candidate=candidate).holding().count() == 1
    assert sorted(r.status_code for r in responses) == [302] + [400] * (PEOPLE - 1)
    assert all("occupe déjà un poste" in r.content.decode() for r in responses if r.status_code == 400)
