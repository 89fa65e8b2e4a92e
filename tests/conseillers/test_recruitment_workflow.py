"""The recruitment workflow (`services_recruitment.move_recruitment`): every move allowed and refused, the two limits,
the grant at finalisation and its prorating, the training enrolment, and the e-mails to both sides."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from mediane.conseillers import services_training
from mediane.conseillers.enums import ContractType, LogAction, RecruitmentStatus, RuptureReason
from mediane.conseillers.models import ProgrammeLog
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_recruitment import MoveData, move_recruitment
from mediane.conseillers.transitions import ALLOWED_TRANSITIONS, TRANSITIONS
from mediane.funding import services_applications as funding
from mediane.funding.enums import ApplicationStatus
from mediane.registrations.enums import RegistrationStatus
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team
from tests.training.factories import SessionFactory

pytestmark = pytest.mark.django_db
R = RecruitmentStatus
START = dt.date(2026, 1, 5)
CDD = MoveData(contract_type=ContractType.CDD, starts_on=START, ends_on=dt.date(2028, 1, 4))


@pytest.fixture(autouse=True)
def certifying_course():
    """The programme's course, made on first use; here before the sessions the tests give it."""
    return services_training.ensure_programme_course()


def manager(recruitment):
    return recruitment.host.managers.get()


def recruited(**kwargs):
    recruitment = RecruitmentFactory(status=R.INTERESTED, **kwargs)
    return move_recruitment(recruitment, "recruter", CDD, by=manager(recruitment))


def finalised(**kwargs):
    return move_recruitment(recruited(**kwargs), "finaliser", by=programme_team())


# --- The table ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "targets"),
    [
        (R.NEW, {R.INTERESTED, R.NOT_INTERESTED}),
        (R.NOT_INTERESTED, {R.INTERESTED}),
        (R.INTERESTED, {R.RECRUITED, R.NOT_INTERESTED}),
        (R.RECRUITED, {R.FINALISED, R.INTERESTED}),
        (R.FINALISED, {R.RUPTURE, R.RENEWAL, R.ENDED}),
        (R.RUPTURE, {R.RUPTURE_FINALISED}),
        (R.RENEWAL, {R.RUPTURE, R.ENDED}),
        (R.RUPTURE_FINALISED, set()),
        (R.ENDED, set()),
    ],
)
def test_the_workflow_allows_exactly_the_programmes_moves(source, targets):
    assert ALLOWED_TRANSITIONS[source] == targets


@pytest.mark.parametrize("slug", list(TRANSITIONS))
def test_every_move_from_a_status_it_does_not_leave_is_refused_in_french(slug):
    transition = TRANSITIONS[slug]
    wrong = next(status for status in R if status not in transition.sources)
    recruitment = RecruitmentFactory(status=wrong)
    with pytest.raises(ProgrammeError, match="n'est plus possible"):
        move_recruitment(recruitment, slug, CDD, by=programme_team())
    recruitment.refresh_from_db()
    assert recruitment.status == wrong


def test_an_unknown_move_is_refused():
    with pytest.raises(ProgrammeError, match="n'existe pas"):
        move_recruitment(RecruitmentFactory(), "embaucher", by=programme_team())


# --- Each move ----------------------------------------------------------------------------------------------------


def test_a_structure_changes_its_mind_after_saying_not_interested():
    recruitment = RecruitmentFactory(status=R.NOT_INTERESTED)
    moved = move_recruitment(recruitment, "interessee", by=manager(recruitment))
    assert moved.status == R.INTERESTED


def test_recruiting_records_the_contract_and_audits_the_move(django_capture_on_commit_callbacks):
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    with django_capture_on_commit_callbacks(execute=True):
        moved = move_recruitment(recruitment, "recruter", CDD, by=manager(recruitment))
    assert (moved.status, moved.contract_type, moved.starts_on) == (R.RECRUITED, ContractType.CDD, START)
    entry = ProgrammeLog.objects.filter(recruitment=moved).latest("pk")
    assert (entry.action, entry.before, entry.after) == (LogAction.RECRUITMENT, "Intéressée", "Recrutée")
    assert "jusqu'au 04/01/2028" in entry.note
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager(recruitment).email, recruitment.candidate.email])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (MoveData(starts_on=START), "type de contrat"),
        (MoveData(contract_type=ContractType.CDD), "date de début"),
        (MoveData(contract_type=ContractType.CDD, starts_on=START), "date de fin"),
        (MoveData(contract_type=ContractType.CDD, starts_on=START, ends_on=START), "après sa date de début"),
        (MoveData(contract_type=ContractType.CDI, starts_on=START, ends_on=dt.date(2027, 1, 1)), "CDI n'a pas"),
    ],
)
def test_a_contract_must_be_complete_and_coherent(data, message):
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    with pytest.raises(ProgrammeError, match=message):
        move_recruitment(recruitment, "recruter", data, by=manager(recruitment))


def test_a_cdi_has_no_end():
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    cdi = MoveData(contract_type=ContractType.CDI, starts_on=START)
    assert move_recruitment(recruitment, "recruter", cdi, by=manager(recruitment)).ends_on is None


def test_the_team_refuses_a_recruitment_with_a_reason_and_it_goes_back_to_interested():
    recruitment = recruited()
    with pytest.raises(ProgrammeError, match="motif du refus"):
        move_recruitment(recruitment, "refuser", MoveData(), by=programme_team())
    moved = move_recruitment(recruitment, "refuser", MoveData(reason="Le contrat est trop court."), by=programme_team())
    assert moved.status == R.INTERESTED
    assert ProgrammeLog.objects.filter(recruitment=moved).latest("pk").note == "Le contrat est trop court."


def test_a_rupture_needs_a_date_and_a_reason_not_before_the_start():
    recruitment = finalised()
    by = manager(recruitment)
    with pytest.raises(ProgrammeError, match="motif de la rupture"):
        move_recruitment(recruitment, "rupture", MoveData(rupture_on=START), by=by)
    with pytest.raises(ProgrammeError, match="avant le début"):
        early = MoveData(rupture_on=START - dt.timedelta(days=1), rupture_reason=RuptureReason.RESIGNATION)
        move_recruitment(recruitment, "rupture", early, by=by)


def test_renewal_then_end_of_the_contract():
    recruitment = finalised()
    renewed = move_recruitment(recruitment, "renouveler", by=manager(recruitment))
    assert move_recruitment(renewed, "terminer", by=programme_team()).status == R.ENDED


# --- The limits -------------------------------------------------------------------------------------------------


def test_a_structure_cannot_recruit_beyond_its_positions_granted():
    host = HostStructureFactory(positions_granted=2)
    recruited(host=host)
    recruited(host=host)
    third = RecruitmentFactory(host=host, status=R.INTERESTED)
    with pytest.raises(ProgrammeError, match="2 postes accordés et 2 sont déjà pourvus"):
        move_recruitment(third, "recruter", CDD, by=manager(third))


def test_a_position_freed_by_a_finalised_rupture_can_be_filled_again():
    host = HostStructureFactory(positions_granted=1)
    first = finalised(host=host)
    rupture = MoveData(rupture_on=dt.date(2026, 6, 30), rupture_reason=RuptureReason.RESIGNATION)
    move_recruitment(first, "rupture", rupture, by=manager(first))
    move_recruitment(first, "finaliser-rupture", by=programme_team())
    assert recruited(host=host).status == R.RECRUITED


def test_a_candidate_holds_only_one_position():
    candidate = CandidateFactory()
    recruited(candidate=candidate)
    other = RecruitmentFactory(candidate=candidate, status=R.INTERESTED)
    with pytest.raises(ProgrammeError, match="occupe déjà un poste"):
        move_recruitment(other, "recruter", CDD, by=manager(other))


# --- The grant ----------------------------------------------------------------------------------------------------


def test_finalising_creates_the_grant_of_50000_euros_in_four_half_yearly_tranches():
    recruitment = finalised()
    grant = recruitment.grant
    assert grant.status == ApplicationStatus.ACCEPTED
    assert grant.scheme.slug == "conseiller-numerique"
    assert grant.structure == recruitment.host.structure
    assert grant.structure.siret == recruitment.host.siret
    assert grant.amount_granted == Decimal("50000")
    tranches = list(grant.tranches.values_list("planned_on", "amount"))
    assert tranches == [
        (dt.date(2026, 1, 5), Decimal("12500")),
        (dt.date(2026, 7, 5), Decimal("12500")),
        (dt.date(2027, 1, 5), Decimal("12500")),
        (dt.date(2027, 7, 5), Decimal("12500")),
    ]
    assert grant.log.filter(note__contains="programme").exists()


def test_a_finalised_rupture_reduces_the_grant_to_the_months_worked_and_drops_unpaid_tranches():
    recruitment = finalised()
    team = programme_team()
    first = recruitment.grant.tranches.first()
    funding.record_payment(
        recruitment.grant, funding.PaymentData(timezone.localdate(), Decimal("12500"), tranche=first), by=team
    )
    # From 5 January to 20 September 2026: 9 months begun, 9/24 of 50,000 = 18,750.
    rupture = MoveData(rupture_on=dt.date(2026, 9, 20), rupture_reason=RuptureReason.AGREED)
    move_recruitment(recruitment, "rupture", rupture, by=manager(recruitment))
    ended = move_recruitment(recruitment, "finaliser-rupture", by=team)
    grant = ended.grant
    grant.refresh_from_db()
    assert ended.status == R.RUPTURE_FINALISED
    assert grant.amount_granted == Decimal("18750.00")
    assert list(grant.tranches.values_list("amount", flat=True)) == [Decimal("12500"), Decimal("6250")]
    assert grant.log.filter(note__contains="ramené").exists()
    assert ProgrammeLog.objects.filter(recruitment=ended, action=LogAction.SUBSIDY, note__contains="9 mois").exists()


# --- The training -------------------------------------------------------------------------------------------------


def test_finalising_enrols_the_adviser_in_the_next_session_with_seats():
    course = services_training.programme_course()
    SessionFactory(course=course, registration_open=False)
    session = SessionFactory(course=course, capacity=10)
    recruitment = finalised()
    enrolment = recruitment.training_enrolment
    assert enrolment is not None
    assert enrolment.status == RegistrationStatus.REGISTERED
    assert enrolment.registrable == session
    assert ProgrammeLog.objects.filter(recruitment=recruitment, action=LogAction.TRAINING).exists()


def test_without_an_open_session_the_enrolment_is_left_to_do():
    recruitment = finalised()
    assert recruitment.status == R.FINALISED
    assert recruitment.training_enrolment is None
    with pytest.raises(ProgrammeError, match="Aucune session"):
        services_training.enrol_adviser(recruitment, by=programme_team())
    session = SessionFactory(course=services_training.programme_course())
    enrolled = services_training.enrol_adviser(recruitment, by=programme_team(), session=session)
    assert enrolled.training_enrolment.registrable == session
