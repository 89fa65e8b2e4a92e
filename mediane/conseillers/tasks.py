"""The programme's e-mails, sent in the background once the transaction has committed (through
`mediane.jobs.queue.enqueue_email`): a committee opinion to the managers of the structure."""

from __future__ import annotations

from celery import shared_task

from mediane.mail import absolute_url, send_templated_email

from .enums import Opinion

DECISION_SUBJECTS = {
    Opinion.FAVOURABLE: "Avis favorable du comité de sélection pour {name}",
    Opinion.FURTHER_EXAMINATION: "Le comité de sélection examine encore la demande de {name}",
    Opinion.UNFAVOURABLE: "Avis du comité de sélection pour {name}",
}


@shared_task(name="conseillers.send_decision_email")
def send_decision_email(decision_id: int) -> int:
    """Tell each manager of the structure the committee's opinion `decision_id`; the number of e-mails sent."""
    from .models import CommitteeDecision

    decision = CommitteeDecision.objects.select_related("request__host", "convention").filter(pk=decision_id).first()
    if decision is None:
        return 0
    host = decision.request.host
    convention = getattr(decision, "convention", None)
    context = {
        "decision": decision,
        "host": host,
        "convention": convention,
        "url": absolute_url(host.get_absolute_url()),
    }
    sent = 0
    for manager in host.managers.filter(is_active=True).order_by("pk"):
        send_templated_email(
            "conseillers/emails/decision",
            DECISION_SUBJECTS[Opinion(decision.opinion)].format(name=host.name),
            manager.email,
            {**context, "user": manager},
        )
        sent += 1
    return sent
