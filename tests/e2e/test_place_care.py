"""Journeys of issue 15's care of places (its tests 2 and 3):
2. a library's manager (a manager of its structure) completes its services, and the library now appears in the
   directory's search for that service;
3. an anonymous visitor reports an error on a place page; the manager signs in, finds it in « Mes lieux » and the
   report's page, and marks it handled.
With and without JavaScript, on a desktop and on a 375 px phone; axe-core audits every page (and the layout checks
of `accessibility.py`: no sideways scroll, no clipped label). Pages at 375 px are saved in /work/notes/shots/.
"""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from mediane.orientation import search
from mediane.structures.enums import ErrorReportStatus
from mediane.structures.models import PlaceErrorReport
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS

HELP = "Aide aux démarches administratives"
HELP_PLAIN = "Faire ses démarches en ligne (CAF, impôts, santé, papiers)"
SHOTS = Path("/work/notes/shots")
VARIANTS = [
    pytest.param(True, False, id="avec-javascript-ordinateur"),
    pytest.param(False, True, id="sans-javascript-telephone"),
    pytest.param(True, True, id="avec-javascript-telephone"),
    pytest.param(False, False, id="sans-javascript-ordinateur"),
]


def shoot(page, name: str, phone: bool, javascript: bool) -> None:
    if phone:
        SHOTS.mkdir(parents=True, exist_ok=True)
        suffix = "js" if javascript else "sans-js"
        page.screenshot(path=str(SHOTS / f"place-care-{name}-{suffix}.png"), full_page=True)


@pytest.fixture
def library(db):
    lyon = search.resolve_commune("69003")
    place = PlaceFactory(
        nom="Bibliothèque du Bachut",
        latitude=lyon.latitude + 0.005,
        longitude=lyon.longitude,
        services=[],
        horaires="Tu-Sa 10:00-19:00",
    )
    manager = UserFactory(email="nadege@example.org", display_name="Nadège")
    verify_email(manager)
    place.structure.managers.add(manager)
    return place, manager


def directory_for_help():
    return "/lieux/?" + urlencode({"commune": "69003", "services": HELP})


@pytest.mark.parametrize(("javascript", "phone"), VARIANTS)
def test_a_library_s_manager_completes_its_services_and_it_appears_in_the_orientation(
    browse, library, javascript, phone
):
    place, manager = library
    page = browse(javascript=javascript, phone=phone)

    # Before: nobody who asks for help with online procedures is sent there.
    page.goto(directory_for_help())
    assert_accessible(page)
    expect(page.locator("main")).not_to_contain_text(place.nom)

    log_in(page, manager.email, PASSWORD, next_path=f"/lieux/{place.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(place.nom)
    assert_accessible(page)
    shoot(page, "1-page-du-lieu-responsable", phone, javascript)
    follow(page.get_by_role("link", name="Modifier ce lieu"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Modifier « {place.nom} »")
    assert_accessible(page)
    shoot(page, "2-formulaire", phone, javascript)

    # A time that cannot be read: the summary says which day and how to write it, and nothing is saved.
    choose(page, HELP_PLAIN)
    page.get_by_label("De (mardi, second créneau)").fill("midi")
    follow(page.get_by_role("button", name="Enregistrer"))
    expect(page.get_by_role("alert")).to_contain_text("Mardi : heure illisible, « midi ».")
    assert_accessible(page)
    shoot(page, "2b-formulaire-erreur", phone, javascript)

    expect(page.get_by_label(HELP_PLAIN)).to_be_checked()
    page.get_by_label("De (mardi, second créneau)").fill("")
    follow(page.get_by_role("button", name="Enregistrer"))
    expect(page.get_by_text("Les informations du lieu sont enregistrées.")).to_be_visible()
    expect(page.get_by_text(HELP_PLAIN, exact=True)).to_be_visible()
    expect(page.get_by_text("Informations vérifiées par le lieu le")).to_be_visible()
    assert_accessible(page)
    shoot(page, "3-lieu-complete", phone, javascript)

    # The history says who changed what by role, never by name.
    page.get_by_text("Historique des modifications").click()
    expect(page.get_by_text("par responsable de la structure")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Nadège")

    # After: the directory's search for that service finds the library.
    page.goto(directory_for_help())
    expect(page.locator("#liste-lieux")).to_contain_text(place.nom)
    assert_accessible(page)


@pytest.mark.parametrize(("javascript", "phone"), VARIANTS)
def test_a_visitor_reports_an_error_and_the_manager_reads_it_and_marks_it_handled(browse, library, javascript, phone):
    place, manager = library
    visitor = browse(javascript=javascript, phone=phone)
    visitor.goto(f"/lieux/{place.pk}/")
    assert_accessible(visitor)
    follow(visitor.get_by_role("link", name="Signaler une erreur"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(f"Signaler une erreur sur « {place.nom} »")
    assert_accessible(visitor)

    # Too short: the error says what to write, and the summary leads to the field.
    visitor.get_by_label("Qu'est-ce qui est faux ?").fill("faux")
    follow(visitor.get_by_role("button", name="Envoyer"))
    expect(visitor.get_by_role("alert")).to_contain_text("Écrivez au moins 10 caractères")
    assert_accessible(visitor)
    shoot(visitor, "4-signalement-erreur", phone, javascript)

    visitor.get_by_label("Qu'est-ce qui est faux ?").fill("La bibliothèque est fermée le mardi matin.")
    visitor.get_by_label("Votre adresse e-mail, pour vous répondre (facultatif)").fill("ana@example.org")
    follow(visitor.get_by_role("button", name="Envoyer"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Merci. Le lieu et l'équipe d'animation ont reçu votre message."
    )
    assert_accessible(visitor)
    shoot(visitor, "5-merci", phone, javascript)

    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, next_path="/lieux/mes-lieux/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes lieux")
    assert_accessible(page)
    shoot(page, "6-mes-lieux", phone, javascript)
    follow(page.get_by_role("link", name="1 à traiter"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Erreurs signalées sur les lieux")
    assert_accessible(page)
    shoot(page, "7-signalements", phone, javascript)
    report = PlaceErrorReport.objects.get()
    follow(page.get_by_role("link", name=f"Signalement n° {report.pk}"))
    expect(page.get_by_text("La bibliothèque est fermée le mardi matin.")).to_be_visible()
    expect(page.get_by_role("link", name="ana@example.org")).to_be_visible()
    assert_accessible(page)
    shoot(page, "8-signalement", phone, javascript)

    page.get_by_label("Ce qui a été fait").fill("Les horaires du mardi sont corrigés.")
    follow(page.get_by_role("button", name="Marquer comme traité"))
    expect(page.get_by_text("Le signalement est marqué comme traité.")).to_be_visible()
    assert_accessible(page)
    report.refresh_from_db()
    assert report.status == ErrorReportStatus.HANDLED
