"""Views of events: the public agenda, an event and its registration, the e-mails' pages, the calendars, and the
organisers' pages. Thin: fetch and check access, call one service, redirect or render."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.consultation.markup import render_markup
from mediane.ratelimits import writes_limited
from mediane.registrations import services as registrations
from mediane.registrations import views as registration_views
from mediane.registrations.forms import PublicRegistrationForm

from . import calendar
from .enums import PUBLIC_STATUSES, EventKind
from .forms import AgendaFilterForm
from .models import Event, EventRegistration

PAGE_SIZE = 20
FEED_PAST_DAYS = 90  # the feed keeps recent past events, so that a calendar does not lose them at once


def _visible_event(request, pk: int) -> Event:
    """The event if this person may see it; a draft is « not found » for everyone but organisers."""
    event = get_object_or_404(Event.objects.for_listing(), pk=pk)
    if not request.user.has_perm("events.view_event", event):
        raise Http404("Cet événement n'existe pas ou n'est pas encore publié.")
    return event


def _page_number(request) -> int:
    try:
        return numbers.parse_int(request.GET.get("page", "1"), minimum=1, maximum=numbers.MAX_ID, label="page")
    except numbers.NumberError:
        return 1


# --- Public pages ------------------------------------------------------------------------------------------


def agenda(request):
    """Upcoming public events, the soonest first, filtered by kind and département. Two queries."""
    form = AgendaFilterForm(request.GET or None)
    events = Event.objects.public().upcoming().for_listing()
    chosen_kind, chosen_departement = "", ""
    if form.is_bound and form.is_valid():
        chosen_kind, chosen_departement = form.cleaned_data["type"], form.cleaned_data["departement"]
        if chosen_kind:
            events = events.filter(kind=chosen_kind)
        if chosen_departement:
            events = events.in_departement(chosen_departement)
    page = Paginator(events, PAGE_SIZE).get_page(_page_number(request))
    return render(
        request,
        "events/agenda.html",
        {
            "form": form if form.is_bound else AgendaFilterForm(),
            "page": page,
            "events": list(page.object_list),
            "filtered": bool(chosen_kind or chosen_departement),
            "query": urlencode(
                [(key, value) for key, value in (("type", chosen_kind), ("departement", chosen_departement)) if value]
            ),
            "kind_label": EventKind(chosen_kind).label if chosen_kind else "",
            "departement": chosen_departement,
            "can_manage": request.user.has_perm("events.manage"),
        },
    )


def past(request):
    """Past public events, the most recent first. Two queries."""
    page = Paginator(Event.objects.public().past().for_listing(), PAGE_SIZE).get_page(_page_number(request))
    return render(request, "events/past.html", {"page": page, "events": list(page.object_list)})


def _event_page(request, event: Event, form: PublicRegistrationForm, status: int = 200):
    mine = registrations.active_registration_of(event, request.user)
    return render(
        request,
        "events/event.html",
        {
            "event": event,
            "description_html": mark_safe(render_markup(event.description)),  # noqa: S308 (sanitised by markup)
            "mine": mine,
            "position": mine.waiting_position() if mine else None,
            "form": form,
            "can_manage": request.user.has_perm("events.manage"),
        },
        status=status,
    )


def event_detail(request, pk):
    return _event_page(request, _visible_event(request, pk), PublicRegistrationForm())


@require_POST
@writes_limited
def register(request, pk):
    """Register: a signed-in person in one click; the public with a name and an e-mail, then « Vérifiez votre
    boîte e-mail ». A refusal says why on the event page, nothing written."""
    event = _visible_event(request, pk)
    if not event.accepts_registrations:
        messages.error(request, "Les inscriptions à cet événement sont fermées.")
        return redirect(event)
    if request.user.is_authenticated:
        try:
            registration = registrations.register(event, user=request.user)
        except registrations.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(event)
        if registration.is_registered:
            messages.success(request, "C'est fait : vous êtes inscrit·e. Un e-mail vous le confirme.")
        else:
            messages.info(
                request, "L'événement est complet : vous êtes sur la liste d'attente. Un e-mail vous le confirme."
            )
        return redirect(event)
    form = PublicRegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = registrations.register(
                event, name=form.cleaned_data["name"], email=form.cleaned_data["email"]
            )
        except registrations.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "events/check_inbox.html", {"event": event, "email": registration.email})
    return _event_page(request, event, form, status=400)


def registration_confirm(request, token):
    return registration_views.confirm_page(request, token, EventRegistration)


def registration_leave(request, token):
    return registration_views.leave_page(request, token, EventRegistration)


@login_required
def my_registrations(request):
    """The signed-in person's registrations that are not cancelled, upcoming events first. One query."""
    email = request.user.email.lower()
    rows = (
        EventRegistration.objects.active()
        .filter(Q(user=request.user) | Q(email=email), registrable__status__in=PUBLIC_STATUSES)
        .select_related("registrable", "registrable__place")
        .order_by("registrable__starts_at", "pk")
    )
    return render(request, "events/my_registrations.html", {"registrations": list(rows)})


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def agenda_ics(request):
    """The feed of public events (upcoming and of the last 90 days), for a calendar application. One query."""
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    events = Event.objects.public().upcoming(since).for_listing()
    return _ics(calendar.calendar_of(events, "Agenda de l'inclusion numérique"), "agenda.ics")


def event_ics(request, pk):
    event = _visible_event(request, pk)
    return _ics(calendar.calendar_of([event], event.title), f"evenement-{event.pk}.ics")
