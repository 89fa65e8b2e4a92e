"""Pages of the matching: a structure's recommended candidates, and the programme team's global assignment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from mediane import numbers
from mediane.french import count_phrase

from . import recommendations
from .forms_matching import PerimeterForm
from .models import HostStructure
from .services_matching import propose_pairs

RECOMMENDATIONS_PAGE_SIZE = 20
PAIRS_PAGE_SIZE = 50
# At most this many pairs proposed by one POST (one transaction each, inside the request).
PROPOSE_MAX = 200


@require_GET
@login_required
def recommendations_page(request, pk: int):
    """The structure's recommended candidates, best first, 20 a page. Constant queries."""
    hosts = recommendations.with_open_positions(HostStructure.objects.visible_to(request.user))
    host = get_object_or_404(hosts, pk=pk)
    if not request.user.has_perm("conseillers.view_recommendations", host):
        raise Http404
    ranking = recommendations.ranking_for(request, host)
    page = Paginator(ranking, RECOMMENDATIONS_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    return render(
        request,
        "conseillers/recommendations.html",
        {
            "host": host,
            "page": page,
            "open_positions": recommendations.open_positions(host),
            "located": host.latitude is not None and host.longitude is not None,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def assignment(request):
    """The global assignment of a perimeter, optimal and greedy side by side; POST proposes the optimal pairs."""
    if not request.user.has_perm("conseillers.manage_programme"):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    form = PerimeterForm(data if "departement" in data else None)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, "Choisissez un département de la liste, ou tout le programme.")
            return redirect("conseillers:assignment")
        departement = form.cleaned_data["departement"]
        again = f"{reverse('conseillers:assignment')}?departement={departement}"
        result = recommendations.cached_assign(departement)
        if request.POST.get("digest") != result.digest:
            messages.error(
                request,
                "Les suggestions ont changé depuis que vous les avez lues (une candidature, une structure ou un "
                "recrutement a bougé) : relisez-les ci-dessous, puis proposez-les de nouveau.",
            )
            return redirect(again)
        # A bounded batch inside the request: the rest stays suggested, and the page says so.
        pairs = result.optimal.pairs[:PROPOSE_MAX]
        made, skipped = propose_pairs(pairs, by=request.user)
        text = count_phrase(made, "mise en relation proposée", "mises en relation proposées") + "."
        if skipped:
            text += (
                f" {count_phrase(skipped, 'autre n’a', 'autres n’ont')} pas pu l'être (un recrutement existe déjà, ou "
                "la personne a trouvé un poste)."
            )
        left = len(result.optimal.pairs) - len(pairs)
        if left > 0:
            text += (
                f" Les mises en relation sont proposées par lots de {PROPOSE_MAX} : il en reste {left}, relisez-les "
                "ci-dessous et proposez le lot suivant."
            )
        messages.success(request, text)
        return redirect(again)
    result = page = None
    if form.is_bound and form.is_valid():
        result = recommendations.cached_assign(form.cleaned_data["departement"])
        page = Paginator(result.suggested(), PAIRS_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "conseillers/assignment.html",
        {"form": form, "result": result, "page": page, "query": query.urlencode(), "propose_max": PROPOSE_MAX},
    )
