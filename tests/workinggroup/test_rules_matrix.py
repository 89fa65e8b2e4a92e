"""Who may do what in the working group, before and after the meeting: every role × meeting state × action."""

import pytest

from tests.workinggroup.factories import MeetingFactory

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "librarian", "mediator", "elected", "moderator", "wg_member", "organiser", "outsider"]
STATES = ["planned", "held"]
EVERYONE = set(ROLES)
BOTH = set(STATES)

# action: (roles allowed, meeting states in which they are allowed)
EXPECTED = {
    "manage": ({"organiser"}, BOTH),
    "generate_dossier": ({"organiser"}, BOTH),
    # The dossier prepares the meeting: the group reads it before; everyone once the meeting is held.
    "view_dossier": ({"organiser", "wg_member"}, BOTH),
    "view_decision_log": ({"organiser"}, BOTH),
}
PUBLIC_AFTER_THE_MEETING = {"view_dossier"}

CASES = [
    pytest.param(
        role,
        state,
        action,
        (role in roles and state in states) or (action in PUBLIC_AFTER_THE_MEETING and state == "held"),
        id=f"{action}-{role}-{state}",
    )
    for action, (roles, states) in EXPECTED.items()
    for role in ROLES
    for state in STATES
]


@pytest.mark.parametrize(("role", "state", "action", "allowed"), CASES)
def test_the_permission_matrix(request, role, state, action, allowed):
    user = request.getfixturevalue(role)
    meeting = MeetingFactory(held=state == "held")

    assert user.has_perm(f"workinggroup.{action}", meeting) is allowed


def test_the_public_reads_no_dossier_without_a_meeting(outsider, wg_member):
    assert not outsider.has_perm("workinggroup.view_dossier")
    assert wg_member.has_perm("workinggroup.view_dossier")
