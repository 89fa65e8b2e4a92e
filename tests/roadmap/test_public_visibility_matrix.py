"""Who reads what on the roadmap's public pages: every public URL pattern of the app, for every persona, against
the rule written out here. Whoever reads, a contribution that is not published never appears in an action's
chain, in the open data or in the API, and a person's follows are theirs alone."""

import pytest
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.roadmap import services
from mediane.roadmap.models import ActionFollow
from mediane.roadmap.urls_public import urlpatterns
from tests.accounts.factories import UserFactory, verify_email
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import ActionFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonyme", "usager", "moderatrice", "organisatrice"]
LOGIN = "login"
# (pattern, method) → {persona: status}; LOGIN: a redirection to the sign-in page.
SIGNED_IN = {"anonyme": LOGIN, "usager": 200, "moderatrice": 200, "organisatrice": 200}
EVERYONE = dict.fromkeys(PERSONAS, 200)
FOLLOW = {"anonyme": LOGIN, "usager": 302, "moderatrice": 302, "organisatrice": 302}
MATRIX = {
    ("index", "get"): EVERYONE,
    ("action", "get"): EVERYONE,
    ("follow", "post"): FOLLOW,
    ("unfollow", "post"): FOLLOW,
    ("my_proposals", "get"): SIGNED_IN,
    ("open_data", "get"): EVERYONE,
    ("open_data_csv", "get"): EVERYONE,
    ("open_data_json", "get"): EVERYONE,
}
HIDDEN_TITLE = "Proposition masquée Wxyzq"


def test_every_public_pattern_is_in_the_matrix():
    assert {pattern.name for pattern in urlpatterns} == {name for name, _ in MATRIX}


@pytest.fixture
def world():
    users = {
        "usager": UserFactory(),
        "moderatrice": UserFactory(roles=[Role.MODERATOR]),
        "organisatrice": UserFactory(roles=[Role.ORGANISER]),
    }
    for user in users.values():
        verify_email(user)
    action = ActionFactory()
    states = [ContributionFactory(title=HIDDEN_TITLE, **{state: True}) for state in ("hidden", "pending", "withdrawn")]
    services.set_links(None, action, contributions=states, decisions=[], topics=[])
    return users, action


def _url(name, action):
    return reverse(f"roadmap:{name}", kwargs={"pk": action.pk} if name in {"action", "follow", "unfollow"} else None)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "method"), list(MATRIX))
def test_matrix(client, world, persona, name, method):
    users, action = world
    if persona != "anonyme":
        client.force_login(users[persona])
    response = getattr(client, method)(_url(name, action))
    expected = MATRIX[(name, method)][persona]
    if expected == LOGIN:
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
        assert not ActionFollow.objects.filter(origin="choisi").exists()
        return
    assert response.status_code == expected
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert HIDDEN_TITLE.encode() not in content
    for contribution_id in action.contributions.values_list("pk", flat=True):
        assert f"/forum/contribution/{contribution_id}/".encode() not in content


def test_a_persons_follows_are_theirs_alone(client, world):
    users, action = world
    services.follow_action(users["organisatrice"], action)
    client.force_login(users["usager"])
    page = client.get(reverse("roadmap:my_proposals")).content.decode()
    assert action.title not in page
    client.post(reverse("roadmap:unfollow", args=[action.pk]))
    assert ActionFollow.objects.active().filter(user=users["organisatrice"], action=action).exists()


def test_an_unknown_action_is_404_everywhere(client, world):
    users, _ = world
    client.force_login(users["usager"])
    for name, method in (("action", "get"), ("follow", "post"), ("unfollow", "post")):
        assert getattr(client, method)(reverse(f"roadmap:{name}", args=[999999])).status_code == 404
