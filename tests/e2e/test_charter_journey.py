"""« La charte de l'inclusion numérique en bibliothèque », audited by axe-core on every page, with and without
JavaScript, on a desktop and on a 375 px phone: a library manager signs the charter for their structure; an
organiser publishes a new version and the manager is asked to renew, and does."""

import re

import pytest
from playwright.sync_api import Page, expect

from mediane.roadmap.models import CharterSignature
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in
from tests.roadmap.factories import CharterSignatureFactory, CharterVersionFactory
from tests.structures.factories import StructureFactory

pytestmark = E2E_MARKS

CHARTER = "/feuille-de-route/charte/"
# Both widths and both ways of browsing, as the agenda's journey does: a desktop with JavaScript, a phone without.
SIZES = [pytest.param(True, False, id="js-1280"), pytest.param(False, True, id="nojs-375")]
TEXT_V1 = "1. **Accueillir tout le monde**, sans jugement.\n2. **Orienter** vers France Services."


def a_manager_of_the_bron_library():
    manager = UserFactory(email="nadege@example.org", display_name="Nadège", librarian=True)
    verify_email(manager)
    structure = StructureFactory(name="Pôle lecture Terraillon", commune="Bron", departement="69")
    structure.managers.add(manager)
    return manager, structure


def fits_the_phone(page: Page, phone: bool, name: str) -> None:
    """On a 375 px phone, the page never scrolls sideways (the tables scroll inside their own box)."""
    if phone:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name


def sign(page: Page, function: str) -> None:
    page.get_by_label("Votre fonction").fill(function)
    choose(page, re.compile("Ma structure s.engage à la respecter"))
    follow(page.get_by_role("button", name="Signer la charte"))
    assert_accessible(page)


@pytest.mark.parametrize(("javascript", "phone"), SIZES)
def test_a_library_manager_signs_the_charter_for_their_structure(browse, javascript, phone):
    CharterVersionFactory(number=1, text=TEXT_V1)
    manager, structure = a_manager_of_the_bron_library()
    page = browse(javascript=javascript, phone=phone)

    page.goto(CHARTER)
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text("Charte de l'inclusion numérique en bibliothèque")
    expect(page.get_by_text("Aucune structure n'a encore signé la charte.")).to_be_visible()
    fits_the_phone(page, phone, "public")

    log_in(page, manager.email, PASSWORD, CHARTER)
    assert_accessible(page)
    expect(page.get_by_text("Votre structure n'a pas encore signé la charte.")).to_be_visible()
    expect(page.get_by_label("Structure pour laquelle vous signez")).to_have_value(str(structure.pk))
    # Forgetting to tick the commitment: the sign page says what to fix, and nothing is written.
    page.get_by_label("Votre fonction").fill("Responsable du pôle lecture")
    follow(page.get_by_role("button", name="Signer la charte"))
    assert_accessible(page)
    expect(page.get_by_text("Cochez la case pour dire que votre structure s'engage")).to_be_visible()
    fits_the_phone(page, phone, "sign-error")
    assert not CharterSignature.objects.exists()

    sign(page, "Responsable du pôle lecture")
    expect(page).to_have_url(re.compile(re.escape(CHARTER) + "$"))
    expect(page.get_by_text("« Pôle lecture Terraillon » a signé la version 1 de la charte.")).to_be_visible()
    expect(page.get_by_text(re.compile("^Votre structure a signé la version 1 le "))).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Pôle lecture Terraillon"))
    expect(row).to_contain_text("Bron")
    expect(row).to_contain_text("Version 1")
    expect(row).to_contain_text("À jour")
    fits_the_phone(page, phone, "signed")
    assert CharterSignature.objects.get().signed_by == manager


@pytest.mark.parametrize(("javascript", "phone"), SIZES)
def test_a_new_version_asks_the_manager_to_renew(browse, organiser, javascript, phone):
    first = CharterVersionFactory(number=1, text=TEXT_V1)
    manager, structure = a_manager_of_the_bron_library()
    CharterSignatureFactory(version=first, structure=structure, signed_by=manager)

    page = browse(javascript=javascript, phone=phone)
    log_in(page, organiser.email, PASSWORD, "/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Versions de la charte"))
    assert_accessible(page)
    fits_the_phone(page, phone, "manage")
    follow(page.get_by_role("link", name="Écrire une nouvelle version"))
    assert_accessible(page)
    expect(page.get_by_label("Texte de la charte")).to_have_value(TEXT_V1)  # starts from the text in force
    page.get_by_label("Texte de la charte").fill(TEXT_V1 + "\n3. **Accueillir les conseillers numériques**.")
    page.get_by_label(re.compile("Ce qui change par rapport")).fill(
        "Un engagement de plus : les conseillers numériques."
    )
    fits_the_phone(page, phone, "version-form")
    follow(page.get_by_role("button", name="Enregistrer le brouillon"))
    assert_accessible(page)
    expect(page.get_by_text("La version 2 est enregistrée en brouillon")).to_be_visible()
    follow(page.get_by_role("link", name="Publier la version 2"))
    assert_accessible(page)
    expect(page.get_by_text("1 structure a signé une version précédente")).to_be_visible()
    fits_the_phone(page, phone, "publish")
    follow(page.get_by_role("button", name="Publier la version 2"))
    assert_accessible(page)
    expect(page.get_by_text("Version 2, en vigueur depuis le")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Pôle lecture Terraillon"))).to_contain_text("À renouveler")

    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, CHARTER)
    assert_accessible(page)
    expect(
        page.get_by_text("Une nouvelle version est parue : renouvelez votre signature.", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Un engagement de plus : les conseillers numériques.")).to_be_visible()
    fits_the_phone(page, phone, "renew")
    follow(page.get_by_role("link", name="Version 1", exact=True))
    assert_accessible(page)
    expect(page.get_by_text(re.compile("n'est plus en vigueur"))).to_be_visible()
    page.goto(CHARTER)
    assert_accessible(page)
    sign(page, "Responsable du pôle lecture")
    expect(page.get_by_text(re.compile("^Votre structure a signé la version 2 le "))).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Pôle lecture Terraillon"))).to_contain_text("À jour")
    assert CharterSignature.objects.filter(structure=structure).count() == 2
