"""Who sees what: every URL pattern of training's courses part, for every persona and every state of the course,
against the rule written out here (independently of `training/rules.py`): drafts exist for organisers only,
published courses and their sessions for everyone, participants (personal data) for organisers only, a team for
its managers and organisers only (404 for others: nothing leaks), a record for its signed-in owner.

A pattern added to `urls_courses.py` without a row here makes `test_every_pattern_is_in_the_matrix` fail. The
name of an enrolled person never reaches a page that is not the organisers' participant list or CSV.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.training import urls_courses
from tests.accounts.factories import UserFactory, verify_email
from tests.structures.factories import StructureFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "citizen", "manager", "organiser"]
STATES = ["draft", "published"]
SECRET_NAME = "Aurore Quetzalcoatl"
LOGIN = "login"


def everyone(persona, state):
    return 200


def published_or_organiser(persona, state):
    return 200 if state == "published" or persona == "organiser" else 404


def signed_in(persona, state):
    return LOGIN if persona == "anonymous" else 200


def organisers(ok=200):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return ok if persona == "organiser" else 403

    return rule


def team_rule(ok=200):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return ok if persona in ("manager", "organiser") else 404

    return rule


def enrol_rule(persona, state):
    if state == "draft" and persona != "organiser":
        return 404
    return 302  # anonymous: to the login page; signed in: enrolled (or refused for a draft) and back to the session


# name → (method, rule(persona, state) → status)
MATRIX = {
    "training:catalogue": ("get", everyone),
    "training:course": ("get", published_or_organiser),
    "training:session": ("get", published_or_organiser),
    "training:enrol": ("post", enrol_rule),
    "training:registration_confirm": ("get", everyone),
    "training:registration_leave": ("get", everyone),
    "training:open_data_csv": ("get", everyone),
    "training:open_data_json": ("get", everyone),
    "training:frameworks": ("get", everyone),
    "training:framework": ("get", everyone),
    "training:my_record": ("get", signed_in),
    # Answering an invitation made to someone else: a message on one's own record, nothing changes.
    "training:invitation_accept": ("post", lambda persona, state: LOGIN if persona == "anonymous" else 302),
    "training:invitation_decline": ("post", lambda persona, state: LOGIN if persona == "anonymous" else 302),
    # Leaving a team one is not in: not found.
    "training:team_leave": ("post", lambda persona, state: LOGIN if persona == "anonymous" else 404),
    "training:team": ("get", team_rule()),
    "training:team_add": ("post", team_rule(400)),  # an empty form: what to fill
    "training:team_remove": ("post", team_rule(302)),
    "training:manage": ("get", organisers()),
    "training:course_create": ("get", organisers()),
    "training:course_edit": ("get", organisers()),
    "training:session_create": ("get", organisers()),
    "training:session_edit": ("get", organisers()),
    "training:participants": ("get", organisers()),
    "training:participants_csv": ("get", organisers()),
    "training:attendance": ("post", organisers(302)),
    "training:result": ("post", organisers(302)),
}
SEES_NAMES = {"training:participants", "training:participants_csv", "training:registration_confirm",
              "training:registration_leave", "training:team", "training:team_add"}  # fmt: skip


def _user(persona, structure):
    if persona == "anonymous":
        return None
    user = UserFactory(email=f"{persona}@example.org", roles=[Role.ORGANISER] if persona == "organiser" else [])
    verify_email(user)
    if persona == "manager":
        structure.managers.add(user)
    return user


def _url(name, session, enrolment, member):
    if name in ("training:registration_confirm", "training:registration_leave"):
        return reverse(name, args=[enrolment.token])
    if name == "training:framework":
        return reverse(name, args=["pix"])
    if name in ("training:team", "training:team_add"):
        return reverse(name, args=[member.structure_id])
    if name == "training:team_remove":
        return reverse(name, args=[member.structure_id, member.pk])
    if name in ("training:invitation_accept", "training:invitation_decline", "training:team_leave"):
        return reverse(name, args=[member.pk])
    if name in ("training:attendance", "training:result"):
        return reverse(name, args=[enrolment.pk])
    if name in ("training:course", "training:course_edit", "training:session_create"):
        return reverse(name, args=[session.course_id])
    if name.startswith("training:session") or name.startswith("training:participants") or name == "training:enrol":
        return reverse(name, args=[session.pk])
    return reverse(name)


def test_every_pattern_is_in_the_matrix():
    names = {f"training:{pattern.name}" for pattern in urls_courses.urlpatterns}
    assert names == set(MATRIX)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_rule_says(client, persona, state):
    structure = StructureFactory()
    user = _user(persona, structure)
    if user is not None:
        client.force_login(user)
    session = SessionFactory(course=CourseFactory(title=f"Formation {state}", published=state == "published"))
    enrolment = EnrolmentFactory(registrable=session, name=SECRET_NAME, email="aurore@example.org")
    member = StaffMemberFactory(structure=structure, user=UserFactory(display_name=SECRET_NAME))
    for name, (method, rule) in MATRIX.items():
        expected = rule(persona, state)
        with transaction.atomic():  # a write by one request never changes what the next sees
            response = getattr(client, method)(_url(name, session, enrolment, member))
            body = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
        client.cookies.pop("messages", None)  # a message of one request (« X left the team ») is not the next page's
        if expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"], name
        else:
            assert response.status_code == expected, (name, persona, state, response.status_code)
        if name not in SEES_NAMES or response.status_code in (403, 404):
            assert SECRET_NAME.encode() not in body, (name, persona, "a person's name leaked")


def test_drafts_never_appear_in_the_catalogue_even_for_organisers(client, organiser):
    CourseFactory(title="Brouillon secret", draft=True)
    client.force_login(organiser)
    assert b"Brouillon secret" not in client.get(reverse("training:catalogue")).content
    assert b"Brouillon secret" in client.get(reverse("training:manage")).content


def test_who_manages_a_structure_is_decided_once_in_the_roadmap():
    from mediane.roadmap import rules as roadmap_rules
    from mediane.training import rules as training_rules

    assert training_rules.manages_structure is roadmap_rules.manages_structure
