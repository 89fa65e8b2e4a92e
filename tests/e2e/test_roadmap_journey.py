"""Test 1 of the roadmap (issue 10): an organiser turns a working-group decision into an action, adds a milestone
and raises its progress; a person who supported the linked proposal sees the change on « Ce que sont devenues mes
propositions », from their account page, and receives the e-mail digest.

Every step goes through the browser — the organiser's on their pages, the supporter's on theirs, and a visitor's
reading of the timeline and of the action page —, with and without JavaScript, on a phone and on a desktop,
audited by axe-core.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from mediane.consultation.services import support_contribution
from mediane.roadmap import services
from mediane.roadmap.models import Action, Axis, Stage, Status
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ContributionFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.structures.factories import StructureFactory
from tests.workinggroup.factories import DecisionFactory, MeetingFactory

pytestmark = E2E_MARKS

PROPOSAL = "Financer des postes de médiateurs dans les bibliothèques municipales"
DECISION = "Recenser les financements de l'inclusion numérique en bibliothèque"


def a_decision_from_a_supported_proposal(supporter):
    proposal = ContributionFactory(title=PROPOSAL, kind="proposition")
    support_contribution(supporter, proposal)
    meeting = MeetingFactory(theme=proposal.theme, held=True, date=dt.date(2019, 5, 23))
    decision = DecisionFactory(meeting=meeting, number=2, title=DECISION)
    decision.contributions.add(proposal)
    return proposal, decision


def the_organiser_makes_an_action_of_it(organiser, decision):
    """What the organiser does on their pages: the action from the decision, then a milestone and progress."""
    # The seeded rows, made again when an earlier live-server test flushed the database.
    stage, _ = Stage.objects.get_or_create(year=2020, title="Élaboration de la feuille de route")
    axis, _ = Axis.objects.get_or_create(title="Accompagnement financier")
    status, _ = Status.objects.get_or_create(name="En cours", defaults={"default_progress": 10})
    action = services.create_action_from_decision(organiser, decision, stage=stage, axis=axis)
    services.add_milestone(organiser, action, date=dt.date(2020, 9, 3), title="Plan France Relance présenté")
    services.change_progress(organiser, action, status=status, progress=45)
    action.owners.add(StructureFactory(name="Médiathèque de Villeurbanne"))
    return action


def the_organiser_does_it_on_their_pages(page, organiser, decision):
    """The organiser's browser: the action from the decision in one step, a milestone, then a status and progress."""
    stage, _ = Stage.objects.get_or_create(year=2020, title="Élaboration de la feuille de route")
    Axis.objects.get_or_create(title="Accompagnement financier")
    Status.objects.get_or_create(name="En cours", defaults={"default_progress": 10})
    log_in(page, organiser.email, PASSWORD, "/feuille-de-route/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Créer depuis une décision"))
    assert_accessible(page)
    page.get_by_label("Décision du groupe de travail").select_option(label=f"n° {decision.reference} — {DECISION}")
    page.get_by_label("Étape").select_option(label=str(stage))
    page.get_by_label("Axe").select_option(label="Accompagnement financier")
    follow(page.get_by_role("button", name="Créer l'action"))
    assert_accessible(page)
    page.goto("/feuille-de-route/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name=f"Étapes franchies de « {DECISION} »"))
    assert_accessible(page)
    page.get_by_label("Date").fill("2020-09-03")
    page.get_by_label("Ce qui a été franchi").fill("Plan France Relance présenté")
    follow(page.get_by_role("button", name="Ajouter l'étape"))
    assert_accessible(page)
    page.goto("/feuille-de-route/organisation/")
    assert_accessible(page)
    follow(page.get_by_role("link", name=f"Avancement de « {DECISION} »"))
    assert_accessible(page)
    page.get_by_label("Statut", exact=True).select_option(label="En cours")
    page.get_by_role("spinbutton", name=re.compile("Avancement en %")).fill("45")
    follow(page.get_by_role("button", name="Enregistrer"))
    assert_accessible(page)
    expect(page.get_by_text("est enregistré : 45 %")).to_be_visible()
    return Action.objects.get(title=DECISION)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_supporter_sees_what_became_of_the_proposal_and_gets_the_email(browse, citizen, organiser, javascript):
    proposal, decision = a_decision_from_a_supported_proposal(citizen)
    action = the_organiser_does_it_on_their_pages(browse(javascript=javascript), organiser, decision)
    page = browse(javascript=javascript)
    log_in(page, citizen.email, PASSWORD, "/compte/profil/")
    assert_accessible(page)

    follow(page.get_by_role("link", name="Ce que sont devenues mes propositions"))
    assert_accessible(page)
    followed = page.get_by_role("article").filter(has=page.get_by_role("heading", name=DECISION, exact=True))
    expect(followed.get_by_text("Avancement : 45 %")).to_be_visible()
    expect(followed.get_by_text("l'avancement passe de 0 % à 45 %")).to_be_visible()
    expect(followed.get_by_text("« Plan France Relance présenté » (3 septembre 2020)")).to_be_visible()
    expect(followed.get_by_text("Nouveau").first).to_be_visible()

    follow(followed.get_by_role("link", name=DECISION, exact=True))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(DECISION)
    origin = page.locator("section", has=page.get_by_role("heading", name="D'où vient cette action"))
    expect(origin.get_by_role("link", name=re.compile(PROPOSAL))).to_be_visible()
    expect(origin.get_by_text(f"Décision n° {decision.reference} : {DECISION}")).to_be_visible()

    follow(origin.get_by_role("link", name=re.compile(PROPOSAL)))
    assert_accessible(page)
    expect(page.get_by_text(f"A inspiré la décision n° {decision.reference} : {DECISION}")).to_be_visible()
    expect(page.get_by_text("(45 %)")).to_be_visible()

    call_command("send_roadmap_digests", stdout=None)
    sent = [message for message in mail.outbox if message.to == [citizen.email]]
    assert len(sent) == 1
    assert "l'avancement passe de 0 % à 45 %" in sent[0].body
    assert "Plan France Relance présenté" in sent[0].body
    assert action.get_absolute_url() in sent[0].body

    page.goto("/feuille-de-route/mes-propositions/")
    assert_accessible(page)
    follow(page.get_by_role("button", name=re.compile("Ne plus suivre")))
    assert_accessible(page)
    expect(page.get_by_text("Vous ne suivez aucune action pour le moment.")).to_be_visible()


# Both widths and both ways of browsing: a desktop with JavaScript, a phone without.
@pytest.mark.parametrize(("javascript", "phone"), [(True, False), (False, True)], ids=["js-1280px", "nojs-375px"])
def test_a_visitor_reads_the_timeline_and_an_action(browse, citizen, organiser, javascript, phone):
    _, decision = a_decision_from_a_supported_proposal(citizen)
    parent = the_organiser_makes_an_action_of_it(organiser, decision)
    stage, axis = parent.stage, parent.axis
    for title, progress in (("CTL / CDLI", 100), ("Fonds européens", 10)):
        child = services.create_action(
            organiser, services.ActionData(title=title, stage=stage, axis=axis, parent=parent, progress=progress)
        )
        assert child.pk
    page = browse(javascript=javascript, phone=phone)

    page.goto("/feuille-de-route/")
    assert_accessible(page)
    expect(page.get_by_role("heading", name="2020 : Élaboration de la feuille de route")).to_be_visible()
    expect(page.get_by_text("Avancement : 55 %")).to_be_visible()
    expect(page.get_by_role("link", name="CTL / CDLI")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    follow(page.get_by_role("link", name="Par axe"))
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Accompagnement financier", exact=True)).to_be_visible()

    follow(page.get_by_role("link", name=DECISION).first)
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Sous-actions (2)")).to_be_visible()
    expect(page.get_by_text("3 septembre 2020 : Plan France Relance présenté")).to_be_visible()
    expect(page.get_by_role("link", name="Connectez-vous pour suivre cette action")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto("/feuille-de-route/donnees/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
