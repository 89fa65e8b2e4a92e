"""The e-mails of registrations, sent in the background once the transaction has committed (through
`mediane.jobs.queue.enqueue`). Each e-mail is sent only if the registration is still in the state it speaks of:
a person who left before the e-mail went is not told they have a seat."""

from __future__ import annotations

from celery import shared_task
from django.apps import apps

from mediane.mail import absolute_url, send_templated_email

from .enums import RegistrationStatus

# kind → (the status it speaks of, the subject)
EMAILS: dict[str, tuple[str, str]] = {
    "confirm": (RegistrationStatus.PENDING, "Confirmez votre inscription à « {title} »"),
    "registered": (RegistrationStatus.REGISTERED, "Vous êtes inscrit·e à « {title} »"),
    "waiting": (RegistrationStatus.WAITING, "Vous êtes sur la liste d'attente de « {title} »"),
    "moved_in": (RegistrationStatus.REGISTERED, "Une place s'est libérée : vous êtes inscrit·e à « {title} »"),
    "called_off": (RegistrationStatus.CANCELLED, "Annulé : « {title} » n'aura pas lieu"),
}


@shared_task(name="registrations.send_email")
def send_registration_email(model_label: str, registration_id: int, kind: str) -> bool:
    """Send the e-mail `kind` of a registration of the model `model_label`; False when it no longer applies."""
    model = apps.get_model(model_label)
    registration = model.objects.select_related("registrable").filter(pk=registration_id).first()
    status, subject = EMAILS[kind]
    if registration is None or registration.status != status:
        return False
    registrable = registration.registrable
    context = {
        "registration": registration,
        "registrable": registrable,
        "title": str(registrable),
        "summary": registrable.registration_summary(),
        "registrable_url": absolute_url(registrable.get_absolute_url()),
        "confirm_url": absolute_url(registration.confirm_path()),
        "leave_url": absolute_url(registration.leave_path()),
        "position": registration.waiting_position(),
    }
    send_templated_email(
        f"registrations/emails/{kind}", subject.format(title=context["title"]), registration.email, context
    )
    return True
