"""Every write of the forum goes through these functions: views and the API never save a model themselves.

Each function checks, then acts inside one transaction. Counters shown on lists (supports, comments,
a theme's published contributions) are updated in that same transaction with F() expressions, so
concurrent writes never lose an increment. Failures raise `ForumError` with a French message that says
what to do; callers show it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from mediane import bulk
from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.models import User
from mediane.accounts.territories import InvalidPostalCode, departement_from_postal_code
from mediane.text import control_character_message

from .enums import (
    AssistedChannel,
    CommentStatus,
    ContributionKind,
    ContributionSource,
    ContributionStatus,
    ModerationAction,
    ModerationReason,
    ThemePhase,
)
from .imports import (
    DecidimRow,
    ParseResult,
    TextLimits,
    WorkshopRow,
    parse_decidim_proposals,
    parse_workshop_sheet,
    workshop_sheet_template,
)
from .markup import render_markup
from .models import Comment, Contribution, ImportRecord, ModerationLog, Report, Support, Theme, ThemeFollow
from .search import search_document

TITLE_MIN_LENGTH = 3
TITLE_MAX_LENGTH = 150
BODY_MIN_LENGTH = 10
BODY_MAX_LENGTH = 5000
COMMENT_MIN_LENGTH = 2
COMMENT_MAX_LENGTH = 2000


class ForumError(Exception):
    """A write was refused. The message is French and tells the person what to do."""


@dataclass(frozen=True)
class ContributionDraft:
    """What a person writes: validated by `check_draft` before anything is stored."""

    kind: str
    title: str
    body: str


@dataclass(frozen=True)
class AssistedPerson:
    """The person a mediator speaks for: no account, no name, only what the statistics need."""

    category: str
    postal_code: str
    consent: bool
    channel: str = AssistedChannel.LIBRARY_DESK


# --- Checks -------------------------------------------------------------------------------------------


def check_theme_open(theme: Theme) -> None:
    phase = theme.phase
    if phase == ThemePhase.UPCOMING:
        raise ForumError(f"Ce thème n'est pas encore ouvert : il ouvrira le {theme.opens_at:%d/%m/%Y}.")
    if phase != ThemePhase.OPEN:
        raise ForumError("Ce thème est clos : il n'est plus possible d'y écrire.")


def check_text(value: str, label: str, max_length: int, min_length: int = 1) -> str:
    """The text stripped, or ForumError: empty, too short, too long, or holding a control character."""
    text = (value or "").strip()
    _check_characters(text, label)
    if len(text) < min_length:
        if min_length == 1:
            raise ForumError(f"{label} est vide : écrivez quelques mots.")
        raise ForumError(f"{label} est trop court : écrivez au moins {min_length} caractères.")
    if len(text) > max_length:
        raise ForumError(f"{label} est trop long : {len(text)} caractères pour {max_length} au plus. Raccourcissez-le.")
    return text


def _check_characters(value: str, label: str) -> None:
    message = control_character_message(value, label)
    if message is not None:
        raise ForumError(message)


def check_draft(draft: ContributionDraft) -> ContributionDraft:
    if draft.kind not in ContributionKind.values:
        raise ForumError("Choisissez le type de contribution : retour d'expérience, point de vigilance ou proposition.")
    return ContributionDraft(
        kind=draft.kind,
        title=check_text(draft.title, "Le titre", TITLE_MAX_LENGTH, min_length=TITLE_MIN_LENGTH),
        body=check_text(draft.body, "Le texte", BODY_MAX_LENGTH, min_length=BODY_MIN_LENGTH),
    )


def departement_of(postal_code: str) -> str:
    if not postal_code:
        return ""
    try:
        return departement_from_postal_code(postal_code)
    except InvalidPostalCode as exc:
        raise ForumError(str(exc)) from exc


# --- Contributions ------------------------------------------------------------------------------------


def _initial_status(theme: Theme) -> str:
    return ContributionStatus.PENDING if theme.consultation.pre_moderation else ContributionStatus.PUBLISHED


def _create_contribution(theme: Theme, draft: ContributionDraft, **fields) -> Contribution:
    """Store a checked draft. Caller is inside transaction.atomic() and has checked the theme is open."""
    status = fields.pop("status", None) or _initial_status(theme)
    now = timezone.now()
    contribution = Contribution.objects.create(
        theme=theme,
        kind=draft.kind,
        title=draft.title,
        body=draft.body,
        body_html=render_markup(draft.body),
        search_text=search_document(draft.title, draft.body),
        status=status,
        published_at=now if status == ContributionStatus.PUBLISHED else None,
        created_at=fields.pop("created_at", now),
        **fields,
    )
    if status == ContributionStatus.PUBLISHED:
        Theme.objects.filter(pk=theme.pk).update(published_count=F("published_count") + 1)
    return contribution


def publish_contribution(author: User, theme: Theme, draft: ContributionDraft) -> Contribution:
    """A signed-in person posts a contribution to an open theme, after accepting the charter.

    Under pre-moderation the contribution waits for a moderator; otherwise it is published at once.
    """
    if not author.is_authenticated:
        raise ForumError("Connectez-vous pour contribuer.")
    if not author.has_accepted_charter:
        raise ForumError("Acceptez la charte de participation avant votre première contribution.")
    check_theme_open(theme)
    draft = check_draft(draft)
    with transaction.atomic():
        return _create_contribution(
            theme,
            draft,
            author=author,
            author_name=author.display_name,
            author_category=author.category,
            author_departement=author.departement,
        )


def record_assisted_contribution(
    mediator: User, theme: Theme, draft: ContributionDraft, person: AssistedPerson
) -> Contribution:
    """A mediator records what a person said at a library desk or a workshop. No account is created.

    The person's consent is required; only their category and territory are kept.
    """
    check_theme_open(theme)
    if not person.consent:
        raise ForumError("La personne doit avoir donné son accord pour que sa contribution soit publiée.")
    if person.category not in ParticipantCategory.values:
        raise ForumError("Choisissez la catégorie de la personne.")
    if person.channel not in AssistedChannel.values:
        raise ForumError("Choisissez où la contribution a été recueillie.")
    draft = check_draft(draft)
    departement = departement_of(person.postal_code)
    with transaction.atomic():
        return _create_contribution(
            theme,
            draft,
            author=None,
            author_name="",
            author_category=person.category,
            author_departement=departement,
            source=ContributionSource.ASSISTED,
            collected_by=mediator,
            assisted_channel=person.channel,
            consent_recorded_at=timezone.now(),
        )


def withdraw_contribution(author: User, contribution: Contribution) -> None:
    """The author takes back their contribution while the theme is open. It leaves every list and export."""
    with transaction.atomic():
        locked = Contribution.objects.select_for_update().select_related("theme").get(pk=contribution.pk)
        if locked.author_id != author.pk:
            raise ForumError("Seul·e l'auteur·rice d'une contribution peut la retirer.")
        check_theme_open(locked.theme)
        if locked.status == ContributionStatus.WITHDRAWN:
            return
        was_published = locked.status == ContributionStatus.PUBLISHED
        locked.status = ContributionStatus.WITHDRAWN
        locked.save(update_fields=["status"])
        if was_published:
            Theme.objects.filter(pk=locked.theme_id).update(published_count=F("published_count") - 1)
    contribution.status = ContributionStatus.WITHDRAWN


# --- Supports -----------------------------------------------------------------------------------------


def support_contribution(user: User, contribution: Contribution) -> bool:
    """Record `user`'s support. Returns False when they already supported it (counted once, whatever the race).

    The unique constraint decides between concurrent requests; the counter moves only for the insert that won.
    """
    check_theme_open(contribution.theme)
    if contribution.status != ContributionStatus.PUBLISHED:
        raise ForumError("Cette contribution ne peut pas être soutenue.")
    if contribution.author_id is not None and contribution.author_id == user.pk:
        raise ForumError("Vous ne pouvez pas soutenir votre propre contribution.")
    try:
        with transaction.atomic():
            Support.objects.create(contribution=contribution, user=user)
            Contribution.objects.filter(pk=contribution.pk).update(supports_count=F("supports_count") + 1)
    except IntegrityError:
        return False
    return True


def withdraw_support(user: User, contribution: Contribution) -> bool:
    """Take back `user`'s support. Returns False when there was none."""
    check_theme_open(contribution.theme)
    with transaction.atomic():
        deleted, _ = Support.objects.filter(contribution=contribution, user=user).delete()
        if deleted:
            Contribution.objects.filter(pk=contribution.pk).update(supports_count=F("supports_count") - 1)
    return bool(deleted)


# --- Comments -----------------------------------------------------------------------------------------


def add_comment(author: User, contribution: Contribution, body: str, parent: Comment | None = None) -> Comment:
    """Comment a published contribution of an open theme, or reply to a top-level comment (one level)."""
    if not author.has_accepted_charter:
        raise ForumError("Acceptez la charte de participation avant de commenter.")
    check_theme_open(contribution.theme)
    if contribution.status != ContributionStatus.PUBLISHED:
        raise ForumError("Cette contribution ne peut pas être commentée.")
    text = check_text(body, "Le commentaire", COMMENT_MAX_LENGTH, min_length=COMMENT_MIN_LENGTH)
    if parent is not None:
        if parent.contribution_id != contribution.pk:
            raise ForumError("Ce commentaire ne fait pas partie de cette contribution.")
        if parent.parent is not None:
            parent = parent.parent  # replies stay one level deep: answer the thread's first comment
        if parent.status != CommentStatus.PUBLISHED:
            raise ForumError("On ne peut pas répondre à un commentaire masqué.")
    with transaction.atomic():
        comment = Comment.objects.create(
            contribution=contribution,
            parent=parent,
            author=author,
            author_name=author.display_name,
            author_category=author.category,
            body=text,
            body_html=render_markup(text),
        )
        Contribution.objects.filter(pk=contribution.pk).update(comments_count=F("comments_count") + 1)
    return comment


# --- Themes -------------------------------------------------------------------------------------------


def set_meeting_date(theme: Theme, date: dt.date) -> None:
    """Record the date of the working-group meeting that closes `theme` (theme page, synthesis page, API).

    The working group calls this when it plans or moves the meeting, inside its own transaction, so that the two
    dates never differ. This app does not know the meeting itself: imports point the other way.
    """
    Theme.objects.filter(pk=theme.pk).update(meeting_date=date)
    theme.meeting_date = date


def set_synthesis_published(theme: Theme, moment: dt.datetime | None) -> None:
    """Record when the synthesis shown on `theme`'s page was published (None: no synthesis shown any more).

    The synthesis calls this inside its own transaction when it publishes or unpublishes a run; the theme's phase
    (« synthèse publiée ») follows from it.
    """
    Theme.objects.filter(pk=theme.pk).update(synthesis_published_at=moment)
    theme.synthesis_published_at = moment


# --- Following ----------------------------------------------------------------------------------------


def follow_theme(user: User, theme: Theme) -> bool:
    """Subscribe `user` to the e-mail digest of `theme`. Returns False when already subscribed."""
    _, created = ThemeFollow.objects.get_or_create(theme=theme, user=user)
    return created


def unfollow_theme(user: User, theme: Theme) -> bool:
    deleted, _ = ThemeFollow.objects.filter(theme=theme, user=user).delete()
    return bool(deleted)


# --- Digests ------------------------------------------------------------------------------------------

DIGEST_MAX_ITEMS = 30


@dataclass(frozen=True)
class DigestSummary:
    follows: int
    sent: int


def absolute_url(path: str) -> str:
    """`path` on the public address of this instance (`MEDIANE_BASE_URL`), for e-mails and files read elsewhere."""
    return settings.MEDIANE_BASE_URL.rstrip("/") + path


def send_digests(now=None) -> DigestSummary:
    """E-mail each follower the contributions published in their theme since their last digest.

    Idempotent: a follow's `last_digest_at` moves to `now` once its e-mail is sent (or when there was
    nothing to send), so a second run at the same moment sends nothing. A failing e-mail leaves its
    follow untouched and is retried by the next run.
    """
    now = now or timezone.now()
    follows = ThemeFollow.objects.select_related("theme", "theme__consultation", "user").filter(
        last_digest_at__lt=now, user__is_active=True
    )
    seen = sent = 0
    for follow in follows.iterator(chunk_size=500):
        seen += 1
        new = Contribution.objects.published().filter(
            theme_id=follow.theme_id, published_at__gt=follow.last_digest_at, published_at__lte=now
        )
        items = list(new.order_by("published_at", "id")[: DIGEST_MAX_ITEMS + 1])
        if items and follow.user.email:
            theme = follow.theme
            context = {
                "user": follow.user,
                "theme": theme,
                "theme_url": absolute_url(theme.get_absolute_url()),
                "items": [
                    {"contribution": item, "url": absolute_url(item.get_absolute_url())}
                    for item in items[:DIGEST_MAX_ITEMS]
                ],
                "more": len(items) > DIGEST_MAX_ITEMS,
                "site_name": settings.MEDIANE_SITE_NAME,
            }
            site = settings.MEDIANE_SITE_NAME
            subject = f"[{site}] Nouvelles contributions au thème {theme.number} : {theme.title}"
            message = EmailMultiAlternatives(
                subject=subject[:200],
                body=render_to_string("consultation/emails/theme_digest.txt", context),
                to=[follow.user.email],
            )
            html = render_to_string("consultation/emails/theme_digest.html", context)
            message.attach_alternative(html, "text/html")
            message.send()
            sent += 1
        ThemeFollow.objects.filter(pk=follow.pk).update(last_digest_at=now)
    return DigestSummary(follows=seen, sent=sent)


# --- Moderation ---------------------------------------------------------------------------------------

# The only status changes a contribution may go through. Moderation, withdrawal and pre-moderation all
# pass through `check_transition`, so a refused move is refused the same way everywhere.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    ContributionStatus.PENDING: frozenset({ContributionStatus.PUBLISHED, ContributionStatus.HIDDEN}),
    ContributionStatus.PUBLISHED: frozenset({ContributionStatus.HIDDEN, ContributionStatus.WITHDRAWN}),
    ContributionStatus.HIDDEN: frozenset({ContributionStatus.PUBLISHED}),
    ContributionStatus.WITHDRAWN: frozenset(),
}
COMMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    CommentStatus.PUBLISHED: frozenset({CommentStatus.HIDDEN}),
    CommentStatus.HIDDEN: frozenset({CommentStatus.PUBLISHED}),
}
# What a person or a moderator may pick: « en attente d'examen » is set only by the automatic hiding.
CHOSEN_REASONS: tuple[str, ...] = tuple(
    reason for reason in ModerationReason.values if reason != ModerationReason.PENDING_REVIEW
)
HIDDEN_NOTE_MAX_LENGTH = 300
REPORT_DETAILS_MAX_LENGTH = 500
LOG_NOTE_MAX_LENGTH = 500
ALREADY_REPORTED = "Vous avez déjà signalé {item} : l'équipe de modération va l'examiner."


def check_moderator(user: User) -> None:
    if not user.has_perm("consultation.moderate"):
        raise ForumError("Seule l'équipe de modération peut faire cette action.")


def check_transition(current: str, target: str, table: dict[str, frozenset[str]] = ALLOWED_TRANSITIONS) -> None:
    if target in table.get(current, frozenset()):
        return
    labels = dict(ContributionStatus.choices) | dict(CommentStatus.choices)
    if current == target:
        raise ForumError(f"Rien à faire : l'élément est déjà dans l'état « {labels[current]} ».")
    raise ForumError(
        f"Impossible de passer de l'état « {labels.get(current, current)} » à l'état « {labels.get(target, target)} »."
    )


def _check_reason(reason: str) -> str:
    if reason not in CHOSEN_REASONS:
        raise ForumError("Choisissez un motif dans la liste.")
    return reason


def _check_optional(value: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    _check_characters(text, label)
    if len(text) > max_length:
        raise ForumError(f"{label} sont trop longues : {len(text)} caractères pour {max_length} au plus.")
    return text


def _log(
    actor: User | None, action: str, *, contribution=None, comment=None, reason: str = "", note: str = "", report=None
):
    """Write one audit entry. A report's entry points at the report rather than copying the reporter's free
    text, so that the text lives in one row, which the deletion of the reporter's account erases."""
    return ModerationLog.objects.create(
        actor=actor, action=action, contribution=contribution, comment=comment, reason=reason, note=note, report=report
    )


def _resolve_reports(*, contribution: Contribution | None = None, comment: Comment | None = None) -> int:
    """Close the open reports of one item and reset its counter. Caller is inside transaction.atomic()."""
    now = timezone.now()
    if contribution is not None:
        resolved = Report.objects.filter(contribution=contribution, resolved_at__isnull=True).update(resolved_at=now)
        Contribution.objects.filter(pk=contribution.pk).update(reports_count=0)
        contribution.reports_count = 0
    else:
        resolved = Report.objects.filter(comment=comment, resolved_at__isnull=True).update(resolved_at=now)
        Comment.objects.filter(pk=comment.pk).update(reports_count=0)  # type: ignore[union-attr]
        comment.reports_count = 0  # type: ignore[union-attr]
    return resolved


def _lock_contribution(contribution: Contribution) -> Contribution:
    return (
        Contribution.objects.select_for_update().select_related("theme", "theme__consultation").get(pk=contribution.pk)
    )


def _lock_comment(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().select_related("contribution__theme__consultation").get(pk=comment.pk)


def _move_contribution(locked: Contribution, target: str, **fields) -> None:
    """Apply an allowed transition and keep the theme's published counter right. Caller holds the row lock."""
    check_transition(locked.status, target)
    was_published = locked.status == ContributionStatus.PUBLISHED
    locked.status = target
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=["status", *fields])
    is_published = target == ContributionStatus.PUBLISHED
    if was_published != is_published:
        delta = 1 if is_published else -1
        Theme.objects.filter(pk=locked.theme_id).update(published_count=F("published_count") + delta)


def _sync(original, locked) -> None:
    """Let the caller's instance see what the locked copy became."""
    for name in ("status", "hidden_reason", "hidden_note", "reports_count", "published_at"):
        if hasattr(locked, name):
            setattr(original, name, getattr(locked, name))


# Why an item may not be reported: what is not published is out of everyone's sight, and the moderation team
# already reads it (`rules.CONTRIBUTION_READERS`): a report would tell them nothing.
NOT_REPORTABLE_CONTRIBUTION: dict[str, str] = {
    ContributionStatus.PENDING: "Cette contribution attend la relecture de l'équipe de modération : "
    "elle n'est pas publiée, il n'y a rien à signaler.",
    ContributionStatus.HIDDEN: "Cette contribution est déjà masquée par l'équipe de modération : "
    "il n'y a plus rien à signaler.",
    ContributionStatus.WITHDRAWN: "Cette contribution a été retirée par son auteur·rice : "
    "elle n'est plus sur le forum, il n'y a rien à signaler.",
}
HIDDEN_COMMENT_NOT_REPORTABLE = (
    "Ce commentaire est déjà masqué par l'équipe de modération : il n'y a plus rien à signaler."
)
OFF_FORUM_COMMENT_NOT_REPORTABLE = (
    "Ce commentaire n'est plus visible sur le forum, car sa contribution n'est pas publiée : il n'y a rien à signaler."
)


def check_reportable(user: User, item: Contribution | Comment) -> None:
    """Refuse, with the reason in French, to report one's own item or an item that is not published.

    The views call it before showing the report form, and the report services again under the row lock.
    """
    if isinstance(item, Comment):
        if item.author_id is not None and item.author_id == user.pk:
            raise ForumError("Vous ne pouvez pas signaler votre propre commentaire.")
        if item.status != CommentStatus.PUBLISHED:
            raise ForumError(HIDDEN_COMMENT_NOT_REPORTABLE)
        if item.contribution.status != ContributionStatus.PUBLISHED:
            raise ForumError(OFF_FORUM_COMMENT_NOT_REPORTABLE)
        return
    if item.author_id is not None and item.author_id == user.pk:
        raise ForumError("Vous ne pouvez pas signaler votre propre contribution.")
    if item.status != ContributionStatus.PUBLISHED:
        raise ForumError(NOT_REPORTABLE_CONTRIBUTION[item.status])


def report_contribution(user: User, contribution: Contribution, reason: str, details: str = "") -> Report:
    """A person reports a published contribution to the moderators: once per person while the report is open.

    When the consultation's threshold of open reports is reached, the contribution is hidden pending review.
    """
    if not user.is_authenticated:
        raise ForumError("Connectez-vous pour signaler une contribution.")
    _check_reason(reason)
    details = _check_optional(details, "Les précisions", REPORT_DETAILS_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        check_reportable(user, locked)
        if Report.objects.filter(contribution=locked, reporter=user, resolved_at__isnull=True).exists():
            raise ForumError(ALREADY_REPORTED.format(item="cette contribution"))
        try:
            with transaction.atomic():
                report = Report.objects.create(contribution=locked, reporter=user, reason=reason, details=details)
        except IntegrityError:  # a concurrent double click: the unique constraint keeps one
            raise ForumError(ALREADY_REPORTED.format(item="cette contribution")) from None
        Contribution.objects.filter(pk=locked.pk).update(reports_count=F("reports_count") + 1)
        _log(user, ModerationAction.REPORT, contribution=locked, reason=reason, report=report)
        threshold = locked.theme.consultation.auto_hide_threshold
        open_reports = Report.objects.filter(contribution=locked, resolved_at__isnull=True).count()
        locked.reports_count = open_reports
        if threshold and open_reports >= threshold:
            _move_contribution(
                locked,
                ContributionStatus.HIDDEN,
                hidden_reason=ModerationReason.PENDING_REVIEW,
                hidden_note="",
            )
            _log(
                None,
                ModerationAction.AUTO_HIDE,
                contribution=locked,
                reason=ModerationReason.PENDING_REVIEW,
                note=f"{open_reports} signalements en cours (seuil : {threshold}).",
            )
    _sync(contribution, locked)
    return report


def report_comment(user: User, comment: Comment, reason: str, details: str = "") -> Report:
    """A person reports a published comment; same rules as `report_contribution`."""
    if not user.is_authenticated:
        raise ForumError("Connectez-vous pour signaler un commentaire.")
    _check_reason(reason)
    details = _check_optional(details, "Les précisions", REPORT_DETAILS_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_comment(comment)
        check_reportable(user, locked)
        if Report.objects.filter(comment=locked, reporter=user, resolved_at__isnull=True).exists():
            raise ForumError(ALREADY_REPORTED.format(item="ce commentaire"))
        try:
            with transaction.atomic():
                report = Report.objects.create(comment=locked, reporter=user, reason=reason, details=details)
        except IntegrityError:
            raise ForumError(ALREADY_REPORTED.format(item="ce commentaire")) from None
        Comment.objects.filter(pk=locked.pk).update(reports_count=F("reports_count") + 1)
        _log(user, ModerationAction.REPORT, comment=locked, reason=reason, report=report)
        threshold = locked.contribution.theme.consultation.auto_hide_threshold
        open_reports = Report.objects.filter(comment=locked, resolved_at__isnull=True).count()
        locked.reports_count = open_reports
        if threshold and open_reports >= threshold:
            check_transition(locked.status, CommentStatus.HIDDEN, COMMENT_TRANSITIONS)
            locked.status = CommentStatus.HIDDEN
            locked.hidden_reason = ModerationReason.PENDING_REVIEW
            locked.hidden_note = ""
            locked.save(update_fields=["status", "hidden_reason", "hidden_note"])
            _log(
                None,
                ModerationAction.AUTO_HIDE,
                comment=locked,
                reason=ModerationReason.PENDING_REVIEW,
                note=f"{open_reports} signalements en cours (seuil : {threshold}).",
            )
    _sync(comment, locked)
    return report


def hide_contribution(moderator: User, contribution: Contribution, reason: str, note: str = "") -> None:
    """Hide a contribution with a reason, whose category the public placeholder shows. Its reports are closed.

    Also confirms the hiding of a contribution hidden automatically pending review.
    """
    check_moderator(moderator)
    _check_reason(reason)
    note = _check_optional(note, "Les précisions", HIDDEN_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        pending_review = (
            locked.status == ContributionStatus.HIDDEN and locked.hidden_reason == ModerationReason.PENDING_REVIEW
        )
        if pending_review:
            locked.hidden_reason, locked.hidden_note = reason, note
            locked.save(update_fields=["hidden_reason", "hidden_note"])
        else:
            _move_contribution(locked, ContributionStatus.HIDDEN, hidden_reason=reason, hidden_note=note)
        _resolve_reports(contribution=locked)
        _log(moderator, ModerationAction.HIDE, contribution=locked, reason=reason, note=note)
    _sync(contribution, locked)


def restore_contribution(moderator: User, contribution: Contribution, note: str) -> None:
    """Publish a hidden contribution again. The note saying why is required: it goes to the audit log."""
    check_moderator(moderator)
    note = check_text(note, "Le motif du rétablissement", LOG_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        if locked.status != ContributionStatus.HIDDEN:
            raise ForumError("Seule une contribution masquée peut être rétablie.")
        previous_reason = locked.hidden_reason
        _move_contribution(
            locked,
            ContributionStatus.PUBLISHED,
            hidden_reason="",
            hidden_note="",
            published_at=locked.published_at or timezone.now(),
        )
        _resolve_reports(contribution=locked)
        _log(moderator, ModerationAction.RESTORE, contribution=locked, reason=previous_reason, note=note)
    _sync(contribution, locked)


def approve_contribution(moderator: User, contribution: Contribution, note: str = "") -> None:
    """Pre-moderation: publish a contribution that was waiting for a moderator."""
    check_moderator(moderator)
    note = _check_optional(note, "Les précisions", LOG_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        if locked.status != ContributionStatus.PENDING:
            raise ForumError("Cette contribution n'attend pas de validation.")
        _move_contribution(locked, ContributionStatus.PUBLISHED, published_at=timezone.now())
        _log(moderator, ModerationAction.APPROVE, contribution=locked, note=note)
    _sync(contribution, locked)


def reject_contribution(moderator: User, contribution: Contribution, reason: str, note: str = "") -> None:
    """Pre-moderation: refuse a waiting contribution. It stays hidden with its reason, like any hidden one."""
    check_moderator(moderator)
    _check_reason(reason)
    note = _check_optional(note, "Les précisions", HIDDEN_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        if locked.status != ContributionStatus.PENDING:
            raise ForumError("Cette contribution n'attend pas de validation.")
        _move_contribution(locked, ContributionStatus.HIDDEN, hidden_reason=reason, hidden_note=note)
        _log(moderator, ModerationAction.REJECT, contribution=locked, reason=reason, note=note)
    _sync(contribution, locked)


def dismiss_reports(moderator: User, contribution: Contribution, note: str = "") -> int:
    """Close the open reports of a contribution that stays published. Returns how many were closed."""
    check_moderator(moderator)
    note = _check_optional(note, "Les précisions", LOG_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_contribution(contribution)
        if locked.status == ContributionStatus.HIDDEN and locked.hidden_reason == ModerationReason.PENDING_REVIEW:
            raise ForumError(
                "Cette contribution est masquée en attendant votre examen : rétablissez-la ou confirmez son masquage."
            )
        resolved = _resolve_reports(contribution=locked)
        if not resolved:
            raise ForumError("Il n'y a aucun signalement en cours sur cette contribution.")
        _log(moderator, ModerationAction.DISMISS, contribution=locked, note=note)
    _sync(contribution, locked)
    return resolved


def hide_comment(moderator: User, comment: Comment, reason: str, note: str = "") -> None:
    """Hide a comment with a reason; its reports are resolved. Confirms an automatic hiding too."""
    check_moderator(moderator)
    _check_reason(reason)
    note = _check_optional(note, "Les précisions", HIDDEN_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_comment(comment)
        if not (locked.status == CommentStatus.HIDDEN and locked.hidden_reason == ModerationReason.PENDING_REVIEW):
            check_transition(locked.status, CommentStatus.HIDDEN, COMMENT_TRANSITIONS)
        locked.status, locked.hidden_reason, locked.hidden_note = CommentStatus.HIDDEN, reason, note
        locked.save(update_fields=["status", "hidden_reason", "hidden_note"])
        _resolve_reports(comment=locked)
        _log(moderator, ModerationAction.HIDE, comment=locked, reason=reason, note=note)
    _sync(comment, locked)


def restore_comment(moderator: User, comment: Comment, note: str) -> None:
    """Publish again a hidden comment; the note saying why is required."""
    check_moderator(moderator)
    note = check_text(note, "Le motif du rétablissement", LOG_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_comment(comment)
        check_transition(locked.status, CommentStatus.PUBLISHED, COMMENT_TRANSITIONS)
        previous_reason = locked.hidden_reason
        locked.status, locked.hidden_reason, locked.hidden_note = CommentStatus.PUBLISHED, "", ""
        locked.save(update_fields=["status", "hidden_reason", "hidden_note"])
        _resolve_reports(comment=locked)
        _log(moderator, ModerationAction.RESTORE, comment=locked, reason=previous_reason, note=note)
    _sync(comment, locked)


def dismiss_comment_reports(moderator: User, comment: Comment, note: str = "") -> int:
    """Close the open reports of a comment that stays published."""
    check_moderator(moderator)
    note = _check_optional(note, "Les précisions", LOG_NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_comment(comment)
        if locked.status == CommentStatus.HIDDEN and locked.hidden_reason == ModerationReason.PENDING_REVIEW:
            raise ForumError(
                "Ce commentaire est masqué en attendant votre examen : rétablissez-le ou confirmez son masquage."
            )
        resolved = _resolve_reports(comment=locked)
        if not resolved:
            raise ForumError("Il n'y a aucun signalement en cours sur ce commentaire.")
        _log(moderator, ModerationAction.DISMISS, comment=locked, note=note)
    _sync(comment, locked)
    return resolved


# --- Imports ------------------------------------------------------------------------------------------

# The bounds of `check_draft`, so that a file line is accepted exactly when the form would accept it.
IMPORT_LIMITS = TextLimits(
    title_min=TITLE_MIN_LENGTH, title_max=TITLE_MAX_LENGTH, body_min=BODY_MIN_LENGTH, body_max=BODY_MAX_LENGTH
)
DECIDIM_CHUNK = 500


def read_workshop_sheet(data: bytes) -> ParseResult[WorkshopRow]:
    return parse_workshop_sheet(
        data, kinds=ContributionKind.choices, categories=ParticipantCategory.choices, limits=IMPORT_LIMITS
    )


def read_decidim_export(data: bytes) -> ParseResult[DecidimRow]:
    return parse_decidim_proposals(data, limits=IMPORT_LIMITS)


def workshop_sheet_model() -> str:
    return workshop_sheet_template(ContributionKind.PROPOSAL.label, ParticipantCategory.USER.label)


# Every column of a contribution, as the bulk writes of the imports send them (`mediane.bulk`).
IMPORTED_FIELDS = tuple(field.name for field in Contribution._meta.concrete_fields if not field.primary_key)


def _imported_row(contribution: Contribution) -> bulk.Row:
    return bulk.db_values(
        Contribution, IMPORTED_FIELDS, {name: getattr(contribution, name) for name in IMPORTED_FIELDS}
    )


def import_workshop_sheet(importer: User, theme: Theme, rows: Sequence[WorkshopRow], file_name: str) -> ImportRecord:
    """Record every line of a workshop sheet as a contribution collected by `importer`, all or nothing.

    Preconditions: `rows` come from `read_workshop_sheet` without errors, and the theme is open. Each person
    on the sheet gave their consent (the « consentement » column); no account is created for them. Every line is
    checked and prepared first; one short transaction then writes them all.
    """
    check_theme_open(theme)
    if not rows:
        raise ForumError("Le fichier ne contient aucune contribution.")
    now = timezone.now()
    status = _initial_status(theme)
    prepared = []
    for row in rows:
        try:
            draft = check_draft(ContributionDraft(kind=row.kind, title=row.title, body=row.body))
        except ForumError as exc:
            raise ForumError(f"Ligne {row.line} : {exc}") from exc
        contribution = Contribution(
            theme=theme,
            kind=draft.kind,
            title=draft.title,
            body=draft.body,
            body_html=render_markup(draft.body),
            search_text=search_document(draft.title, draft.body),
            status=status,
            published_at=now if status == ContributionStatus.PUBLISHED else None,
            created_at=now,
            author=None,
            author_name="",
            author_category=row.category,
            author_departement=row.departement,
            source=ContributionSource.WORKSHOP_SHEET,
            collected_by=importer,
            assisted_channel=AssistedChannel.WORKSHOP,
            consent_recorded_at=now,
        )
        prepared.append(_imported_row(contribution))
    with transaction.atomic():
        bulk.insert(Contribution, IMPORTED_FIELDS, prepared)
        if status == ContributionStatus.PUBLISHED:
            Theme.objects.filter(pk=theme.pk).update(published_count=F("published_count") + len(prepared))
        return ImportRecord.objects.create(
            theme=theme,
            imported_by=importer,
            source=ContributionSource.WORKSHOP_SHEET,
            file_name=file_name[:255],
            rows=len(rows),
        )


@dataclass(frozen=True)
class DecidimImportSummary:
    created: int
    updated: int
    unchanged: int
    record: ImportRecord | None


@dataclass
class _DecidimPlan:
    """What a Decidim import writes, worked out outside the write transaction."""

    known: dict[str, int]  # the Decidim ids already imported into the theme, with their contribution's pk
    new: list[bulk.Row]
    changed: list[bulk.Row]
    unchanged: int


DECIDIM_UPDATED = ("title", "body", "supports_count", "created_at", "external_url", "body_html", "search_text")


def _decidim_known(theme: Theme, external_ids: Sequence[str]) -> dict[str, Contribution]:
    known: dict[str, Contribution] = {}
    for start in range(0, len(external_ids), DECIDIM_CHUNK):
        for contribution in Contribution.objects.filter(
            theme=theme, source=ContributionSource.DECIDIM, external_id__in=external_ids[start : start + DECIDIM_CHUNK]
        ).only("pk", "external_id", *DECIDIM_UPDATED[:5]):
            known[contribution.external_id] = contribution
    return known


def _plan_decidim(
    theme: Theme, rows: Sequence[DecidimRow], progress: Callable[[int, int], None] | None
) -> _DecidimPlan:
    existing = _decidim_known(theme, [row.external_id for row in rows])
    plan = _DecidimPlan(known={key: c.pk for key, c in existing.items()}, new=[], changed=[], unchanged=0)
    for done, row in enumerate(rows, start=1):
        values = {
            "title": row.title,
            "body": row.body,
            "supports_count": row.votes,
            "created_at": row.created_at,
            "external_url": row.url,
        }
        current = existing.get(row.external_id)
        if current is None:
            contribution = Contribution(
                theme=theme,
                kind=ContributionKind.PROPOSAL,
                body_html=render_markup(row.body),
                search_text=search_document(row.title, row.body),
                status=ContributionStatus.PUBLISHED,
                published_at=row.created_at,
                source=ContributionSource.DECIDIM,
                external_id=row.external_id,
                **values,
            )
            plan.new.append(_imported_row(contribution))
        elif any(getattr(current, name) != value for name, value in values.items()):
            values["body_html"] = render_markup(row.body)
            values["search_text"] = search_document(row.title, row.body)
            plan.changed.append((*bulk.db_values(Contribution, DECIDIM_UPDATED, values), current.pk))
        else:
            plan.unchanged += 1
        if progress is not None and (done % DECIDIM_CHUNK == 0 or done == len(rows)):
            progress(done, len(rows))
    return plan


def import_decidim_proposals(
    theme: Theme,
    rows: Sequence[DecidimRow],
    file_name: str,
    *,
    imported_by: User | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DecidimImportSummary:
    """Bring the proposals of a Decidim export into `theme`, keyed by (theme, Decidim, id): re-import updates.

    Preconditions: `rows` come from `read_decidim_export` without errors; the caller checked that the person
    may import (`consultation.import_decidim`, organisers only). The theme need not be open: the proposals
    were written while the original consultation was open, and bringing that history in is the point.
    New proposals are published at once, without pre-moderation: they were already public on Decidim and an
    organiser chose to import them. Decidim votes become `supports_count` only, with no local Support rows:
    the voters have no account here, so these supports cannot be taken back or counted per person.
    Everything is checked and prepared first; one short transaction then writes it all (nothing, with
    `dry_run`). If another import of the same theme wrote in between, the work is planned again once.
    """
    external_ids = [row.external_id for row in rows]
    for attempt in range(2):
        plan = _plan_decidim(theme, rows, progress)
        if dry_run:
            return DecidimImportSummary(len(plan.new), len(plan.changed), plan.unchanged, record=None)
        with transaction.atomic():
            Theme.objects.select_for_update().filter(pk=theme.pk).first()
            now_known = {key: c.pk for key, c in _decidim_known(theme, external_ids).items()}
            if now_known != plan.known:
                if attempt == 0:
                    continue
                raise ForumError(
                    "Un autre import Decidim de ce thème s'est fait en même temps. Rien n'a été enregistré : "
                    "relancez l'import."
                )
            bulk.insert(Contribution, IMPORTED_FIELDS, plan.new)
            bulk.update(Contribution, DECIDIM_UPDATED, plan.changed)
            if plan.new:
                Theme.objects.filter(pk=theme.pk).update(published_count=F("published_count") + len(plan.new))
            record = ImportRecord.objects.create(
                theme=theme,
                imported_by=imported_by,
                source=ContributionSource.DECIDIM,
                file_name=file_name[:255],
                rows=len(rows),
            )
        return DecidimImportSummary(len(plan.new), len(plan.changed), plan.unchanged, record=record)
    raise AssertionError("unreachable")  # pragma: no cover
