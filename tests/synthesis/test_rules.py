"""Who may read and edit syntheses: every role × run state × permission against an explicit table."""

import pytest

from tests.synthesis.factories import SynthesisRunFactory

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "librarian", "mediator", "elected", "moderator", "wg_member", "organiser", "outsider"]
STATES = ["unpublished", "published", "running", "failed"]
READERS = {"wg_member", "organiser"}

# permission: (roles allowed whatever the run, roles allowed on a published run only)
EXPECTED = {
    "view_runs": (READERS, set()),
    "view_run": (READERS, set(ROLES)),
    "manage_synthesis": ({"organiser"}, set()),
}

CASES = [
    pytest.param(
        role, state, perm, role in always or (state == "published" and role in published), id=f"{perm}-{role}-{state}"
    )
    for perm, (always, published) in EXPECTED.items()
    for role in ROLES
    for state in STATES
]


def run_in(state):
    if state == "unpublished":
        return SynthesisRunFactory()
    return SynthesisRunFactory(**{state: True})


@pytest.mark.parametrize(("role", "state", "perm", "allowed"), CASES)
def test_the_permission_matrix(request, role, state, perm, allowed):
    user = request.getfixturevalue(role)
    assert user.has_perm(f"synthesis.{perm}", run_in(state)) is allowed
