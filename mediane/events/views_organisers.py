"""The organisers' pages of events: every event (drafts too), create, edit, publish, cancel, and the participant
list with its waiting list and CSV. Thin: check the permission, call one service, redirect or render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane.downloads import csv_download
from mediane.ratelimits import writes_limited
from mediane.registrations import views as registration_views

from . import services
from .forms import EventForm
from .models import Event

MANAGE_PAGE_SIZE = 200


def _require_manager(request) -> None:
    if not request.user.has_perm("events.manage"):
        raise PermissionDenied


def _event(pk: int) -> Event:
    return get_object_or_404(Event.objects.for_listing(), pk=pk)


@login_required
def manage(request):
    """Every event, drafts included, the latest start first. One query."""
    _require_manager(request)
    events = list(Event.objects.for_listing().order_by("-starts_at", "-pk")[:MANAGE_PAGE_SIZE])
    return render(request, "events/manage.html", {"events": events})


def _save(request, event: Event | None):
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event) if event else None)
    if request.method == "POST" and form.is_valid():
        try:
            if event is None:
                event = services.create_event(form.event_data(), publish="publish" in request.POST)
                messages.success(request, "L'événement est enregistré.")
            else:
                event = services.update_event(event, form.event_data())
                messages.success(request, "Les modifications sont enregistrées.")
        except services.EventError as error:
            form.add_error(None, error.message)
        else:
            return redirect(event)
    status = 400 if form.is_bound else 200
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=status)


@login_required
@writes_limited
def event_create(request):
    _require_manager(request)
    return _save(request, None)


@login_required
@writes_limited
def event_edit(request, pk):
    _require_manager(request)
    event = _event(pk)
    if event.is_cancelled:
        messages.error(request, "Cet événement est annulé : il ne peut plus être modifié.")
        return redirect(event)
    return _save(request, event)


def _change_status(request, pk: int, change, done: str):
    _require_manager(request)
    event = _event(pk)
    try:
        change(event)
        messages.success(request, done)
    except services.EventError as error:
        messages.error(request, error.message)
    return redirect(event)


@login_required
@require_POST
@writes_limited
def event_publish(request, pk):
    return _change_status(request, pk, services.publish_event, "L'événement est publié : il est dans l'agenda.")


@login_required
@writes_limited
def event_cancel(request, pk):
    """A GET asks to confirm (who will be told); the POST cancels: it cannot be undone."""
    if request.method == "POST":
        return _change_status(
            request,
            pk,
            services.cancel_event,
            "L'événement est annulé. Il reste dans l'agenda, marqué « Annulé », et les personnes inscrites ou en "
            "attente ont reçu un e-mail.",
        )
    _require_manager(request)
    event = _event(pk)
    if event.is_cancelled:
        return redirect(event)
    return render(request, "events/cancel.html", {"event": event, "told": event.registrations.active().count()})


@login_required
def participants(request, pk):
    """People with a seat, then the waiting list in its order, then requests not confirmed. Four queries."""
    if not request.user.has_perm("events.view_participants"):
        raise PermissionDenied
    event = _event(pk)
    rows = event.registrations.select_related("user")
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "seated": list(rows.seated()),
            "waiting": list(rows.waiting()),
            "pending": list(rows.pending()),
        },
    )


@login_required
def participants_csv(request, pk):
    if not request.user.has_perm("events.view_participants"):
        raise PermissionDenied
    event = _event(pk)
    return csv_download(
        registration_views.participant_rows(event),
        f"participants-evenement-{event.pk}.csv",
        header=registration_views.CSV_HEADER,
    )
