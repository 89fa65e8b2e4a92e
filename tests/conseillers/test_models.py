"""The foundation of the programme's data: a candidate holds one position at a time in the database itself, and
each QuerySet's `visible_to` gives the programme team everything and an outsider nothing."""

import pytest
from django.db import IntegrityError, transaction

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import (
    Candidate,
    CommitteeDecision,
    Convention,
    HostStructure,
    PositionRequest,
    Recruitment,
)
from tests.accounts.factories import UserFactory

from .factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_second_position_for_one_candidate():
    candidate = CandidateFactory()
    RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.FINALISED)
    RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.INTERESTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.RECRUITED)


def test_a_candidate_may_be_recruited_again_after_a_finalised_rupture():
    candidate = CandidateFactory()
    RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.RUPTURE_FINALISED)
    assert RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.RECRUITED).holds_position


def test_the_programme_team_sees_everything_and_an_outsider_nothing():
    recruitment = RecruitmentFactory(status=RecruitmentStatus.INTERESTED)
    team, outsider = programme_team(), UserFactory()
    for model in (HostStructure, PositionRequest, CommitteeDecision, Convention, Candidate, Recruitment):
        everything = model.objects.all()
        assert set(model.objects.visible_to(team)) == set(everything)
    assert not HostStructure.objects.visible_to(outsider).exists()
    assert not Recruitment.objects.visible_to(outsider).exists()
    assert not Candidate.objects.visible_to(outsider).exists()
    assert recruitment in Recruitment.objects.visible_to(recruitment.candidate.user)


def test_a_candidate_does_not_see_a_recruitment_where_no_interest_was_shown():
    recruitment = RecruitmentFactory(status=RecruitmentStatus.NOT_INTERESTED)
    assert not Recruitment.objects.visible_to(recruitment.candidate.user).exists()


def test_a_validated_structure_sees_active_candidates_but_a_paused_one_only_once_in_touch():
    host = HostStructureFactory()
    manager = host.managers.get()
    active, paused = CandidateFactory(), CandidateFactory(paused=True)
    assert set(Candidate.objects.visible_to(manager)) == {active}
    recruitment = RecruitmentFactory(host=host, candidate=paused, status=RecruitmentStatus.NOT_INTERESTED)
    assert set(Candidate.objects.visible_to(manager)) == {active}
    recruitment.status = RecruitmentStatus.INTERESTED
    recruitment.save()
    assert set(Candidate.objects.visible_to(manager)) == {active, paused}
    unvalidated = HostStructureFactory(created=True).managers.get()
    assert not Candidate.objects.visible_to(unvalidated).exists()


def test_a_log_entry_is_dated_in_paris_time():
    import datetime as dt

    from mediane.conseillers.enums import LogAction
    from mediane.conseillers.models import ProgrammeLog

    entry = ProgrammeLog(action=LogAction.QUOTAS, at=dt.datetime(2021, 12, 31, 23, 30, tzinfo=dt.UTC))
    assert str(entry).endswith("(01/01/2022)")


def test_the_audit_log_cuts_a_value_longer_than_its_column_which_postgresql_would_refuse():
    from mediane.conseillers.enums import LogAction
    from mediane.conseillers.models import LOG_VALUE_MAX
    from mediane.conseillers.services import record

    entry = record(LogAction.HOST_UPDATED, None, before="court", after="Demande de postes : " + "x" * 200)
    entry.refresh_from_db()
    assert entry.before == "court"
    assert len(entry.after) == LOG_VALUE_MAX and entry.after.endswith("…")
