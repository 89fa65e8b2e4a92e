"""Issue 11, the start of test 2: a library manager runs the eligibility finder « À quelles aides ma bibliothèque
peut-elle prétendre ? », reads why a scheme does not fit, answers what was missing in the structure's profile, and
sees the scheme to confirm become eligible.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (funding-*.png) to be looked at.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.funding.factories import StructureProfileFactory
from tests.structures.factories import StructureFactory

pytestmark = E2E_MARKS

SIZES = [pytest.param(True, False, id="js-1280"), pytest.param(False, True, id="nojs-375")]


def shoot(page: Page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/funding-{name}.png", full_page=True)  # noqa: S108 - to be looked at, never committed
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name


@pytest.mark.parametrize(("javascript", "phone"), SIZES)
def test_a_library_manager_reads_why_a_scheme_does_not_fit_and_completes_the_profile(browse, javascript, phone):
    manager = UserFactory(email="nadege@example.org", display_name="Nadège", librarian=True)
    verify_email(manager)
    structure = StructureFactory(
        name="Pôle lecture Terraillon",
        postal_code="69500",
        commune="Bron",
        insee_code="69029",
        departement="69",
        region="84",
    )
    structure.managers.add(manager)
    StructureProfileFactory(structure=structure, rural_area=False, priority_neighbourhood=None, staff_trained=2)

    page = browse(javascript=javascript)
    page.set_viewport_size({"width": 375 if phone else 1280, "height": 740 if phone else 900})
    log_in(page, manager.email, PASSWORD, "/financements/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Financements")
    shoot(page, "dispositifs", phone)

    follow(page.get_by_role("link", name="Vérifier l'éligibilité de ma structure").first)
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("À quelles aides ma bibliothèque peut-elle prétendre ?")
    expect(page.get_by_role("heading", name="Les aides pour « Pôle lecture Terraillon »")).to_be_visible()
    expect(page.get_by_text("3 aides éligibles, 1 à confirmer, 1 non éligible, 1 clos.")).to_be_visible()
    shoot(page, "eligibilite", phone)

    # Why the BNR example does not fit: the population of Bron.
    bnr = page.locator("section", has=page.get_by_role("heading", name="Bibliothèques numériques de référence (BNR)"))
    expect(bnr.get_by_text("Non éligible")).to_be_visible()
    expect(bnr.get_by_text("Votre commune compte")).to_contain_text(
        "dans cet exemple, le programme vise les territoires"
    )
    expect(bnr.get_by_text("Il ne peut donc pas s'appliquer à votre structure.")).to_be_visible()

    # The CTL example is to be confirmed: the profile does not say whether the place is in a quartier prioritaire.
    ctl = page.locator(
        "section",
        has=page.get_by_role(
            "heading", name=("Contrats territoire-lecture (CTL) et contrats départementaux lecture-itinérance (CDLI)")
        ),
    )
    expect(ctl.get_by_text("À confirmer")).to_be_visible()
    follow(ctl.get_by_role("link", name="Compléter le profil de la structure"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Profil de financement de « Pôle lecture Terraillon »")
    shoot(page, "profil", phone)
    # « Oui » to « Votre lieu est-il dans un quartier prioritaire… ? », clicked on its label as a person does.
    question = page.get_by_role(
        "group", name="Votre lieu est-il dans un quartier prioritaire de la politique de la ville ?"
    )
    question.locator("label", has_text="Oui").click()
    expect(question.get_by_label("Oui")).to_be_checked()
    follow(page.get_by_role("button", name="Enregistrer et voir les aides"))
    assert_accessible(page)
    expect(page.get_by_text("Le profil de votre structure est enregistré.")).to_be_visible()
    expect(page.get_by_text("4 aides éligibles, 0 à confirmer, 1 non éligible, 1 clos.")).to_be_visible()
    shoot(page, "eligibilite-apres-profil", phone)
