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

from mediane import french
from mediane.structures import standard
from mediane.structures.communes import load_communes
from mediane.structures.forms_care import change_lines
from mediane.structures.models import Place

from . import presentation, reach, search
from .forms import STEP, DirectoryForm
from .helpline import NATIONAL_HELPLINE
from .search import CRITERIA, Found, Opening, opening_of
from .templatetags.places import address_line, display_name, place_link, street, town, web_address

# The query parameters a search page carries, in its own links (more places, a filter removed, the way back).
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
SEARCH_PARAMS = ("commune", "insee", *(criterion.param for criterion in CRITERIA), "nombre")
# The pages a place page may send back to: the person's results, in the directory or the diagnostic.
RETURN_PREFIXES = ("/lieux/?", "/orientation/resultat/?")
RETURN_MAX_LENGTH = 2000
# The changes a place page shows; the rest are on the place's history page.
HISTORY_ON_PAGE = 5


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


def return_path(value: str) -> str:
    """`value` when it is the address of a person's results on this site (a local path of the directory or the
    diagnostic's result), else "": a `retour` parameter must never lead elsewhere."""
    if not value or len(value) > RETURN_MAX_LENGTH or any(c in value for c in "\\\r\n\t"):
        return ""
    if not value.startswith(RETURN_PREFIXES):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:  # « //[ »: what urlsplit cannot read is no address of ours
        return ""
    return "" if parts.scheme or parts.netloc else value


def _map_data(commune, results: list[Result], back: str) -> dict | None:
    if not settings.MEDIANE_MAP_TILES_URL or not results:
        return None
    return {
        "tuiles": settings.MEDIANE_MAP_TILES_URL,
        "attribution": settings.MEDIANE_MAP_ATTRIBUTION,
        "centre": {"nom": commune.name, "latitude": commune.latitude, "longitude": commune.longitude},
        "lieux": [
            {
                "rang": result.rank,
                "nom": display_name(result.place),
                "adresse": address_line(result.place),
                "distance": result.found.distance_text,
                "latitude": result.place.latitude,
                "longitude": result.place.longitude,
                "url": place_link(result.place, back),
            }
            for result in results
        ],
    }


def _near_words(found: reach.Reach) -> str:
    """« 3 lieux », or « les 10 lieux les plus proches » when more are near than shown: never a count that looks
    like the whole."""
    words = french.count_phrase(len(found.near), "lieu", "lieux")
    if found.has_more and not found.farther and len(found.near) > 1:
        return f"les {words} les plus proches"
    return words


@require_GET
def directory(request):
    """The places near a commune that match the chosen filters, nearest first, `STEP` more at a time; farther ones
    apart and labelled; those that declared no service apart; help at a distance and the national helpline when
    nothing is near. Several communes for what was typed: the list to choose from.

    Constant queries: the index is in memory; every place shown and its structure come in one query.
    """
    bound = "commune" in request.GET or "insee" in request.GET
    form = DirectoryForm(request.GET if bound else None)
    context = {"form": form, "step": STEP, "near_km": int(search.NEAR_KM), "farther_km": int(search.FARTHER_KM)}
    if bound and form.is_valid() and form.candidates:
        # The text and the filters travel with the choice of the commune.
        kept = [
            (name, value)
            for name in SEARCH_PARAMS
            if name not in ("insee", "nombre")
            for value in request.GET.getlist(name)
        ]
        context["choice_hidden_fields"] = kept
    if bound and form.is_valid() and form.found is not None:
        commune = form.found
        shown = form.shown()
        found = reach.directory_reach(commune, form.filters(), shown, undeclared_shown=STEP)
        now = timezone.now()
        ranked = [*found.near, *found.farther]
        results = [Result(item, opening_of(item.place, now), rank) for rank, item in enumerate(ranked, start=1)]
        query = _search_query(request.GET)
        back = f"{reverse('orientation:directory')}?{query}"
        context.update(
            commune=commune,
            territory=search.territory_words(commune),
            reach=found,
            near=results[: len(found.near)],
            farther=results[len(found.near) :],
            undeclared=[Result(item, opening_of(item.place, now), 0) for item in found.undeclared],
            remote=[Result(item, None, 0) for item in found.remote],
            has_more=found.has_more,
            shown_count=len(results),
            near_heading=f"À moins de {search.NEAR_KM:.0f} km : {_near_words(found)}",
            farther_heading=f"Plus loin : entre {search.NEAR_KM:.0f} et {search.FARTHER_KM:.0f} km",
            farther_meta=f"Ces lieux ne sont pas proches {presentation.of(commune.name)} : vérifiez le trajet avant "
            "d'y aller.",
            # The first list of places is the one the map's « skip » link leads to.
            farther_list_id="" if found.near else "liste-lieux",
            more_query=_with_count(request.GET, shown + STEP),
            next_rank=len(results) + 1,
            back=back,
            chosen=[(plain, _without(request.GET, name, label)) for name, label, plain in form.chosen()],
            helpline=NATIONAL_HELPLINE,
            map_data=_map_data(commune, results, back),
        )
    response = render(request, "orientation/directory.html", context)
    if context.get("map_data"):
        # The tiles come from the configured server: allowed on this page only (see django-csp's csp_update).
        response._csp_update = {"img-src": [tiles_source(settings.MEDIANE_MAP_TILES_URL)]}
    return response


def _source_data(place: Place) -> list[tuple[str, str, bool]]:
    """The place's extra data (`Place.extra`, columns of its source's file kept with it): (column, value, whether
    the source publishes it in the open export). For the team and the place's managers only; no query (the source
    is read with the place)."""
    if not place.extra:
        return []
    profile = place.place_source.profile if place.place_source is not None else None
    published = (profile.get("published") or []) if isinstance(profile, dict) else []
    return [(str(key), str(value), key in published) for key, value in place.extra.items()]


@require_GET
def place_detail(request, pk: int):
    """Everything a person needs to go to a place: services, hours, contact, access; when its information was last
    checked, its recent changes, and the ways to keep it right (report an error, edit it or ask to). A constant
    number of queries: the place, its last changes, and for a signed-in person whether they may edit it.

    « Retour » leads back to the person's results (`retour`, checked by `return_path`); without it, to the
    directory's search around the place's commune.
    """
    place = get_object_or_404(Place.objects.select_related("structure", "place_source"), pk=pk)
    back = return_path(request.GET.get("retour", ""))
    if not back:
        commune = load_communes().by_insee(place.code_insee) if place.code_insee else None
        around = {"insee": commune.insee} if commune else {"commune": place.code_postal}
        back = f"{reverse('orientation:directory')}?{urlencode(around)}#lieu-{place.pk}"
    # A place known by its commune only (no street address) shows no empty line and no stray comma.
    street_text = street(place).lstrip(", ").strip()
    can_edit = request.user.has_perm("structures.edit_place", place)
    revisions = list(place.revisions.all()[: HISTORY_ON_PAGE + 1])
    return render(
        request,
        "orientation/place_detail.html",
        {
            "place": place,
            "opening": opening_of(place, timezone.now()),
            "back_url": back,
            "back_to_results": bool(return_path(request.GET.get("retour", ""))),
            "street_text": street_text,
            "address_text": ", ".join(part for part in (street_text, town(place)) if part),
            "websites": [url for url in map(web_address, place.site_web) if url],
            "booking_url": web_address(place.prise_rdv),
            "acceslibre_url": web_address(place.fiche_acces_libre),
            "sections": [
                (
                    standard.PLAIN_FIELD_NAMES.get(criterion.field, criterion.legend),
                    [standard.plain_words(criterion.field, label) for label in getattr(place, criterion.field)],
                )
                for criterion in CRITERIA
                if getattr(place, criterion.field)
            ],
            "can_edit": can_edit,
            "source_data": _source_data(place) if can_edit else [],
            "can_ask": request.user.is_authenticated and not can_edit,
            "history": [
                {"revision": revision, "lines": change_lines(revision)} for revision in revisions[:HISTORY_ON_PAGE]
            ],
            "more_history": len(revisions) > HISTORY_ON_PAGE,
        },
    )
