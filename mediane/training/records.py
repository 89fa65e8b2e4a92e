"""Reads of training records: the competences a person covers (from passed results), how a person or a team
covers the socle minimal, and the courses that would cover what is missing, nearest session first.

Every function runs a constant number of queries, whatever the number of people, courses or sessions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from mediane.orientation.geo import haversine_km
from mediane.registrations.enums import RegistrationStatus
from mediane.structures.communes import load_communes

from .enums import SUCCESSFUL_RESULTS, Result
from .models import (
    Competence,
    Course,
    CourseCompetence,
    Enrolment,
    Socle,
    SocleRequirement,
    TrainingSession,
    _label_of,
)

SOCLE_SLUG = "socle-minimal-bibliotheques"


@dataclass
class Requirement:
    competence_id: int
    code: str
    label: str
    framework: str
    level: int
    covered_level: int = 0  # the person's level (0: not covered)

    @property
    def met(self) -> bool:
        return self.covered_level >= self.level


@dataclass
class Coverage:
    """How one person covers a socle: the requirements met and missing, in the socle's order."""

    met: list[Requirement] = field(default_factory=list)
    missing: list[Requirement] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def covered_levels(user_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """user id → competence id → the highest level reached through passed (or certified) results. One query."""
    rows = (
        Enrolment.objects.filter(
            user_id__in=list(user_ids), status=RegistrationStatus.REGISTERED, result__in=SUCCESSFUL_RESULTS
        )
        .filter(registrable__course__coverages__isnull=False)
        .values_list(
            "user_id", "registrable__course__coverages__competence_id", "registrable__course__coverages__level"
        )
    )
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for user_id, competence_id, level in rows:
        if level > levels[user_id].get(competence_id, 0):
            levels[user_id][competence_id] = level
    return levels


def socle() -> Socle | None:
    return Socle.objects.filter(slug=SOCLE_SLUG).first() or Socle.objects.order_by("pk").first()


def requirements_of(socle_: Socle | None) -> list[Requirement]:
    """The socle's requirements with the competences' current labels. One query."""
    if socle_ is None:
        return []
    rows = (
        SocleRequirement.objects.filter(socle=socle_)
        .select_related("competence__framework")
        .annotate(label=_label_of("competence"))
        .order_by("position", "pk")
    )
    return [
        Requirement(row.competence_id, row.competence.code, row.label or "", row.competence.framework.name, row.level)
        for row in rows
    ]


def coverage(requirements: list[Requirement], levels: dict[int, int]) -> Coverage:
    """Pure: split the requirements into met and missing, given a person's levels by competence id."""
    result = Coverage()
    for requirement in requirements:
        reached = Requirement(**{**requirement.__dict__, "covered_level": levels.get(requirement.competence_id, 0)})
        (result.met if reached.met else result.missing).append(reached)
    return result


def courses_covering(requirements: list[Requirement], viewer: Any = None) -> dict[int, list[Course]]:
    """competence id → published courses that bring a person to the required level or above, each with its
    upcoming public sessions (`course.upcoming`), certifying ones first. Three queries."""
    if not requirements:
        return {}
    needed = {requirement.competence_id: requirement.level for requirement in requirements}
    upcoming = TrainingSession.objects.upcoming().select_related("place")
    coverages = (
        CourseCompetence.objects.filter(competence_id__in=needed, course__published=True)
        .select_related("course__provider")
        .prefetch_related(Prefetch("course__sessions", queryset=upcoming, to_attr="upcoming"))
        .order_by("-course__certifying", "course__title", "course__pk")
    )
    courses: dict[int, list[Course]] = defaultdict(list)
    for row in coverages:
        if row.level >= needed[row.competence_id]:
            courses[row.competence_id].append(row.course)
    return courses


# --- Nearest first -------------------------------------------------------------------------------------------------


def position_of_structure(structure: Any) -> tuple[float, float] | None:
    """The position of the structure's commune (from `structures.communes`), or None when unknown."""
    commune = load_communes().by_insee(structure.insee_code or "")
    if commune is None or commune.latitude is None or commune.longitude is None:
        return None
    return commune.latitude, commune.longitude


def distance_km(origin: tuple[float, float] | None, session: TrainingSession) -> float | None:
    """Distance from the origin to the session's place; None for a session à distance or an unknown position."""
    if origin is None or session.online or session.place is None:
        return None
    place = session.place
    if place.latitude is None or place.longitude is None:
        return None
    return haversine_km(origin[0], origin[1], place.latitude, place.longitude)


def nearest_first(
    sessions: Iterable[TrainingSession], origin: tuple[float, float] | None
) -> list[tuple[TrainingSession, float | None]]:
    """Sessions with their distance, the nearest first; sessions à distance (and unknown distances) after, the
    soonest first among them."""
    measured = [(session, distance_km(origin, session)) for session in sessions]
    return sorted(
        measured,
        key=lambda pair: (pair[1] is None, pair[1] if pair[1] is not None else 0.0, pair[0].starts_at, pair[0].pk),
    )


# --- A person's record -------------------------------------------------------------------------------------------


def _set_waiting_positions(waiting: list[Enrolment]) -> None:
    """Give each waiting enrolment its `position` on its session's list, in one query for all of them."""
    if not waiting:
        return
    queue = Enrolment.objects.filter(
        registrable_id__in={row.registrable_id for row in waiting}, status=RegistrationStatus.WAITING
    ).order_by("registrable_id", "confirmed_at", "pk")
    positions: dict[int, int] = {}
    counters: dict[int, int] = defaultdict(int)
    for registrable_id, pk in queue.values_list("registrable_id", "pk"):
        counters[registrable_id] += 1
        positions[pk] = counters[registrable_id]
    for row in waiting:
        row.position = positions.get(row.pk)  # type: ignore[attr-defined]


@dataclass
class Record:
    followed: list[Enrolment]
    upcoming: list[Enrolment]
    competences: list[tuple[Competence, int]]
    certifications: list[Enrolment]
    coverage: Coverage
    courses: dict[int, list[Course]]


def record_of(user: Any) -> Record:
    """A person's training record: sessions attended, upcoming enrolments, competences covered with their level,
    certifications, and the socle minimal with courses for what is missing. A constant number of queries."""
    enrolments = list(
        Enrolment.objects.active()
        .filter(user=user)
        .select_related("registrable__course__provider", "registrable__place")
        .order_by("-registrable__starts_at", "-pk")
    )
    now = timezone.now()
    followed = [row for row in enrolments if row.attendance == "present"]
    upcoming = [row for row in enrolments if row.registrable.ends_at >= now]
    _set_waiting_positions([row for row in upcoming if row.is_waiting])
    levels = covered_levels([user.pk]).get(user.pk, {})
    competences = list(
        Competence.objects.for_listing().filter(pk__in=levels).order_by("framework__position", "position")
    )
    requirements = requirements_of(socle())
    person_coverage = coverage(requirements, levels)
    return Record(
        followed=followed,
        upcoming=upcoming,
        competences=[(competence, levels[competence.pk]) for competence in competences],
        certifications=[row for row in followed if row.result == Result.CERTIFIED],
        coverage=person_coverage,
        courses=courses_covering(person_coverage.missing),
    )


# --- A structure's team --------------------------------------------------------------------------------------------


@dataclass
class Offer:
    """A course that covers a missing competence, with its upcoming sessions nearest first."""

    course: Course
    sessions: list[tuple[TrainingSession, float | None]]

    @property
    def nearest(self) -> float | None:
        return self.sessions[0][1] if self.sessions else None


@dataclass
class Team:
    members: list[tuple[Any, Coverage]]
    requirements: list[Requirement]
    missing: list[tuple[Requirement, int, list[Offer]]]  # requirement, how many lack it, offers nearest first


def _offer_key(offer: Offer) -> tuple:
    # Courses with a located session first (nearest first), then à distance only, then without sessions.
    has_sessions = bool(offer.sessions)
    nearest = offer.nearest
    return (not has_sessions, nearest is None, nearest or 0.0, offer.course.title, offer.course.pk)


def team_of(structure: Any) -> Team:
    """The structure's staff and how each covers the socle minimal, the requirements someone lacks (with how many
    people lack each), and the courses that would cover them, nearest session first. A constant number of
    queries (six), whatever the size of the team."""
    from .models import StaffMember

    members = list(StaffMember.objects.of_structure(structure))
    levels = covered_levels(member.user_id for member in members)
    requirements = requirements_of(socle())
    rows = [(member, coverage(requirements, levels.get(member.user_id, {}))) for member in members]
    lacking: list[tuple[Requirement, int]] = []
    for requirement in requirements:
        count = sum(
            1 for _, person in rows if any(r.competence_id == requirement.competence_id for r in person.missing)
        )
        if count:
            lacking.append((requirement, count))
    courses = courses_covering([requirement for requirement, _ in lacking])
    origin = position_of_structure(structure)
    missing = []
    for requirement, count in lacking:
        offers = [
            Offer(course, nearest_first(getattr(course, "upcoming", []), origin))
            for course in courses.get(requirement.competence_id, [])
        ]
        missing.append((requirement, count, sorted(offers, key=_offer_key)))
    return Team(members=rows, requirements=requirements, missing=missing)
