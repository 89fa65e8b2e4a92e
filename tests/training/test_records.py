"""Reads of training records: levels from passed results, the socle's coverage, the courses for what is missing,
nearest first, and a team's view in a constant number of queries."""

import pytest

from mediane.orientation.geo import haversine_km
from mediane.training import records
from mediane.training.enums import Attendance, Result
from tests.structures.factories import PlaceFactory, StructureFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, StaffMemberFactory, pix

pytestmark = pytest.mark.django_db


def _passed(user, covers, result=Result.PASSED, **course):
    session = SessionFactory(course=CourseFactory(covers=covers, **course), finished=True)
    return EnrolmentFactory(registrable=session, user=user, attendance=Attendance.PRESENT, result=result)


def test_only_passed_or_certified_results_give_a_level_and_the_highest_wins(citizen):
    _passed(citizen, [("4.2", 2), ("1.1", 3)])
    _passed(citizen, [("4.2", 4)], result=Result.CERTIFIED, certifying_pix=True)
    _passed(citizen, [("2.1", 5)], result=Result.FAILED)
    levels = records.covered_levels([citizen.pk])[citizen.pk]
    assert levels == {pix("4.2").pk: 4, pix("1.1").pk: 3}


def test_coverage_splits_the_socle_into_met_and_missing_in_its_order():
    requirements = [
        records.Requirement(1, "1.1", "Mener une recherche", "Pix", 3),
        records.Requirement(2, "4.2", "Protéger les données", "Pix", 3),
    ]
    result = records.coverage(requirements, {1: 3, 2: 2})
    assert [r.code for r in result.met] == ["1.1"]
    assert [(r.code, r.covered_level) for r in result.missing] == [("4.2", 2)]
    assert not result.complete


def test_the_record_lists_missing_requirements_with_courses_that_reach_the_level_certifying_first(citizen):
    requirements = records.requirements_of(records.socle())
    assert requirements, "the seeded socle has requirements"
    required = {r.code: r.level for r in requirements}["4.2"]
    low = CourseFactory(title="Trop court", covers=[("4.2", required - 1)])
    plain = CourseFactory(title="Bases", covers=[("4.2", required)])
    certifying = CourseFactory(title="Zéro défaut", covers=[("4.2", required + 1)], certifying_pix=True)
    SessionFactory(course=certifying)
    record = records.record_of(citizen)
    assert "4.2" in [r.code for r in record.coverage.missing]
    courses = record.courses[pix("4.2").pk]
    assert courses == [certifying, plain]
    assert low not in courses
    assert len(courses[0].upcoming) == 1


def test_sessions_come_nearest_first_and_remote_ones_after():
    origin = (45.76, 4.83)  # Lyon
    far = SessionFactory(place=PlaceFactory(latitude=45.43, longitude=4.39))  # Saint-Étienne
    near = SessionFactory(place=PlaceFactory(latitude=45.77, longitude=4.88))  # Villeurbanne
    remote = SessionFactory(remote=True)
    ordered = records.nearest_first([remote, far, near], origin)
    assert [session for session, _ in ordered] == [near, far, remote]
    assert ordered[0][1] == pytest.approx(haversine_km(45.76, 4.83, 45.77, 4.88))
    assert ordered[2][1] is None


def test_a_team_shows_who_lacks_what_and_the_nearest_courses(django_assert_max_num_queries):
    structure = StructureFactory(insee_code="69383")  # Lyon 3e
    good, new = StaffMemberFactory(structure=structure), StaffMemberFactory(structure=structure)
    for requirement in records.requirements_of(records.socle()):
        _passed(good.user, [(requirement.code, requirement.level)])
    course = CourseFactory(covers=[("4.2", 3)])
    far = SessionFactory(course=course, place=PlaceFactory(latitude=43.3, longitude=5.37))  # Marseille
    near = SessionFactory(course=course, place=PlaceFactory(latitude=45.75, longitude=4.85))
    team = records.team_of(structure)
    coverage = dict((member.pk, person) for member, person in team.members)
    assert coverage[good.pk].complete and not coverage[new.pk].complete
    lacking = {requirement.code: (count, offers) for requirement, count, offers in team.missing}
    assert lacking["4.2"][0] == 1
    assert [session for session, _ in lacking["4.2"][1][0].sessions] == [near, far]


@pytest.mark.parametrize("size", [1, 6])
def test_a_team_takes_a_constant_number_of_queries(size, django_assert_num_queries):
    structure = StructureFactory()
    for _ in range(size):
        member = StaffMemberFactory(structure=structure)
        _passed(member.user, [("1.1", 3)])
        SessionFactory(course=CourseFactory(covers=[("4.2", 3)]))
    with django_assert_num_queries(6):
        records.team_of(structure)
