"""Pages of the selection committee, for the programme team: every département (quota, granted, pending), a
département's requests to decide with the committee's flags, the opinion form, and the quotas (typed, or computed
from an index with a preview before saving)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from mediane import numbers
from mediane.ratelimits import writes_limited

from . import services_committee as services
from .enums import QuotaIndex, RequestKind, RequestStatus
from .forms_committee import INDEX_MAX_BYTES, DecisionForm, IndexForm, QuotasForm
from .models import DepartementQuota, HostStructure, PositionRequest, QuotaSet
from .quotas import IndexReadError, decode_index, encode_index, read_index
from .services import ProgrammeError
from .views_access import query_without_page, require_team

LIST_PAGE_SIZE = 50
FLAGS = {
    "zrr": ("rural_revitalisation_zone", "En ZRR"),
    "qpv": ("priority_district", "En QPV"),
    "fs": ("france_services", "France Services"),
}


@login_required
def committee(request):
    """Each département: its quota, the positions granted, the pending requests. 3 queries: summing the positions
    and counting the requests in one query would count a structure's positions once per request."""
    require_team(request)
    quotas = dict(DepartementQuota.objects.values_list("departement", "positions"))
    granted = HostStructure.objects.granted_by_departement()
    pending = dict(
        PositionRequest.objects.pending()
        .order_by()
        .values_list("host__departement")
        .annotate(count=Count("pk"))
        .values_list("host__departement", "count")
    )
    departements = [
        {"code": code, "quota": quotas.get(code, 0), "granted": granted.get(code, 0), "pending": pending.get(code, 0)}
        for code in services.departements()
    ]
    # Those with positions granted or requests pending first, in code order: on a phone the Rhône is not row 70 of
    # zeros.
    departements.sort(key=lambda row: not (row["granted"] or row["pending"]))
    totals = {key: sum(d[key] for d in departements) for key in ("quota", "granted", "pending")}
    return render(request, "conseillers/committee/index.html", {"departements": departements, "totals": totals})


@login_required
def committee_departement(request, departement):
    """The requests of a département to decide, with the committee's flags; filters by kind and flag."""
    require_team(request)
    if departement not in services.departements():
        raise Http404
    requests = (
        PositionRequest.objects.visible_to(request.user)
        .filter(host__departement=departement)
        .select_related("host")
        .order_by("created_at", "pk")
    )
    show = request.GET.get("statut", "en_cours")
    if show in RequestStatus.values:
        requests = requests.filter(status=show)
    kind = request.GET.get("type", "")
    if kind in RequestKind.values:
        requests = requests.filter(kind=kind)
    flag = request.GET.get("critere", "")
    if flag in FLAGS:
        requests = requests.filter(**{f"host__{FLAGS[flag][0]}": True})
    quota = DepartementQuota.objects.filter(departement=departement).first()
    granted = HostStructure.objects.in_departement(departement).positions_granted_total()
    page = Paginator(requests, LIST_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    context = {
        "departement": departement,
        "quota": quota.positions if quota else 0,
        "granted": granted,
        "left": max((quota.positions if quota else 0) - granted, 0),
        "page": page,
        "query": query_without_page(request),
        "requests": list(page),
        "show": show,
        "kind": kind,
        "flag": flag,
        "statuses": RequestStatus.choices,
        "kinds": RequestKind.choices,
        "flags": [(key, label) for key, (_, label) in FLAGS.items()],
    }
    return render(request, "conseillers/committee/departement.html", context)


@login_required
@writes_limited
def decision_create(request, pk):
    position_request = get_object_or_404(PositionRequest.objects.visible_to(request.user).select_related("host"), pk=pk)
    require_team(request)
    initial = {"decided_on": timezone.localdate(), "positions_granted": position_request.positions}
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.record_opinion(
                position_request,
                data["opinion"],
                data["positions_granted"] or 0,
                data["decided_on"],
                data["note"],
                by=request.user,
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"L'avis {decision.number} est enregistré ; la structure est prévenue.")
            return redirect("conseillers:committee_departement", position_request.host.departement)
    host = position_request.host
    return render(
        request,
        "conseillers/committee/decision_form.html",
        {
            "form": form,
            "position_request": position_request,
            "host": host,
            "directory_managers_kept": services.directory_managers_kept(host),
        },
        status=400 if form.is_bound else 200,
    )


def _index_from_form(form: IndexForm) -> tuple[str, dict[str, int]]:
    """The index chosen: (its `QuotaIndex`, its values). Raises IndexReadError or ProgrammeError."""
    choice = form.cleaned_data["index"]
    if choice == QuotaIndex.POPULATION:
        return choice, services.compute_index(choice)
    upload = form.cleaned_data.get("file")
    if upload is not None:
        if upload.size > INDEX_MAX_BYTES:
            raise ProgrammeError("Le fichier dépasse 200 Ko : il ne doit contenir qu'une ligne par département.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProgrammeError("Le fichier n'est pas un texte en UTF-8 : enregistrez-le en CSV UTF-8.") from None
    else:
        text = form.cleaned_data["values"]
    index = read_index(text)
    unknown = sorted(set(index) - set(services.departements()))
    if unknown:
        raise ProgrammeError(f"Ces codes ne sont pas des départements connus : {', '.join(unknown[:10])}.")
    return QuotaIndex.GIVEN, index


@login_required
@writes_limited
def quotas(request):
    """Every département's quota: typed by hand, or computed from an index and shown before saving."""
    require_team(request)
    departements = services.departements()
    current = dict(DepartementQuota.objects.values_list("departement", "positions"))
    quota_set = QuotaSet.objects.order_by("pk").first()
    action = request.POST.get("action", "") if request.method == "POST" else ""
    index_form = IndexForm(request.POST or None, request.FILES or None) if action == "calculer" else IndexForm()
    initial = {f"d_{code}": current.get(code, 0) for code in departements}
    form = QuotasForm(request.POST if action == "enregistrer" else None, initial=initial, departements=departements)
    preview = None
    index_kind = request.POST.get("indice", "") if action == "enregistrer" else ""
    index_values: dict[str, int] | None = None
    encoded = ""
    status = 200
    if action == "calculer":
        status = 400
        if index_form.is_valid():
            try:
                index_kind, index = _index_from_form(index_form)
            except IndexReadError as error:
                for line in error.errors:
                    index_form.add_error(None, line)
            except ProgrammeError as error:
                index_form.add_error(None, error.message)
            else:
                preview = services.compute_quotas(index)
                encoded = encode_index(index)
                form = QuotasForm(
                    initial={f"d_{code}": preview.get(code, 0) for code in departements}, departements=departements
                )
                status = 200
    elif action == "enregistrer":
        status = 400
        try:  # the index of the preview, sent back with the quotas to be kept beside them
            index_values = decode_index(request.POST.get("valeurs_indice", "")) or None
        except ValueError:
            form.add_error(None, "L'indice de l'aperçu n'a pas pu être relu : calculez l'aperçu à nouveau.")
        if index_values is None:
            index_kind = ""  # typed by hand
        if form.is_valid():
            try:
                services.set_quotas(
                    form.positions(),
                    by=request.user,
                    index=index_kind if index_kind in QuotaIndex.values else "",
                    index_values=index_values,
                )
            except ProgrammeError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Les quotas des départements sont enregistrés.")
                return redirect("conseillers:quotas")
    rows = [(code, form[f"d_{code}"], current.get(code, 0)) for code in departements]
    context = {
        "form": form,
        "index_form": index_form,
        "rows": rows,
        "preview": preview,
        "index_kind": index_kind,
        "quota_set": quota_set,
        "total": services.programme_total(),
        "current_total": sum(current.values()),
        "encoded_index": encoded,
    }
    return render(request, "conseillers/committee/quotas.html", context, status=status)
