"""Every write of the forum goes through these functions: views and the API never save a model themselves.

Each function checks, then acts inside one transaction. Counters shown on lists (supports, comments,
a theme's published contributions) are updated in that same transaction with F() expressions, so
concurrent writes never lose an increment. Failures raise `ForumError` with a French message that says
what to do; callers show it as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

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
    ThemePhase,
)
from .markup import render_markup
from .models import Comment, Contribution, Support, Theme, ThemeFollow
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
    check_characters(text, label)
    if len(text) < min_length:
        if min_length == 1:
            raise ForumError(f"{label} est vide : écrivez quelques mots.")
        raise ForumError(f"{label} est trop court : écrivez au moins {min_length} caractères.")
    if len(text) > max_length:
        raise ForumError(f"{label} est trop long : {len(text)} caractères pour {max_length} au plus. Raccourcissez-le.")
    return text


def check_characters(value: str, label: str) -> None:
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


# --- Lifecycle ------------------------------------------------------------------------------------------

# The only status changes a contribution may go through. Moderation, withdrawal and pre-moderation all
# pass through `check_transition`, so a refused move is refused the same way everywhere.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    # An author may take back a contribution that waits for moderation; a hidden one stays as moderation left it.
    ContributionStatus.PENDING: frozenset(
        {ContributionStatus.PUBLISHED, ContributionStatus.HIDDEN, ContributionStatus.WITHDRAWN}
    ),
    ContributionStatus.PUBLISHED: frozenset({ContributionStatus.HIDDEN, ContributionStatus.WITHDRAWN}),
    ContributionStatus.HIDDEN: frozenset({ContributionStatus.PUBLISHED}),
    ContributionStatus.WITHDRAWN: frozenset(),
}
COMMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    CommentStatus.PUBLISHED: frozenset({CommentStatus.HIDDEN}),
    CommentStatus.HIDDEN: frozenset({CommentStatus.PUBLISHED}),
}


def check_transition(current: str, target: str, table: dict[str, frozenset[str]] = ALLOWED_TRANSITIONS) -> None:
    if target in table.get(current, frozenset()):
        return
    labels = dict(ContributionStatus.choices) | dict(CommentStatus.choices)
    if current == target:
        raise ForumError(f"Rien à faire : l'élément est déjà dans l'état « {labels[current]} ».")
    raise ForumError(
        f"Impossible de passer de l'état « {labels.get(current, current)} » à l'état « {labels.get(target, target)} »."
    )


# --- Contributions ------------------------------------------------------------------------------------


def initial_status(theme: Theme) -> str:
    return ContributionStatus.PENDING if theme.consultation.pre_moderation else ContributionStatus.PUBLISHED


def _create_contribution(theme: Theme, draft: ContributionDraft, **fields) -> Contribution:
    """Store a checked draft. Caller is inside transaction.atomic() and has checked the theme is open."""
    status = fields.pop("status", None) or initial_status(theme)
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
        if locked.status == ContributionStatus.HIDDEN:
            raise ForumError(
                "Cette contribution a été masquée par la modération : elle ne peut plus être retirée. Écrivez à "
                "l'équipe de modération si vous voulez qu'elle disparaisse."
            )
        check_transition(locked.status, ContributionStatus.WITHDRAWN)
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
