"""The pages behind the e-mails' links, which an app wires with its own registration model:

    path("inscriptions/<str:token>/confirmer/", views.confirm, name="registration_confirm")
    def confirm(request, token): return registration_views.confirm_page(request, token, EventRegistration)

A GET shows the registration and one button; only the POST changes it (a mail client or an antivirus that opens
links beforehand must not confirm or cancel anything). After the POST, the page is shown again (redirect).
Also: the rows of a participant list's CSV, for the app's organiser view.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from mediane.ratelimits import writes_limited

from . import services
from .models import Registrable, Registration

CSV_HEADER = ("Liste", "Position", "Nom", "Adresse e-mail", "Avec un compte", "Confirmée le", "Place obtenue le")


def _registration(model: type[Registration], token: str) -> Registration:
    registration = services.find_by_token(model, token)
    if registration is None:
        raise Http404("Ce lien ne correspond à aucune inscription. Vérifiez qu'il est complet, ou inscrivez-vous.")
    return registration


def _page(request: HttpRequest, template: str, registration: Registration, context: dict | None) -> HttpResponse:
    return render(
        request,
        template,
        {
            "registration": registration,
            "registrable": registration.registrable,
            "position": registration.waiting_position(),
            **(context or {}),
        },
    )


@writes_limited
def confirm_page(
    request: HttpRequest,
    token: str,
    model: type[Registration],
    template: str = "registrations/confirm.html",
    context: dict | None = None,
) -> HttpResponse:
    registration = _registration(model, token)
    if request.method == "POST":
        try:
            services.confirm(registration)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        return redirect(request.path)
    registration.refresh_from_db()
    return _page(request, template, registration, context)


@writes_limited
def leave_page(
    request: HttpRequest,
    token: str,
    model: type[Registration],
    template: str = "registrations/leave.html",
    context: dict | None = None,
) -> HttpResponse:
    registration = _registration(model, token)
    if request.method == "POST":
        was_waiting = registration.is_waiting
        services.leave(registration)
        messages.success(
            request,
            "C'est noté : vous avez quitté la liste d'attente."
            if was_waiting
            else "C'est noté : votre place est libérée pour quelqu'un d'autre. Merci de nous avoir prévenus.",
        )
        return redirect(request.path)
    return _page(request, template, registration, context)


def _local(moment):
    return timezone.localtime(moment).replace(microsecond=0) if moment else None


def participant_rows(registrable: Registrable) -> Iterator[tuple]:
    """The participants, then the waiting list in its order, then the requests still to confirm: rows of the CSV
    (header `CSV_HEADER`). Three queries."""
    lists = (
        ("inscrit·e", registrable.registrations.seated()),  # type: ignore[attr-defined]
        ("liste d'attente", registrable.registrations.waiting()),  # type: ignore[attr-defined]
        ("à confirmer", registrable.registrations.pending()),  # type: ignore[attr-defined]
    )
    for label, rows in lists:
        for position, row in enumerate(rows, start=1):
            yield (
                label,
                position,
                row.name,
                row.email,
                "oui" if row.user_id else "non",
                _local(row.confirmed_at),
                _local(row.moved_in_at or (row.confirmed_at if row.is_registered else None)),
            )
