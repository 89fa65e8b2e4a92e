"""The writes of training: courses and their competences, sessions, enrolments through the registrations'
mechanism (seats, waiting list, capacity), attendance and results with their audit rows, and staff."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from mediane.registrations.enums import RegistrationStatus
from mediane.training import services
from mediane.training.enums import Attendance, LogAction, Modality, Result
from mediane.training.models import Course, Enrolment, StaffMember, TrainingLog
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory, StructureFactory
from tests.training.factories import CourseFactory, ProviderFactory, SessionFactory, StaffMemberFactory, pix

pytestmark = pytest.mark.django_db


def _course_data(**changes):
    data = {
        "title": "Accompagner les démarches en ligne",
        "provider": ProviderFactory(name="CNFPT"),
        "description": "Savoir aider sans faire à la place.",
        "hours": Decimal("14"),
        "modality": Modality.ON_SITE,
        "certifying": False,
        "certification": "",
        "price": Decimal("0"),
        "published": True,
        "coverages": [("4.2", 3)],
    }
    data.update(changes)
    data["coverages"] = [(pix(code), level) for code, level in data["coverages"]]
    return services.CourseData(**data)


def test_a_course_is_created_with_the_competences_and_levels_it_covers():
    course = services.create_course(_course_data())
    assert [(row.competence.code, row.level) for row in course.coverages.all()] == [("4.2", 3)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Le titre est obligatoire"),
        ({"price": Decimal("-1")}, "Le prix doit être entre 0"),
        ({"hours": Decimal("0")}, "La durée doit être entre"),
        ({"hours": Decimal("0.04")}, "La durée doit être entre"),
        ({"hours": Decimal("3.55")}, "au plus un chiffre après la virgule"),
        ({"price": Decimal("12.505")}, "au plus deux chiffres"),
        ({"modality": "teleportation"}, "Choisissez la modalité"),
        ({"certifying": True}, "quelle certification"),
        ({"coverages": [("4.2", 9)]}, "Le niveau 9 n'existe pas"),
        ({"coverages": [("4.2", 2), ("4.2", 3)]}, "donnée deux fois"),
        ({"description": "texte\x1b[31m"}, "caractère invisible"),
    ],
)
def test_a_course_that_cannot_be_is_refused_with_a_french_message_and_nothing_is_written(changes, message):
    with pytest.raises(services.TrainingError, match=message):
        services.create_course(_course_data(**changes))
    assert not Course.objects.exists()


def test_updating_a_course_replaces_its_competences():
    course = services.create_course(_course_data())
    services.update_course(course, _course_data(coverages=[("1.1", 2)]))
    assert [(row.competence.code, row.level) for row in course.coverages.all()] == [("1.1", 2)]


def test_a_session_is_at_a_place_or_remote_and_ends_after_it_starts():
    course = CourseFactory()
    start = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(services.TrainingError, match="Choisissez le lieu"):
        services.create_session(course, services.SessionData(start, start, None, False, "", 5))
    with pytest.raises(services.TrainingError, match="après son début"):
        services.create_session(course, services.SessionData(start, start - dt.timedelta(hours=1), None, True, "", 5))
    with pytest.raises(services.TrainingError, match="soit à distance"):
        services.create_session(course, services.SessionData(start, start, PlaceFactory(), True, "", 5))
    session = services.create_session(
        course, services.SessionData(start, start, None, True, "https://v.example.org", 5)
    )
    assert session.online and session.place is None


def test_enrolment_needs_an_account():
    session = SessionFactory()
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.TrainingError, match="Connectez-vous"):
        services.enrol(session, AnonymousUser())


def test_beyond_capacity_people_wait_in_order_and_a_freed_seat_goes_to_the_first_with_an_email(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory(capacity=2)
    people = [UserFactory() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        enrolments = [services.enrol(session, person) for person in people]
    assert [row.status for row in enrolments] == [RegistrationStatus.REGISTERED] * 2 + [RegistrationStatus.WAITING] * 2
    assert [row.waiting_position() for row in enrolments[2:]] == [1, 2]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.leave(enrolments[0])
    enrolments[2].refresh_from_db()
    assert enrolments[2].is_registered
    assert [message.to for message in mail.outbox] == [[people[2].email]]
    assert "Une place s'est libérée" in mail.outbox[0].subject
    session.refresh_from_db()
    assert (session.seats_taken, session.waiting_count) == (2, 1)


def test_enrolling_twice_is_refused_and_a_closed_or_past_session_takes_nobody():
    session = SessionFactory()
    person = UserFactory()
    services.enrol(session, person)
    with pytest.raises(services.TrainingError, match="déjà inscrit"):
        services.enrol(session, person)
    with pytest.raises(services.TrainingError, match="fermées"):
        services.enrol(SessionFactory(registration_open=False), person)
    with pytest.raises(services.TrainingError, match="fermées"):
        services.enrol(SessionFactory(finished=True), person)
    with pytest.raises(services.TrainingError, match="fermées"):
        services.enrol(SessionFactory(course=CourseFactory(draft=True)), person)


def test_more_seats_move_waiting_people_in_and_fewer_never_remove_anyone():
    session = SessionFactory(capacity=1)
    first, second = services.enrol(session, UserFactory()), services.enrol(session, UserFactory())
    assert services.change_capacity(session, 2) == 1
    second.refresh_from_db()
    assert second.is_registered
    services.change_capacity(session, 1)
    assert Enrolment.objects.filter(registrable=session, status=RegistrationStatus.REGISTERED).count() == 2
    with pytest.raises(services.TrainingError, match="au moins 1"):
        services.change_capacity(session, 0)
    first.refresh_from_db()
    assert first.is_registered


def test_sequential_enrolments_beyond_capacity_seat_exactly_the_capacity():
    session = SessionFactory(capacity=5)
    for _ in range(12):
        services.enrol(session, UserFactory())
    rows = Enrolment.objects.filter(registrable=session)
    assert rows.filter(status=RegistrationStatus.REGISTERED).count() == 5
    assert rows.filter(status=RegistrationStatus.WAITING).count() == 7


def test_attendance_then_result_are_recorded_with_an_audit_row_each(organiser):
    session = SessionFactory(course=CourseFactory(certifying_pix=True))
    enrolment = services.enrol(session, UserFactory())
    services.record_attendance(enrolment, Attendance.PRESENT, organiser)
    services.record_result(enrolment, Result.CERTIFIED, organiser)
    enrolment.refresh_from_db()
    assert (enrolment.attendance, enrolment.result) == (Attendance.PRESENT, Result.CERTIFIED)
    log = list(TrainingLog.objects.order_by("pk").values_list("action", "actor", "before", "after"))
    assert log == [
        (LogAction.ATTENDANCE, organiser.pk, "", "présent·e"),
        (LogAction.RESULT, organiser.pk, "", "certifié"),
    ]


def test_a_result_needs_presence_and_certified_needs_a_certifying_course(organiser):
    session = SessionFactory()
    enrolment = services.enrol(session, UserFactory())
    with pytest.raises(services.TrainingError, match="Notez d'abord la présence"):
        services.record_result(enrolment, Result.PASSED, organiser)
    services.record_attendance(enrolment, Attendance.PRESENT, organiser)
    with pytest.raises(services.TrainingError, match="pas certifiante"):
        services.record_result(enrolment, Result.CERTIFIED, organiser)
    with pytest.raises(services.TrainingError, match="Choisissez le résultat"):
        services.record_result(enrolment, "parfait", organiser)
    services.record_result(enrolment, Result.PASSED, organiser)
    with pytest.raises(services.TrainingError, match="effacez-le"):
        services.record_attendance(enrolment, Attendance.ABSENT, organiser)
    assert TrainingLog.objects.count() == 2


def test_someone_on_the_waiting_list_gets_no_attendance(organiser):
    session = SessionFactory(capacity=1)
    services.enrol(session, UserFactory())
    waiting = services.enrol(session, UserFactory())
    with pytest.raises(services.TrainingError, match="Seules les personnes inscrites"):
        services.record_attendance(waiting, Attendance.PRESENT, organiser)
    assert not TrainingLog.objects.exists()


def test_a_manager_invites_a_person_who_accepts_then_leaves_all_audited(organiser):
    structure = StructureFactory()
    person = UserFactory(email="lea@example.org")
    member = services.invite_staff_member(structure, " LEA@example.org ", "Bibliothécaire", organiser)
    assert (member.email, member.accepted_at) == ("LEA@example.org", None)
    assert not StaffMember.objects.of_structure(structure).exists()
    with pytest.raises(services.TrainingError, match="déjà invitée"):
        services.invite_staff_member(structure, "lea@example.org", "", organiser)
    services.accept_invitation(member, person)
    assert list(StaffMember.objects.of_structure(structure)) == [member]
    services.leave_team(member, person)
    assert not StaffMember.objects.exists()
    assert list(TrainingLog.objects.order_by("pk").values_list("action", flat=True)) == [
        LogAction.STAFF_INVITED,
        LogAction.STAFF_ACCEPTED,
        LogAction.STAFF_LEFT,
    ]


def test_an_invitation_to_an_address_without_account_is_kept_and_found_once_the_account_exists(organiser):
    structure = StructureFactory()
    member = services.invite_staff_member(structure, "inconnu@example.org", "", organiser)
    assert member.user is None
    person = UserFactory(email="Inconnu@example.org")
    assert list(StaffMember.objects.invitations_for(person)) == [member]
    services.decline_invitation(member, person)
    assert not StaffMember.objects.exists()
    assert TrainingLog.objects.filter(action=LogAction.STAFF_DECLINED).count() == 1


def test_nobody_answers_an_invitation_made_to_someone_else(organiser):
    member = services.invite_staff_member(StructureFactory(), UserFactory().email, "", organiser)
    stranger = UserFactory()
    for answer in (services.accept_invitation, services.decline_invitation):
        with pytest.raises(services.TrainingError, match="n'existe plus"):
            answer(member, stranger)
    member.refresh_from_db()
    assert member.accepted_at is None


def test_removing_a_person_twice_changes_nothing(organiser):
    member = StaffMemberFactory()
    services.remove_staff_member(member, organiser)
    services.remove_staff_member(member, organiser)
    assert TrainingLog.objects.count() == 1


def test_a_deleted_account_leaves_the_audit_rows_without_its_address(organiser):
    person = UserFactory(email="partie@example.org")
    member = services.accept_invitation(
        services.invite_staff_member(StructureFactory(), "PARTIE@example.org", "Accueil", organiser), person
    )
    enrolment = services.enrol(SessionFactory(), person)
    services.record_attendance(enrolment, Attendance.PRESENT, organiser)
    person.delete()
    assert not StaffMember.objects.filter(pk=member.pk).exists()
    assert TrainingLog.objects.count() == 3
    assert not TrainingLog.objects.filter(subject__icontains="partie@").exists()
    enrolment.refresh_from_db()
    assert enrolment.email == "" and enrolment.is_cancelled


def test_editing_a_session_with_more_seats_moves_the_first_waiting_person_in():
    session = SessionFactory(capacity=1)
    services.enrol(session, UserFactory())
    waiting = services.enrol(session, UserFactory())
    data = services.SessionData(session.starts_at, session.ends_at, session.place, False, "", 2)
    services.update_session(session, data)
    waiting.refresh_from_db()
    assert waiting.is_registered
