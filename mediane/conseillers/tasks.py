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


# What the e-mail says for the events that are not moves of `transitions.TRANSITIONS`.
RECRUITMENT_EVENTS: dict[str, str] = {
    "nouvelle": "l'équipe du programme vous propose cette candidature ; dites si elle vous intéresse",
    "invitation-acceptee": "la personne a accepté l'invitation de la structure : vous êtes en relation",
}


@shared_task(name="conseillers.send_recruitment_email")
def send_recruitment_email(recruitment_id: int, slug: str, candidate_too: bool, host_too: bool = True) -> int:
    """Tell each side of the recruitment what `slug` did (a move of `TRANSITIONS`, « nouvelle », « invitation »,
    « invitation-acceptee »), each with only the link it can open: the structure its recruitment (not an
    invitation the candidate has not accepted), the candidate their recruitment while the structure shows interest,
    else a sentence without link (never the word « non intéressée »); the number of e-mails sent."""
    from .enums import INTEREST_STATUSES
    from .models_recruitment import Recruitment
    from .transitions import TRANSITIONS

    recruitment = Recruitment.objects.select_related("host", "candidate").filter(pk=recruitment_id).first()
    transition = TRANSITIONS.get(slug)
    if recruitment is None or (transition is None and slug not in RECRUITMENT_EVENTS and slug != "invitation"):
        return 0
    host, candidate = recruitment.host, recruitment.candidate
    recruitment_url = absolute_url(recruitment.get_absolute_url())
    status = recruitment.get_status_display()
    sent = 0
    if host_too and not recruitment.awaits_candidate:
        sentence = transition.sentence if transition else RECRUITMENT_EVENTS[slug]
        context = {
            "message": f"Le recrutement de {candidate.full_name} chez {host.name} a changé : {sentence}.",
            "status": status,
            "url": recruitment_url,
        }
        subject = f"Recrutement de conseiller numérique : {status.lower()}"
        for email in dict.fromkeys(m.email for m in host.managers.filter(is_active=True).order_by("pk") if m.email):
            send_templated_email("conseillers/emails/recruitment", subject, email, context)
            sent += 1
    if candidate_too and candidate.deleted_at is None and candidate.email:
        if slug == "invitation":
            subject = f"{host.name} vous invite à échanger sur un poste de conseiller numérique"
            context = {
                "message": f"La structure {host.name} ({host.commune}) a rencontré votre candidature au programme "
                "Conseillers numériques et souhaite échanger avec vous. Si vous acceptez, elle pourra lire votre "
                "CV et vos coordonnées. Répondez depuis votre profil de candidat·e.",
                "status": "",
                "url": absolute_url(reverse("conseillers:candidate_profile")),
            }
        elif recruitment.status in INTEREST_STATUSES:
            sentence = transition.sentence if transition else RECRUITMENT_EVENTS.get(slug, "")
            subject = f"Votre candidature chez {host.name} : {status.lower()}"
            context = {
                "message": f"Votre candidature chez {host.name} a avancé : {sentence}.",
                "status": status,
                "url": recruitment_url,
            }
        else:
            subject = f"Votre candidature chez {host.name}"
            context = {
                "message": f"La structure {host.name} ne donne pas suite à votre candidature pour le moment. "
                "D'autres structures peuvent vous contacter.",
                "status": "",
                "url": "",
            }
        send_templated_email("conseillers/emails/recruitment", subject, candidate.email, context)
        sent += 1
    return sent


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
