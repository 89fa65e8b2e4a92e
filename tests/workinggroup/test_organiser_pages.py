"""What organisers do from the pages: members, meetings, minutes, decisions, dossiers. Nobody else may."""

import pytest
from django.urls import reverse

from mediane.workinggroup.enums import DecisionAction, DecisionStatus, DossierStatus, MeetingStatus
from mediane.workinggroup.models import Decision, DecisionLog, Dossier, Meeting, Member
from tests.consultation.factories import ThemeFactory
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, MemberFactory, published_synthesis

pytestmark = pytest.mark.django_db


def organiser_urls():
    meeting = MeetingFactory(held=True)
    decision = DecisionFactory(meeting=meeting)
    member = MemberFactory()
    return [
        reverse("workinggroup:member_create"),
        reverse("workinggroup:member_edit", args=[member.pk]),
        reverse("workinggroup:meeting_create"),
        reverse("workinggroup:meeting_edit", args=[meeting.pk]),
        reverse("workinggroup:minutes_edit", args=[meeting.pk]),
        reverse("workinggroup:decision_create", args=[meeting.pk]),
        reverse("workinggroup:decision_edit", args=[decision.pk]),
        reverse("workinggroup:decision_log"),
    ]


@pytest.mark.parametrize("persona", ["wg_member", "moderator", "citizen"])
def test_only_organisers_open_the_management_pages(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in organiser_urls():
        assert client.get(url).status_code == 403, url
    meeting = MeetingFactory()
    assert client.post(reverse("workinggroup:dossier_request", args=[meeting.pk])).status_code == 403


def test_visitors_are_asked_to_sign_in(client):
    for url in organiser_urls():
        response = client.get(url)
        assert response.status_code == 302 and "/compte/login/" in response["Location"], url


def test_an_organiser_adds_and_edits_a_member(client, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("workinggroup:member_create"),
        {
            "name": "Représentant·e de la MedNum",
            "organisation": "La MedNum, coopérative des acteurs de la médiation numérique",
            "organisation_kind": "mediation",
            "position": "2",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    member = Member.objects.get()
    assert member.organisation_kind == "mediation"

    response = client.post(
        reverse("workinggroup:member_edit", args=[member.pk]),
        {"name": member.name, "organisation": "La MedNum", "organisation_kind": "mediation", "position": "2"},
    )
    member.refresh_from_db()
    assert (member.organisation, member.is_active) == ("La MedNum", False)


def test_an_unknown_account_is_reported_on_the_member_form(client, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("workinggroup:member_create"),
        {
            "name": "X",
            "organisation": "Y",
            "organisation_kind": "etat",
            "position": "0",
            "account_email": "inconnu@example.org",
        },
    )
    assert response.status_code == 200
    assert "Aucun compte n&#x27;utilise l&#x27;adresse inconnu@example.org" in response.content.decode()


def test_an_organiser_schedules_a_meeting_then_records_its_minutes(client, organiser):
    theme = ThemeFactory(closed=True)
    members = MemberFactory.create_batch(2)
    client.force_login(organiser)

    page = client.get(reverse("workinggroup:meeting_create")).content.decode()
    assert f"Thème {theme.number}" in page
    response = client.post(
        reverse("workinggroup:meeting_create"),
        {"theme": theme.pk, "date": "2019-05-23", "place": "Paris", "agenda": "- Synthèse"},
    )
    meeting = Meeting.objects.get(theme=theme)
    assert response["Location"] == meeting.get_absolute_url()

    response = client.post(
        reverse("workinggroup:minutes_edit", args=[meeting.pk]),
        {"minutes": "Le groupe a adopté trois décisions.", "attendees": [members[0].pk]},
    )
    meeting.refresh_from_db()
    assert response.status_code == 302
    assert meeting.status == MeetingStatus.HELD
    assert list(meeting.attendees.all()) == [members[0]]


def test_minutes_of_an_open_theme_are_refused_with_the_reason(client, organiser):
    meeting = MeetingFactory(theme=ThemeFactory())
    member = MemberFactory()
    client.force_login(organiser)

    response = client.post(
        reverse("workinggroup:minutes_edit", args=[meeting.pk]), {"minutes": "CR", "attendees": [member.pk]}
    )

    assert response.status_code == 200
    assert "encore ouvert aux contributions" in response.content.decode()


def test_an_organiser_records_a_decision_linked_to_proposals_and_topics(client, organiser):
    meeting = MeetingFactory(held=True)
    run = published_synthesis(meeting.theme)
    proposal, vigilance = run.test_contributions[0], run.test_contributions[1]
    topic = run.topics.get(position=0)
    client.force_login(organiser)

    page = client.get(reverse("workinggroup:decision_create", args=[meeting.pk])).content.decode()
    assert proposal.title in page and topic.label in page
    response = client.post(
        reverse("workinggroup:decision_create", args=[meeting.pk]),
        {
            "title": "Une convention type",
            "text": "Le groupe recommande une convention type.",
            "status": DecisionStatus.ADOPTED,
            "contributions": [proposal.pk],
            "other_contributions": f"n°{vigilance.pk}",
            "topics": [topic.pk],
        },
    )

    decision = Decision.objects.get()
    assert response["Location"] == decision.get_absolute_url()
    assert set(decision.contributions.all()) == {proposal, vigilance}
    assert list(decision.topics.all()) == [topic]
    assert DecisionLog.objects.get().action == DecisionAction.RECORD


def test_a_wrong_contribution_number_is_explained(client, organiser):
    meeting = MeetingFactory(held=True)
    client.force_login(organiser)

    response = client.post(
        reverse("workinggroup:decision_create", args=[meeting.pk]),
        {"title": "T", "text": "Texte", "status": DecisionStatus.ADOPTED, "other_contributions": "12, douze"},
    )

    assert "« douze » n&#x27;est pas un numéro de contribution." in response.content.decode()
    assert not Decision.objects.exists()


def test_an_edited_decision_keeps_its_links_and_shows_in_the_log(client, organiser):
    meeting = MeetingFactory(held=True)
    run = published_synthesis(meeting.theme)
    decision = DecisionFactory(meeting=meeting, number=1)
    linked = run.test_contributions[2]  # an experience: offered because it is already linked
    decision.contributions.add(linked)
    client.force_login(organiser)

    form = client.get(reverse("workinggroup:decision_edit", args=[decision.pk])).context["form"]
    assert form.initial["contributions"] == [str(linked.pk)]
    client.post(
        reverse("workinggroup:decision_edit", args=[decision.pk]),
        {
            "title": "Un nouvel intitulé",
            "text": decision.text,
            "status": DecisionStatus.TO_STUDY,
            "contributions": [linked.pk],
        },
    )
    log = client.get(reverse("workinggroup:decision_log")).content.decode()

    decision.refresh_from_db()
    assert list(decision.contributions.all()) == [linked]
    assert "Intitulé : « Conventionner avec les Maisons France Services » → « Un nouvel intitulé »" in log
    assert "État : Adoptée → À étudier" in log


def test_the_decision_log_runs_the_same_queries_whatever_its_length(client, organiser, count_queries):
    client.force_login(organiser)
    DecisionLog.objects.create(decision=DecisionFactory(), actor=organiser, action=DecisionAction.RECORD)
    with count_queries() as small:
        client.get(reverse("workinggroup:decision_log"))
    for decision in DecisionFactory.create_batch(5):
        DecisionLog.objects.create(
            decision=decision, actor=organiser, action=DecisionAction.EDIT, changes={"title": ["a", "b"]}
        )
    with count_queries() as large:
        client.get(reverse("workinggroup:decision_log"))

    assert len(small) == len(large)


def test_an_organiser_generates_the_dossier_from_the_meeting_page(
    client, organiser, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(held=True)
    published_synthesis(meeting.theme)
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workinggroup:dossier_request", args=[meeting.pk]))
    page = client.get(meeting.get_absolute_url()).content.decode()

    dossier = Dossier.objects.get()
    assert response["Location"].endswith("#dossiers")
    assert dossier.status in {DossierStatus.SUCCEEDED, DossierStatus.PARTIAL}
    assert reverse("workinggroup:dossier_markdown", args=[dossier.pk]) in page


def test_without_a_published_synthesis_the_organiser_is_told_why(client, organiser):
    meeting = MeetingFactory()
    client.force_login(organiser)

    response = client.post(reverse("workinggroup:dossier_request", args=[meeting.pk]), follow=True)

    assert "pas de synthèse publiée" in response.content.decode()
    assert not Dossier.objects.exists()
