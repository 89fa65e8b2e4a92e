"""Who sees what in the kit: every URL pattern of `training/urls_kit.py`, for every persona and both states of a
resource, against the rule written out here (independently of `training/rules_kit.py`): drafts exist for organisers
only, published resources for everyone; the organisers' pages for organisers only; the API shows published ones.

A pattern added to `urls_kit.py` without a row here makes `test_every_pattern_of_the_kit_is_in_the_matrix` fail.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.training import urls_kit
from tests.accounts.factories import UserFactory, verify_email
from tests.training.factories_kit import KitResourceFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "citizen", "moderator", "organiser"]
STATES = ["draft", "published"]
LOGIN = "login"  # a redirect to the login page
SECRET_DRAFT = "Brouillon Quetzalcoatl"


def published_or_organiser(persona, state):
    return 200 if state == "published" or persona == "organiser" else 404


def organisers(ok=200):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return ok if persona == "organiser" else 403

    return rule


# name → (method, rule(persona, state) → status)
MATRIX = {
    "training:kit": ("get", lambda persona, state: 200),
    "training:kit_resource": ("get", published_or_organiser),
    "training:kit_csv": ("get", lambda persona, state: 200),
    "training:kit_json": ("get", lambda persona, state: 200),
    "training:kit_manage": ("get", organisers()),
    "training:kit_create": ("get", organisers()),
    "training:kit_edit": ("get", organisers()),
    "training:kit_publish": ("post", organisers(302)),
    "training:kit_unpublish": ("post", organisers(302)),
}
API = {
    "api:list_kit_resources": lambda state: 200,
    "api:get_kit_resource": lambda state: 200 if state == "published" else 404,
}
# Pages where a draft's title may appear: its own page (organisers only) and the organisers' pages.
DRAFT_SHOWN = {"training:kit_resource", "training:kit_manage", "training:kit_edit"}


def _user(persona):
    if persona == "anonymous":
        return None
    roles = {"moderator": [Role.MODERATOR], "organiser": [Role.ORGANISER]}.get(persona, [])
    user = UserFactory(email=f"{persona}@example.org", roles=roles)
    verify_email(user)
    return user


def _url(name, resource):
    if name in (
        "training:kit",
        "training:kit_csv",
        "training:kit_json",
        "training:kit_manage",
        "training:kit_create",
        "api:list_kit_resources",
    ):
        return reverse(name)
    if name == "api:get_kit_resource":
        return reverse(name, kwargs={"slug": resource.slug})
    return reverse(name, args=[resource.slug])


def test_every_pattern_of_the_kit_is_in_the_matrix():
    assert {f"training:{pattern.name}" for pattern in urls_kit.urlpatterns} == set(MATRIX)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_rule_says(client, persona, state):
    user = _user(persona)
    if user is not None:
        client.force_login(user)
    resource = KitResourceFactory(
        title=SECRET_DRAFT if state == "draft" else "Ressource publiée", draft=state == "draft"
    )
    for name, (method, rule) in MATRIX.items():
        expected = rule(persona, state)
        with transaction.atomic():  # a write by one request (publish) never changes what the next sees
            response = getattr(client, method)(_url(name, resource))
            body = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
        if expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"], name
        else:
            assert response.status_code == expected, (name, persona, state, response.status_code)
        if state == "draft" and name not in DRAFT_SHOWN:
            assert SECRET_DRAFT.encode() not in body, (name, persona, "a draft leaked")
    for name, rule in API.items():
        response = client.get(_url(name, resource))
        assert response.status_code == rule(state), (name, state)
        if state == "draft":
            assert SECRET_DRAFT.encode() not in response.content


def test_drafts_never_appear_in_the_kit_nor_its_api_even_for_organisers(client, organiser):
    KitResourceFactory(title=SECRET_DRAFT, draft=True)
    client.force_login(organiser)

    for url in (reverse("training:kit"), reverse("api:list_kit_resources")):
        assert SECRET_DRAFT.encode() not in client.get(url).content
    assert SECRET_DRAFT.encode() in client.get(reverse("training:kit_manage")).content
