"""The adviser's activity reports: recording one (an individual accompaniment or a workshop, new, changed or
copied from another), their list with its filters, one report, its deletion; and a host structure's read-only list
of its advisers' reports. Every read goes through `ActivityReport.objects.readable_by`, every write through
`services_reports`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from mediane import numbers
from mediane.ratelimits import writes_limited
from mediane.structures.models import Place

from . import services_reports
from .enums import HOLDING_STATUSES
from .enums_reports import UNKNOWN, ActivityType, PlaceType
from .forms_reports import ListFilterForm, ReportForm, commune_text, initial_of
from .models_recruitment import Recruitment
from .models_reports import ActivityReport
from .services import ProgrammeError
from .views_access import host_or_404, query_without_page

PAGE_SIZE = 50
# The directory's places offered to redirect a person to: the département's, by commune; enough for a select.
NEARBY_PLACES = 300
MY_PLACES = 100
PLACE_FIELDS = ("pk", "nom", "commune")
# How long a new report's one-time token stays spent: a double tap or a resent form comes well within the hour.
TOKEN_SECONDS = 3600


def _own(user) -> QuerySet[ActivityReport]:
    """The user's own reports, read through the visibility rule like every other read."""
    return ActivityReport.objects.readable_by(user).of_adviser(user)


def _mine(request) -> QuerySet[ActivityReport]:
    return _own(request.user)


def not_an_adviser(request):
    """What the activity pages are for, to someone who is not an adviser: how to become one."""
    return render(request, "conseillers/reports/not_adviser.html")


def _page(request, reports):
    return Paginator(reports, PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))


@login_required
def reports(request):
    """The adviser's reports, newest first, with the filters of the query string."""
    recruitment = services_reports.current_recruitment(request.user)
    mine = _mine(request)
    if recruitment is None and not mine.exists():
        return not_an_adviser(request)
    form = ListFilterForm(request.GET)
    page = _page(request, form.apply(mine).select_related("place"))
    saved = None
    if "enregistre" in request.GET:
        saved = mine.filter(pk=numbers.query_int(request.GET.get("enregistre"), default=0)).first()
    return render(
        request,
        "conseillers/reports/list.html",
        {
            "page": page,
            "form": form,
            "query": query_without_page(request),
            "saved": saved,
            "can_record": recruitment is not None,
            "filtered": bool(form.filters()),
        },
    )


def _places(user, host, *also: Place | None) -> list[Place]:
    """The adviser's places: their structure's in the directory, and the ones they reported at before."""
    used = _own(user).filter(place__isnull=False).values("place_id")
    where = Q(pk__in=used) | Q(pk__in=[place.pk for place in also if place is not None])
    if host.structure_id:
        where |= Q(structure_id=host.structure_id)
    return list(Place.objects.filter(where).only(*PLACE_FIELDS).order_by("nom", "pk")[:MY_PLACES])


def _nearby(host, *also: Place | None) -> list[Place]:
    """The directory's places of the structure's département (plus the one already chosen), to redirect to."""
    nearby = list(
        Place.objects.filter(departement=host.departement)
        .only(*PLACE_FIELDS)
        .order_by("commune", "nom", "pk")[:NEARBY_PLACES]
    )
    known = {place.pk for place in nearby}
    return nearby + [place for place in also if place is not None and place.pk not in known]


def _defaults(user, host, places: list[Place]) -> dict:
    """A new report's kind of place and place: the adviser's last ones; else their one place; else « Autre lieu » in
    the structure's commune."""
    last = (
        _own(user)
        .order_by("-created_at", "-pk")
        .only("place_type", "place_id", "place_commune", "place_postal_code")
        .first()
    )
    if last is not None and (last.place_type != PlaceType.ACTIVITY_PLACE or last.place_id):
        return {
            "place_type": last.place_type,
            "place": str(last.place_id or ""),
            "place_commune": commune_text(last.place_commune, last.place_postal_code),
        }
    if places:
        return {"place_type": PlaceType.ACTIVITY_PLACE, "place": str(places[0].pk) if len(places) == 1 else ""}
    return {"place_type": PlaceType.OTHER, "place_commune": commune_text(host.commune, host.postal_code)}


def _saved(request, report: ActivityReport, message: str):
    messages.success(request, message)
    return redirect(f"{reverse('conseillers:reports')}?enregistre={report.pk}")


def _report_form_page(request, *, kind: str, host, initial: dict, report=None, copy_of=None, also=()):
    """The form of a report, shown or sent: a new one (`report` None) or a change of `report`."""
    places = _places(request.user, host, *also)
    nearby = _nearby(host, *also)
    if request.method == "POST":
        form = ReportForm(request.POST, kind=kind, places=places, nearby=nearby)
        if form.is_valid():
            token = form.cleaned_data["jeton"]
            spent = f"conseillers:cra-jeton:{request.user.pk}:{token}"
            if report is None and token and not cache.add(spent, True, TOKEN_SECONDS):
                # The same form sent again (a double tap, « Renvoyer le formulaire »): saved once only.
                messages.info(request, "Ce compte rendu était déjà enregistré.")
                return redirect("conseillers:reports")
            try:
                if report is None:
                    saved = services_reports.record_report(form.report_data(), by=request.user)
                else:
                    saved = services_reports.update_report(report, form.report_data(), by=request.user)
            except ProgrammeError as error:
                if report is None and token:
                    cache.delete(spent)  # Nothing was saved: the corrected form may be sent with the same token.
                form.add_error(None, error.message)
            else:
                done = "enregistré" if report is None else "modifié"
                return _saved(request, saved, f"Votre compte rendu du {saved.date:%d/%m/%Y} est {done}.")
    else:
        form = ReportForm(initial=initial, kind=kind, places=places, nearby=nearby)
    return render(
        request,
        "conseillers/reports/form.html",
        {"form": form, "report": report, "copy_of": copy_of, "has_places": bool(places), "kind": kind},
    )


@login_required
@writes_limited
@require_http_methods(["GET", "POST"])
def report_new(request):
    """A new report: an individual accompaniment by default, a workshop with `?type=collectif`."""
    recruitment = services_reports.current_recruitment(request.user)
    if recruitment is None:
        return not_an_adviser(request)
    kind = ActivityType.COLLECTIVE if request.GET.get("type") == ActivityType.COLLECTIVE else ActivityType.INDIVIDUAL
    places = _places(request.user, recruitment.host)
    return _report_form_page(
        request, kind=kind, host=recruitment.host, initial=_defaults(request.user, recruitment.host, places)
    )


def _own_report(request, pk: int) -> ActivityReport:
    """A report its adviser changes: anybody else's is a 404."""
    return get_object_or_404(_mine(request).select_related("place", "redirection_place", "host"), pk=pk)


def _form_from(request, source: ActivityReport, host, data, **mode):
    """The form filled from `data`, read from the report `source` (to change it, or copied from it): its places stay
    offered even if the lists have moved on."""
    return _report_form_page(
        request,
        kind=source.kind,
        host=host,
        initial=initial_of(data),
        also=(source.place, source.redirection_place),
        **mode,
    )


@login_required
@writes_limited
@require_http_methods(["GET", "POST"])
def report_edit(request, pk: int):
    report = _own_report(request, pk)
    return _form_from(request, report, report.host, services_reports.report_data(report), report=report)


@login_required
@writes_limited
@require_http_methods(["GET", "POST"])
def report_duplicate(request, pk: int):
    """A new report pre-filled from `pk`, dated today, without the person's own details."""
    original = _own_report(request, pk)
    recruitment = services_reports.current_recruitment(request.user)
    if recruitment is None:
        return not_an_adviser(request)
    return _form_from(request, original, recruitment.host, services_reports.duplicate_data(original), copy_of=original)


@login_required
def report_detail(request, pk: int):
    report = get_object_or_404(
        ActivityReport.objects.readable_by(request.user).with_labels().select_related("recruitment__candidate"),
        pk=pk,
    )
    return render(
        request,
        "conseillers/reports/detail.html",
        # « Non communiqué ou hétérogène » is a group's status: for one person, « Non communiqué ».
        {"report": report, "mine": report.adviser_id == request.user.pk, "unknown": UNKNOWN},
    )


@login_required
@writes_limited
@require_http_methods(["GET", "POST"])
def report_delete(request, pk: int):
    report = _own_report(request, pk)
    if request.method == "POST":
        try:
            services_reports.delete_report(report, by=request.user)
        except ProgrammeError as error:
            messages.error(request, error.message)
            return redirect("conseillers:report_detail", pk=report.pk)
        messages.success(request, f"Le compte rendu du {report.date:%d/%m/%Y} est supprimé.")
        return redirect("conseillers:reports")
    return render(request, "conseillers/reports/delete.html", {"report": report})


@login_required
def host_reports(request, pk: int):
    """A structure's advisers' reports, read-only, for its managers and the programme team."""
    host = host_or_404(request, pk)
    # An adviser in post, or one who reported here before: `Exists` stops at their first report, where a join would
    # read every report of the structure on each page.
    reported = Exists(ActivityReport.objects.filter(recruitment=OuterRef("pk")))
    recruitments = (
        Recruitment.objects.filter(host=host, candidate__user__isnull=False)
        .filter(Q(status__in=HOLDING_STATUSES) | reported)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    advisers = list(dict.fromkeys((str(r.candidate.user_id), r.candidate.full_name) for r in recruitments))
    form = ListFilterForm(request.GET, advisers=advisers)
    reports = ActivityReport.objects.readable_by(request.user).filter(host=host)
    page = _page(request, form.apply(reports).select_related("place", "recruitment__candidate"))
    return render(
        request,
        "conseillers/reports/host_list.html",
        {"host": host, "page": page, "form": form, "query": query_without_page(request)},
    )
