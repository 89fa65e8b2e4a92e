"""Pages of the public directory of places: the search (a list, and a map when tiles are configured) and a place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from mediane.structures.models import Place

from .forms import STEP, DirectoryForm
from .search import CRITERIA, Found, Opening, nearest_places, opening_of
from .templatetags.places import web_address

# The query parameters a search page carries; a place page keeps them to offer the way back to the same results.
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
SEARCH_PARAMS = ("commune", *(criterion.param for criterion in CRITERIA), "nombre")


@dataclass(frozen=True)
class Result:
    """One line of the directory: the place found, how far, and its opening hours now."""

    found: Found
    opening: Opening | None
    rank: int

    @property
    def place(self) -> Place:
        return self.found.place


def tiles_source(url: str) -> str:
    """The CSP source of a tile URL template: its scheme and host, a `{s}` subdomain becoming a wildcard."""
    parts = urlsplit(url)
    host = _PLACEHOLDER.sub("*", parts.netloc)
    return f"{parts.scheme}://{host}"


def _search_query(params) -> str:
    """The search's own parameters from a query dict, encoded again (nothing else is carried along)."""
    return urlencode([(name, value) for name in SEARCH_PARAMS for value in params.getlist(name) if value])


def _without(params, name: str, label: str) -> str:
    kept = params.copy()
    kept.setlist(name, [value for value in params.getlist(name) if value != label])
    kept.pop("nombre", None)
    return _search_query(kept)


def _with_count(params, count: int) -> str:
    more = params.copy()
    more["nombre"] = str(count)
    return _search_query(more)


def _map_data(commune, results: list[Result], back_query: str) -> dict | None:
    if not settings.MEDIANE_MAP_TILES_URL or not results:
        return None
    return {
        "tuiles": settings.MEDIANE_MAP_TILES_URL,
        "attribution": settings.MEDIANE_MAP_ATTRIBUTION,
        "centre": {"nom": commune.name, "latitude": commune.latitude, "longitude": commune.longitude},
        "lieux": [
            {
                "rang": result.rank,
                "nom": result.place.nom,
                "adresse": f"{result.place.adresse}, {result.place.code_postal} {result.place.commune}",
                "distance": result.found.distance_text,
                "latitude": result.place.latitude,
                "longitude": result.place.longitude,
                "url": f"{reverse('orientation:place', args=[result.place.pk])}?{back_query}",
            }
            for result in results
        ],
    }


@require_GET
def directory(request):
    """The nearest places to a commune that match the chosen filters, nearest first, `STEP` more at a time.

    Constant queries: the index is in memory; the shown places and their structures come in one query.
    """
    form = DirectoryForm(request.GET if "commune" in request.GET else None)
    context = {"form": form, "step": STEP}
    if form.is_bound and form.is_valid():
        commune = form.cleaned_data["commune"]
        shown = form.shown()
        # One more than shown tells whether « Voir plus de lieux » has anything to show.
        found = nearest_places(commune, limit=shown + 1, **form.filters())
        now = timezone.now()
        results = [Result(item, opening_of(item.place, now), rank) for rank, item in enumerate(found[:shown], start=1)]
        back_query = _search_query(request.GET)
        context.update(
            commune=commune,
            results=results,
            has_more=len(found) > shown,
            more_query=_with_count(request.GET, shown + STEP),
            next_rank=shown + 1,
            back_query=back_query,
            chosen=[(label, _without(request.GET, name, label)) for name, label in form.chosen()],
            map_data=_map_data(commune, results, back_query),
        )
    response = render(request, "orientation/directory.html", context)
    if context.get("map_data"):
        # The tiles come from the configured server: allowed on this page only (see django-csp's csp_update).
        response._csp_update = {"img-src": [tiles_source(settings.MEDIANE_MAP_TILES_URL)]}
    return response


@require_GET
def place_detail(request, pk: int):
    """Everything a person needs to go to a place: services, hours, contact, access. One query for the place."""
    place = get_object_or_404(Place.objects.select_related("structure"), pk=pk)
    back_query = _search_query(request.GET)
    if not request.GET.get("commune"):
        back_query = urlencode({"commune": place.code_postal})
    return render(
        request,
        "orientation/place_detail.html",
        {
            "place": place,
            "opening": opening_of(place, timezone.now()),
            "back_url": f"{reverse('orientation:directory')}?{back_query}#lieu-{place.pk}",
            "websites": [url for url in map(web_address, place.site_web) if url],
            "booking_url": web_address(place.prise_rdv),
            "acceslibre_url": web_address(place.fiche_acces_libre),
            "sections": [
                (criterion.legend, getattr(place, criterion.field))
                for criterion in CRITERIA
                if getattr(place, criterion.field)
            ],
        },
    )
