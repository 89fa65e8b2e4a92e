"""Views of the care of places for the people who keep them right: « Mes lieux » (and its panel on the account page),
the error reports (every one for organisers, those of their places for managers) and the organisers' requests to
manage a place. Each list runs a constant number of queries; an object someone may not see is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render

from mediane import numbers
from mediane.accounts.rules import is_organiser
from mediane.ratelimits import writes_limited

from . import services_care
from .enums import ErrorReportStatus, ManagerRequestStatus
from .forms_care import DecisionForm, HandleReportForm, ReportFilterForm
from .models import Place, PlaceErrorReport, PlaceManagerRequest
from .services_care import CareError

PAGE_SIZE = 50
PANEL_PLACES = 5


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))


def _open_reports():
    """The number of open reports of the place of the outer query, as a subquery (no join that multiplies rows)."""
    reports = (
        PlaceErrorReport.objects.filter(place=OuterRef("pk"), status=ErrorReportStatus.OPEN)
        .order_by()
        .values("place")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(reports, output_field=IntegerField()), Value(0))


def managed_places(user):
    """The places `user` manages, by name, with their number of open reports."""
    return (
        Place.objects.managed_by(user)
        .select_related("structure")
        .only("pk", "nom", "commune", "code_postal", "confirmed_at", "date_maj", "structure__name")
        .annotate(open_reports=_open_reports())
        .order_by("nom", "pk")
    )


@login_required
def my_places(request):
    """« Mes lieux »: each place the person manages, its open reports, when it was confirmed, and what to do."""
    page = _page(request, managed_places(request.user))
    return render(request, "structures/care/my_places.html", {"page": page})


def profile_panel(request) -> dict | None:
    """The account page's « Mes lieux » panel, for a person who manages at least one place. One query."""
    if not request.user.is_authenticated:
        return None
    places = list(managed_places(request.user)[: PANEL_PLACES + 1])
    if not places:
        return None
    return {"places": places[:PANEL_PLACES], "more": len(places) > PANEL_PLACES}


# --- Error reports ----------------------------------------------------------------------------------------


@login_required
def error_reports(request):
    """Every report for organisers, the reports of their places for managers; open ones first, 50 a page."""
    user = request.user
    if not is_organiser(user) and not Place.objects.managed_by(user).exists():
        raise PermissionDenied
    form = ReportFilterForm(request.GET or None)
    reports = PlaceErrorReport.objects.visible_to(user).select_related("place").order_by("status", "-created_at", "-pk")
    status = form.cleaned_data.get("statut") if form.is_valid() else ""
    if status:
        reports = reports.filter(status=status)
    context = {"page": _page(request, reports), "form": form, "status": status, "organiser": is_organiser(user)}
    return render(request, "structures/care/error_reports.html", context)


@login_required
@writes_limited
def error_report(request, pk: int):
    """One report: what is wrong, who to answer, and « Marquer comme traité » with what was done."""
    report = get_object_or_404(
        PlaceErrorReport.objects.visible_to(request.user).select_related("place", "handled_by"), pk=pk
    )
    form = HandleReportForm(request.POST or None)
    if request.method == "POST" and report.status == ErrorReportStatus.OPEN and form.is_valid():
        try:
            services_care.handle_error_report(request.user, report, form.cleaned_data["answer"])
        except CareError as error:
            form.add_error(None, str(error))
        else:
            answered = " La personne reçoit votre réponse par e-mail." if report.contact_email else ""
            messages.success(request, f"Le signalement est marqué comme traité.{answered}")
            return redirect("structures:error_report", pk=report.pk)
    context = {
        "report": report,
        "form": form,
        "can_edit": request.user.has_perm("structures.edit_place", report.place),
    }
    return render(request, "structures/care/error_report.html", context)


# --- Requests to manage a place ---------------------------------------------------------------------------


def _require_decider(user) -> None:
    if not user.has_perm("structures.decide_manager_requests"):
        raise PermissionDenied


@login_required
def manager_requests(request):
    """The organisers' list of requests to manage a place: pending first, then the most recent, 50 a page."""
    _require_decider(request.user)
    pending_first = Case(When(status=ManagerRequestStatus.PENDING, then=Value(0)), default=Value(1))
    requests = (
        PlaceManagerRequest.objects.visible_to(request.user)
        .select_related("place", "user")
        .order_by(pending_first, "-created_at", "-pk")
    )
    pending = PlaceManagerRequest.objects.filter(status=ManagerRequestStatus.PENDING).count()
    context = {"page": _page(request, requests), "pending": pending}
    return render(request, "structures/care/manager_requests.html", context)


@login_required
@writes_limited
def manager_request(request, pk: int):
    """One request: the person's message, and the organiser's answer (a refusal says why)."""
    _require_decider(request.user)
    manager_request = get_object_or_404(
        PlaceManagerRequest.objects.visible_to(request.user).select_related("place", "user", "decided_by"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    is_pending = manager_request.status == ManagerRequestStatus.PENDING
    if request.method == "POST" and is_pending and form.is_valid():
        approve = form.cleaned_data["decision"] == "accepter"
        try:
            services_care.decide_manager_request(
                request.user, manager_request, approve=approve, reason=form.cleaned_data["reason"]
            )
        except CareError as error:
            form.add_error(None, str(error))
        else:
            done = "acceptée : la personne peut maintenant modifier le lieu" if approve else "refusée"
            messages.success(request, f"La demande est {done}. Elle reçoit un e-mail.")
            return redirect("structures:manager_requests")
    context = {"manager_request": manager_request, "form": form, "is_pending": is_pending}
    return render(request, "structures/care/manager_request.html", context)
