"""Issue 11, test 1: a librarian, staff of a library, opens their training record, sees a competence of the socle
minimal they lack, follows a link to a certifying course that covers it, enrols in a FULL session and lands on the
waiting list (the page says their position); a place frees up (someone leaves) and they get it: the page and the
e-mail say so. Then the organiser's and the manager's pages of the same session and team.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (training-*.png) to be looked at.
"""

import re

import pytest
from playwright.sync_api import expect

from mediane.training import services
from mediane.training.models import Enrolment
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.structures.factories import PlaceFactory, StructureFactory
from tests.training.factories import CourseFactory, SessionFactory, StaffMemberFactory

pytestmark = E2E_MARKS
COURSE = "Préparer la certification Pix"


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/training-{name}.png", full_page=True)  # noqa: S108 - to be looked at, never committed


def _person(email: str, name: str, **kwargs):
    person = UserFactory(email=email, display_name=name, **kwargs)
    verify_email(person)
    return person


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_librarian_finds_a_certifying_course_for_the_socle_waits_for_a_full_session_and_gets_the_seat(
    browse, mailoutbox, javascript, width
):
    phone = width < 400
    library = StructureFactory(name="Médiathèque Lucie-Aubrac")
    librarian = _person(f"leila-{width}@example.org", "Leïla Haddad", librarian=True)
    StaffMemberFactory(structure=library, user=librarian, job_title="Bibliothécaire")
    course = CourseFactory(title=COURSE, covers=[("4.2", 4), ("1.1", 3)], certifying_pix=True)
    place = PlaceFactory(nom="Médiathèque du Bachut", commune="Lyon 8e Arrondissement")
    session = SessionFactory(course=course, place=place, capacity=1)
    bernard = _person(f"bernard-{width}@example.org", "Bernard Leroy")
    seated = services.enrol(session, bernard)
    mailoutbox.clear()

    page = browse(javascript=javascript, phone=phone)
    log_in(page, librarian.email, PASSWORD, "/formation/mon-parcours/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon parcours de formation")
    expect(page.get_by_text("Médiathèque Lucie-Aubrac (Bibliothécaire)", exact=False)).to_be_visible()
    expect(page.get_by_text("4.2 Protéger les données personnelles et la vie privée")).to_be_visible()
    shoot(page, "mon-parcours", phone)

    follow(page.get_by_role("link", name=COURSE).first)
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)
    expect(page.get_by_text("Certifiante", exact=True)).to_be_visible()
    expect(page.get_by_text("Complet : vous pouvez vous inscrire en liste d'attente")).to_be_visible()
    shoot(page, "formation", phone)

    follow(page.get_by_role("link", name=re.compile(r"^Du \d")).first)
    assert_accessible(page)
    expect(page.get_by_role("link", name="Médiathèque du Bachut")).to_be_visible()
    shoot(page, "session-complete", phone)
    follow(page.get_by_role("button", name="M'inscrire en liste d'attente"))
    assert_accessible(page)
    expect(page.get_by_text("Vous êtes sur la liste d'attente, en position 1.", exact=True)).to_be_visible()
    shoot(page, "liste-d-attente", phone)
    waiting = Enrolment.objects.get(user=librarian)
    assert waiting.is_waiting and waiting.waiting_position() == 1
    assert any("position 1" in message.body for message in mailoutbox if message.to == [librarian.email])

    # Bernard can no longer come: he leaves (through the service); the first person waiting has the seat.
    services.leave(seated)
    page.goto(session.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text("Vous êtes inscrit·e.")).to_be_visible()
    shoot(page, "place-obtenue", phone)
    freed = [m for m in mailoutbox if m.to == [librarian.email] and "Une place s'est libérée" in m.subject]
    assert freed, [m.subject for m in mailoutbox]
    assert COURSE in freed[-1].subject
    page.goto("/formation/mon-parcours/")
    assert_accessible(page)
    expect(page.get_by_text("inscrit·e.", exact=False).first).to_be_visible()


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_the_catalogue_frameworks_organiser_and_manager_pages(browse, organiser, javascript, width):
    phone = width < 400
    library = StructureFactory(name="Pôle lecture Terraillon", insee_code="69029")
    manager = _person(f"nadege-{width}@example.org", "Nadège")
    library.managers.add(manager)
    staff = _person(f"samuel-{width}@example.org", "Samuel Bernard")
    StaffMemberFactory(structure=library, user=staff, job_title="Assistant de conservation")
    course = CourseFactory(title=COURSE, covers=[("4.2", 4)], certifying_pix=True)
    session = SessionFactory(course=course, place=PlaceFactory(nom="Médiathèque du Bachut"), capacity=3)
    enrolment = services.enrol(session, staff)

    page = browse(javascript=javascript, phone=phone)
    page.goto("/formation/")
    assert_accessible(page)
    page.get_by_label("Compétence").select_option(label="4.2 Protéger les données personnelles et la vie privée")
    follow(page.get_by_role("button", name="Filtrer"))
    assert_accessible(page)
    expect(page.get_by_role("link", name=COURSE)).to_be_visible()
    shoot(page, "catalogue", phone)
    page.goto("/formation/referentiels/")
    assert_accessible(page)
    shoot(page, "referentiels", phone)
    follow(page.get_by_role("link", name="Pix : cadre de référence des compétences numériques"))
    assert_accessible(page)
    expect(page.get_by_text("anciennement « Construire un environnement numérique »", exact=False)).to_be_visible()
    shoot(page, "referentiel-pix", phone)

    log_in(page, organiser.email, PASSWORD, f"/formation/sessions/{session.pk}/participants/")
    assert_accessible(page)
    follow(page.get_by_role("button", name="Présent·e : Samuel Bernard"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Certifié : Samuel Bernard"))
    assert_accessible(page)
    expect(page.get_by_text("Le résultat de Samuel Bernard est noté.")).to_be_visible()
    shoot(page, "participants", phone)
    enrolment.refresh_from_db()
    assert (enrolment.attendance, enrolment.result) == ("present", "certifie")
    page.goto("/formation/gestion/")
    assert_accessible(page)
    shoot(page, "gestion", phone)
    page.goto(f"/formation/{course.pk}/nouvelle-session/")
    assert_accessible(page)
    shoot(page, "nouvelle-session", phone)
    page.goto("/formation/gestion/nouvelle/")
    assert_accessible(page)
    shoot(page, "nouvelle-formation", phone)

    manager_page = browse(javascript=javascript, phone=phone)
    log_in(manager_page, manager.email, PASSWORD, f"/formation/structures/{library.pk}/equipe/")
    assert_accessible(manager_page)
    expect(manager_page.get_by_role("heading", level=1)).to_have_text("L'équipe de Pôle lecture Terraillon")
    expect(manager_page.get_by_text("Samuel Bernard")).to_be_visible()
    shoot(manager_page, "equipe", phone)


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_manager_invites_a_librarian_who_accepts_from_their_record(browse, javascript, width):
    phone = width < 400
    library = StructureFactory(name="Médiathèque Lucie-Aubrac")
    manager = _person(f"manon-{width}@example.org", "Manon Responsable")
    library.managers.add(manager)
    librarian = _person(f"leila-{width}@example.org", "Leïla Haddad")

    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, f"/formation/structures/{library.pk}/equipe/")
    assert_accessible(page)
    page.get_by_label("Adresse e-mail de la personne").fill(librarian.email)
    follow(page.get_by_role("button", name="Inviter dans l'équipe"))
    assert_accessible(page)
    expect(page.get_by_text("Si un compte existe à cette adresse", exact=False)).to_be_visible()
    expect(page.get_by_text(librarian.email)).to_be_visible()
    expect(page.get_by_text("Leïla Haddad")).to_have_count(0)
    shoot(page, "equipe-invitation", phone)

    other = browse(javascript=javascript, phone=phone)
    log_in(other, librarian.email, PASSWORD, "/formation/mon-parcours/")
    assert_accessible(other)
    expect(other.get_by_text("Médiathèque Lucie-Aubrac vous invite dans son équipe")).to_be_visible()
    shoot(other, "parcours-invitation", phone)
    follow(other.get_by_role("button", name="Accepter"))
    assert_accessible(other)
    expect(other.get_by_text("Vous faites maintenant partie de l'équipe", exact=False)).to_be_visible()
    expect(other.get_by_role("button", name="Quitter cette équipe")).to_be_visible()
    shoot(other, "parcours-equipe", phone)

    page.reload()
    assert_accessible(page)
    expect(page.get_by_role("cell", name="Leïla Haddad", exact=True)).to_be_visible()
