"""Who may do what in which phase: every role × phase × action of the forum against an explicit table."""

import pytest

from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "librarian", "mediator", "elected", "moderator", "wg_member", "organiser", "outsider"]
PHASES = ["upcoming", "open", "closed", "synthesis_published"]
SIGNED_IN = set(ROLES) - {"outsider"}
ALL_PHASES = set(PHASES)
OPEN = {"open"}

# action: (roles allowed, phases in which they are allowed, what the permission is checked on)
EXPECTED = {
    "add_contribution": (SIGNED_IN, OPEN, "theme"),
    "support_contribution": (SIGNED_IN, OPEN, "other_contribution"),
    "comment_contribution": (SIGNED_IN, OPEN, "other_contribution"),
    "withdraw_contribution": (SIGNED_IN, OPEN, "own_contribution"),
    "add_assisted_contribution": ({"mediator"}, OPEN, "theme"),
    "moderate": ({"moderator", "organiser"}, ALL_PHASES, "other_contribution"),
    "import_decidim": ({"organiser"}, ALL_PHASES, "theme"),
    "import_workshop_sheet": ({"mediator", "organiser"}, OPEN, "theme"),
    "follow_theme": (SIGNED_IN, ALL_PHASES, "theme"),
    "report": (SIGNED_IN, ALL_PHASES, "other_contribution"),
}

CASES = [
    pytest.param(role, phase, action, role in roles and phase in phases, target, id=f"{action}-{role}-{phase}")
    for action, (roles, phases, target) in EXPECTED.items()
    for role in ROLES
    for phase in PHASES
]


def theme_in(phase):
    return ThemeFactory() if phase == "open" else ThemeFactory(**{phase: True})


@pytest.mark.parametrize(("role", "phase", "action", "allowed", "target"), CASES)
def test_the_permission_matrix(request, role, phase, action, allowed, target):
    user = request.getfixturevalue(role)
    theme = theme_in(phase)
    if target == "theme":
        obj = theme
    elif target == "own_contribution" and user.is_authenticated:
        obj = ContributionFactory(theme=theme, author=user)
    else:
        obj = ContributionFactory(theme=theme)
    assert user.has_perm(f"consultation.{action}", obj) is allowed


def test_nobody_supports_their_own_contribution(citizen):
    assert not citizen.has_perm("consultation.support_contribution", ContributionFactory(author=citizen))


def test_nobody_reports_their_own_contribution(citizen):
    assert not citizen.has_perm("consultation.report", ContributionFactory(author=citizen))


def test_nobody_withdraws_someone_else_s_contribution(citizen, organiser):
    assert not organiser.has_perm("consultation.withdraw_contribution", ContributionFactory(author=citizen))


@pytest.mark.parametrize("state", ["hidden", "pending", "withdrawn"])
def test_an_unpublished_contribution_can_be_neither_supported_nor_commented(citizen, state):
    contribution = ContributionFactory(**{state: True})
    assert not citizen.has_perm("consultation.support_contribution", contribution)
    assert not citizen.has_perm("consultation.comment_contribution", contribution)
