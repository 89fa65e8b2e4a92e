"""The demo's recruitments: made from whatever structures and candidates exist, at every state asked for."""

import pytest

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import Recruitment
from mediane.pages.demo import conseillers_recruitment
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, programme_team

pytestmark = pytest.mark.django_db
R = RecruitmentStatus


def test_the_demo_does_nothing_without_structures_or_candidates():
    assert conseillers_recruitment.load({"programme": programme_team()}, print) == {"conseillers_recrutements": 0}


def test_the_demo_puts_bron_and_yasmine_in_touch_and_makes_every_state():
    responsable, yasmine = UserFactory(), UserFactory()
    HostStructureFactory(name="Médiathèque de Bron", managers=[responsable])
    CandidateFactory(user=yasmine, first_name="Yasmine")
    for _ in range(5):
        HostStructureFactory()
        CandidateFactory()
    people = {"programme": programme_team(), "responsable": responsable, "candidate": yasmine}
    assert conseillers_recruitment.load(people, print) == {"conseillers_recrutements": 6}
    assert Recruitment.objects.get(candidate__user=yasmine).status == R.INTERESTED
    statuses = set(Recruitment.objects.values_list("status", flat=True))
    assert statuses == {R.NEW, R.INTERESTED, R.RECRUITED, R.FINALISED, R.RUPTURE_FINALISED}
    finalised = Recruitment.objects.get(status=R.FINALISED)
    assert finalised.grant.amount_paid == 12500
    ended = Recruitment.objects.get(status=R.RUPTURE_FINALISED)
    assert 12500 <= ended.grant.amount_granted < 50000
    # Loaded again, it adds nothing.
    assert conseillers_recruitment.load(people, print) == {"conseillers_recrutements": 0}
