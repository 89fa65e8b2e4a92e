"""The programme's background work: its e-mails, sent once the transaction has committed (`enqueue_email`): a
committee opinion or a status change to the structure's managers, to candidates about their CV, and each move of a
recruitment to both sides; and its daily upkeep (CVs past their retention deleted, candidates reminded before),
scheduled by Celery beat."""

from __future__ import annotations

from celery import shared_task
from django.urls import reverse

from mediane.mail import absolute_url, send_templated_email

from .enums import Opinion
from .models_candidates import Candidate

CANDIDATE_EMAILS: dict[str, str] = {
    "cv_reminder": "Votre CV sera bientôt supprimé",
    "cv_deleted": "Votre CV a été supprimé",
}


@shared_task(name="conseillers.send_candidate_email")
def send_candidate_email(candidate_id: int, kind: str) -> int:
    """Send the e-mail `kind` to the candidate (none when the profile or its address is gone); how many sent."""
    from .services_candidates import cv_deletion_date, french_date

    candidate = Candidate.objects.select_related("cv").filter(pk=candidate_id, deleted_at__isnull=True).first()
    if candidate is None or not candidate.email or kind not in CANDIDATE_EMAILS:
        return 0
    cv = getattr(candidate, "cv", None)
    if kind == "cv_reminder" and cv is None:
        return 0
    context = {
        "candidate": candidate,
        "deletion_date": french_date(cv_deletion_date(cv.uploaded_at)) if cv else "",
        "url": absolute_url(reverse("conseillers:candidate_profile")),
    }
    send_templated_email(f"conseillers/emails/{kind}", CANDIDATE_EMAILS[kind], candidate.email, context)
    return 1


@shared_task(name="conseillers.purge_cvs")
def purge_cvs_task() -> int:
    """Remind the candidates whose CV goes in 14 days, then delete the CVs past their retention (daily)."""
    from .services_candidates import purge_cvs, remind_cv_deletion

    remind_cv_deletion()
    return purge_cvs()


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


@shared_task(name="conseillers.send_host_status_email")
def send_host_status_email(host_id: int, note: str = "") -> int:
    """Tell each manager of the structure its new status, set by the programme team, with the team's note."""
    from .models import HostStructure
    from .services_hosts import NEXT_STEP

    host = HostStructure.objects.filter(pk=host_id).first()
    if host is None:
        return 0
    context = {
        "host": host,
        "note": note,
        "next_step": NEXT_STEP.get(host.status, ""),
        "url": absolute_url(host.get_absolute_url()),
    }
    sent = 0
    for manager in host.managers.filter(is_active=True).order_by("pk"):
        send_templated_email(
            "conseillers/emails/host_status",
            f"{host.name} : inscription « {host.get_status_display().lower()} »",
            manager.email,
            {**context, "user": manager},
        )
        sent += 1
    return sent
