"""Who sees what: every URL pattern of events, for every persona and every state of the event, against the rule
written out here (independently of `events/rules.py`): drafts exist for organisers only, published and cancelled
events for everyone, participant lists (personal data) for organisers only; the API shows public events only.

A pattern added to `events/urls.py` without a row here makes `test_every_pattern_of_events_is_in_the_matrix`
fail. Names of registered people never reach a page that is not the organisers' participant list.
"""

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from mediane.accounts.enums import Role
from tests.accounts.factories import UserFactory, verify_email
from tests.events.factories import EventFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "citizen", "moderator", "organiser"]
STATES = ["draft", "published", "cancelled"]
SECRET_NAME = "Aurore Quetzalcoatl"
LOGIN = "login"  # a redirect to the login page


def public_or_organiser(persona, state):
    return 200 if state != "draft" or persona == "organiser" else 404


def signed_in(persona, state):
    return LOGIN if persona == "anonymous" else 200


def organisers(ok=200):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return ok if persona == "organiser" else 403

    return rule


def edit_rule(persona, state):
    status = organisers()(persona, state)
    return 302 if status == 200 and state == "cancelled" else status  # a cancelled event cannot be edited


def register_rule(persona, state):
    """A POST without data: the public's form answers 400 (fields to fill); a signed-in person registers (302);
    a cancelled event refuses with a message (302); a draft does not exist (404) but for organisers."""
    if state == "draft" and persona != "organiser":
        return 404
    if state == "published" and persona == "anonymous":
        return 400
    return 302


# name → (method, rule(persona, state) → status)
MATRIX = {
    "events:agenda": ("get", lambda persona, state: 200),
    "events:past": ("get", lambda persona, state: 200),
    "events:agenda_ics": ("get", lambda persona, state: 200),
    "events:mine": ("get", signed_in),
    "events:event": ("get", public_or_organiser),
    "events:event_ics": ("get", public_or_organiser),
    "events:register": ("post", register_rule),
    "events:registration_confirm": ("get", lambda persona, state: 200),
    "events:registration_leave": ("get", lambda persona, state: 200),
    "events:manage": ("get", organisers()),
    "events:create": ("get", organisers()),
    "events:edit": ("get", edit_rule),
    "events:publish": ("post", organisers(302)),
    "events:cancel": ("post", organisers(302)),
    "events:participants": ("get", organisers()),
    "events:participants_csv": ("get", organisers()),
}
API = {"api:list_events": lambda state: 200, "api:get_event": lambda state: 200 if state != "draft" else 404}


def _user(persona):
    if persona == "anonymous":
        return None
    roles = {"moderator": [Role.MODERATOR], "organiser": [Role.ORGANISER]}.get(persona, [])
    user = UserFactory(email=f"{persona}@example.org", roles=roles)
    verify_email(user)
    return user


def _url(name, event, registration):
    if name in ("events:registration_confirm", "events:registration_leave"):
        return reverse(name, args=[registration.token])
    if name in ("events:agenda", "events:past", "events:agenda_ics", "events:mine", "events:manage", "events:create"):
        return reverse(name)
    if name == "api:get_event":
        return reverse(name, kwargs={"event_id": event.pk})
    if name == "api:list_events":
        return reverse(name)
    return reverse(name, args=[event.pk])


def test_every_pattern_of_events_is_in_the_matrix():
    names = {
        f"events:{name}" for name in get_resolver().namespace_dict["events"][1].reverse_dict if isinstance(name, str)
    }
    assert names == set(MATRIX)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_rule_says(client, persona, state):
    user = _user(persona)
    if user is not None:
        client.force_login(user)
    traits = {"draft": {"draft": True}, "cancelled": {"cancelled": True}}.get(state, {})
    event = EventFactory(title=f"Événement {state}", capacity=1, **traits)
    registration = EventRegistrationFactory(registrable=event, name=SECRET_NAME, email="aurore@example.org")
    for name, (method, rule) in MATRIX.items():
        expected = rule(persona, state)
        with transaction.atomic():  # a write by one request (publish, cancel) never changes what the next sees
            response = getattr(client, method)(_url(name, event, registration))
            body = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
        if expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"], name
        else:
            assert response.status_code == expected, (name, persona, state, response.status_code)
        if name not in ("events:participants", "events:participants_csv", "events:registration_confirm",
                        "events:registration_leave"):  # fmt: skip
            assert SECRET_NAME.encode() not in body, (name, "a registered person's name leaked")
    for name, rule in API.items():
        response = client.get(_url(name, event, registration))
        assert response.status_code == rule(state), (name, state)
        assert SECRET_NAME.encode() not in response.content


def test_drafts_never_appear_in_the_agenda_the_feed_or_the_api_even_for_organisers(client, organiser):
    EventFactory(title="Brouillon secret", draft=True)
    client.force_login(organiser)
    for url in (reverse("events:agenda"), reverse("events:agenda_ics"), reverse("api:list_events")):
        assert b"Brouillon secret" not in client.get(url).content
    assert b"Brouillon secret" in client.get(reverse("events:manage")).content
