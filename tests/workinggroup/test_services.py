"""Writes of the working group: members, meetings and minutes, decisions and their audit log, dossier requests."""

import datetime as dt

import pytest
from django.utils import timezone

from mediane.accounts.enums import Role
from mediane.accounts.services import roles_of
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution
from mediane.workinggroup import services
from mediane.workinggroup.enums import DecisionAction, DecisionStatus, DossierStatus, MeetingStatus, OrganisationKind
from mediane.workinggroup.models import Decision, DecisionLog, Dossier, Meeting
from mediane.workinggroup.services import DecisionDraft, MemberData, WorkingGroupError
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, MemberFactory, published_synthesis

pytestmark = pytest.mark.django_db


def member_data(**overrides):
    fields = {
        "name": "Représentant·e de l'ABF",
        "organisation": "Association des bibliothécaires de France",
        "organisation_kind": OrganisationKind.LIBRARIES,
    }
    return MemberData(**{**fields, **overrides})


# --- Members ---


def test_an_organiser_adds_a_member_linked_to_an_existing_account(organiser, wg_member):
    member = services.add_member(organiser, member_data(account_email="GASTON@example.org", title="  Présidente "))

    assert member.user == wg_member
    assert member.title == "Présidente"
    assert member.is_active


def test_the_member_role_follows_the_account_an_active_member_links(organiser, citizen):
    member = services.add_member(organiser, member_data(account_email=citizen.email))
    assert roles_of(type(citizen).objects.get(pk=citizen.pk)) == [Role.WORKING_GROUP_MEMBER]

    services.update_member(organiser, member, member_data(account_email=citizen.email, is_active=False))
    assert roles_of(type(citizen).objects.get(pk=citizen.pk)) == []

    services.update_member(organiser, member, member_data(account_email=citizen.email))
    assert roles_of(type(citizen).objects.get(pk=citizen.pk)) == [Role.WORKING_GROUP_MEMBER]

    services.update_member(organiser, member, member_data())  # the account is unlinked
    assert roles_of(type(citizen).objects.get(pk=citizen.pk)) == []


def test_a_member_cannot_be_linked_to_an_unknown_account(organiser):
    with pytest.raises(WorkingGroupError, match="Aucun compte"):
        services.add_member(organiser, member_data(account_email="personne@example.org"))


def test_one_account_is_one_member(organiser, wg_member):
    services.add_member(organiser, member_data(account_email=wg_member.email))

    with pytest.raises(WorkingGroupError, match="déjà celui de"):
        services.add_member(organiser, member_data(name="Autre", account_email=wg_member.email))


def test_a_member_needs_a_name_and_a_known_kind_of_organisation(organiser):
    with pytest.raises(WorkingGroupError, match="Le nom est vide"):
        services.add_member(organiser, member_data(name="  "))
    with pytest.raises(WorkingGroupError, match="type d'organisation"):
        services.add_member(organiser, member_data(organisation_kind="secte"))


def test_a_member_who_leaves_stays_in_past_attendance(organiser):
    meeting = MeetingFactory(held=True)
    member = MemberFactory()
    meeting.attendees.add(member)

    services.update_member(organiser, member, member_data(is_active=False))

    member.refresh_from_db()
    assert not member.is_active
    assert list(meeting.attendees.all()) == [member]


# --- Meetings ---


def test_each_theme_has_one_meeting(organiser):
    theme = ThemeFactory()
    meeting = services.schedule_meeting(organiser, theme, date=dt.date(2019, 5, 23), agenda="**Synthèse**")

    assert meeting.status == MeetingStatus.PLANNED
    assert meeting.agenda_html == "<p><strong>Synthèse</strong></p>"
    with pytest.raises(WorkingGroupError, match="déjà sa réunion"):
        services.schedule_meeting(organiser, theme, date=dt.date(2019, 6, 1))


def test_the_agenda_is_sanitised(organiser):
    meeting = services.schedule_meeting(
        organiser, ThemeFactory(), date=dt.date(2019, 5, 23), agenda="<script>x</script>"
    )

    assert "<script>" not in meeting.agenda_html


def test_recording_the_minutes_marks_the_meeting_held(organiser):
    meeting = MeetingFactory()
    members = MemberFactory.create_batch(2)

    services.record_minutes(organiser, meeting, minutes="Le groupe a *retenu* trois décisions.", attendees=members)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.held_at is not None
    assert "<em>retenu</em>" in meeting.minutes_html
    assert set(meeting.attendees.all()) == set(members)


def test_minutes_wait_until_the_theme_is_closed(organiser):
    meeting = MeetingFactory(theme=ThemeFactory())  # open theme

    with pytest.raises(WorkingGroupError, match="encore ouvert"):
        services.record_minutes(organiser, meeting, minutes="Compte rendu", attendees=[MemberFactory()])
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PLANNED


def test_minutes_need_attendees(organiser):
    with pytest.raises(WorkingGroupError, match="au moins une personne"):
        services.record_minutes(organiser, MeetingFactory(), minutes="Compte rendu", attendees=[])


# --- Decisions ---


def test_a_decision_is_numbered_linked_and_logged(organiser):
    meeting = MeetingFactory(held=True)
    run = published_synthesis(meeting.theme)
    proposal = run.test_contributions[0]
    topic = run.topics.get(position=0)

    first = services.record_decision(
        organiser,
        meeting,
        DecisionDraft(
            "Une convention type", "Le groupe **recommande**.", contribution_ids=(proposal.pk,), topic_ids=(topic.pk,)
        ),
    )
    second = services.record_decision(organiser, meeting, DecisionDraft("Former les équipes", "À étudier."))

    assert (first.number, second.number) == (1, 2)
    assert first.reference == f"{meeting.theme.number}.1"
    assert list(first.contributions.all()) == [proposal]
    assert list(first.topics.all()) == [topic]
    assert list(proposal.inspired_decisions.all()) == [first]
    log = DecisionLog.objects.get(decision=first)
    assert (log.actor, log.action) == (organiser, DecisionAction.RECORD)
    assert log.changes["contributions"] == [proposal.pk]


def test_a_decision_waits_for_the_meeting_to_be_held(organiser):
    with pytest.raises(WorkingGroupError, match="compte rendu"):
        services.record_decision(organiser, MeetingFactory(), DecisionDraft("Titre", "Texte"))


def test_a_decision_only_links_published_contributions_of_its_theme(organiser):
    meeting = MeetingFactory(held=True)
    elsewhere = ContributionFactory()
    hidden = ContributionFactory(theme=meeting.theme, hidden=True)

    for pk in (elsewhere.pk, hidden.pk):
        with pytest.raises(WorkingGroupError, match=f"n° {pk}"):
            services.record_decision(organiser, meeting, DecisionDraft("Titre", "Texte", contribution_ids=(pk,)))


def test_a_contribution_hidden_after_the_decision_no_longer_shows_with_it(organiser):
    meeting = MeetingFactory(held=True)
    kept, hidden = ContributionFactory(theme=meeting.theme), ContributionFactory(theme=meeting.theme)
    draft = DecisionDraft("Titre", "Texte", contribution_ids=(kept.pk, hidden.pk))
    decision = services.record_decision(organiser, meeting, draft)
    Contribution.objects.filter(pk=hidden.pk).update(status=ContributionStatus.HIDDEN)

    shown = Decision.objects.filter(pk=decision.pk).with_links().get()
    assert list(shown.contributions.all()) == [kept]


def test_a_decision_only_links_topics_of_its_theme(organiser):
    meeting = MeetingFactory(held=True)
    other_run = published_synthesis(ThemeFactory(closed=True))

    with pytest.raises(WorkingGroupError, match="sujets de la synthèse"):
        services.record_decision(
            organiser, meeting, DecisionDraft("Titre", "Texte", topic_ids=(other_run.topics.get(position=0).pk,))
        )


def test_every_change_of_a_decision_is_logged_with_old_and_new_values(organiser):
    meeting = MeetingFactory(held=True)
    run = published_synthesis(meeting.theme)
    one, two = run.test_contributions[:2]
    decision = services.record_decision(organiser, meeting, DecisionDraft("Titre", "Texte", contribution_ids=(one.pk,)))

    services.update_decision(
        organiser,
        decision,
        DecisionDraft("Nouveau titre", "Texte", status=DecisionStatus.TO_STUDY, contribution_ids=(two.pk,)),
    )

    log = DecisionLog.objects.filter(decision=decision).first()
    assert log.action == DecisionAction.EDIT
    assert log.changes == {
        "title": ["Titre", "Nouveau titre"],
        "status": [DecisionStatus.ADOPTED, DecisionStatus.TO_STUDY],
        "contributions": {"added": [two.pk], "removed": [one.pk]},
    }
    assert "État : Adoptée → À étudier" in log.change_lines
    decision.refresh_from_db()
    assert list(decision.contributions.all()) == [two]


def test_a_status_change_alone_is_logged_as_such(organiser):
    decision = DecisionFactory(status=DecisionStatus.TO_STUDY)

    services.update_decision(
        organiser, decision, DecisionDraft(decision.title, decision.text, DecisionStatus.SET_ASIDE)
    )

    assert DecisionLog.objects.get(decision=decision).action == DecisionAction.STATUS


def test_an_unchanged_decision_leaves_no_log(organiser):
    decision = DecisionFactory()

    services.update_decision(organiser, decision, DecisionDraft(decision.title, decision.text, decision.status))

    assert not DecisionLog.objects.exists()


def test_a_decision_set_aside_cannot_become_adopted_directly(organiser):
    decision = DecisionFactory(status=DecisionStatus.SET_ASIDE)

    with pytest.raises(WorkingGroupError, match="ne peut pas devenir"):
        services.update_decision(organiser, decision, DecisionDraft(decision.title, decision.text, "adoptee"))
    assert not DecisionLog.objects.exists()


# --- Dossier requests ---


def test_a_dossier_needs_a_published_synthesis(organiser):
    with pytest.raises(WorkingGroupError, match="pas de synthèse publiée"):
        services.request_dossier(organiser, MeetingFactory())


def test_one_dossier_is_generated_at_a_time(organiser, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    run = published_synthesis(meeting.theme)

    with django_capture_on_commit_callbacks() as callbacks:
        dossier = services.request_dossier(organiser, meeting)
        with pytest.raises(WorkingGroupError, match="déjà en cours"):
            services.request_dossier(organiser, meeting)

    assert len(callbacks) == 1
    assert (dossier.status, dossier.run, dossier.requested_by) == (DossierStatus.QUEUED, run, organiser)


def test_a_generation_cut_off_long_ago_is_marked_failed_and_replaced(organiser, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    published_synthesis(meeting.theme)
    stuck = Dossier.objects.create(
        meeting=meeting, status=DossierStatus.RUNNING, started_at=timezone.now() - dt.timedelta(hours=1)
    )

    with django_capture_on_commit_callbacks():
        fresh = services.request_dossier(organiser, meeting)

    stuck.refresh_from_db()
    assert stuck.status == DossierStatus.FAILED
    assert "interrompue" in stuck.error
    assert fresh.status == DossierStatus.QUEUED


def test_a_control_character_in_a_member_s_name_is_refused(organiser):
    with pytest.raises(WorkingGroupError, match=r"^Le nom : caractère invisible interdit \(U\+001B, échappement\)"):
        services.add_member(organiser, member_data(name="Représentant\x1b[2J"))
