"""Issue 11, test 2: a library manager runs the eligibility finder, reads why one scheme does not fit, applies to
another (fills the form, uploads a PDF, submits); an organiser takes it into instruction, accepts it and records the
first payment; the manager sees it on their application's page.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (funding-app-*.png) to be looked at.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mediane.accounts.enums import Role
from mediane.funding.enums import ApplicationStatus
from mediane.funding.models import Application
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.funding.factories import EligibilityRuleFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = E2E_MARKS

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/funding-app-{name}.png", full_page=True)  # noqa: S108 - looked at, never committed


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_manager_applies_and_an_organiser_accepts_and_pays(browse, tmp_path, javascript, width):
    phone = width < 400
    small_towns = SchemeFactory(name="Aide aux petites communes", slug=f"petites-communes-{width}", position=0)
    EligibilityRuleFactory(scheme=small_towns, fact="population", operator="at_most", value=2000)
    workshops = SchemeFactory(name="Ateliers numériques en bibliothèque", slug=f"ateliers-{width}", position=1)
    EligibilityRuleFactory(scheme=workshops, fact="structure_kind", operator="in", value=["bibliotheque_municipale"])
    library = StructureFactory(name=f"Médiathèque du Tonkin {width}")
    manager = UserFactory(email=f"nadege-{width}@example.org", display_name="Nadège")
    verify_email(manager)
    library.managers.add(manager)
    organiser = UserFactory(email=f"olga-{width}@example.org", display_name="Olga", roles=[Role.ORGANISER])
    verify_email(organiser)
    budget = tmp_path / "budget-previsionnel.pdf"
    budget.write_bytes(PDF)

    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, "/financements/eligibilite/")
    assert_accessible(page)
    if page.get_by_role("button", name="Voir les aides de cette structure").count():
        follow(page.get_by_role("button", name="Voir les aides de cette structure"))
        assert_accessible(page)
    shoot(page, "eligibilite", phone)

    # Why the small towns' scheme does not fit: the commune is too large.
    small = page.locator("section", has=page.get_by_role("heading", name="Aide aux petites communes"))
    expect(small.get_by_text("Non éligible")).to_be_visible()
    expect(small.get_by_text(re.compile(r"réservé aux communes de 2.000 habitants")).first).to_be_visible()

    # The workshops' scheme fits: apply.
    fits = page.locator("section", has=page.get_by_role("heading", name="Ateliers numériques en bibliothèque"))
    expect(fits.get_by_text("Éligible", exact=True)).to_be_visible()
    follow(fits.get_by_role("link", name=re.compile("Déposer une demande")))
    assert_accessible(page)
    expect(page.get_by_label("Structure qui demande")).to_have_value(str(library.pk))
    page.get_by_label("Intitulé du projet").fill("Des ateliers pour les démarches en ligne")
    page.get_by_label("Description du projet").fill("Deux ateliers par semaine, pour les seniors du quartier.")
    page.get_by_label("Montant demandé").fill("12 500,50")
    shoot(page, "formulaire", phone)
    follow(page.get_by_role("button", name="Enregistrer le brouillon"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Des ateliers pour les démarches en ligne")
    expect(page.get_by_text(re.compile(r"12\s500,50\s€")).first).to_be_visible()

    page.get_by_label("Pièce justificative").set_input_files(str(budget))
    follow(page.get_by_role("button", name="Envoyer la pièce"))
    assert_accessible(page)
    expect(page.get_by_role("link", name="budget-previsionnel.pdf")).to_be_visible()
    shoot(page, "brouillon", phone)
    follow(page.get_by_role("button", name="Déposer la demande"))
    assert_accessible(page)
    expect(page.get_by_text("Votre demande est déposée.")).to_be_visible()
    application = Application.objects.get(title="Des ateliers pour les démarches en ligne", structure=library)
    assert application.status == ApplicationStatus.SUBMITTED

    # The organiser: the list, the application, instruction, acceptance, the first payment.
    desk = browse(javascript=javascript, phone=phone)
    log_in(desk, organiser.email, PASSWORD, "/financements/instruction/")
    assert_accessible(desk)
    shoot(desk, "instruction", phone)
    follow(desk.get_by_role("link", name="Des ateliers pour les démarches en ligne"))
    assert_accessible(desk)
    follow(desk.get_by_role("button", name="Prendre en instruction"))
    assert_accessible(desk)
    follow(desk.get_by_role("link", name="Accepter"))
    assert_accessible(desk)
    desk.get_by_label("Montant accordé").fill("10 000")
    follow(desk.get_by_role("button", name="Accepter la demande"))
    assert_accessible(desk)
    expect(desk.get_by_text("La demande est acceptée.")).to_be_visible()
    follow(desk.get_by_role("link", name="Enregistrer un versement"))
    assert_accessible(desk)
    desk.get_by_label("Date du versement").fill(timezone.localdate().strftime("%Y-%m-%d"))
    desk.get_by_label("Montant").fill("12 000")
    follow(desk.get_by_role("button", name="Enregistrer le versement"))
    assert_accessible(desk)
    expect(desk.get_by_text(re.compile(r"au-delà des 10\s000\s€ accordés"))).to_be_visible()
    shoot(desk, "versement-refuse", phone)
    desk.get_by_label("Montant").fill("5 000")
    desk.get_by_label("Référence (facultatif)").fill("MANDAT-42")
    follow(desk.get_by_role("button", name="Enregistrer le versement"))
    assert_accessible(desk)
    expect(desk.get_by_text("Le versement est enregistré.")).to_be_visible()

    # The manager sees the decision, the payment and the history.
    page.goto(application.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text("Acceptée").first).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("MANDAT-42"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"dont 5\s000\s€ versés"))).to_be_visible()
    shoot(page, "acceptee", phone)
    page.goto("/financements/mes-demandes/")
    assert_accessible(page)
    shoot(page, "mes-demandes", phone)
    page.goto("/financements/chiffres/")
    assert_accessible(page)
    shoot(page, "chiffres", phone)
