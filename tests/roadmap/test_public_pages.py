"""The roadmap's public pages: the timeline by stage and by axis, an action's page with the chain it comes from,
following, « Ce que sont devenues mes propositions », the panels on the account and contribution pages, and the
number of queries each page makes with one and with many actions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mediane.consultation.services import support_contribution
from mediane.roadmap import services
from mediane.roadmap.models import ActionFollow
from mediane.roadmap.services import ActionData
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import ActionFactory, AxisFactory, StageFactory, StatusFactory
from tests.structures.factories import StructureFactory
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, published_synthesis

pytestmark = pytest.mark.django_db


@pytest.fixture
def roadmap(organiser):
    """A 2020 stage with a parent action (two weighted children) linked to a proposal, a decision and a topic."""
    stage = StageFactory(year=2020, title="Élaboration de la feuille de route")
    axis = AxisFactory(title="Accompagnement financier")
    contribution = ContributionFactory(title="Aider les bibliothèques à financer leurs postes de médiation")
    meeting = MeetingFactory(theme=contribution.theme, held=True)
    decision = DecisionFactory(meeting=meeting, title="Recenser les financements possibles")
    decision.contributions.add(contribution)
    run = published_synthesis(contribution.theme)
    topic = run.topics.first()
    parent = services.create_action(
        organiser,
        ActionData(title="Accompagnement financier des bibliothèques", stage=stage, axis=axis),
        contributions=[contribution],
        decisions=[decision],
        topics=[topic],
    )
    status = StatusFactory(name="Commencée", default_progress=None)
    first = services.create_action(
        organiser,
        ActionData(
            title="CTL / CDLI", stage=stage, axis=axis, parent=parent, status=status, progress=40, weight=Decimal(2)
        ),
    )
    first.owners.add(StructureFactory(name="Médiathèque de Lyon", siret="21690123100011"))
    services.create_action(
        organiser, ActionData(title="Fonds européens", stage=stage, axis=axis, parent=parent, progress=10)
    )
    services.add_milestone(organiser, parent, date=dt.date(2020, 9, 3), title="Plan France Relance annoncé")
    return {"parent": parent, "first": first, "contribution": contribution, "decision": decision, "topic": topic}


def test_the_timeline_shows_each_stage_axis_and_action_with_its_progress_in_text(client, roadmap):
    page = client.get(reverse("roadmap:index")).content.decode()
    assert "2020 : Élaboration de la feuille de route" in page
    assert "Axe : Accompagnement financier" in page
    assert "Accompagnement financier des bibliothèques" in page and "CTL / CDLI" in page
    assert "<strong>30 %</strong>" in page  # (40 × 2 + 10) / 3, rounded
    assert '<progress class="mediane-progress" max="100" value="40"' in page
    assert "Médiathèque de Lyon" in page
    by_axis = client.get(reverse("roadmap:index"), {"par": "axe"}).content.decode()
    assert "Étape 2020 : Élaboration de la feuille de route" in by_axis
    assert 'aria-current="page">Par axe' in by_axis


def test_an_action_page_tells_where_it_comes_from(client, roadmap):
    page = client.get(reverse("roadmap:action", args=[roadmap["parent"].pk])).content.decode()
    contribution, decision = roadmap["contribution"], roadmap["decision"]
    assert contribution.title in page and "0 soutien" in page
    assert contribution.get_author_category_display() in page
    assert f"Décision n° {decision.reference} : {decision.title}" in page
    assert roadmap["topic"].label in page
    assert "Plan France Relance annoncé" in page and "3 septembre 2020" in page
    assert "CTL / CDLI" in page and "Fonds européens" in page
    assert "l'avancement passe de 40 % à 30 %" in page
    child = client.get(reverse("roadmap:action", args=[roadmap["first"].pk])).content.decode()
    assert 'aria-current="page">CTL / CDLI' in child
    assert "Accompagnement financier des bibliothèques</a>" in child


@pytest.mark.parametrize("state", ["hidden", "pending", "withdrawn"])
def test_a_contribution_no_longer_published_leaves_the_chain(client, organiser, roadmap, state):
    other = ContributionFactory(title="Une proposition qui ne sera plus publiée", **{state: True})
    services.set_links(organiser, roadmap["parent"], contributions=[roadmap["contribution"], other], decisions=[],
                       topics=[])  # fmt: skip
    page = client.get(reverse("roadmap:action", args=[roadmap["parent"].pk])).content.decode()
    assert roadmap["contribution"].title in page
    assert other.title not in page


def test_decisions_of_a_meeting_not_held_and_topics_of_a_draft_synthesis_are_not_shown(client, organiser, roadmap):
    planned = DecisionFactory(meeting=MeetingFactory(), title="Décision d'une réunion à venir")
    services.set_links(organiser, roadmap["parent"], contributions=[], decisions=[planned], topics=[])
    page = client.get(reverse("roadmap:action", args=[roadmap["parent"].pk])).content.decode()
    assert planned.title not in page


def test_signed_out_visitor_is_asked_to_sign_in_to_follow(client, roadmap):
    url = reverse("roadmap:action", args=[roadmap["parent"].pk])
    page = client.get(url).content.decode()
    assert f"{reverse('account_login')}?next={url}" in page
    response = client.post(reverse("roadmap:follow", args=[roadmap["parent"].pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not ActionFollow.objects.filter(origin="choisi").exists()


def test_follow_and_stop_following(client, citizen, roadmap):
    client.force_login(citizen)
    action = roadmap["parent"]
    response = client.post(reverse("roadmap:follow", args=[action.pk]))
    assert response.status_code == 302
    assert ActionFollow.objects.active().filter(user=citizen, action=action).exists()
    page = client.get(reverse("roadmap:my_proposals")).content.decode()
    assert action.title in page and "Nouvelle étape" not in page
    response = client.post(reverse("roadmap:unfollow", args=[action.pk]), {"retour": "mes-propositions"})
    assert response["Location"] == reverse("roadmap:my_proposals")
    assert not ActionFollow.objects.active().filter(user=citizen).exists()
    assert client.get(reverse("roadmap:follow", args=[action.pk])).status_code == 405


def test_a_supporter_sees_what_their_proposal_became(client, citizen, organiser, roadmap):
    support_contribution(citizen, roadmap["contribution"])
    services.sync_automatic_follows(roadmap["parent"])
    services.change_progress(organiser, roadmap["first"], status=None, progress=100)
    client.force_login(citizen)
    page = client.get(reverse("roadmap:my_proposals")).content.decode()
    assert "Accompagnement financier des bibliothèques" in page
    assert "l'avancement passe de 30 % à 70 %" in page
    assert f"décision n° {roadmap['decision'].reference}" in page
    assert "Suivie dans l'action" in page and "(70 %)" in page
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Vous suivez 1 action de la feuille de route" in profile
    assert reverse("roadmap:my_proposals") in profile


def test_a_contribution_page_says_what_it_became(client, organiser, roadmap):
    contribution = roadmap["contribution"]
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert f"décision n° {roadmap['decision'].reference} : {roadmap['decision'].title}" in page
    assert "Suivie dans l'action" in page and "(30 %)" in page
    lonely = ContributionFactory(theme=contribution.theme)
    assert "Ce qu'est devenue cette contribution" not in client.get(lonely.get_absolute_url()).content.decode()


def test_my_proposals_needs_signing_in(client):
    response = client.get(reverse("roadmap:my_proposals"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


# --- Queries: constant with one action and with many ----------------------------------------------------------


def _many(count: int):
    stage, axis = StageFactory(), AxisFactory()
    parent = ActionFactory(stage=stage, axis=axis)
    owner = StructureFactory()
    for number in range(count):
        action = ActionFactory(stage=stage, axis=axis, parent=parent if number % 2 else None)
        action.owners.add(owner)
        action.contributions.add(ContributionFactory())
    return parent


@pytest.mark.parametrize("count", [1, 12])
def test_the_timeline_makes_the_same_queries_whatever_the_number_of_actions(client, django_assert_num_queries, count):
    _many(count)
    # Session-less visitor: stages, axes, actions, owners.
    with django_assert_num_queries(4):
        assert client.get(reverse("roadmap:index")).status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_an_action_page_makes_the_same_queries_whatever_its_links(client, django_assert_num_queries, count):
    parent = _many(count)
    parent.contributions.add(*[ContributionFactory() for _ in range(count)])
    parent.decisions.add(*[DecisionFactory() for _ in range(count)])
    for number in range(count):
        services.add_milestone(None, parent, date=dt.date(2020, 1, 1 + number), title=f"Étape {number}")
    # action, owners, contributions, decisions, topics, breadcrumb, children, milestones, history.
    with django_assert_num_queries(9):
        assert client.get(reverse("roadmap:action", args=[parent.pk])).status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_my_proposals_makes_the_same_queries_whatever_the_follows(client, citizen, django_assert_num_queries, count):
    stage, axis = StageFactory(), AxisFactory()
    for number in range(count):
        action = ActionFactory(stage=stage, axis=axis)
        contribution = ContributionFactory(author=citizen)
        action.contributions.add(contribution)
        DecisionFactory().contributions.add(contribution)
        services.follow_action(citizen, action)
        services.add_milestone(None, action, date=dt.date(2020, 1, 1), title=f"Étape {number}")
    client.force_login(citizen)
    # session, user, follows, changes, contributions, decisions, their contributions, action links, and the
    # header's three permission reads.
    with django_assert_num_queries(11):
        page = client.get(reverse("roadmap:my_proposals"))
    assert page.content.decode().count("Suivie dans l'action") == count


@pytest.mark.parametrize("count", [1, 8])
def test_what_a_contribution_became_costs_three_queries_whatever_it_became(client, count):
    contribution = ContributionFactory()
    lonely = ContributionFactory(theme=contribution.theme)
    for _ in range(count):
        DecisionFactory().contributions.add(contribution)
        ActionFactory().contributions.add(contribution)
    with CaptureQueriesContext(connection) as alone:
        client.get(lonely.get_absolute_url())
    with CaptureQueriesContext(connection) as linked:
        page = client.get(contribution.get_absolute_url()).content.decode()
    assert page.count("Suivie dans l'action") == count
    # decisions, action links, and (only when there are decisions) their contributions: one more, whatever count.
    assert len(linked) == len(alone) + 1


def test_following_counts_under_the_writes_limit(client, citizen, settings):
    settings.MEDIANE_API_RATE_USER = "2/m"
    action = ActionFactory()
    client.force_login(citizen)
    client.post(reverse("roadmap:follow", args=[action.pk]))
    client.post(reverse("roadmap:unfollow", args=[action.pk]))
    response = client.post(reverse("roadmap:follow", args=[action.pk]))
    assert response.status_code == 429
    assert not ActionFollow.objects.active().filter(user=citizen).exists()
