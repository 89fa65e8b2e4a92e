"""Views of the care of places: a manager edits and confirms a place, anyone reads its history (and downloads every
change as open data), reports an error, or asks to manage it. The managers' and organisers' lists are in
`views_care_lists.py`. Thin: check access, call one service of `services_care`, then redirect or render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mediane import downloads, numbers, ratelimits
from mediane.ratelimits import writes_limited

from . import services_care
from .forms_care import AskToManageForm, ErrorReportForm, PlaceEditForm, change_lines
from .models import Place, PlaceRevision
from .services_care import CareError, PlaceChangeError

HISTORY_PAGE_SIZE = 30
# The limit an error report counts under, per client address (anonymous visitors write here).
REPORT_LIMIT = "place-error-reports"
REVISIONS_CSV_HEADER = (
    "id_lieu",
    "source",
    "nom_lieu",
    "date",
    "role",
    "nature",
    "champ",
    "avant",
    "apres",
)


def _place(pk: int) -> Place:
    return get_object_or_404(Place.objects.select_related("structure"), pk=pk)


def _editable_place(request, pk: int) -> Place:
    """The place, if the person may edit it; the page of a place is public, so anyone else gets a 403 page."""
    place = _place(pk)
    if not request.user.has_perm("structures.edit_place", place):
        raise PermissionDenied
    return place


def _place_url(place: Place) -> str:
    return reverse("orientation:place", args=[place.pk])


@login_required
@writes_limited
def place_edit(request, pk: int):
    """The manager's form: services, publics, hours day by day, accessibility, contact."""
    place = _editable_place(request, pk)
    form = PlaceEditForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        if not form.errors:
            try:
                revision = services_care.update_place(request.user, place, changes)
            except PlaceChangeError as error:
                form.add_service_errors(error.errors)
            else:
                if revision is None:
                    messages.info(request, "Rien n'a changé : les informations du lieu restent les mêmes.")
                else:
                    messages.success(request, "Les informations du lieu sont enregistrées. Merci !")
                return redirect(_place_url(place))
    return render(request, "structures/care/place_edit.html", {"place": place, "form": form})


@login_required
@require_POST
@writes_limited
def place_confirm(request, pk: int):
    """« Les informations sont à jour »: the place page then says when they were checked."""
    place = _editable_place(request, pk)
    services_care.confirm_place(request.user, place)
    messages.success(request, "Merci : la page du lieu indique maintenant que ses informations sont vérifiées.")
    return redirect(_place_url(place))


def place_history(request, pk: int):
    """Every change of a place, most recent first, page by page: date, role (never a name), fields, old → new."""
    place = _place(pk)
    page = Paginator(place.revisions.all(), HISTORY_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    entries = [{"revision": revision, "lines": change_lines(revision)} for revision in page]
    return render(request, "structures/care/history.html", {"place": place, "page": page, "entries": entries})


def _cell(value) -> str:
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _revision_rows():
    revisions = PlaceRevision.objects.select_related("place__place_source").order_by("created_at", "pk")
    for revision in revisions.iterator(chunk_size=2000):
        place = revision.place
        head = [
            place.id_standard,
            place.place_source.slug if place.place_source_id else "",
            place.nom,
            timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M"),
            revision.get_author_role_display(),
            revision.get_kind_display(),
        ]
        if not revision.changes:
            yield [*head, "", "", ""]
        for field, change in (revision.changes or {}).items():
            yield [*head, field, _cell(change.get("avant")), _cell(change.get("apres"))]


def revisions_csv(request):
    """Open data: every change of every place, one row per field changed; roles only, no name or address."""
    name = f"modifications-lieux-{timezone.localdate().isoformat()}.csv"
    return downloads.csv_download(_revision_rows(), name, header=REVISIONS_CSV_HEADER)


@login_required
@writes_limited
def ask_to_manage(request, pk: int):
    """A signed-in person asks to manage a place: who they are and their role in it."""
    place = _place(pk)
    if request.user.has_perm("structures.edit_place", place):
        messages.info(request, "Vous pouvez déjà modifier ce lieu.")
        return redirect("structures:place_edit", pk=place.pk)
    form = AskToManageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_care.ask_to_manage(request.user, place, form.cleaned_data["message"])
        except CareError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Votre demande est envoyée à l'équipe d'animation. Vous recevrez sa réponse par e-mail.",
            )
            return redirect(_place_url(place))
    return render(request, "structures/care/ask_to_manage.html", {"place": place, "form": form})


def report_error(request, pk: int):
    """« Signaler une erreur »: anyone, without an account; counted per client address."""
    place = _place(pk)
    form = ErrorReportForm(request.POST or None)
    if request.method == "POST":
        verdict = ratelimits.hit(REPORT_LIMIT, ratelimits.address_key(request))
        if not verdict.allowed:
            return ratelimits.refuse_write(request, verdict)
        if form.is_valid():
            try:
                services_care.report_error(
                    place, form.cleaned_data["message"], form.cleaned_data["contact_email"], author=request.user
                )
            except CareError as error:
                form.add_error(None, str(error))
            else:
                return redirect("structures:report_error_sent", pk=place.pk)
    return render(request, "structures/care/report_error.html", {"place": place, "form": form})


def report_error_sent(request, pk: int):
    place = _place(pk)
    return render(request, "structures/care/report_error_sent.html", {"place": place})
