"""Every write of training: courses and the competences they cover, sessions, enrolments (through
`mediane.registrations.services`: capacity and waiting list), attendance and results (audited in `TrainingLog`),
and the staff of structures (audited too).

Errors are `TrainingError` with a French message saying what to fix; nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mediane import text
from mediane.french import euros, number
from mediane.registrations import services as registrations
from mediane.registrations.enums import RegistrationStatus
from mediane.structures.models import Place, Structure

from .enums import SUCCESSFUL_RESULTS, Attendance, LogAction, Modality, Result
from .models import Competence, Course, CourseCompetence, Enrolment, Provider, StaffMember, TrainingLog, TrainingSession

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 20_000
CERTIFICATION_MAX_LENGTH = 200
JOB_TITLE_MAX_LENGTH = 150
MAX_HOURS = Decimal("2000")
# Half an hour at least; hours are stored with one decimal (the column's scale), prices with two.
MIN_HOURS = Decimal("0.5")
MAX_PRICE = Decimal("100000")
MAX_CAPACITY = 10_000
MAX_LEVEL = 8


class TrainingError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- Courses ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseData:
    title: str
    provider: Provider
    description: str
    hours: Decimal
    modality: str
    certifying: bool
    certification: str
    price: Decimal
    published: bool
    # (competence, level reached)
    coverages: list[tuple[Competence, int]] = field(default_factory=list)
    # A demonstration course: its pages say « Formation donnée à titre d'exemple ».
    is_example: bool = False


def _check_text(value: str, label: str, maximum: int, *, required: bool = True) -> None:
    if required and not value.strip():
        raise TrainingError(f"{label} est obligatoire : écrivez-le.")
    if len(value) > maximum:
        raise TrainingError(f"{label} est trop long : {maximum} caractères au plus.")
    message = text.control_character_message(value, label)
    if message:
        raise TrainingError(message)


def check_course(data: CourseData) -> None:
    """Raise `TrainingError` with a French message when the data cannot make a course."""
    _check_text(data.title, "Le titre", TITLE_MAX_LENGTH)
    _check_text(data.description, "La description", DESCRIPTION_MAX_LENGTH)
    _check_text(data.certification, "Le nom de la certification", CERTIFICATION_MAX_LENGTH, required=False)
    if data.modality not in Modality.values:
        raise TrainingError("Choisissez la modalité dans la liste : présentiel, à distance ou mixte.")
    if not MIN_HOURS <= data.hours <= MAX_HOURS:
        raise TrainingError(f"La durée doit être entre 0,5 et {number(MAX_HOURS)} heures.")
    if data.hours != data.hours.quantize(Decimal("0.1")):
        raise TrainingError("La durée a au plus un chiffre après la virgule, par exemple 3,5.")
    if not Decimal("0") <= data.price <= MAX_PRICE:
        raise TrainingError(f"Le prix doit être entre 0 € (gratuit) et {euros(MAX_PRICE)}.")
    if data.price != data.price.quantize(Decimal("0.01")):
        raise TrainingError("Le prix a au plus deux chiffres après la virgule (les centimes).")
    if data.certifying and not data.certification.strip():
        raise TrainingError("Une formation certifiante dit quelle certification elle prépare : écrivez son nom.")
    seen = set()
    for competence, level in data.coverages:
        if competence.pk in seen:
            raise TrainingError(f"La compétence {competence.code} est donnée deux fois : gardez-en une.")
        seen.add(competence.pk)
        if not 1 <= level <= MAX_LEVEL or not competence.framework.levels.filter(number=level).exists():
            raise TrainingError(f"Le niveau {level} n'existe pas pour la compétence {competence.code}.")


def _write_coverages(course: Course, coverages: list[tuple[Competence, int]]) -> None:
    course.coverages.all().delete()
    CourseCompetence.objects.bulk_create(
        CourseCompetence(course=course, competence=competence, level=level) for competence, level in coverages
    )


def create_course(data: CourseData) -> Course:
    check_course(data)
    with transaction.atomic():
        course = Course.objects.create(
            title=data.title.strip(),
            provider=data.provider,
            description=data.description.strip(),
            hours=data.hours,
            modality=data.modality,
            certifying=data.certifying,
            certification=data.certification.strip() if data.certifying else "",
            price=data.price,
            published=data.published,
            is_example=data.is_example,
        )
        _write_coverages(course, data.coverages)
    return course


def update_course(course: Course, data: CourseData) -> Course:
    check_course(data)
    with transaction.atomic():
        locked = Course.objects.select_for_update().get(pk=course.pk)
        locked.title = data.title.strip()
        locked.provider = data.provider
        locked.description = data.description.strip()
        locked.hours, locked.modality, locked.price = data.hours, data.modality, data.price
        locked.certifying = data.certifying
        locked.certification = data.certification.strip() if data.certifying else ""
        locked.published = data.published
        locked.save()
        _write_coverages(locked, data.coverages)
    return locked


# --- Sessions --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionData:
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: Place | None
    online: bool
    online_url: str
    capacity: int | None
    registration_open: bool = True


def check_session(data: SessionData) -> None:
    if data.ends_at < data.starts_at:
        raise TrainingError("La fin de la session doit venir après son début.")
    if data.online and data.place is not None:
        raise TrainingError("Une session a lieu soit dans un lieu, soit à distance : choisissez l'un ou l'autre.")
    if not data.online and data.place is None:
        raise TrainingError("Choisissez le lieu de la session, ou cochez « À distance ».")
    if data.capacity is not None and not 1 <= data.capacity <= MAX_CAPACITY:
        raise TrainingError(f"Le nombre de places doit être entre 1 et {MAX_CAPACITY}, ou vide s'il n'est pas limité.")


def create_session(course: Course, data: SessionData) -> TrainingSession:
    check_session(data)
    return TrainingSession.objects.create(
        course=course,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=None if data.online else data.place,
        online=data.online,
        online_url=data.online_url if data.online else "",
        capacity=data.capacity,
        registration_open=data.registration_open,
    )


def update_session(session: TrainingSession, data: SessionData) -> TrainingSession:
    """Change a session. More seats move waiting people in (told by e-mail); fewer never remove anyone."""
    check_session(data)
    with transaction.atomic():
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        locked.starts_at, locked.ends_at = data.starts_at, data.ends_at
        locked.place, locked.online = (None if data.online else data.place), data.online
        locked.online_url = data.online_url if data.online else ""
        locked.registration_open = data.registration_open
        locked.save(update_fields=["starts_at", "ends_at", "place", "online", "online_url", "registration_open"])
        if locked.capacity != data.capacity:
            registrations.change_capacity(locked, data.capacity)
    locked.refresh_from_db()
    return locked


# --- Enrolments ------------------------------------------------------------------------------------------------


def enrol(session: TrainingSession, user: Any) -> Enrolment:
    """Enrol a signed-in person: a seat, or a place on the waiting list (the registrations' mechanism, under the
    session's row lock: exactly the capacity is seated). Training always needs an account."""
    if user is None or not user.is_authenticated:
        raise TrainingError("Connectez-vous pour vous inscrire à une formation.")
    if not session.accepts_enrolments:
        raise TrainingError("Les inscriptions à cette session sont fermées.")
    try:
        registration = registrations.register(session, user=user)
    except registrations.RegistrationError as error:
        raise TrainingError(error.message) from error
    return registration  # type: ignore[return-value]  # the session's registrations are enrolments


def leave(enrolment: Enrolment) -> Enrolment:
    """The person gives up their seat (or leaves the waiting list): the first person waiting moves in."""
    return registrations.leave(enrolment)  # type: ignore[return-value]


def change_capacity(session: TrainingSession, capacity: int | None) -> int:
    try:
        return registrations.change_capacity(session, capacity)
    except registrations.RegistrationError as error:
        raise TrainingError(error.message) from error


# --- Attendance and results (audited) -----------------------------------------------------------------------------


def _log(action: str, actor: Any, *, enrolment=None, structure=None, subject="", before="", after="") -> None:
    TrainingLog.objects.create(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        enrolment=enrolment,
        structure=structure,
        subject=subject[:254],
        before=before,
        after=after,
    )


def _locked_enrolment(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_for_update().select_related("registrable__course").get(pk=enrolment.pk)


def record_attendance(enrolment: Enrolment, attendance: str, actor: Any) -> Enrolment:
    """Note whether a seated person came (« présent·e » or « absent·e »). Someone absent cannot keep a result."""
    if attendance not in (Attendance.PRESENT, Attendance.ABSENT):
        raise TrainingError("Choisissez « présent·e » ou « absent·e ».")
    with transaction.atomic():
        locked = _locked_enrolment(enrolment)
        if locked.status != RegistrationStatus.REGISTERED:
            raise TrainingError("Seules les personnes inscrites (pas en attente) peuvent être notées présentes.")
        if locked.attendance == attendance:
            return locked
        if attendance == Attendance.ABSENT and locked.result:
            raise TrainingError("Cette personne a déjà un résultat : effacez-le avant de la noter absente.")
        before = locked.attendance
        locked.attendance = attendance
        locked.save(update_fields=["attendance"])
        _log(
            LogAction.ATTENDANCE,
            actor,
            enrolment=locked,
            subject=locked.email,
            before=Attendance(before).label if before else "",
            after=Attendance(attendance).label,
        )
    return locked


def record_result(enrolment: Enrolment, result: str, actor: Any) -> Enrolment:
    """Note the result of a person who was present: réussi, certifié (certifying courses only), non réussi."""
    if result not in (Result.PASSED, Result.CERTIFIED, Result.FAILED):
        raise TrainingError("Choisissez le résultat dans la liste : réussi, certifié ou non réussi.")
    with transaction.atomic():
        locked = _locked_enrolment(enrolment)
        if locked.status != RegistrationStatus.REGISTERED or locked.attendance != Attendance.PRESENT:
            raise TrainingError("Notez d'abord la présence : seule une personne présente reçoit un résultat.")
        if result == Result.CERTIFIED and not locked.registrable.course.certifying:
            raise TrainingError("Cette formation n'est pas certifiante : choisissez « réussi » ou « non réussi ».")
        if locked.result == result:
            return locked
        before = locked.result
        locked.result = result
        locked.save(update_fields=["result"])
        _log(
            LogAction.RESULT,
            actor,
            enrolment=locked,
            subject=locked.email,
            before=Result(before).label if before else "",
            after=Result(result).label,
        )
    return locked


def is_successful(result: str) -> bool:
    return result in SUCCESSFUL_RESULTS


# --- Staff of structures (audited) --------------------------------------------------------------------------------


def invite_staff_member(structure: Structure, email: str, job_title: str, actor: Any) -> StaffMember:
    """Invite the person with this e-mail address into the structure's team. Nothing is shared before they accept
    from « Mon parcours de formation »; the manager is never told whether the address has an account."""
    email = email.strip()
    _check_text(job_title, "La fonction", JOB_TITLE_MAX_LENGTH, required=False)
    if not email or "@" not in email or len(email) > 254:
        raise TrainingError("Écrivez l'adresse e-mail de la personne, par exemple prenom.nom@exemple.fr.")
    user = get_user_model().objects.filter(email__iexact=email).first()
    with transaction.atomic():
        Structure.objects.select_for_update().get(pk=structure.pk)
        same = Q(email__iexact=email) | (Q(user=user) if user is not None else Q(pk__in=[]))
        if StaffMember.objects.filter(same, structure=structure).exists():
            raise TrainingError(f"{email} est déjà dans l'équipe ou déjà invitée.")
        member = StaffMember.objects.create(structure=structure, user=user, email=email, job_title=job_title.strip())
        _log(LogAction.STAFF_INVITED, actor, structure=structure, subject=email, after=job_title.strip()[:40])
    return member


def _own_invitation(member: StaffMember, user: Any) -> StaffMember:
    locked = StaffMember.objects.select_for_update().filter(pk=member.pk).first()
    if locked is None or not StaffMember.objects.invitations_for(user).filter(pk=locked.pk).exists():
        raise TrainingError("Cette invitation n'existe plus : l'équipe l'a peut-être retirée.")
    return locked


def accept_invitation(member: StaffMember, user: Any) -> StaffMember:
    """The person joins the team: from now on its managers see their training record against the socle."""
    with transaction.atomic():
        locked = _own_invitation(member, user)
        locked.user = user
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["user", "accepted_at"])
        _log(LogAction.STAFF_ACCEPTED, user, structure=locked.structure, subject=user.email)
    return locked


def decline_invitation(member: StaffMember, user: Any) -> None:
    with transaction.atomic():
        locked = _own_invitation(member, user)
        _log(LogAction.STAFF_DECLINED, user, structure=locked.structure, subject=user.email)
        locked.delete()


def leave_team(member: StaffMember, user: Any) -> None:
    """The person leaves the team: its managers no longer see their training record."""
    with transaction.atomic():
        locked = StaffMember.objects.select_for_update().filter(pk=member.pk, user=user).first()
        if locked is None:
            return
        _log(LogAction.STAFF_LEFT, user, structure=locked.structure, subject=user.email)
        locked.delete()


def remove_staff_member(member: StaffMember, actor: Any) -> None:
    with transaction.atomic():
        locked = StaffMember.objects.select_for_update().filter(pk=member.pk).first()
        if locked is None:
            return
        _log(LogAction.STAFF_REMOVED, actor, structure=locked.structure, subject=locked.email)
        locked.delete()
