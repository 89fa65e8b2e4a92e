"""Background work of structures: the e-mails of the care of places, sent once the transaction has committed
(`services_care` through `mediane.jobs.queue.enqueue_email`), and the daily run of the yearly reminder to the
places' managers with the purge of the expired mapping drafts, scheduled by Celery beat
(`structures.remind_managers`)."""

from __future__ import annotations

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from mediane.mail import absolute_url, send_templated_email


def _organisers():
    from mediane.accounts.enums import Role
    from mediane.accounts.models import User

    return User.objects.filter(groups__name=Role.ORGANISER.value, is_active=True).exclude(email="").distinct()


def _place_urls(place) -> dict[str, str]:
    return {
        "place_url": absolute_url(reverse("orientation:place", args=[place.pk])),
        "edit_url": absolute_url(reverse("structures:place_edit", args=[place.pk])),
    }


@shared_task(name="structures.send_manager_request_email")
def send_manager_request_email(request_id: int) -> int:
    """Tell every organiser that someone asks to manage a place; how many e-mails were sent."""
    from .models import PlaceManagerRequest

    request = PlaceManagerRequest.objects.select_related("place", "user").filter(pk=request_id).first()
    if request is None:
        return 0
    context = {
        "request": request,
        "place": request.place,
        "url": absolute_url(reverse("structures:manager_request", args=[request.pk])),
    }
    sent = 0
    for organiser in _organisers():
        send_templated_email(
            "structures/emails/manager_request", f"Demande de gestion : {request.place.nom}", organiser.email, context
        )
        sent += 1
    return sent


@shared_task(name="structures.send_manager_decision_email")
def send_manager_decision_email(request_id: int) -> int:
    """Tell the person whether they now manage the place (with the reason of a refusal)."""
    from .enums import ManagerRequestStatus
    from .models import PlaceManagerRequest

    request = PlaceManagerRequest.objects.select_related("place", "user").filter(pk=request_id).first()
    if request is None or not request.user.email or request.status == ManagerRequestStatus.PENDING:
        return 0
    approved = request.status == ManagerRequestStatus.APPROVED
    subject = "Vous gérez maintenant ce lieu" if approved else "Votre demande de gestion d'un lieu"
    context = {"request": request, "place": request.place, "approved": approved, **_place_urls(request.place)}
    send_templated_email("structures/emails/manager_decision", subject, request.user.email, context)
    return 1


@shared_task(name="structures.send_error_report_emails")
def send_error_report_emails(report_id: int) -> int:
    """One e-mail to each manager of the place and each organiser (once for someone who is both)."""
    from .models import PlaceErrorReport
    from .services_care import managers_of

    report = PlaceErrorReport.objects.select_related("place").filter(pk=report_id).first()
    if report is None:
        return 0
    from mediane.accounts.models import User

    managers = User.objects.filter(pk__in=list(managers_of([report.place_id])), is_active=True).exclude(email="")
    addresses = sorted({person.email for person in [*managers, *_organisers()]})
    context = {
        "report": report,
        "place": report.place,
        "url": absolute_url(reverse("structures:error_report", args=[report.pk])),
    }
    for address in addresses:
        send_templated_email(
            "structures/emails/error_report", f"Erreur signalée : {report.place.nom}", address, context
        )
    return len(addresses)


@shared_task(name="structures.send_error_report_answer")
def send_error_report_answer(report_id: int) -> int:
    """Send the reporter what was done about the error they reported."""
    from .models import PlaceErrorReport

    report = PlaceErrorReport.objects.select_related("place").filter(pk=report_id).first()
    if report is None or not report.contact_email or not report.answer:
        return 0
    context = {"report": report, "place": report.place, **_place_urls(report.place)}
    send_templated_email(
        "structures/emails/error_report_answer", "Réponse à votre signalement", report.contact_email, context
    )
    return 1


@shared_task(name="structures.send_reminder_email")
def send_reminder_email(user_id: int, place_ids: list[int]) -> int:
    """The yearly reminder: every place the person manages that needs checking, with links to confirm or edit."""
    from mediane.accounts.models import User

    from .models import Place

    user = User.objects.filter(pk=user_id, is_active=True).first()
    places = list(Place.objects.filter(pk__in=place_ids).order_by("nom", "pk"))
    if user is None or not user.email or not places:
        return 0
    context = {
        "places": [{"place": place, **_place_urls(place)} for place in places],
        "my_places_url": absolute_url(reverse("structures:my_places")),
    }
    subject = "Vos lieux sont-ils toujours à jour ?"
    send_templated_email("structures/emails/reminder", subject, user.email, context)
    return 1


@shared_task(name="structures.remind_managers")
def remind_managers_task() -> dict[str, int]:
    """Daily: remind the managers of the places not confirmed for a year (`services_care.remind_managers`), and
    delete the files kept for the mapping journey past their day (`services_sources.discard_expired_drafts`), so
    that an organiser's file does not wait for the next upload to go."""
    from .services_care import remind_managers
    from .services_sources import discard_expired_drafts

    discard_expired_drafts()
    return remind_managers(timezone.now())
