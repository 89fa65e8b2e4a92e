"""The adviser's certifying training through the training app: the programme's course (made on first use: a course
seeded by a migration would sit in every test's and every new site's catalogue before the programme runs), and the
enrolment of a finalised recruitment's adviser in its next session with seats."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mediane.training import services as training
from mediane.training.enums import Modality
from mediane.training.models import Course, Provider, TrainingSession

from .enums import LogAction
from .models_recruitment import Recruitment
from .services import ProgrammeError
from .services_recruitment import record_about

# The programme's course is known by these two names (`ensure_programme_course` makes it on first use).
COURSE_TITLE = "Formation certifiante des conseillers numériques"
PROVIDER_NAME = "Programme Conseillers numériques"


def programme_course() -> Course | None:
    return Course.objects.filter(title=COURSE_TITLE, provider__name=PROVIDER_NAME).first()


def ensure_programme_course() -> Course:
    """The programme's certifying course, published in the training catalogue, made the first time it is needed."""
    provider, _ = Provider.objects.get_or_create(
        name=PROVIDER_NAME,
        defaults={"description": "La formation des conseillers numériques recrutés, prise en charge par l'État."},
    )
    course, _ = Course.objects.get_or_create(
        title=COURSE_TITLE,
        provider=provider,
        defaults={
            "description": (
                "La formation que suit chaque conseiller numérique recruté : accueillir et accompagner les "
                "habitants dans leurs usages du numérique, animer un atelier, aider aux démarches en ligne.\n\n"
                "Elle mène au certificat de compétences professionnelles (CCP 1) du titre Responsable d'espace "
                "de médiation numérique. Elle est gratuite pour la structure et pour le conseiller."
            ),
            "hours": 147,
            "modality": Modality.BLENDED,
            "certifying": True,
            "certification": "CCP 1 du titre professionnel Responsable d'espace de médiation numérique (REMN)",
            "price": 0,
            "published": True,
        },
    )
    return course


def open_sessions(course: Course | None = None):
    """The course's coming sessions that take enrolments and have seats left, soonest first."""
    course = course or programme_course()
    if course is None:
        return TrainingSession.objects.none()
    sessions = TrainingSession.objects.filter(course=course, registration_open=True).upcoming(timezone.now())
    return [s for s in sessions.select_related("course") if s.accepts_enrolments and not s.is_full]


def enrol_adviser(
    recruitment: Recruitment, *, by: Any, session: TrainingSession | None = None, quietly: bool = False
) -> Recruitment:
    """Enrol the adviser in `session`, or the next open one. With `quietly` (at finalisation), no open session
    leaves the recruitment « inscription à faire » for the team's list instead of refusing."""
    ensure_programme_course()
    user = recruitment.candidate.user
    if recruitment.training_enrolment_id is not None:
        if quietly:
            return recruitment
        raise ProgrammeError("Ce conseiller ou cette conseillère est déjà inscrit·e à la formation.")
    if user is None:
        if quietly:
            return recruitment
        raise ProgrammeError("Cette personne n'a plus de compte : elle ne peut pas être inscrite à une formation.")
    if session is None:
        sessions = open_sessions()
        if not sessions:
            if quietly:
                return recruitment
            raise ProgrammeError("Aucune session de la formation certifiante n'a de place : créez-en une d'abord.")
        session = sessions[0]
    elif session.course_id != getattr(programme_course(), "pk", None):
        raise ProgrammeError("Choisissez une session de la formation certifiante des conseillers numériques.")
    try:
        with transaction.atomic():
            enrolment = training.enrol(session, user)
            recruitment.training_enrolment = enrolment
            recruitment.save(update_fields=["training_enrolment", "updated_at"])
            note = f"Inscription à la formation certifiante, session {session.registration_summary()}."
            record_about(recruitment, LogAction.TRAINING, by, note)
    except training.TrainingError as error:
        if quietly:
            return recruitment
        raise ProgrammeError(error.message) from error
    return recruitment
