"""The e-mails of applications: the structure's managers are told of the decision and of each payment, after the
transaction commits, and only when the application is still in the state the e-mail speaks of."""

from decimal import Decimal

import pytest
from django.utils import timezone

from mediane.funding import services_applications as services
from mediane.funding.models import Application
from mediane.funding.tasks import send_application_email
from mediane.jobs.queue import without_emails
from tests.accounts.factories import UserFactory
from tests.funding.factories import ApplicationFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def structure(librarian):
    structure = StructureFactory(name="Médiathèque de Vénissieux")
    structure.managers.add(librarian, UserFactory(email="second@example.org"))
    return structure


def test_the_managers_are_told_of_an_acceptance_once_it_is_committed(
    structure, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(structure=structure, under_review=True, title="Ateliers")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.accept_application(application, Decimal("12500.50"), by=organiser)
    assert not mailoutbox  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mailoutbox) == ["leila@example.org", "second@example.org"]
    assert "Votre demande « Ateliers » est acceptée" in mailoutbox[0].subject
    assert "12\u202f500,50\u00a0€" in mailoutbox[0].body and application.get_absolute_url() in mailoutbox[0].body


def test_a_refusal_sends_its_reason(structure, organiser, mailoutbox, django_capture_on_commit_callbacks):
    application = ApplicationFactory(structure=structure, under_review=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse_application(application, "Le budget de l'année est épuisé.", by=organiser)
    assert len(mailoutbox) == 2 and "Le budget de l'année est épuisé." in mailoutbox[0].body


def test_a_payment_is_told_with_what_is_paid_so_far(
    structure, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(structure=structure, accepted=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_payment(
            application, services.PaymentData(timezone.localdate(), Decimal("20000"), "M-7"), by=organiser
        )
    body = mailoutbox[0].body
    assert "20\u202f000\u00a0€" in body and "M-7" in body and "sur 50\u202f000\u00a0€ accordés" in body


def test_a_refused_payment_or_move_tells_no_one(structure, organiser, mailoutbox, django_capture_on_commit_callbacks):
    application = ApplicationFactory(structure=structure, accepted=True)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.ApplicationError):
        services.record_payment(application, services.PaymentData(timezone.localdate(), Decimal("50001")), by=organiser)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.ApplicationError):
        services.refuse_application(application, "Trop tard.", by=organiser)
    assert not mailoutbox


def test_an_e_mail_that_no_longer_applies_is_not_sent(structure, mailoutbox):
    application = ApplicationFactory(structure=structure, under_review=True)
    assert send_application_email.run(application.pk, "accepted") == 0
    assert send_application_email.run(application.pk + 1000, "refused") == 0
    Application.objects.filter(pk=application.pk).update(status="acceptee")
    assert send_application_email.run(application.pk, "payment", None) == 0
    assert not mailoutbox


def test_the_demo_writes_without_telling_anyone(structure, organiser, mailoutbox, django_capture_on_commit_callbacks):
    application = ApplicationFactory(structure=structure, under_review=True)
    with django_capture_on_commit_callbacks(execute=True), without_emails():
        services.accept_application(application, Decimal("10"), by=organiser)
    assert not mailoutbox
