"""The site's layout as a person on a phone lives it: the menu and the site map without JavaScript, the help on the
first screen of the home page, tables that say they scroll, and a main menu on one line for every role."""

import re

import pytest
from playwright.sync_api import Page, expect

from mediane.workinggroup.enums import DossierStatus
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.pages.factories import NewsItemFactory
from tests.workinggroup.factories import DossierFactory, MeetingFactory, published_synthesis

pytestmark = E2E_MARKS

PHONE = {"width": 375, "height": 740}
# Each section's first page, as the menu names it, and the title of the page it opens.
SECTIONS = [
    ("Me faire aider", re.compile(".")),
    ("Trouver un lieu", re.compile(".")),
    ("Le forum", re.compile(".")),
    ("Rechercher", re.compile("Rechercher")),
    ("Groupe de travail", "Le groupe de travail"),
    ("Feuille de route", "La feuille de route"),
    ("Actualités", re.compile("Actualités")),
    ("Agenda", "Agenda"),
    ("Se connecter", re.compile("Se connecter|Connexion")),
    ("Créer un compte", re.compile("Créer")),
    ("Plan du site", "Plan du site"),
]


def a_site_with_every_section():
    meeting = MeetingFactory(held=True, theme__number=1, theme__title="Rôle et missions des bibliothèques")
    run = published_synthesis(meeting.theme)
    ThemeFactory(number=2, title="Identifier et toucher les publics", consultation=meeting.theme.consultation)
    NewsItemFactory(slug="journee-inclusion-numerique", title="Journée de l'inclusion numérique")
    return meeting, run


def open_menu(page: Page) -> None:
    """« Menu » on a phone: a link to the menu without JavaScript, the DSFR's button with it."""
    menu = page.locator("#navigation-principale")
    expect(menu).to_be_hidden()
    page.locator("#lien-menu:visible, #bouton-menu:visible").click()
    expect(menu).to_be_visible()


def test_on_a_phone_without_javascript_every_section_is_reached_from_the_home_page(browse):
    a_site_with_every_section()
    page = browse(javascript=False)
    page.set_viewport_size(PHONE)
    page.goto("/")
    assert_accessible(page)

    # The menu opens from « Menu », is audited open, and closes with « Fermer ».
    open_menu(page)
    expect(page).to_have_url(re.compile("#menu-principal$"))
    assert_accessible(page)
    page.locator("#menu-principal").get_by_role("link", name="Fermer").click()
    expect(page.locator("#navigation-principale")).to_be_hidden()
    expect(page.get_by_role("link", name="Menu", exact=True)).to_be_visible()
    assert_accessible(page)

    # Every section from the menu, whose links are on every page.
    for label, heading in SECTIONS:
        open_menu(page)
        follow(page.locator("#menu-principal").get_by_role("link", name=label, exact=True))
        expect(page.get_by_role("heading", level=1), label).to_have_text(heading)
        assert_accessible(page)

    # The breadcrumb is whole without JavaScript: no inert « Voir le fil d'Ariane ».
    expect(page.get_by_role("button", name="Voir le fil d'Ariane")).to_be_hidden()
    expect(page.get_by_role("navigation", name="vous êtes ici :").get_by_role("link", name="Accueil")).to_be_visible()

    # And every page the site map lists (the last section reached) opens and passes the audit on the phone.
    expect(page).to_have_url(re.compile("/plan-du-site/$"))
    addresses = page.locator("main ul a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert len(addresses) >= 15
    for address in addresses:
        page.goto(address)
        expect(page.get_by_role("heading", level=1), address).to_be_visible()
        assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_on_a_phone_the_help_is_on_the_first_screen_of_the_home_page(browse, javascript):
    a_site_with_every_section()
    page = browse(javascript=javascript)
    page.set_viewport_size(PHONE)
    page.goto("/")
    assert_accessible(page)

    for label in ("Me faire aider", "Trouver un lieu"):
        expect(page.get_by_role("main").get_by_role("link", name=label, exact=True)).to_be_in_viewport(ratio=1)
    follow(page.get_by_role("main").get_by_role("link", name="Me faire aider", exact=True))
    expect(page).to_have_url(re.compile("/orientation/$"))
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_table_wider_than_the_phone_says_so_and_scrolls_from_the_keyboard(browse, javascript):
    meeting, run = a_site_with_every_section()
    DossierFactory(
        meeting=meeting,
        run=run,
        status=DossierStatus.SUCCEEDED,
        markdown="dossiers/reunion-1/dossier.md",
        pdf="dossiers/reunion-1/dossier.pdf",
        pdf_pages=17,
    )
    page = browse(javascript=javascript)
    page.set_viewport_size(PHONE)
    page.goto(meeting.get_absolute_url())
    assert_accessible(page)

    table = page.get_by_role("region", name=re.compile("^Dossiers générés pour cette réunion"))
    hint = table.get_by_text("Ce tableau est plus large que la page")
    expect(hint).to_be_visible()
    table.focus()
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    expect(table.get_by_role("link", name=re.compile("^Télécharger le PDF"))).to_be_in_viewport(ratio=1)

    # On a desktop the same table fits, and the sentence is not shown. The page is loaded again at that width: in the
    # full suite (never alone), Chromium sometimes keeps the scroll-driven animation's last value after a resize.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert_accessible(page)
    expect(hint).to_be_hidden()


MENU_ON_ONE_LINE = """
nav => {
  const items = [...nav.querySelectorAll('.fr-nav__link')];
  const tops = new Set(items.map(link => Math.round(link.getBoundingClientRect().top)));
  const lineHeight = parseFloat(getComputedStyle(items[0]).lineHeight);
  const wrapped = items.filter(link => {
    const style = getComputedStyle(link);
    const text = link.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return text > lineHeight * 1.5;
  }).map(link => link.innerText);
  return {rows: tops.size, wrapped, count: items.length};
}
"""


@pytest.mark.parametrize("persona", ["citizen", "moderator", "wg_member", "organiser"])
def test_the_main_menu_stays_on_one_line_at_1280_px_for_every_role(browse, request, persona):
    person = request.getfixturevalue(persona)
    page = browse(javascript=True)
    log_in(page, person.email, PASSWORD)
    assert_accessible(page)

    layout = page.locator("#navigation-principale").evaluate(MENU_ON_ONE_LINE)
    assert layout["rows"] == 1, layout
    assert layout["wrapped"] == [], layout
    assert layout["count"] == (9 if persona == "citizen" else 10)
