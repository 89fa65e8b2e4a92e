"""The public pages of training: the catalogue and its filters, a course, the frameworks, a session and its
enrolment, the record and a structure's team."""

import pytest
from django.urls import reverse

from mediane.registrations.enums import RegistrationStatus
from mediane.training.enums import Attendance, Modality, Result
from mediane.training.models import Enrolment, StaffMember
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory, StructureFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, StaffMemberFactory, pix

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def test_the_catalogue_shows_published_courses_only(client):
    CourseFactory(title="Publiée")
    CourseFactory(title="Brouillon secret", draft=True)
    page = _text(client.get(reverse("training:catalogue")))
    assert "Publiée" in page and "Brouillon secret" not in page


def test_the_catalogue_filters_by_competence_modality_certifying_free_and_departement(client):
    match = CourseFactory(title="La bonne", covers=[("4.2", 3)], certifying_pix=True, modality=Modality.BLENDED)
    SessionFactory(course=match, place=PlaceFactory(departement="69"))
    CourseFactory(title="Autre compétence", covers=[("1.1", 3)], certifying_pix=True, modality=Modality.BLENDED)
    CourseFactory(title="Payante", covers=[("4.2", 3)], certifying_pix=True, modality=Modality.BLENDED, price=200)
    elsewhere = CourseFactory(title="Ailleurs", covers=[("4.2", 3)], certifying_pix=True, modality=Modality.BLENDED)
    SessionFactory(course=elsewhere, place=PlaceFactory(departement="13"))
    query = {
        "competence": pix("4.2").pk,
        "modalite": Modality.BLENDED,
        "certifiante": "on",
        "gratuite": "on",
        "departement": "69",
    }
    page = _text(client.get(reverse("training:catalogue"), query))
    assert "La bonne" in page
    for title in ("Autre compétence", "Payante", "Ailleurs"):
        assert title not in page


@pytest.mark.parametrize(
    "query",
    [
        {"competence": "abc"},
        {"competence": "99999999999999999999999"},
        {"modalite": "<script>"},
        {"departement": "6 9"},
        {"page": "-1"},
        {"page": "٣"},
        {"page": "99999999999999999999"},
        {"gratuite": "\x00"},
    ],
)
def test_a_bad_query_string_never_breaks_the_catalogue(client, query):
    CourseFactory(title="Toujours là")
    response = client.get(reverse("training:catalogue"), query)
    assert response.status_code == 200
    assert "Toujours là" in _text(response)


@pytest.mark.parametrize("size", [2, 12])
def test_the_catalogue_takes_a_constant_number_of_queries(client, size, django_assert_num_queries):
    for _ in range(size):
        SessionFactory(course=CourseFactory(covers=[("4.2", 3), ("1.1", 2)]))
    with django_assert_num_queries(4):  # the competences of the filter, the count, the page, its competences
        client.get(reverse("training:catalogue"), {"certifiante": "", "departement": "69"})


def test_a_course_page_shows_its_competences_levels_and_upcoming_sessions(client):
    course = CourseFactory(title="Sécurité", covers=[("4.1", 3)], certifying_pix=True)
    SessionFactory(course=course, place=PlaceFactory(nom="Médiathèque de la Part-Dieu"))
    SessionFactory(course=course, finished=True, place=PlaceFactory(nom="Lieu passé"))
    page = _text(client.get(course.get_absolute_url()))
    assert "Sécuriser l&#x27;environnement numérique" in page
    assert "jusqu'au niveau 3" in page
    assert "Médiathèque de la Part-Dieu" in page and "Lieu passé" not in page
    assert "Certification Pix" in page


def test_the_frameworks_page_lists_pix_and_the_pix_page_shows_the_former_label_of_5_2(client):
    assert "Pix" in _text(client.get(reverse("training:frameworks")))
    page = _text(client.get(reverse("training:framework", args=["pix"])))
    assert "Évoluer dans un environnement numérique" in page
    assert "anciennement « Construire un environnement numérique » jusqu'en 2019" in page
    assert page.count("<strong>") >= 16
    assert "Expert" in page


def test_an_unknown_framework_is_not_found(client):
    assert client.get(reverse("training:framework", args=["inconnu"])).status_code == 404


def test_a_signed_in_person_enrols_in_one_click_and_a_full_session_says_the_waiting_position(client, librarian):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(registrable=session)
    session.seats_taken = 1
    session.save()
    client.force_login(librarian)
    page = _text(client.get(session.get_absolute_url()))
    assert "M'inscrire en liste d'attente" in page
    response = client.post(reverse("training:enrol", args=[session.pk]), follow=True)
    assert "en position 1" in _text(response)
    assert Enrolment.objects.get(user=librarian).status == RegistrationStatus.WAITING


def test_the_public_is_asked_to_sign_in_to_enrol(client):
    session = SessionFactory()
    assert "Me connecter pour m'inscrire" in _text(client.get(session.get_absolute_url()))
    response = client.post(reverse("training:enrol", args=[session.pk]))
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_the_remote_link_is_given_to_enrolled_people_only(client, librarian, citizen):
    session = SessionFactory(remote=True)
    EnrolmentFactory(registrable=session, user=librarian)
    client.force_login(citizen)
    assert "visio.example.org" not in _text(client.get(session.get_absolute_url()))
    client.force_login(librarian)
    assert "visio.example.org" in _text(client.get(session.get_absolute_url()))


def test_the_record_shows_missing_socle_requirements_with_certifying_courses_and_what_was_passed(client, librarian):
    certifying = CourseFactory(title="Protéger les données, certifiante", covers=[("4.2", 5)], certifying_pix=True)
    SessionFactory(course=certifying)
    followed = SessionFactory(course=CourseFactory(title="Chercher sur le web", covers=[("1.1", 4)]), finished=True)
    EnrolmentFactory(registrable=followed, user=librarian, attendance=Attendance.PRESENT, result=Result.PASSED)
    client.force_login(librarian)
    page = _text(client.get(reverse("training:my_record")))
    assert "Protéger les données, certifiante" in page and "Certifiante" in page
    assert "Chercher sur le web" in page
    assert "1.1 Mener une recherche et une veille d&#x27;information" in page


@pytest.mark.parametrize("size", [1, 5])
def test_the_record_takes_a_constant_number_of_queries(client, librarian, size, django_assert_num_queries):
    for _ in range(size):
        session = SessionFactory(course=CourseFactory(covers=[("4.2", 3)]), finished=True)
        EnrolmentFactory(registrable=session, user=librarian, attendance=Attendance.PRESENT, result=Result.PASSED)
        SessionFactory(course=CourseFactory(covers=[("1.1", 3)]))
        full = SessionFactory(capacity=1)
        EnrolmentFactory(registrable=full)
        EnrolmentFactory(registrable=full, user=librarian, status=RegistrationStatus.WAITING)
    client.force_login(librarian)
    with django_assert_num_queries(16):  # + the structures the person manages
        client.get(reverse("training:my_record"))


NEUTRAL = "Si un compte existe à cette adresse, la personne verra votre invitation dans son parcours de formation."


@pytest.mark.parametrize("has_account", [True, False])
def test_a_manager_invites_by_email_and_learns_nothing_about_the_account(client, has_account):
    manager = UserFactory()
    structure = StructureFactory(name="Médiathèque Jean Macé")
    structure.managers.add(manager)
    if has_account:
        UserFactory(email="nouvelle@example.org", display_name="Nouvelle Personne")
    client.force_login(manager)
    response = client.post(
        reverse("training:team_add", args=[structure.pk]),
        {"email": "nouvelle@example.org", "job_title": "Accueil"},
        follow=True,
    )
    page = _text(response)
    assert NEUTRAL in page and "nouvelle@example.org" in page
    assert "Nouvelle Personne" not in page and "Aucun compte" not in page


def test_the_team_shows_coverage_only_for_members_who_accepted(client):
    manager = UserFactory()
    structure = StructureFactory()
    structure.managers.add(manager)
    StaffMemberFactory(structure=structure, user=UserFactory(display_name="Aurore Quetzalcoatl"))
    StaffMemberFactory(
        structure=structure, user=UserFactory(display_name="Basile Invité"), email="basile@example.org", pending=True
    )
    client.force_login(manager)
    page = _text(client.get(reverse("training:team", args=[structure.pk])))
    assert "Aurore Quetzalcoatl" in page
    assert "basile@example.org" in page and "Basile" not in page.replace("basile@example.org", "")


def test_a_person_accepts_an_invitation_from_their_record_then_leaves_the_team(client, librarian):
    structure = StructureFactory(name="Médiathèque Jean Macé")
    invitation = StaffMemberFactory(structure=structure, user=librarian, pending=True)
    client.force_login(librarian)
    page = _text(client.get(reverse("training:my_record")))
    assert "Médiathèque Jean Macé vous invite" in page
    response = client.post(reverse("training:invitation_accept", args=[invitation.pk]), follow=True)
    assert "Vous faites maintenant partie de l" in _text(response)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    client.post(reverse("training:team_leave", args=[invitation.pk]))
    assert not structure.staff_members.exists()


def test_a_person_declines_an_invitation_and_cannot_answer_someone_elses(client, librarian):
    mine = StaffMemberFactory(user=librarian, pending=True)
    other = StaffMemberFactory(pending=True)
    client.force_login(librarian)
    client.post(reverse("training:invitation_accept", args=[other.pk]))
    client.post(reverse("training:invitation_decline", args=[other.pk]))
    client.post(reverse("training:invitation_decline", args=[mine.pk]))
    assert list(StaffMember.objects.values_list("pk", "accepted_at")) == [(other.pk, None)]


def test_someone_who_does_not_manage_the_structure_learns_nothing_about_its_team(client, citizen):
    structure = StructureFactory()
    member = StaffMemberFactory(structure=structure, user=UserFactory(display_name="Aurore Quetzalcoatl"))
    structure.managers.add(UserFactory())
    client.force_login(citizen)
    for response in (
        client.get(reverse("training:team", args=[structure.pk])),
        client.post(reverse("training:team_add", args=[structure.pk]), {"email": citizen.email}),
        client.post(reverse("training:team_remove", args=[structure.pk, member.pk])),
    ):
        assert response.status_code == 404
        assert "Aurore" not in _text(response)
    assert structure.staff_members.count() == 1


def test_the_record_says_the_position_on_each_waiting_list(client, librarian):
    full = SessionFactory(capacity=1, course=CourseFactory(title="Complète"))
    EnrolmentFactory(registrable=full)
    EnrolmentFactory(registrable=full)
    EnrolmentFactory(registrable=full, user=librarian, status=RegistrationStatus.WAITING)
    client.force_login(librarian)
    assert "(position 1)" in _text(client.get(reverse("training:my_record")))


def test_a_staff_member_sees_their_structure_on_their_record(client, librarian):
    StaffMemberFactory(structure=StructureFactory(name="Médiathèque du Bachut"), user=librarian)
    client.force_login(librarian)
    assert "Médiathèque du Bachut" in _text(client.get(reverse("training:my_record")))


def test_the_account_page_links_to_the_record(client, librarian):
    client.force_login(librarian)
    assert reverse("training:my_record") in _text(client.get(reverse("accounts:profile")))


def test_a_manager_finds_the_team_pages_from_the_account_page_and_the_record(client, librarian):
    managed = StructureFactory(name="Médiathèque du Bachut")
    managed.managers.add(librarian)
    StructureFactory(name="Bibliothèque d'à côté")
    client.force_login(librarian)

    for page in (reverse("accounts:profile"), reverse("training:my_record")):
        html = client.get(page).content.decode()
        team = reverse("training:team", args=[managed.pk])
        assert f'href="{team}">L\'équipe de Médiathèque du Bachut</a>' in html
        assert "Bibliothèque d" not in html


@pytest.mark.parametrize("size", [1, 6])
def test_the_team_page_takes_a_constant_number_of_queries(client, size, django_assert_num_queries):
    manager = UserFactory()
    structure = StructureFactory()
    structure.managers.add(manager)
    for _ in range(size):
        StaffMemberFactory(structure=structure)
        SessionFactory(course=CourseFactory(covers=[("4.2", 3)]))
    client.force_login(manager)
    with django_assert_num_queries(14):
        client.get(reverse("training:team", args=[structure.pk]))


def test_a_demonstration_course_says_it_is_an_example_on_its_page_and_card(client):
    example = CourseFactory(title="Exemple", is_example=True)
    CourseFactory(title="Réelle")
    badge = "Formation donnée à titre d'exemple"
    assert badge in _text(client.get(example.get_absolute_url()))
    assert _text(client.get(reverse("training:catalogue"))).count(badge) == 1
