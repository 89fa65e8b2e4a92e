"""Issue 13, test 2: the programme's dashboard counts the reports an adviser recorded, by mission and by thématique,
and the roadmap action that follows recruitments shows its live progress once a recruitment is finalised.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (cra-dashboard-*.png) to be looked at.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from mediane.conseillers import services_training
from mediane.conseillers.enums import ContractType, RecruitmentStatus
from mediane.conseillers.services_recruitment import MoveData, move_recruitment
from mediane.conseillers.services_reports import record_report
from tests.accounts.factories import PASSWORD, verify_email
from tests.conseillers.factories import RecruitmentFactory, adviser, programme_team, report, workshop_data
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import BLANK_PNG, log_in
from tests.roadmap.factories import ActionFactory, AxisFactory, StageFactory

pytestmark = E2E_MARKS


def shoot(page, name: str, phone: bool) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} scrolls sideways"
    if phone:
        page.screenshot(path=f"/tmp/cra-dashboard-{name}.png", full_page=True)  # noqa: S108 - looked at


def row(page, table_caption: str, header: str):
    return page.get_by_role("table", name=re.compile(table_caption)).get_by_role("row", name=re.compile(header))


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_the_dashboard_counts_the_reports_and_the_roadmap_follows_recruitments(browse, javascript, width):
    phone = width < 400
    services_training.ensure_programme_course()
    recruitment = adviser()
    report(recruitment, thematiques=["email"])
    report(recruitment, thematiques=["aide_aux_demarches_administratives", "logement"], duration=60)
    record_report(
        workshop_data(thematiques=["email", "securite_numerique"]),
        by=recruitment.candidate.user,
        recruitment=recruitment,
    )
    action = ActionFactory(
        title="4 000 conseillers numériques recrutés",
        stage=StageFactory(),
        axis=AxisFactory(),
        indicator="conseillers_recrutes",
        indicator_target=4000,
        start_date=dt.date(2021, 2, 1),
        end_date=dt.date(2022, 12, 31),
    )

    # The public dashboard: 3 accompaniments, 10 people (1 + 1 + the workshop's 8).
    page = browse(javascript=javascript, phone=phone)
    page.goto("/conseillers-numeriques/tableau-de-bord/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Le programme en chiffres")
    expect(row(page, "Chiffres clés", "Personnes accompagnées")).to_contain_text("10")
    expect(row(page, "Chiffres clés", "^Accompagnements")).to_contain_text("3")
    expect(row(page, "mission", "usages quotidiens")).to_contain_text("2")
    expect(row(page, "mission", "démarches en ligne")).to_contain_text("1")
    expect(row(page, "mission", "Sensibiliser")).to_contain_text("1")
    expect(row(page, "thématique", "^E-mail")).to_contain_text("2")
    expect(row(page, "thématique", "Logement")).to_contain_text("1")
    expect(row(page, "Les départements : activité", "Rhône \\(69\\)")).to_be_visible()
    expect(row(page, "Accompagnements par mois", ".")).to_have_count(2)  # the header and this month, no zeros
    shoot(page, "public", phone)
    # A mistyped month: the default period and a French notice, never an error.
    page.goto("/conseillers-numeriques/tableau-de-bord/?debut=2026-13&departement=69")
    assert_accessible(page)
    expect(page.get_by_text("Le mois de début n'est pas un mois")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rhône (69)")
    # One adviser in Rhône: a statistical secret on the public page (the team sees the exact figures).
    expect(page.get_by_text("le détail de leurs accompagnements n'est pas publié")).to_be_visible()
    expect(row(page, "Chiffres clés", "Personnes accompagnées")).to_contain_text("non publié")
    shoot(page, "departement", phone)

    # The roadmap action that follows recruitments: 1 recruited, then 2 once the team finalises another.
    page.goto(action.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text(re.compile(r"1 conseillers numériques recrutés sur 4\s000"))).to_be_visible()
    other = RecruitmentFactory(status=RecruitmentStatus.INTERESTED)
    contract = MoveData(contract_type=ContractType.CDD, starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2028, 1, 4))
    move_recruitment(other, "recruter", contract, by=other.host.managers.get())
    move_recruitment(other, "finaliser", by=programme_team())
    page.reload()
    assert_accessible(page)
    expect(page.get_by_text(re.compile(r"2 conseillers numériques recrutés sur 4\s000"))).to_be_visible()
    follow_source = page.get_by_role("link", name="le tableau de bord du programme")
    expect(follow_source).to_have_attribute("href", "/conseillers-numeriques/tableau-de-bord/#conseillers-recrutes")
    expect(page.get_by_text(re.compile(r"^Avancement : moins de 1\s%$"))).to_be_visible()
    # The source lands on the dashboard's line that says the very same figure.
    follow_source.click()
    assert_accessible(page)
    expect(page.locator("#conseillers-recrutes")).to_contain_text("2")
    page.go_back()
    assert_accessible(page)
    shoot(page, "feuille-de-route", phone)

    # The programme team's version: the names of the advisers to call back.
    team = programme_team(email=f"equipe-{width}@example.org")
    verify_email(team)
    desk = browse(javascript=javascript, phone=phone)
    log_in(desk, team.email, PASSWORD, "/conseillers-numeriques/tableau-de-bord/pilotage/")
    assert_accessible(desk)
    expect(desk.get_by_role("heading", level=1)).to_have_text("Pilotage du programme")
    expect(desk.get_by_role("heading", name="Conseillers en poste sans activité depuis deux mois")).to_be_visible()
    expect(
        desk.get_by_role("link", name=re.compile(r"Télécharger les comptes rendus de la période \(CSV\)"))
    ).to_be_visible()
    shoot(desk, "pilotage", phone)


def test_with_tiles_the_dashboard_maps_the_departements_above_their_table(browse, settings):
    """The map starts through the site's one map start-up (static/js/map-start.js), like the directory's."""
    settings.MEDIANE_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    for _ in range(3):
        report(adviser())  # three advisers in post in the Rhône: its activity is published
    page = browse(javascript=True)
    page.route("https://tiles.example.org/**", lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/conseillers-numeriques/tableau-de-bord/")
    assert_accessible(page)
    expect(page.locator("#carte")).to_be_visible()
    expect(page.locator("#carte-departements path.leaflet-interactive")).to_have_count(1)
    expect(page.get_by_role("link", name="Passer la carte et aller au tableau des départements")).to_be_visible()
    assert errors == []
