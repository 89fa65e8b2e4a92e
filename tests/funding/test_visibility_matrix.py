"""Who sees what: every URL pattern of funding schemes (`urls_schemes.py`), for every persona and both states of a
scheme, against the rule written out here (independently of `funding/rules.py`): unpublished schemes exist for
organisers only; a structure's finder results and profile are its managers' (and, for the finder, the
organisers'); the organisers' pages are theirs. The API shows published schemes only.

A pattern added to `urls_schemes.py` without a row here makes `test_every_pattern_of_the_schemes_is_in_the_matrix`
fail. The name of an unpublished scheme never reaches a page that is not an organiser's.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.funding import urls_schemes
from tests.accounts.factories import UserFactory, verify_email
from tests.funding.factories import EligibilityRuleFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "citizen", "manager", "other_manager", "organiser"]
STATES = ["published", "unpublished"]
SECRET = "Dispositif Zéphyrin"
LOGIN = "login"


def everyone(persona, state):
    return 200


def scheme_rule(persona, state):
    return 200 if state == "published" or persona == "organiser" else 404


def finder_rule(persona, state):
    """The finder run on the structure: its manager and organisers; for anyone else the structure is not found."""
    return 200 if persona in ("manager", "organiser") else 404


def profile_rule(persona, state):
    if persona == "anonymous":
        return LOGIN
    return 200 if persona == "manager" else 403


def organisers(ok=200):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return ok if persona == "organiser" else 403

    return rule


# name → (method, rule(persona, state) → status)
MATRIX = {
    "funding:schemes": ("get", everyone),
    "funding:finder": ("get", finder_rule),
    "funding:profile": ("get", profile_rule),
    "funding:schemes_csv": ("get", everyone),
    "funding:schemes_json": ("get", everyone),
    "funding:manage": ("get", organisers()),
    "funding:scheme_create": ("get", organisers()),
    "funding:scheme_edit": ("get", organisers()),
    "funding:scheme_publish": ("post", organisers(302)),
    "funding:scheme": ("get", scheme_rule),
}
# Pages where an organiser may read the unpublished scheme's name.
ORGANISERS_SEE_THE_SECRET = {
    "funding:schemes",
    "funding:finder",
    "funding:manage",
    "funding:scheme_edit",
    "funding:scheme",
}


def _user(persona, structure):
    if persona == "anonymous":
        return None
    user = UserFactory(email=f"{persona}@example.org", roles=[Role.ORGANISER] if persona == "organiser" else [])
    verify_email(user)
    if persona == "manager":
        structure.managers.add(user)
    if persona == "other_manager":
        StructureFactory(name="Une autre bibliothèque").managers.add(user)
    return user


def _url(name, scheme, structure):
    if name == "funding:finder":
        return f"{reverse(name)}?structure={structure.pk}"
    if name == "funding:profile":
        return reverse(name, args=[structure.pk])
    if name in ("funding:scheme_edit", "funding:scheme_publish", "funding:scheme"):
        return reverse(name, args=[scheme.slug])
    return reverse(name)


def test_every_pattern_of_the_schemes_is_in_the_matrix():
    assert {f"funding:{pattern.name}" for pattern in urls_schemes.urlpatterns} == set(MATRIX)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_rule_says(client, persona, state):
    structure = StructureFactory(name="Médiathèque du matrice")
    user = _user(persona, structure)
    if user is not None:
        client.force_login(user)
    scheme = SchemeFactory(name=SECRET, slug="zephyrin", published=state == "published")
    EligibilityRuleFactory(scheme=scheme)
    for name, (method, rule) in MATRIX.items():
        expected = rule(persona, state)
        with transaction.atomic():  # a write by one request (publish) never changes what the next sees
            response = getattr(client, method)(_url(name, scheme, structure))
            body = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
        if expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"], name
        else:
            assert response.status_code == expected, (name, persona, state, response.status_code)
        if state == "unpublished" and not (persona == "organiser" and name in ORGANISERS_SEE_THE_SECRET):
            assert SECRET.encode() not in body, (name, persona, "an unpublished scheme leaked")
    api_list = client.get(reverse("api:list_schemes"))
    api_one = client.get(reverse("api:get_scheme", kwargs={"slug": "zephyrin"}))
    assert api_list.status_code == 200
    assert api_one.status_code == (200 if state == "published" else 404)
    if state == "unpublished":
        assert SECRET.encode() not in api_list.content + api_one.content
