"""Who may do what in the forum, and in which phase. Every permission of the forum is defined here.

Object permissions take a Theme (writing, importing) or a Contribution/Comment (supporting, commenting,
withdrawing, reporting). Phases come from `Theme.phase`; nothing else decides them.
"""

import rules

from mediane.accounts.rules import is_mediator, is_moderator, is_organiser

from .enums import ContributionStatus, ThemePhase


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


is_moderation_team = is_moderator | is_organiser

rules.add_perm("consultation.add_contribution", rules.is_authenticated & theme_is_open)
rules.add_perm("consultation.withdraw_contribution", is_author & theme_is_open)
rules.add_perm(
    "consultation.support_contribution",
    rules.is_authenticated & theme_is_open & contribution_is_published & ~is_author,
)
rules.add_perm("consultation.comment_contribution", rules.is_authenticated & theme_is_open & contribution_is_published)
rules.add_perm("consultation.report", rules.is_authenticated & ~is_author)
rules.add_perm("consultation.follow_theme", rules.is_authenticated)
rules.add_perm("consultation.moderate", is_moderation_team)
rules.add_perm("consultation.add_assisted_contribution", is_mediator & theme_is_open)
rules.add_perm("consultation.import_workshop_sheet", (is_mediator | is_organiser) & theme_is_open)
rules.add_perm("consultation.import_decidim", is_organiser)
rules.add_perm("consultation.manage_consultation", is_organiser)
