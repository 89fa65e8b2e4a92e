"""The e-mails of funding applications, sent in the background once the transaction has committed (through
`mediane.jobs.queue.enqueue`) to the managers of the applicant structure: a decision (accepted or refused) and each
payment recorded. A decision's e-mail goes only if the application is still in the state it speaks of."""

from __future__ import annotations

from celery import shared_task

from mediane.mail import absolute_url, send_templated_email

from .enums import ApplicationStatus
from .models_applications import Application, Payment

# kind → (the status it speaks of, the subject)
EMAILS: dict[str, tuple[str, str]] = {
    "accepted": (ApplicationStatus.ACCEPTED, "Votre demande « {title} » est acceptée"),
    "refused": (ApplicationStatus.REFUSED, "Votre demande « {title} » n'est pas retenue"),
    "payment": (ApplicationStatus.ACCEPTED, "Un versement pour votre demande « {title} »"),
}


@shared_task(name="funding.send_application_email")
def send_application_email(application_id: int, kind: str, payment_id: int | None = None) -> int:
    """Send the e-mail `kind` to each manager of the application's structure; the number of e-mails sent."""
    application = Application.objects.select_related("scheme", "structure").filter(pk=application_id).first()
    status, subject = EMAILS[kind]
    if application is None or application.status != status:
        return 0
    payment = Payment.objects.filter(pk=payment_id, application=application).first() if payment_id else None
    if kind == "payment" and payment is None:
        return 0
    context = {"application": application, "payment": payment, "url": absolute_url(application.get_absolute_url())}
    sent = 0
    for manager in application.structure.managers.filter(is_active=True).order_by("pk"):
        send_templated_email(
            f"funding/applications/emails/{kind}",
            subject.format(title=application.title),
            manager.email,
            {**context, "user": manager},
        )
        sent += 1
    return sent
