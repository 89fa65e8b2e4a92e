"""Issue 13, test 1: a new adviser records three activity reports, one of them by duplicating another, then reads
their statistics.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core, none scrolling
sideways; the phone's pages are saved as screenshots in /tmp (cra-reports-*.png) to be looked at.
"""

import re

import pytest
from playwright.sync_api import expect

from mediane.conseillers.models_reports import ActivityReport
from tests.accounts.factories import PASSWORD, verify_email
from tests.conseillers.factories import adviser
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in

pytestmark = E2E_MARKS


def looked_at(page, name: str, phone: bool) -> None:
    """Audited, not wider than the screen, and on a phone saved to be looked at."""
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} défile sur le côté"
    if phone:
        page.screenshot(path=f"/tmp/cra-reports-{name}.png", full_page=True)  # noqa: S108 - looked at


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_new_adviser_records_three_reports_one_by_duplicating_another(browse, javascript, width):
    phone = width < 400
    recruitment = adviser()
    user = recruitment.candidate.user
    verify_email(user)
    page = browse(javascript=javascript, phone=phone)
    log_in(page, user.email, PASSWORD, "/conseillers-numeriques/activites/")
    expect(page.get_by_text("Vous n'avez encore enregistré aucune activité")).to_be_visible()
    looked_at(page, "liste-vide", phone)

    # 1. An individual accompaniment: the defaults (today, 30 minutes, the structure's commune) and one thématique.
    follow(page.get_by_role("link", name="Enregistrer un accompagnement individuel"))
    expect(page.get_by_role("radio", name="30 min")).to_be_checked()
    expect(page.get_by_role("radio", name="Autre lieu")).to_be_checked()
    looked_at(page, "nouvel-accompagnement", phone)
    if phone:
        # « Enregistrer » right after the thématiques and the place: about three thumb-scrolls of a 740 px phone.
        bottom = page.get_by_role("button", name="Enregistrer").first.evaluate("b => b.getBoundingClientRect().bottom")
        assert bottom + page.evaluate("window.scrollY") < 4 * 740, f"« Enregistrer » à {bottom} px"
    follow(page.get_by_role("button", name="Enregistrer").first)
    # The alert links to the field, which says the same thing in red.
    expect(page.get_by_role("link", name="Choisissez au moins une thématique.")).to_be_visible()
    expect(page.locator("#id_thematiques-fieldset.fr-fieldset--error")).to_contain_text(
        "Choisissez au moins une thématique."
    )
    looked_at(page, "erreur", phone)
    choose(page, "E-mail")
    choose(page, re.compile("^Logement$"))
    page.locator("summary", has_text="La personne").click()
    choose(page, "70 ans et plus")
    follow(page.get_by_role("button", name="Enregistrer").first)
    expect(page.get_by_text(re.compile(r"Votre compte rendu du .* est enregistré\."))).to_be_visible()
    looked_at(page, "enregistre", phone)

    # 2. A workshop, from « Enregistrer un autre… » then the link to the collective form.
    follow(page.get_by_role("link", name="Enregistrer un autre accompagnement"))
    looked_at(page, "autre-accompagnement", phone)
    follow(page.get_by_role("link", name="Plutôt un atelier collectif ?"))
    page.get_by_label("Nom de l'atelier").fill("Se protéger des arnaques")
    page.get_by_role("spinbutton", name=re.compile("Nombre de participants")).fill("7")
    choose(page, "120 min")
    choose(page, "Prévention en sécurité numérique")
    looked_at(page, "atelier", phone)
    follow(page.get_by_role("button", name="Enregistrer").first)
    expect(page.get_by_text(re.compile(r"Votre compte rendu du .* est enregistré\."))).to_be_visible()
    looked_at(page, "atelier-enregistre", phone)

    # 3. The same workshop again, by duplicating it: checked, changed a little, saved.
    follow(page.get_by_role("link", name=re.compile("^Dupliquer")).first)
    expect(page.get_by_text(re.compile(r"Copie du compte rendu du .* : vérifiez et enregistrez"))).to_be_visible()
    expect(page.get_by_label("Nom de l'atelier")).to_have_value("Se protéger des arnaques")
    page.get_by_role("spinbutton", name=re.compile("Nombre de participants")).fill("5")
    looked_at(page, "copie", phone)
    follow(page.get_by_role("button", name="Enregistrer").first)
    expect(page.get_by_text("3 comptes rendus")).to_be_visible()
    looked_at(page, "liste", phone)

    reports = list(ActivityReport.objects.filter(adviser=user).order_by("pk"))
    assert [(r.kind, r.duration, r.participants) for r in reports] == [
        ("individuel", 30, 1),
        ("collectif", 120, 7),
        ("collectif", 120, 5),
    ]
    assert reports[0].thematiques == ["email", "aide_aux_demarches_administratives", "logement"]
    assert reports[0].age_band == "soixante_dix_plus"
    assert reports[0].place_commune == "Villeurbanne"

    # The adviser's statistics count them: 3 activities, 13 people.
    follow(page.get_by_role("link", name="Mes statistiques"))
    expect(page.get_by_text(re.compile(r"^\s*3\s+activités"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^\s*13\s+personnes accompagnées"))).to_be_visible()
    looked_at(page, "statistiques", phone)

    # One report: read, its change form, its deletion asked for (and cancelled).
    page.goto(f"/conseillers-numeriques/activites/{reports[0].pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accompagnement individuel du")
    looked_at(page, "detail", phone)
    follow(page.get_by_role("link", name="Modifier", exact=True))
    expect(page.get_by_role("checkbox", name="E-mail")).to_be_checked()
    looked_at(page, "modifier", phone)
    page.goto(f"/conseillers-numeriques/activites/{reports[0].pk}/supprimer/")
    looked_at(page, "supprimer", phone)
    follow(page.get_by_role("link", name="Annuler"))
    looked_at(page, "detail-encore", phone)
    assert ActivityReport.objects.filter(adviser=user).count() == 3

    # The structure's manager reads them, read-only.
    manager = recruitment.host.managers.get()
    verify_email(manager)
    desk = browse(javascript=javascript, phone=phone)
    log_in(desk, manager.email, PASSWORD, recruitment.host.get_absolute_url())
    looked_at(desk, "page-structure", phone)
    follow(desk.get_by_role("link", name="Activités de vos conseillers"))
    expect(desk.get_by_text("3 comptes rendus")).to_be_visible()
    expect(desk.get_by_role("link", name="Modifier")).to_have_count(0)
    expect(desk.get_by_role("link", name="Exporter (Excel)")).to_be_visible()
    expect(desk.get_by_role("link", name="Exporter (CSV)")).to_be_visible()
    looked_at(desk, "structure", phone)
