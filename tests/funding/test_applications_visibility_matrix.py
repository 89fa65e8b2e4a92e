"""Who sees what: every URL pattern of `funding/urls_applications.py`, for every persona and every state of an
application, against the rule written out here (independently of `funding/rules.py`): an application exists for
its structure's managers and for organisers only (anyone else gets a 404 that reveals nothing); drafts are the
managers' to edit, document and submit; organisers instruct, decide and pay; the figures are public and never name a
project.

A pattern added to `urls_applications.py` without a row here makes `test_every_pattern_is_in_the_matrix` fail.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.funding import urls_applications
from mediane.funding.models import SupportingDocument, Tranche
from tests.accounts.factories import UserFactory, verify_email
from tests.funding.factories import ApplicationFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "citizen", "manager", "other_manager", "organiser"]
STATES = ["draft", "submitted", "under_review", "accepted", "refused"]
SECRET_TITLE = "Projet Zéphyrine confidentiel"
LOGIN = "login"
STRANGERS = ("citizen", "other_manager")
PDF = b"%PDF-1.4\n%%EOF\n"


def everyone(persona, state):
    return 200


def signed_in(persona, state):
    return LOGIN if persona == "anonymous" else 200


def create_rule(persona, state):
    """Only a person who manages a structure may draft; others are told how (403)."""
    if persona == "anonymous":
        return LOGIN
    return 200 if persona in ("manager", "other_manager") else 403


def seen(ok=200):
    """Managers of the structure and organisers see the application; strangers get a 404."""

    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        return 404 if persona in STRANGERS else ok

    return rule


def managers_draft(ok):
    """The structure's managers act on a draft (`ok`); on a submitted one, `after` (a message, or 403)."""

    def rule(persona, state, after=403):
        if persona == "anonymous":
            return LOGIN
        if persona in STRANGERS:
            return 404
        if persona == "organiser":
            return 403
        return ok if state == "draft" else after

    return rule


def edit_rule(persona, state):
    if persona == "organiser":
        return 403 if state == "draft" else 302  # a submitted application « ne peut plus être modifiée »
    return managers_draft(200)(persona, state, after=302)


def submit_rule(persona, state):
    """The manager's POST redirects, with a success or the refusal of a move not in the table."""
    if persona == "manager":
        return 302
    return managers_draft(302)(persona, state)


def organisers(ok):
    def rule(persona, state):
        if persona == "anonymous":
            return LOGIN
        if persona in STRANGERS:
            return 404
        return ok if persona == "organiser" else 403

    return rule


def organisers_list(persona, state):
    if persona == "anonymous":
        return LOGIN
    return 200 if persona == "organiser" else 403


# name → (method, rule(persona, state) → status)
MATRIX = {
    "funding:my_applications": ("get", signed_in),
    "funding:application_create": ("get", create_rule),
    "funding:application": ("get", seen()),
    "funding:application_edit": ("get", edit_rule),
    "funding:application_submit": ("post", submit_rule),
    "funding:document_upload": ("get", managers_draft(200)),
    "funding:document": ("get", seen()),
    "funding:document_remove": ("post", managers_draft(302)),
    "funding:instruction": ("get", organisers_list),
    "funding:instruction_csv": ("get", organisers_list),
    "funding:application_review": ("post", organisers(302)),
    "funding:application_accept": ("get", organisers(200)),
    "funding:application_refuse": ("get", organisers(200)),
    "funding:tranche_add": ("get", organisers(200)),
    "funding:tranche_remove": ("post", organisers(302)),
    "funding:payment_add": ("get", organisers(200)),
    "funding:figures": ("get", everyone),
    "funding:figures_csv": ("get", everyone),
    "funding:figures_json": ("get", everyone),
}
# Pages that may show the application's title to whoever may open them.
SHOWS_TITLE = {
    "funding:my_applications",
    "funding:application",
    "funding:application_edit",
    "funding:document_upload",
    "funding:instruction",
    "funding:instruction_csv",
    "funding:application_accept",
    "funding:application_refuse",
    "funding:tranche_add",
    "funding:payment_add",
}


def _user(persona, structure):
    if persona == "anonymous":
        return None
    user = UserFactory(email=f"{persona}@example.org", roles=[Role.ORGANISER] if persona == "organiser" else [])
    verify_email(user)
    if persona == "manager":
        structure.managers.add(user)
    if persona == "other_manager":
        StructureFactory().managers.add(user)
    return user


def _url(name, application, document, tranche):
    if name in ("funding:my_applications", "funding:instruction", "funding:instruction_csv") or name.startswith(
        "funding:figures"
    ):
        return reverse(name)
    if name == "funding:application_create":
        return reverse(name, args=[application.scheme.slug])
    if name in ("funding:document", "funding:document_remove"):
        return reverse(name, args=[application.pk, document.token])
    if name == "funding:tranche_remove":
        return reverse(name, args=[application.pk, tranche.pk])
    return reverse(name, args=[application.pk])


def test_every_pattern_is_in_the_matrix():
    names = {f"funding:{pattern.name}" for pattern in urls_applications.urlpatterns}
    assert names == set(MATRIX)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_rule_says(client, persona, state):
    structure = StructureFactory()
    application = ApplicationFactory(
        scheme=SchemeFactory(), structure=structure, title=SECRET_TITLE, **({} if state == "draft" else {state: True})
    )
    document = SupportingDocument(application=application)
    document.take_upload(SimpleUploadedFile("devis.pdf", PDF))
    document.save()
    tranche = Tranche.objects.create(application=application, label="Avance", planned_on="2026-01-01", amount=1)
    user = _user(persona, structure)
    if user is not None:
        client.force_login(user)
    for name, (method, rule) in MATRIX.items():
        expected = rule(persona, state)
        with transaction.atomic():  # a write by one request never changes what the next sees
            response = getattr(client, method)(_url(name, application, document, tranche))
            body = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
        if expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"], name
        else:
            assert response.status_code == expected, (name, persona, state, response.status_code)
        if name not in SHOWS_TITLE or response.status_code != 200 or persona in STRANGERS:
            assert SECRET_TITLE.encode() not in body, (name, persona, "an application's title leaked")
