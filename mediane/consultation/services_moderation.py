"""Every write of the forum's moderation: reports by participants, and the moderators' decisions on contributions
and comments (hide, restore, approve, reject, dismiss reports), each written to the moderation log.

Each function checks, then acts inside one transaction on the locked row, and raises `ForumError` with a French
message. Status changes go through the forum's one transition table (`services.check_transition`).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mediane.accounts.models import User
from mediane.french import count_phrase

from .enums import CommentStatus, ContributionStatus, ModerationAction, ModerationReason
from .models import Comment, Contribution, ModerationLog, Report, Theme
from .services import COMMENT_TRANSITIONS, ForumError, check_characters, check_text, check_transition

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


def _check_reason(reason: str) -> str:
    if reason not in CHOSEN_REASONS:
        raise ForumError("Choisissez un motif dans la liste.")
    return reason


def _check_optional(value: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    check_characters(text, label)
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
                note=f"{count_phrase(open_reports, 'signalement')} en cours (seuil : {threshold}).",
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
                note=f"{count_phrase(open_reports, 'signalement')} en cours (seuil : {threshold}).",
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
