"""Putting a structure in touch with a candidate (`services_recruitment.put_in_touch`) and adding one by hand."""

import pytest
from django.core import mail
from django.utils import timezone

from mediane.conseillers.enums import HostStatus, LogAction, RecruitmentStatus
from mediane.conseillers.models import ProgrammeLog, Recruitment
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_recruitment import add_candidate_by_hand, put_in_touch
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory

pytestmark = pytest.mark.django_db


def manager_of(host):
    return host.managers.get()


def test_put_in_touch_creates_a_new_recruitment_audited_and_tells_the_structure_only(
    django_capture_on_commit_callbacks,
):
    host, candidate = HostStructureFactory(), CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        recruitment = put_in_touch(host, candidate, by=manager_of(host))
    assert recruitment.status == RecruitmentStatus.NEW
    assert ProgrammeLog.objects.filter(recruitment=recruitment, action=LogAction.RECRUITMENT).count() == 1
    assert [m.to[0] for m in mail.outbox] == [manager_of(host).email]


def test_showing_interest_moves_it_to_interested_and_tells_both_sides(django_capture_on_commit_callbacks):
    host, candidate = HostStructureFactory(), CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        recruitment = put_in_touch(host, candidate, by=manager_of(host), interested=True)
    assert recruitment.status == RecruitmentStatus.INTERESTED
    log = ProgrammeLog.objects.filter(recruitment=recruitment).order_by("pk")
    assert [entry.after for entry in log] == ["Nouvelle", "Intéressée"]
    assert log.last().before == "Nouvelle"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager_of(host).email, candidate.email])
    assert "intéressée" in mail.outbox[0].body


def test_saying_not_interested_tells_the_structure_but_not_the_candidate(django_capture_on_commit_callbacks):
    host, candidate = HostStructureFactory(), CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        recruitment = put_in_touch(host, candidate, by=manager_of(host), interested=False)
    assert recruitment.status == RecruitmentStatus.NOT_INTERESTED
    assert [m.to[0] for m in mail.outbox] == [manager_of(host).email]


def test_a_second_recruitment_for_the_same_pair_is_refused_in_french():
    existing = RecruitmentFactory()
    with pytest.raises(ProgrammeError, match="déjà dans vos recrutements"):
        put_in_touch(existing.host, existing.candidate, by=manager_of(existing.host))


def test_a_structure_not_validated_cannot_recruit():
    host = HostStructureFactory(status=HostStatus.CREATED)
    with pytest.raises(ProgrammeError, match="pas encore validée"):
        put_in_touch(host, CandidateFactory(), by=manager_of(host))
    assert not Recruitment.objects.exists()


def test_a_deleted_candidate_cannot_be_put_in_touch():
    host = HostStructureFactory()
    candidate = CandidateFactory(deleted_at=timezone.now())
    with pytest.raises(ProgrammeError, match="supprimé son profil"):
        put_in_touch(host, candidate, by=manager_of(host))


def test_adding_a_candidate_by_hand_finds_them_by_their_address_whatever_its_case():
    host, candidate = HostStructureFactory(), CandidateFactory(email="Yasmine@Example.org")
    recruitment = add_candidate_by_hand(host, " yasmine@example.ORG ", by=manager_of(host))
    assert recruitment.candidate == candidate
    assert recruitment.added_by_hand and recruitment.awaits_candidate
    assert recruitment.status == RecruitmentStatus.NEW


def test_adding_by_hand_an_unknown_or_already_added_address_gives_nothing():
    host, candidate = HostStructureFactory(), CandidateFactory()
    assert add_candidate_by_hand(host, "personne@example.org", by=manager_of(host)) is None
    assert add_candidate_by_hand(host, candidate.email, by=manager_of(host)) is not None
    assert add_candidate_by_hand(host, candidate.email, by=manager_of(host)) is None
