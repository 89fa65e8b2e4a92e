"""Every write of the working group: members, meetings and minutes, decisions (audited), dossiers.

Each function checks, then acts inside one transaction, and raises `WorkingGroupError` with a French message
that tells the organiser what to fix. Permissions are checked by the views (`rules.py`); the functions take the
acting person for the audit log. The dossier is built in the background: `request_dossier` stores a queued row
(a `mediane.jobs` job) whose work is `build_dossier_files` here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from mediane.accounts.enums import Role
from mediane.accounts.models import User
from mediane.accounts.services import grant_role, revoke_role
from mediane.consultation import services as consultation_services
from mediane.consultation.enums import ThemePhase
from mediane.consultation.markup import render_markup
from mediane.consultation.models import Contribution, Theme
from mediane.jobs import queue, runner
from mediane.synthesis import reports
from mediane.synthesis.models import Topic, TopicMembership
from mediane.text import control_character_message

from . import dossier as dossier_rendering
from .enums import (
    DECISION_TRANSITIONS,
    DecisionAction,
    DecisionStatus,
    DossierStage,
    DossierStatus,
    MeetingStatus,
    OrganisationKind,
)
from .models import Decision, DecisionLog, Dossier, Meeting, Member

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 200
DECISION_TEXT_MAX_LENGTH = 5000
MEETING_TEXT_MAX_LENGTH = 20000
MAX_LINKED_CONTRIBUTIONS = 200


class WorkingGroupError(Exception):
    """A write was refused. The message is French and tells the person what to do."""


def _text(value: str, label: str, max_length: int, required: bool = True) -> str:
    text = (value or "").strip()
    if (message := control_character_message(text, label)) is not None:
        raise WorkingGroupError(message)
    if required and not text:
        raise WorkingGroupError(f"{label} est vide : complétez-le.")
    if len(text) > max_length:
        raise WorkingGroupError(f"{label} est trop long : {len(text)} caractères pour {max_length} au plus.")
    return text


# --- Members -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberData:
    name: str
    organisation: str
    organisation_kind: str
    title: str = ""
    account_email: str = ""
    is_active: bool = True
    position: int = 0


def _check_member(data: MemberData, member: Member | None = None) -> tuple[dict, User | None]:
    if data.organisation_kind not in OrganisationKind.values:
        raise WorkingGroupError("Choisissez le type d'organisation représentée.")
    user = None
    email = (data.account_email or "").strip()
    if email:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise WorkingGroupError(f"Aucun compte n'utilise l'adresse {email} : la personne doit d'abord s'inscrire.")
        others = Member.objects.filter(user=user)
        taken = (others.exclude(pk=member.pk) if member is not None else others).first()
        if taken is not None:
            raise WorkingGroupError(f"Ce compte est déjà celui de {taken.name}, membre du groupe de travail.")
    fields = {
        "name": _text(data.name, "Le nom", NAME_MAX_LENGTH),
        "title": _text(data.title, "La fonction", TEXT_MAX_LENGTH, required=False),
        "organisation": _text(data.organisation, "L'organisation représentée", TEXT_MAX_LENGTH),
        "organisation_kind": data.organisation_kind,
        "is_active": data.is_active,
        "position": max(0, int(data.position)),
    }
    return fields, user


def _sync_member_role(member: Member, was: tuple[User | None, bool]) -> None:
    """Give the member role to the account an active member now links, take it from the one it no longer links.

    `was` is (account, active) before the change. The role goes only when no active member row links that account
    any more. Caller is inside transaction.atomic(), after saving `member`.
    """
    before, was_active = was
    now = (member.user, member.is_active)
    if now == was:
        return
    if member.user is not None and member.is_active:
        grant_role(member.user, Role.WORKING_GROUP_MEMBER)
    if before is not None and was_active and not Member.objects.active().filter(user=before).exists():
        revoke_role(before, Role.WORKING_GROUP_MEMBER)


def add_member(actor: User, data: MemberData) -> Member:
    """An organiser adds a member of the working group, optionally linked to an existing account.

    An active member linked to an account gets the working-group member role (the dossier before the meeting).
    """
    fields, user = _check_member(data)
    with transaction.atomic():
        member = Member.objects.create(user=user, **fields)
        _sync_member_role(member, (None, False))
    return member


def update_member(actor: User, member: Member, data: MemberData) -> Member:
    """An organiser changes a member's details; clearing the active flag keeps them in past attendance lists.

    Linking an account or reactivating gives the account the member role; unlinking or deactivating takes it back.
    """
    fields, user = _check_member(data, member)
    with transaction.atomic():
        was = (member.user, member.is_active)
        for name, value in fields.items():
            setattr(member, name, value)
        member.user = user
        member.save()
        _sync_member_role(member, was)
    return member


# --- Links that follow the synthesis ------------------------------------------------------------------------


def _link_topic(decision_ids: Iterable[int], topic: Topic) -> None:
    links = Decision.topics.through
    rows = [links(decision_id=pk, topic_id=topic.pk) for pk in set(decision_ids)]
    links.objects.bulk_create(rows, ignore_conflicts=True)


def link_merged_topic(target: Topic, merged: list[Topic]) -> None:
    """Decisions linked to a merged-away topic now point to the topic that received its contributions. One write."""
    _link_topic(Decision.objects.filter(topics__in=merged).values_list("pk", flat=True), target)


def link_split_topic(topic: Topic, new_topic: Topic) -> None:
    """Decisions linked to a split topic also point to the new part when some of their contributions went there."""
    moved = TopicMembership.objects.filter(topic=new_topic).values("contribution_id")
    decisions = Decision.objects.filter(topics=topic, contributions__in=moved).values_list("pk", flat=True)
    _link_topic(decisions, new_topic)


# --- Meetings ----------------------------------------------------------------------------------------------


def schedule_meeting(actor: User, theme: Theme, *, date: dt.date, place: str = "", agenda: str = "") -> Meeting:
    """An organiser plans the meeting of a theme. There is one meeting per theme.

    The theme's meeting date (theme page, synthesis, API) becomes the meeting's, in the same transaction.
    """
    if Meeting.objects.filter(theme=theme).exists():
        raise WorkingGroupError(f"Le thème {theme.number} a déjà sa réunion : modifiez-la plutôt.")
    agenda = _text(agenda, "L'ordre du jour", MEETING_TEXT_MAX_LENGTH, required=False)
    place = _text(place, "Le lieu", TEXT_MAX_LENGTH, required=False)
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                theme=theme, date=date, place=place, agenda=agenda, agenda_html=render_markup(agenda)
            )
            consultation_services.set_meeting_date(theme, date)
            return meeting
    except IntegrityError as error:  # another organiser planned it in the meantime
        raise WorkingGroupError(f"Le thème {theme.number} a déjà sa réunion : modifiez-la plutôt.") from error


def update_meeting(actor: User, meeting: Meeting, *, date: dt.date, place: str = "", agenda: str = "") -> Meeting:
    """An organiser changes the date, place or agenda of a meeting. A new date is also the theme's meeting date."""
    agenda = _text(agenda, "L'ordre du jour", MEETING_TEXT_MAX_LENGTH, required=False)
    with transaction.atomic():
        meeting.date = date
        meeting.place = _text(place, "Le lieu", TEXT_MAX_LENGTH, required=False)
        meeting.agenda = agenda
        meeting.agenda_html = render_markup(agenda)
        meeting.save(update_fields=["date", "place", "agenda", "agenda_html"])
        consultation_services.set_meeting_date(meeting.theme, date)
    return meeting


def record_minutes(actor: User, meeting: Meeting, *, minutes: str, attendees: Iterable[Member]) -> Meeting:
    """An organiser records the minutes and who attended: the meeting is then held, and public.

    The theme must be closed first: a theme stays open for contributions until its meeting.
    """
    if meeting.theme.phase in {ThemePhase.UPCOMING, ThemePhase.OPEN}:
        raise WorkingGroupError(
            f"Le thème {meeting.theme.number} est encore ouvert aux contributions : "
            "le compte rendu s'enregistre une fois le thème clos."
        )
    minutes = _text(minutes, "Le compte rendu", MEETING_TEXT_MAX_LENGTH)
    attendees = list(attendees)
    if not attendees:
        raise WorkingGroupError("Cochez au moins une personne présente à la réunion.")
    with transaction.atomic():
        meeting.minutes = minutes
        meeting.minutes_html = render_markup(minutes)
        meeting.status = MeetingStatus.HELD
        meeting.held_at = meeting.held_at or timezone.now()
        meeting.save(update_fields=["minutes", "minutes_html", "status", "held_at"])
        meeting.attendees.set(attendees)
    return meeting


# --- Decisions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionDraft:
    title: str
    text: str
    status: str = DecisionStatus.ADOPTED
    contribution_ids: tuple[int, ...] = ()
    topic_ids: tuple[int, ...] = ()


def _check_links(meeting: Meeting, draft: DecisionDraft) -> tuple[list[Contribution], list[Topic]]:
    """The contributions and topics a decision may point to: published ones of the meeting's theme."""
    wanted = list(dict.fromkeys(draft.contribution_ids))
    if len(wanted) > MAX_LINKED_CONTRIBUTIONS:
        raise WorkingGroupError(f"Une décision renvoie à {MAX_LINKED_CONTRIBUTIONS} contributions au plus.")
    contributions = list(
        # A decision is public: it may point only to what everyone may read.
        Contribution.objects.readable_by_everyone().filter(pk__in=wanted, theme=meeting.theme)
    )
    missing = sorted(set(wanted) - {contribution.pk for contribution in contributions})
    if missing:
        numbers = ", ".join(f"n° {pk}" for pk in missing)
        raise WorkingGroupError(
            f"Contribution introuvable parmi les contributions publiées du thème {meeting.theme.number} : {numbers}."
        )
    wanted_topics = list(dict.fromkeys(draft.topic_ids))
    topics = list(Topic.objects.filter(pk__in=wanted_topics, run__theme=meeting.theme))
    if len(topics) != len(wanted_topics):
        raise WorkingGroupError(f"Choisissez des sujets de la synthèse du thème {meeting.theme.number}.")
    return contributions, topics


def _check_decision(meeting: Meeting, draft: DecisionDraft) -> tuple[str, str]:
    if not meeting.is_held:
        raise WorkingGroupError("Une décision se prend en réunion : enregistrez d'abord le compte rendu.")
    if draft.status not in DecisionStatus.values:
        raise WorkingGroupError("Choisissez l'état de la décision : adoptée, à étudier ou écartée.")
    return (
        _text(draft.title, "L'intitulé", TEXT_MAX_LENGTH),
        _text(draft.text, "Le texte de la décision", DECISION_TEXT_MAX_LENGTH),
    )


def record_decision(actor: User, meeting: Meeting, draft: DecisionDraft) -> Decision:
    """An organiser records a decision of a held meeting, with the contributions and topics behind it.

    Numbers follow each other within the meeting. The recording is written to the decisions' log.
    """
    title, text = _check_decision(meeting, draft)
    contributions, topics = _check_links(meeting, draft)
    with transaction.atomic():
        # Lock the meeting row so that two organisers recording at once do not take the same number.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).get()
        last = meeting.decisions.order_by("-number").values_list("number", flat=True).first() or 0
        decision = Decision.objects.create(
            meeting=meeting,
            number=last + 1,
            title=title,
            text=text,
            text_html=render_markup(text),
            status=draft.status,
        )
        decision.contributions.set(contributions)
        decision.topics.set(topics)
        DecisionLog.objects.create(
            decision=decision,
            actor=actor,
            action=DecisionAction.RECORD,
            changes={
                "title": title,
                "status": draft.status,
                "contributions": sorted(c.pk for c in contributions),
                "topics": sorted(t.pk for t in topics),
            },
        )
    return decision


def _link_changes(before: set[int], after: set[int]) -> dict[str, list[int]] | None:
    if before == after:
        return None
    return {"added": sorted(after - before), "removed": sorted(before - after)}


def update_decision(actor: User, decision: Decision, draft: DecisionDraft) -> Decision:
    """An organiser corrects a decision: text, links, or status (along `DECISION_TRANSITIONS`).

    Every change is written to the decisions' log with the old and new values. Nothing changed, nothing logged.
    """
    meeting = decision.meeting
    title, text = _check_decision(meeting, draft)
    if draft.status != decision.status and draft.status not in DECISION_TRANSITIONS[decision.status]:
        raise WorkingGroupError(
            f"Une décision « {decision.get_status_display().lower()} » ne peut pas devenir "
            f"« {DecisionStatus(draft.status).label.lower()} »."
        )
    contributions, topics = _check_links(meeting, draft)
    with transaction.atomic():
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        changes: dict = {}
        for field, value in (("title", title), ("text", text), ("status", draft.status)):
            if getattr(decision, field) != value:
                changes[field] = [getattr(decision, field), value]
                setattr(decision, field, value)
        for name, rows in (("contributions", contributions), ("topics", topics)):
            before = set(getattr(decision, name).values_list("pk", flat=True))
            moved = _link_changes(before, {row.pk for row in rows})
            if moved:
                changes[name] = moved
                getattr(decision, name).set(rows)
        if not changes:
            return decision
        decision.text_html = render_markup(decision.text)
        decision.updated_at = timezone.now()
        decision.save()
        only_status = set(changes) == {"status"}
        DecisionLog.objects.create(
            decision=decision,
            actor=actor,
            action=DecisionAction.STATUS if only_status else DecisionAction.EDIT,
            changes=changes,
        )
    return decision


# --- Dossiers ----------------------------------------------------------------------------------------------


def _queue_dossier(actor: User | None, meeting: Meeting) -> Dossier:
    """Store a queued dossier of `meeting` built from its published synthesis. Caller is inside transaction.atomic()."""
    run = reports.published_run(meeting.theme)
    if run is None:
        raise WorkingGroupError(
            f"Le thème {meeting.theme.number} n'a pas de synthèse publiée : publiez-la avant de générer le dossier."
        )
    runner.retire_dead(Dossier.objects.select_for_update().filter(meeting=meeting).active())
    if Dossier.objects.filter(meeting=meeting).active().exists():
        raise WorkingGroupError("Un dossier est déjà en cours de génération : attendez qu'il soit prêt.")
    try:
        with transaction.atomic():
            return Dossier.objects.create(meeting=meeting, run=run, requested_by=actor)
    except IntegrityError as error:
        raise WorkingGroupError("Un dossier est déjà en cours de génération : attendez qu'il soit prêt.") from error


def request_dossier(actor: User, meeting: Meeting) -> Dossier:
    """An organiser asks for the meeting's dossier; it is generated in the background from the published synthesis.

    One generation at a time per meeting. A generation whose process died never blocks a new one.
    """
    with transaction.atomic():
        dossier = _queue_dossier(actor, meeting)
        queue.start(dossier)
    return dossier


def build_dossier_now(actor: User | None, meeting: Meeting) -> Dossier:
    """Generate the meeting's dossier in the calling thread (demo data, command line), not in the background."""
    with transaction.atomic():
        dossier = _queue_dossier(actor, meeting)
    return generate_dossier(dossier.pk) or dossier


def generate_dossier(dossier_id: int) -> Dossier | None:
    """Generate the queued dossier `dossier_id` in this process (what a worker does). None if it was not queued."""
    return runner.run_job(Dossier, dossier_id)


def build_dossier_files(dossier: Dossier, progress: runner.Progress) -> None:
    """The job's work: build both files of the dossier. The Markdown is written first; then the PDF. When
    WeasyPrint cannot run (system libraries missing), the dossier is kept « prêt sans PDF » with the reason."""
    progress(DossierStage.COLLECT, 0.0)
    run = dossier.run
    if run is None:
        raise runner.JobFailed("La synthèse de ce dossier a été supprimée : générez-en un nouveau.")
    meeting = Meeting.objects.select_related("theme__consultation").get(pk=dossier.meeting_id)
    try:
        content = dossier_rendering.collect(meeting, run)
    except dossier_rendering.DossierError as error:
        raise runner.JobFailed(str(error)) from error
    progress(DossierStage.MARKDOWN, 0.4)
    stem = dossier_rendering.file_stem(meeting, dossier.pk)
    dossier.markdown.save(
        f"{stem}.md", ContentFile(dossier_rendering.render_markdown(content).encode("utf-8")), save=False
    )
    progress(DossierStage.PDF, 0.5)
    try:
        pdf, pages = dossier_rendering.render_pdf(content)
    except dossier_rendering.PdfUnavailable as error:
        runner.finish(
            dossier, DossierStatus.PARTIAL, stage=DossierStage.DONE, markdown=dossier.markdown.name, error=str(error)
        )
        return
    dossier.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    runner.finish(
        dossier,
        stage=DossierStage.DONE,
        markdown=dossier.markdown.name,
        pdf=dossier.pdf.name,
        pdf_pages=pages,
    )
