"""The organisers' pages: create and edit courses and sessions, participants with attendance and results, the CSV."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from mediane.training.enums import Attendance, Result
from mediane.training.forms import CourseForm
from mediane.training.models import Course, TrainingLog, TrainingSession
from tests.structures.factories import PlaceFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, ProviderFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_an_organiser_creates_a_course_with_competences_typed_as_lines(client, organiser):
    provider = ProviderFactory(name="Enssib")
    client.force_login(organiser)
    response = client.post(
        reverse("training:course_create"),
        {
            "title": "Médiation numérique en bibliothèque",
            "provider": provider.pk,
            "description": "Trois jours pour accueillir.",
            "hours": "21",
            "modality": "mixte",
            "price": "0",
            "coverages": "M1 2\n4.2 3\n",
            "published": "on",
        },
    )
    assert response.status_code == 302
    course = Course.objects.get()
    assert sorted((row.competence.code, row.level) for row in course.coverages.all()) == [("4.2", 3), ("M1", 2)]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("coverages", "9.9 3", "aucune compétence n&#x27;a le code"),
        ("coverages", "4.2 trois", "Ligne 1, le niveau"),
        ("hours", "3,55", "au plus un seul chiffre"),
        ("hours", "0,04", "entre 0,5 et 2000"),
        ("hours", "3.5.1", "n&#x27;est pas un nombre"),
        ("price", "12,505", "au plus 2 chiffres"),
        ("price", "-4", "Le prix"),
    ],
)
def test_a_bad_course_form_says_what_to_fix_and_writes_nothing(client, organiser, field, value, message):
    client.force_login(organiser)
    data = {"title": "T", "provider": ProviderFactory().pk, "description": "D", "hours": "3", "modality": "mixte"}
    data.update({"price": "0", field: value})
    response = client.post(reverse("training:course_create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Course.objects.exists()


def _edit_form_as_shown(course: Course) -> dict:
    """The course's edit form as the page fills it in, ready to post back unchanged."""
    initial = CourseForm.initial_for(Course.objects.get(pk=course.pk))
    return {name: ("on" if value is True else value) for name, value in initial.items() if value is not False}


def test_posting_the_unchanged_edit_form_of_a_course_saves_it(client, organiser):
    course = CourseFactory(hours=Decimal("14"), price=Decimal("250"))
    client.force_login(organiser)
    data = _edit_form_as_shown(course)
    assert (data["hours"], data["price"]) == ("14,0", "250,00")
    response = client.post(reverse("training:course_edit", args=[course.pk]), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.hours, course.price) == (Decimal("14.0"), Decimal("250.00"))


@pytest.mark.parametrize(("typed", "hours"), [("12,5", "12.5"), ("12.5", "12.5"), ("1 000", "1000")])
def test_hours_are_read_the_french_way_or_with_a_point(client, organiser, typed, hours):
    course = CourseFactory()
    client.force_login(organiser)
    data = _edit_form_as_shown(course) | {"hours": typed, "price": "1 250,50 €"}
    response = client.post(reverse("training:course_edit", args=[course.pk]), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.hours, course.price) == (Decimal(hours), Decimal("1250.50"))


def test_an_organiser_adds_a_session_at_a_place_of_the_directory(client, organiser):
    course, place = CourseFactory(), PlaceFactory()
    client.force_login(organiser)
    response = client.post(
        reverse("training:session_create", args=[course.pk]),
        {
            "start_date": "2030-03-02",
            "start_time": "09:00",
            "end_date": "2030-03-02",
            "end_time": "17:00",
            "place_number": place.pk,
            "capacity": "12",
            "registration_open": "on",
        },
    )
    assert response.status_code == 302
    assert TrainingSession.objects.get().place == place


def test_attendance_and_result_are_recorded_from_the_participant_list_and_logged(client, organiser):
    session = SessionFactory(course=CourseFactory(certifying_pix=True))
    enrolment = EnrolmentFactory(registrable=session, name="Aurore")
    client.force_login(organiser)
    client.post(reverse("training:attendance", args=[enrolment.pk]), {"attendance": "present"})
    client.post(reverse("training:result", args=[enrolment.pk]), {"result": "certifie"})
    enrolment.refresh_from_db()
    assert (enrolment.attendance, enrolment.result) == (Attendance.PRESENT, Result.CERTIFIED)
    assert TrainingLog.objects.count() == 2
    page = client.get(reverse("training:participants", args=[session.pk])).content.decode()
    assert "Aurore" in page and "résultat noté" in page


def test_a_bad_result_is_refused_with_a_message(client, organiser):
    enrolment = EnrolmentFactory()
    client.force_login(organiser)
    response = client.post(reverse("training:result", args=[enrolment.pk]), {"result": "génial"}, follow=True)
    assert "Choisissez une des réponses proposées" in response.content.decode()
    assert not TrainingLog.objects.exists()


def test_the_participants_csv_has_attendance_and_result(client, organiser):
    session = SessionFactory()
    EnrolmentFactory(registrable=session, name="Aurore", attendance=Attendance.PRESENT, result=Result.PASSED)
    client.force_login(organiser)
    response = client.get(reverse("training:participants_csv", args=[session.pk]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Présence" in body.splitlines()[0]
    assert "Aurore" in body and "présent·e" in body and "réussi" in body


@pytest.mark.parametrize("size", [1, 8])
def test_the_organisers_list_takes_a_constant_number_of_queries(client, organiser, size, django_assert_num_queries):
    for _ in range(size):
        SessionFactory()
    client.force_login(organiser)
    with django_assert_num_queries(6):
        client.get(reverse("training:manage"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"place_number": "999999"}, "Aucun lieu de l&#x27;annuaire ne porte le numéro 999999"),
        ({"end_date": "2030-03-01"}, "La fin de la session doit venir après son début"),
        ({"place_number": ""}, "Choisissez le lieu de la session"),
        ({"capacity": "0"}, "supérieure ou égale à 1"),
        ({"start_date": "32/13/2030"}, "date"),
    ],
)
def test_a_bad_session_form_says_what_to_fix_and_writes_nothing(client, organiser, changes, message):
    course, place = CourseFactory(), PlaceFactory()
    client.force_login(organiser)
    data = {
        "start_date": "2030-03-02",
        "start_time": "09:00",
        "end_date": "2030-03-02",
        "end_time": "17:00",
        "place_number": str(place.pk),
        "capacity": "12",
    }
    data.update(changes)
    response = client.post(reverse("training:session_create", args=[course.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_session_hours_are_read_and_shown_in_the_sites_time_zone(settings):
    from django.utils import timezone

    from mediane.training.forms import SessionForm

    with timezone.override("America/Cayenne"):
        form = SessionForm(
            {"start_date": "2030-03-02", "start_time": "09:30", "end_date": "2030-03-02", "end_time": "17:00",
             "online": "on", "online_url": "https://visio.example.org/a"}
        )  # fmt: skip
        assert form.is_valid(), form.errors
        data = form.session_data()
        assert data.starts_at.utcoffset() == dt.timedelta(hours=-3)
        session = SessionFactory(starts_at=data.starts_at, ends_at=data.ends_at)
        assert SessionForm.initial_for(session)["start_time"] == dt.time(9, 30)
    assert "Heure locale" in str(SessionForm()["start_time"].help_text)
