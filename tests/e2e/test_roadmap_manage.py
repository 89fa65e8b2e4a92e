"""The roadmap's organisers' pages, audited by axe-core: an organiser turns a working-group decision into an
action, adds a milestone and raises its progress, with and without JavaScript, on a phone and a desktop."""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mediane.roadmap.models import Action, Milestone
from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.roadmap.factories import ActionFactory, AxisFactory, StageFactory, StatusFactory
from tests.workinggroup.factories import DecisionFactory

pytestmark = E2E_MARKS

TITLE = "Une convention type avec France Services"


def shoot(page, name: str, wanted: bool) -> None:
    """A screenshot of the page as a phone without JavaScript shows it, to look at (clipped labels, sideways
    scrolling) when the journey changes."""
    if wanted:
        page.screenshot(path=Path(tempfile.gettempdir()) / f"roadmap-manage-{name}.png", full_page=True)


# Both widths and both ways of browsing: a desktop with JavaScript, a phone without.
@pytest.mark.parametrize(("javascript", "phone"), [(True, False), (False, True)], ids=["js-1280px", "nojs-375px"])
def test_an_organiser_turns_a_decision_into_an_action_and_follows_it_up(browse, organiser, javascript, phone):
    decision = DecisionFactory(title=TITLE, number=1)
    stage = StageFactory(title="Mise en œuvre de la feuille de route", year=2021)
    axis = AxisFactory(title="Partenariats")
    status = StatusFactory(name="Bien engagée", default_progress=25)
    ActionFactory(title="Former les équipes", stage=stage, axis=axis)
    shots = not javascript and phone
    page = browse(javascript=javascript, phone=phone)
    log_in(page, organiser.email, PASSWORD, "/feuille-de-route/organisation/")
    assert_accessible(page)
    shoot(page, "tree-empty", shots)

    follow(page.get_by_role("link", name="Créer depuis une décision"))
    assert_accessible(page)
    page.get_by_label("Décision du groupe de travail").select_option(label=f"n° {decision.reference} — {TITLE}")
    page.get_by_label("Étape").select_option(label=str(stage))
    page.get_by_label("Axe").select_option(label="Partenariats")
    shoot(page, "from-decision", shots)
    follow(page.get_by_role("button", name="Créer l'action"))
    assert_accessible(page)
    action = Action.objects.get(title=TITLE)
    assert list(action.decisions.all()) == [decision]
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Modifier l'action « {TITLE} »")
    shoot(page, "action-form", shots)

    page.goto("/feuille-de-route/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name=f"Étapes franchies de « {TITLE} »"))
    assert_accessible(page)
    page.get_by_label("Date").fill("2021-03-15")
    page.get_by_label("Ce qui a été franchi").fill("Convention signée avec la première Maison France Services")
    follow(page.get_by_role("button", name="Ajouter l'étape"))
    assert_accessible(page)
    expect(page.get_by_text("15/03/2021 : Convention signée")).to_be_visible()
    assert Milestone.objects.filter(action=action).count() == 1
    shoot(page, "milestones", shots)

    page.goto("/feuille-de-route/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name=f"Avancement de « {TITLE} »"))
    assert_accessible(page)
    page.get_by_label("Statut", exact=True).select_option(label=status.name)
    page.get_by_role("spinbutton", name=re.compile("Avancement en %")).fill("60")
    shoot(page, "progress", shots)
    follow(page.get_by_role("button", name="Enregistrer"))
    assert_accessible(page)
    expect(page.get_by_text("est enregistré : 60 %")).to_be_visible()
    action.refresh_from_db()
    assert (action.status, action.progress) == (status, 60)
    shoot(page, "tree", shots)

    page.goto("/feuille-de-route/organisation/importer/")
    assert_accessible(page)
    shoot(page, "import", shots)
    page.goto("/feuille-de-route/organisation/statuts/")
    assert_accessible(page)
    shoot(page, "statuses", shots)
