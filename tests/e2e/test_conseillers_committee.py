"""Issue 12, test 1: a structure's manager registers a library and requests two positions; the programme team
grants one in the Rhône's selection committee; the manager reads the opinion (its number, date, 1 position) and the
convention on the structure's page.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (conseillers-hosts-*.png) to be looked at.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mediane.conseillers.models import DepartementQuota, HostStructure
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.conseillers.factories import programme_team, siret
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in

pytestmark = E2E_MARKS


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/conseillers-hosts-{name}.png", full_page=True)  # noqa: S108 - looked at only


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_structure_requests_two_positions_and_the_committee_grants_one(browse, javascript, width):
    phone = width < 400
    DepartementQuota.objects.update_or_create(departement="69", defaults={"positions": 100})
    manager = UserFactory(email=f"lina-{width}@example.org", display_name="Lina")
    verify_email(manager)
    team = programme_team(email=f"paula-{width}@example.org", display_name="Paula")
    verify_email(team)
    name = f"Médiathèque de Vaulx-en-Velin {width}"

    # The manager reads the programme's page and registers the library, asking for two advisers.
    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, "/conseillers-numeriques/")
    assert_accessible(page)
    shoot(page, "programme", phone)
    follow(page.get_by_role("link", name="Inscrire ma structure").first)
    assert_accessible(page)
    page.get_by_label("Type de structure").select_option("commune")
    page.get_by_label("Nom de la structure").fill(name)
    page.get_by_label("SIRET").fill(" ".join(re.findall(r".{1,3}", siret(800 + width))))
    page.locator("input[name=commune]").fill("Vaulx-en-Velin")
    page.get_by_label("Nom et prénom du contact").fill("Lina Haddad")
    page.get_by_label("Courriel du contact").fill(manager.email)
    page.get_by_label("Nombre de conseillers numériques souhaités").fill("2")
    page.get_by_label("Date de prise de poste souhaitée").fill(
        (timezone.localdate() + timezone.timedelta(days=60)).strftime("%Y-%m-%d")
    )
    page.get_by_label("Pourquoi souhaitez-vous accueillir un conseiller numérique ?").fill(
        "Beaucoup d'habitants nous demandent de l'aide pour leurs démarches en ligne."
    )
    page.get_by_text("Je m'engage à respecter la charte du dispositif").click()
    shoot(page, "inscription", phone)
    follow(page.get_by_role("button", name="Inscrire ma structure"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_text("Le comité de sélection de votre département l'examinera")).to_be_visible()
    host = HostStructure.objects.get(name=name)
    assert host.requests.get().positions == 2
    shoot(page, "inscrite", phone)

    # The programme team: the committee, the Rhône, the opinion granting one position of the two.
    desk = browse(javascript=javascript, phone=phone)
    log_in(desk, team.email, PASSWORD, "/conseillers-numeriques/comite/")
    assert_accessible(desk)
    shoot(desk, "comite", phone)
    follow(desk.get_by_role("link", name="Rhône (69)", exact=True))
    assert_accessible(desk)
    shoot(desk, "comite-69", phone)
    follow(desk.get_by_role("row", name=re.compile(name)).get_by_role("link", name="Enregistrer l'avis"))
    assert_accessible(desk)
    desk.get_by_text("Avis favorable", exact=True).click()
    desk.get_by_label("Postes accordés").fill("1")
    desk.get_by_label("Date du comité").fill(timezone.localdate().strftime("%Y-%m-%d"))
    desk.get_by_label("Motivation de l'avis").fill("Un poste cette année ; le second au prochain comité.")
    shoot(desk, "avis", phone)
    follow(desk.get_by_role("button", name="Enregistrer l'avis"))
    assert_accessible(desk)
    number = f"CS-{timezone.localdate().year}-69-"
    expect(desk.get_by_text(re.compile(f"L'avis {number}\\d{{4}} est enregistré"))).to_be_visible()

    # The manager sees the opinion (number, date, 1 position) and the convention.
    page.goto(host.get_absolute_url())
    assert_accessible(page)
    decision = host.requests.get().decisions.get()
    expect(page.get_by_role("heading", name=f"Avis n° {decision.number} : Avis favorable")).to_be_visible()
    expect(page.get_by_text("1 poste accordé.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Comité du \d+ \S+ \d{4}")).first).to_be_visible()
    conventions = page.get_by_role("table", name="Conventions de la structure")
    expect(conventions.get_by_role("cell", name=decision.convention.number)).to_be_visible()
    shoot(page, "avis-lu", phone)

    # The kit of the future adviser, from the programme's page: the course and the resources of each mission.
    page.goto("/conseillers-numeriques/")
    follow(page.get_by_role("link", name="Un kit pour se former et préparer les ateliers"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Le kit du conseiller numérique")
    assert_accessible(page)
    shoot(page, "kit", phone)
