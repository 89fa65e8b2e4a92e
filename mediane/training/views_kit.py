"""Views of the kit: the public catalogue with its French search and filters, a resource's page, and the
organisers' pages (every resource with drafts, create, edit, publish, unpublish). Thin: fetch and check access,
call one service, redirect or render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.consultation.markup import render_markup
from mediane.consultation.search import highlight
from mediane.downloads import csv_download, json_download
from mediane.ratelimits import writes_limited

from . import open_data_kit, services_kit
from .enums_kit import KitFormat, KitLicence, KitPublic
from .forms_kit import KitResourceForm, KitSearchForm, competence_choices
from .models_kit import KitResource

PAGE_SIZE = 20
MANAGE_PAGE_SIZE = 500


def _require_manager(request) -> None:
    if not request.user.has_perm("training.manage_kit"):
        raise PermissionDenied


def _visible_resource(request, slug: str) -> KitResource:
    """The resource if this person may see it; a draft is « not found » for everyone but organisers."""
    resource = get_object_or_404(KitResource.objects.for_listing(), slug=slug)
    if not request.user.has_perm("training.view_kit_resource", resource):
        raise Http404("Cette ressource n'existe pas ou n'est pas publiée.")
    return resource


# --- Public pages ------------------------------------------------------------------------------------------


def kit(request):
    """Published resources, searched in French and filtered by competence, public, format and licence; 20 a page.
    Five queries whatever the number of resources: competences of the filter, count, page, and the page's
    competences and publics."""
    competences = competence_choices()
    form = KitSearchForm(request.GET or None, competences=competences)
    filters = form.filters()
    resources = (
        KitResource.objects.published().with_competence(filters.get("competence")).for_public(filters.get("public", ""))
    )
    if filters.get("format"):
        resources = resources.filter(format=filters["format"])
    if filters.get("licence"):
        resources = resources.filter(licence=filters["licence"])
    terms: list[str] = []
    hint = ""
    if filters.get("q"):
        resources, terms = resources.search(filters["q"])
        if not terms:
            hint = (
                "Ces mots sont trop courants pour être recherchés. "
                "Essayez un mot plus précis, par exemple « démarches » ou « sécurité »."
            )
    page = Paginator(resources.for_listing(), PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    rows = list(page.object_list)
    for row in rows:
        row.title_html = highlight(row.title, terms)
        row.summary_html = highlight(row.summary, terms)
    labels = dict(competences)
    chosen = [
        label
        for label in (
            labels.get(filters.get("competence", "")),
            KitPublic(filters["public"]).label if "public" in filters else None,
            KitFormat(filters["format"]).label if "format" in filters else None,
            KitLicence(filters["licence"]).label if "licence" in filters else None,
        )
        if label
    ]
    return render(
        request,
        "training/kit/kit.html",
        {
            "form": form,
            "page": page,
            "resources": rows,
            "query": urlencode(list(filters.items())),
            "search": filters.get("q", ""),
            "filtered": bool(filters),
            "chosen": chosen,
            "hint": hint,
            "can_manage": request.user.has_perm("training.manage_kit"),
        },
    )


def kit_resource(request, slug):
    resource = _visible_resource(request, slug)
    return render(
        request,
        "training/kit/resource.html",
        {
            "resource": resource,
            "description_html": mark_safe(render_markup(resource.description)),  # noqa: S308 (sanitised by markup)
            "can_manage": request.user.has_perm("training.manage_kit"),
        },
    )


def kit_csv(request):
    """Every published resource, one CSV row each (open data)."""
    return csv_download(open_data_kit.rows(), "kit-de-ressources.csv", header=open_data_kit.NAMES)


def kit_json(request):
    """Every published resource, one JSON object each (open data)."""
    return json_download(open_data_kit.rows(), open_data_kit.NAMES, "kit-de-ressources.json")


# --- Organisers' pages -------------------------------------------------------------------------------------


@login_required
def kit_manage(request):
    """Every resource, drafts first, then the latest changed. Three queries."""
    _require_manager(request)
    resources = list(
        KitResource.objects.prefetch_related("audiences").order_by("published", "-updated_at", "-pk")[:MANAGE_PAGE_SIZE]
    )
    return render(request, "training/kit/manage.html", {"resources": resources})


def _save(request, resource: KitResource | None):
    form = KitResourceForm(request.POST or None, initial=KitResourceForm.initial_for(resource) if resource else None)
    if request.method == "POST" and form.is_valid():
        try:
            if resource is None:
                resource = services_kit.create_resource(form.resource_data(), publish="publish" in request.POST)
                messages.success(
                    request,
                    "La ressource est publiée." if resource.published else "La ressource est enregistrée (brouillon).",
                )
            else:
                resource = services_kit.update_resource(resource, form.resource_data())
                messages.success(request, "Les modifications sont enregistrées.")
        except services_kit.KitError as error:
            form.add_error(None, error.message)
        else:
            return redirect(resource)
    status = 400 if form.is_bound else 200
    return render(request, "training/kit/resource_form.html", {"form": form, "resource": resource}, status=status)


@login_required
@writes_limited
def kit_create(request):
    _require_manager(request)
    return _save(request, None)


@login_required
@writes_limited
def kit_edit(request, slug):
    _require_manager(request)
    return _save(request, get_object_or_404(KitResource.objects.prefetch_related("audiences"), slug=slug))


def _change(request, slug: str, change, done: str):
    _require_manager(request)
    resource = get_object_or_404(KitResource, slug=slug)
    change(resource)
    messages.success(request, done)
    return redirect(resource)


@login_required
@require_POST
@writes_limited
def kit_publish(request, slug):
    return _change(request, slug, services_kit.publish_resource, "La ressource est publiée : elle est dans le kit.")


@login_required
@require_POST
@writes_limited
def kit_unpublish(request, slug):
    return _change(
        request,
        slug,
        services_kit.unpublish_resource,
        "La ressource est retirée du kit : elle redevient un brouillon, que seuls les organisateurs voient.",
    )
