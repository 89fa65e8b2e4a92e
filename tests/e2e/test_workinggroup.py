"""The working group's pages, audited by axe-core: a visitor follows a decision back to the contribution that
inspired it (with and without JavaScript), and an organiser records a decision and generates the dossier."""

import re

import pytest
from playwright.sync_api import expect

from mediane.workinggroup.enums import DossierStatus
from mediane.workinggroup.models import Decision, Dossier
from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, MemberFactory, published_synthesis

pytestmark = E2E_MARKS


def a_held_meeting_and_a_planned_one():
    meeting = MeetingFactory(held=True, theme__title="Rôle et missions des bibliothèques")
    run = published_synthesis(meeting.theme)
    MemberFactory(name="Représentant·e de l'ABF", organisation="ABF — Association des bibliothécaires de France")
    MemberFactory(state=True, name="Représentant·e du CGET", organisation="CGET")
    meeting.attendees.add(*MemberFactory._meta.model.objects.all())
    decision = DecisionFactory(meeting=meeting, number=1, title="Une convention type avec France Services")
    decision.contributions.add(run.test_contributions[0])
    decision.topics.add(run.topics.get(position=0))
    planned = MeetingFactory(theme__title="Identifier et toucher les publics", theme__number=2)
    return meeting, planned, run


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_visitor_follows_a_decision_back_to_the_contribution_behind_it(browse, javascript):
    meeting, planned, run = a_held_meeting_and_a_planned_one()
    source = run.test_contributions[0]
    page = browse(javascript=javascript)

    page.goto("/groupe-de-travail/")
    assert_accessible(page)
    expect(page.get_by_text("ABF — Association des bibliothécaires de France")).to_be_visible()
    follow(page.get_by_role("link", name=re.compile("Rôle et missions des bibliothèques")))
    assert_accessible(page)
    expect(page.get_by_role("heading", name=re.compile("Une convention type avec France Services"))).to_be_visible()
    expect(page.get_by_text("Le groupe a examiné la synthèse.")).to_be_visible()

    follow(page.get_by_role("link", name=re.compile(f"n° {source.pk} — ")))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(source.title)

    page.goto(planned.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Ordre du jour")).to_be_visible()
    expect(page.get_by_role("heading", name="Décisions")).to_have_count(0)


def test_an_organiser_records_a_decision_and_generates_the_dossier(browse, organiser):
    meeting, _, run = a_held_meeting_and_a_planned_one()
    proposal = run.test_contributions[3]
    page = browse(javascript=True)
    log_in(page, organiser.email, PASSWORD, meeting.get_absolute_url())
    assert_accessible(page)

    follow(page.get_by_role("link", name="Ajouter une décision"))
    assert_accessible(page)
    page.get_by_label("Intitulé").fill("Former les équipes à l'accueil des publics")
    page.get_by_label("Texte de la décision").fill("Le groupe recommande un module de formation commun.")
    choose(page, re.compile(f"^n° {proposal.pk} — "))
    choose(page, re.compile("^Ateliers · seniors"))
    follow(page.get_by_role("button", name="Enregistrer la décision"))
    assert_accessible(page)
    decision = Decision.objects.get(title="Former les équipes à l'accueil des publics")
    assert list(decision.contributions.all()) == [proposal]
    expect(page.get_by_role("heading", name=re.compile(f"Décision n° {decision.reference}"))).to_be_visible()

    follow(page.get_by_role("button", name="Générer le dossier"))
    assert_accessible(page)
    dossier = Dossier.objects.get(meeting=meeting)
    assert dossier.status in {DossierStatus.SUCCEEDED, DossierStatus.PARTIAL}, dossier.error
    markdown = page.request.get(
        page.get_by_role("link", name=re.compile("Télécharger le Markdown")).get_attribute("href")
    )
    assert markdown.status == 200
    assert "Former les équipes à l'accueil des publics" in markdown.text()
    assert f"/forum/contribution/{proposal.pk}/" in markdown.text()

    page.goto("/groupe-de-travail/decisions/journal/")
    assert_accessible(page)
    page.goto("/groupe-de-travail/membres/ajouter/")
    assert_accessible(page)
    page.goto(f"/groupe-de-travail/reunions/{meeting.pk}/compte-rendu/")
    assert_accessible(page)
