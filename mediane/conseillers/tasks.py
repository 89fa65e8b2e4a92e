"""The programme's e-mails, sent in the background once the transaction has committed
(`mediane.jobs.queue.enqueue_email`): each move of a recruitment, to the structure's managers and to the candidate."""

from __future__ import annotations

from celery import shared_task

from mediane.mail import absolute_url, send_templated_email


@shared_task(name="conseillers.send_recruitment_email")
def send_recruitment_email(recruitment_id: int, slug: str, candidate_too: bool) -> int:
    """Tell both sides of the recruitment what the move `slug` did; the number of e-mails sent."""
    from .models_recruitment import Recruitment
    from .transitions import TRANSITIONS

    recruitment = Recruitment.objects.select_related("host", "candidate").filter(pk=recruitment_id).first()
    transition = TRANSITIONS.get(slug)
    if recruitment is None or transition is None:
        return 0
    context = {
        "recruitment": recruitment,
        "sentence": transition.sentence,
        "status": recruitment.get_status_display(),
        "url": absolute_url(recruitment.get_absolute_url()),
    }
    subject = f"Recrutement de conseiller numérique : {recruitment.get_status_display().lower()}"
    recipients = [manager.email for manager in recruitment.host.managers.filter(is_active=True).order_by("pk")]
    candidate = recruitment.candidate
    if candidate_too and candidate.deleted_at is None and candidate.email:
        recipients.append(candidate.email)
    for email in dict.fromkeys(recipients):
        send_templated_email("conseillers/emails/recruitment", subject, email, context)
    return len(dict.fromkeys(recipients))
