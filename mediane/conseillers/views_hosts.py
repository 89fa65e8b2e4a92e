"""Pages of the host structures: the programme's public page, registration, a manager's structures (the team's
all), a structure's page with its requests, opinions, conventions and history, its edit, a request for positions,
and the team's status change.

Thin views: fetch through `HostStructure.objects.visible_to(user)` (anyone else gets a 404 that reveals nothing),
check the permission of the action, call one service, redirect or render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect, render

from mediane import numbers
from mediane.ratelimits import writes_limited
from mediane.structures.communes import load_communes

from . import services_hosts as services
from .enums import HostStatus
from .forms_hosts import HostFilterForm, HostForm, HostStatusForm, RequestForm
from .models import PROGRAMME_POSITIONS, CommitteeDecision, HostStructure, is_programme_team
from .models_candidates import Candidate
from .services import ProgrammeError
from .views_access import host_or_404, query_without_page

LIST_PAGE_SIZE = 50


def home(request):
    """The programme explained, its figures (2 queries) and the entry points; a signed-in person's own spaces."""
    figures = HostStructure.objects.aggregate(
        granted=Sum("positions_granted"), validated=Count("pk", filter=Q(status=HostStatus.VALIDATED))
    )
    context = {
        "granted": figures["granted"] or 0,
        "validated": figures["validated"],
        "candidates": Candidate.objects.filter(deleted_at__isnull=True).count(),
        "total": PROGRAMME_POSITIONS,
        "my_hosts": [],
        "is_candidate": False,
        "is_team": False,
    }
    user = request.user
    if user.is_authenticated:
        context["my_hosts"] = list(HostStructure.objects.managed_by(user).order_by("name", "pk")[:10])
        context["is_candidate"] = Candidate.objects.filter(user=user, deleted_at__isnull=True).exists()
        context["is_team"] = is_programme_team(user)
    return render(request, "conseillers/hosts/home.html", context)


@login_required
@writes_limited
def host_register(request):
    form = HostForm(request.POST or None)
    duplicate = False
    if request.method == "POST" and form.is_valid():
        try:
            host = services.register_host(
                form.host_data(), by=request.user, other_request=form.cleaned_data["other_request"]
            )
        except ProgrammeError as error:
            form.add_error("siret" if isinstance(error, services.SiretError) else None, error.message)
            duplicate = isinstance(error, services.DuplicateSiret)
        else:
            if host.status == HostStatus.DUPLICATE:
                messages.warning(
                    request, "Votre inscription est enregistrée comme doublon : l'équipe du programme la vérifie."
                )
            else:
                messages.success(request, "Votre structure est inscrite. Le comité de sélection examinera sa demande.")
            return redirect(host)
    return render(
        request,
        "conseillers/hosts/form.html",
        {
            "form": form,
            "page_title": "Inscrire ma structure",
            "submit": "Inscrire ma structure",
            "duplicate": duplicate,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def host_list(request):
    """A manager's structures, or every structure for the programme team, filtered; 50 a page, 2 queries."""
    team = is_programme_team(request.user)
    hosts = HostStructure.objects.visible_to(request.user).annotate(
        pending=Count("requests", filter=Q(requests__status="en_cours"))
    )
    filters = HostFilterForm(request.GET or None)
    if team and filters.is_valid():
        data = filters.cleaned_data
        if data["status"]:
            hosts = hosts.filter(status=data["status"])
        if data["departement"]:
            hosts = hosts.filter(departement=data["departement"].upper().zfill(2))
        if data["q"]:
            text = data["q"].strip()
            hosts = hosts.filter(Q(name__icontains=text) | Q(siret="".join(text.split())))
    page = Paginator(hosts.order_by("name", "pk"), LIST_PAGE_SIZE).get_page(
        numbers.page_number(request.GET.get("page"))
    )
    return render(
        request,
        "conseillers/hosts/list.html",
        {"page": page, "hosts": list(page), "team": team, "filters": filters, "query": query_without_page(request)},
    )


def _status_text(host: HostStructure) -> str:
    return services.NEXT_STEP.get(host.status, "")


@login_required
def host_detail(request, pk):
    host = host_or_404(request, pk)
    user = request.user
    requests = list(host.requests.all())
    decisions = list(
        CommitteeDecision.objects.filter(request__host=host)
        .select_related("request", "convention")
        .order_by("-decided_on", "-pk")
    )
    context = {
        "host": host,
        "next_step": _status_text(host),
        "requests": requests,
        "decisions": decisions,
        "conventions": list(host.conventions.all()),
        "log": list(host.log.all()[:100]),
        "team": is_programme_team(user),
        "can_edit": user.has_perm("conseillers.edit_host", host) and services.can_edit(host),
        "can_request": user.has_perm("conseillers.request_positions", host) and services.can_edit(host),
        "validated": host.status == HostStatus.VALIDATED,
        "held": services.positions_held(host),
    }
    return render(request, "conseillers/hosts/detail.html", context)


@login_required
@writes_limited
def host_edit(request, pk):
    host = host_or_404(request, pk)
    if not request.user.has_perm("conseillers.edit_host", host):
        raise PermissionDenied
    if not services.can_edit(host):
        messages.error(request, "Cette inscription est close : elle ne peut plus être modifiée.")
        return redirect(host)
    initial = {name: getattr(host, name) for name in HostForm.base_fields if hasattr(host, name)}
    initial["commune"] = load_communes().by_insee(host.insee_code) or host.commune
    form = HostForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_host(host, form.host_data(host.siret), by=request.user)
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Les informations de votre structure sont enregistrées.")
            return redirect(host)
    return render(
        request,
        "conseillers/hosts/form.html",
        {"form": form, "host": host, "page_title": "Modifier l'inscription", "submit": "Enregistrer"},
        status=400 if form.is_bound else 200,
    )


@login_required
@writes_limited
def request_create(request, pk):
    host = host_or_404(request, pk)
    if not request.user.has_perm("conseillers.request_positions", host):
        raise PermissionDenied
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_positions(host, data["kind"], data["positions"], data["reason"], by=request.user)
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Votre demande est déposée. Le comité de sélection l'examinera.")
            return redirect(host)
    return render(
        request,
        "conseillers/hosts/host_form.html",
        {"form": form, "host": host, "page_title": "Demander des postes ou en rendre", "submit": "Déposer la demande"},
        status=400 if form.is_bound else 200,
    )


@login_required
@writes_limited
def host_status(request, pk):
    host = host_or_404(request, pk)
    if not request.user.has_perm("conseillers.manage_programme"):
        raise PermissionDenied
    form = HostStatusForm(request.POST or None, current=host.status)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_host_status(
                host, form.cleaned_data["status"], by=request.user, note=form.cleaned_data["note"]
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Le statut de la structure est changé.")
            return redirect(host)
    return render(
        request,
        "conseillers/hosts/host_form.html",
        {"form": form, "host": host, "page_title": "Changer le statut", "submit": "Changer le statut"},
        status=400 if form.is_bound else 200,
    )


def profile_panel(request) -> dict | None:
    """The account page's link to « Mes structures d'accueil de conseillers numériques », for their managers."""
    if not request.user.is_authenticated:
        return None
    hosts = HostStructure.objects.managed_by(request.user).aggregate(count=Count("pk"))
    return hosts if hosts["count"] else None
