"""Who may do what in the forum, and in which phase. Every permission of the forum is defined here.

Object permissions take a Theme (writing, importing) or a Contribution/Comment (reading, supporting,
commenting, withdrawing, reporting). Phases come from `Theme.phase`; nothing else decides them.

Who may read a contribution or a comment is decided by one table per kind of item (`CONTRIBUTION_READERS`,
`COMMENT_READERS`). The QuerySets (`Contribution.objects.readable_by(user)`, `Comment.objects.readable_by(user)`)
turn it into SQL through `readable_condition`, and the `consultation.read` permission evaluates it on an object
through `can_read`: the same table for both, so a list and a page can never disagree.
"""

import enum

import rules
from django.db.models import Q

from mediane.accounts.rules import is_mediator, is_moderator, is_organiser

from .enums import CommentStatus, ContributionStatus, ThemePhase


class Reader(enum.Flag):
    """Who may read an item's content: its title, its text and its author's name."""

    EVERYONE = enum.auto()
    # The person who wrote it: its author, or the mediator who collected it for someone without an account.
    AUTHOR = enum.auto()
    # Moderators and organisers, and superusers (they hold every permission): `consultation.moderate`.
    MODERATION_TEAM = enum.auto()


# Each state, and who reads the content in it. Everyone else gets a 404, except for the states listed in
# the PLACEHOLDER sets: there, everyone sees that the item exists and why it was hidden, never its content.
CONTRIBUTION_READERS: dict[str, Reader] = {
    ContributionStatus.PUBLISHED: Reader.EVERYONE,
    # Waiting for pre-moderation: the author can check what they sent; the team has to read it to decide.
    ContributionStatus.PENDING: Reader.AUTHOR | Reader.MODERATION_TEAM,
    # Hidden by moderation: the author may see what was hidden and why; the team reviews it.
    ContributionStatus.HIDDEN: Reader.AUTHOR | Reader.MODERATION_TEAM,
    # Taken back by its author: it leaves the forum, and only the moderation team keeps sight of it (audit).
    ContributionStatus.WITHDRAWN: Reader.MODERATION_TEAM,
}
COMMENT_READERS: dict[str, Reader] = {
    CommentStatus.PUBLISHED: Reader.EVERYONE,
    CommentStatus.HIDDEN: Reader.AUTHOR | Reader.MODERATION_TEAM,
}
# Shown to everyone as « masquée par la modération : <reason> » where it stood (theme page, its own page).
CONTRIBUTION_PLACEHOLDER = frozenset({ContributionStatus.HIDDEN})
COMMENT_PLACEHOLDER = frozenset({CommentStatus.HIDDEN})
# Who wrote an item, as the fields that hold them: a contribution's author or collecting mediator.
CONTRIBUTION_WRITERS = ("author", "collected_by")
COMMENT_WRITERS = ("author",)


def readers_among(user) -> Reader:
    """What `user` counts as, before looking at any item (the author part is checked item by item)."""
    kinds = Reader.EVERYONE
    if user.is_authenticated:
        kinds |= Reader.AUTHOR
        if _moderates(user):
            kinds |= Reader.MODERATION_TEAM
    return kinds


def _moderates(user) -> bool:
    """Whom `consultation.moderate` is granted to, read without the two model-permission queries that
    `has_perm` adds on a page: active superusers hold every permission, and the roles are read once per user."""
    return (user.is_active and user.is_superuser) or is_moderation_team(user)


def _statuses(table: dict[str, Reader], kinds: Reader) -> tuple[list[str], list[str]]:
    """(states `kinds` read whoever wrote the item, states they read only when they wrote it)."""
    whatever_the_writer = [status for status, readers in table.items() if readers & kinds & ~Reader.AUTHOR]
    own_only = [
        status
        for status, readers in table.items()
        if status not in whatever_the_writer and Reader.AUTHOR in readers and Reader.AUTHOR in kinds
    ]
    return whatever_the_writer, own_only


def _condition(table: dict[str, Reader], writers: tuple[str, ...], user, kinds: Reader, prefix: str = "") -> Q:
    anyone, own = _statuses(table, kinds)
    condition = Q(**{f"{prefix}status__in": anyone})
    if own:
        written = Q()
        for field in writers:
            written |= Q(**{f"{prefix}{field}": user.pk})
        condition |= Q(**{f"{prefix}status__in": own}) & written
    return condition


def _allowed(table: dict[str, Reader], writers: tuple[str, ...], user, kinds: Reader, item) -> bool:
    anyone, own = _statuses(table, kinds)
    if item.status in anyone:
        return True
    return item.status in own and any(getattr(item, f"{field}_id") == user.pk for field in writers)


def readable_condition(model_name: str, user) -> Q:
    """The SQL condition of the rows `user` may read: « contribution » or « comment » (whose contribution
    must be readable too). One role lookup at most per user object (django-rules caches the groups)."""
    kinds = readers_among(user)
    contribution = _condition(CONTRIBUTION_READERS, CONTRIBUTION_WRITERS, user, kinds)
    if model_name == "contribution":
        return contribution
    on_contribution = _condition(CONTRIBUTION_READERS, CONTRIBUTION_WRITERS, user, kinds, prefix="contribution__")
    return _condition(COMMENT_READERS, COMMENT_WRITERS, user, kinds) & on_contribution


def _is_comment(item) -> bool:
    return item._meta.model_name == "comment"  # the models import this module, not the reverse


def can_read(user, item) -> bool:
    """Whether `user` may read this contribution or comment (a comment also needs its contribution)."""
    if item is None:
        return False
    kinds = readers_among(user)
    if _is_comment(item):
        return _allowed(COMMENT_READERS, COMMENT_WRITERS, user, kinds, item) and _allowed(
            CONTRIBUTION_READERS, CONTRIBUTION_WRITERS, user, kinds, item.contribution
        )
    return _allowed(CONTRIBUTION_READERS, CONTRIBUTION_WRITERS, user, kinds, item)


def shows_placeholder(item) -> bool:
    """Whether a person who may not read `item` still sees, where it stood, that it was hidden and why."""
    placeholder = COMMENT_PLACEHOLDER if _is_comment(item) else CONTRIBUTION_PLACEHOLDER
    return item.status in placeholder


def _theme_of(obj):
    if obj is None:
        return None
    if hasattr(obj, "phase_at"):
        return obj
    if hasattr(obj, "theme"):
        return obj.theme
    return obj.contribution.theme


@rules.predicate
def theme_is_open(user, obj) -> bool:
    theme = _theme_of(obj)
    return theme is not None and theme.phase == ThemePhase.OPEN


@rules.predicate
def is_author(user, obj) -> bool:
    return obj is not None and user.is_authenticated and obj.author_id == user.pk


@rules.predicate
def contribution_is_published(user, obj) -> bool:
    contribution = getattr(obj, "contribution", obj)
    return contribution is not None and contribution.status == ContributionStatus.PUBLISHED


@rules.predicate
def is_published_item(user, obj) -> bool:
    """A published contribution, or a published comment on a published contribution."""
    if obj is None:
        return False
    if _is_comment(obj):
        return obj.status == CommentStatus.PUBLISHED and obj.contribution.status == ContributionStatus.PUBLISHED
    return obj.status == ContributionStatus.PUBLISHED


@rules.predicate
def can_be_withdrawn(user, obj) -> bool:
    """Published or waiting for moderation: a hidden contribution stays as moderation left it."""
    return obj is not None and obj.status in (ContributionStatus.PUBLISHED, ContributionStatus.PENDING)


@rules.predicate
def is_readable(user, obj) -> bool:
    return can_read(user, obj)


is_moderation_team = is_moderator | is_organiser

rules.add_perm("consultation.read", is_readable)
rules.add_perm("consultation.add_contribution", rules.is_authenticated & theme_is_open)
rules.add_perm("consultation.withdraw_contribution", is_author & theme_is_open & can_be_withdrawn)
rules.add_perm(
    "consultation.support_contribution",
    rules.is_authenticated & theme_is_open & contribution_is_published & ~is_author,
)
rules.add_perm("consultation.comment_contribution", rules.is_authenticated & theme_is_open & contribution_is_published)
# Only what is published can be reported: the team already reads everything else (see CONTRIBUTION_READERS).
rules.add_perm("consultation.report", rules.is_authenticated & ~is_author & is_published_item)
rules.add_perm("consultation.follow_theme", rules.is_authenticated)
rules.add_perm("consultation.moderate", is_moderation_team)
rules.add_perm("consultation.add_assisted_contribution", is_mediator & theme_is_open)
rules.add_perm("consultation.import_workshop_sheet", (is_mediator | is_organiser) & theme_is_open)
rules.add_perm("consultation.import_decidim", is_organiser)
rules.add_perm("consultation.manage_consultation", is_organiser)
