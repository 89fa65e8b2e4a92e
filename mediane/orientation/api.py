"""API of orientation (/api/v1/orientation): the places nearest to a commune that offer the services asked for.

Public and read-only. One SQL query per call (the places found and their structures); the index of places is in
memory. Errors carry a French message in `detail`: 404 for an unknown commune, 422 for a request to fix, with the
field in `erreurs` like every schema error of the API (`mediane/api_contract.py`).
"""

from __future__ import annotations

from typing import Annotated

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from mediane.api_contract import FieldRefused, StrictInt, errors
from mediane.structures import standard
from mediane.text import text_pattern

from .search import CommuneNotFound, Found, UnknownLabel, nearest_places, resolve_commune

router = Router(tags=["orientation"])

MAX_LIMIT = 50
COMMUNE_MAX_LENGTH = 20
SERVICES_HELP = (
    "Services que le lieu doit tous proposer, libellés exacts du standard : paramètre répété "
    f"(`services=A&services=B`) ou séparés par `|`. Valeurs : {' ; '.join(standard.SERVICES)}."
)
# Built once at import (ruff B008): the default list is only read, never changed.
SERVICES_QUERY = Query([], description=SERVICES_HELP)
# The description lists the labels, so that a valid request is never refused; the route still reads any text, to
# split `|`-separated labels and to explain a near miss in French.
ServiceLabel = Annotated[str, WithJsonSchema({"type": "string", "enum": list(standard.SERVICES)})]
COMMUNE_QUERY = Query(
    ...,
    max_length=COMMUNE_MAX_LENGTH,
    pattern=text_pattern(1),
    description="Code postal (5 chiffres, par exemple 69003) ou code INSEE de la commune. Quand plusieurs "
    "communes partagent un code postal, la plus peuplée est prise.",
)
LIMIT_QUERY = Query(5, ge=1, le=MAX_LIMIT, description=f"Nombre de lieux, de 1 à {MAX_LIMIT}.")


class PlaceOut(Schema):
    id: str = Field(description="Identifiant du lieu dans le standard « lieux de médiation numérique » (champ `id`).")
    pk: int = Field(description="Identifiant numérique du lieu dans Médiane (celui de l'adresse de sa page).")
    nom: str = Field(description="Nom du lieu.")
    latitude: float
    longitude: float
    distance_km: float = Field(
        description="Distance à vol d'oiseau depuis le centre de la commune demandée, en km, arrondie au centième."
    )
    services: list[str] = Field(description="Services proposés, libellés du standard.")
    adresse: str
    code_postal: str
    commune: str
    url: str = Field(description="Adresse de la page du lieu.")


def _labels(values: list[str]) -> list[str]:
    """Labels given as a repeated parameter, or `|`-separated in one value (the standard's separator)."""
    return [label.strip() for value in values for label in value.split(standard.SEPARATOR) if label.strip()]


def _out(request, found: Found) -> dict:
    place = found.place
    return {
        "id": place.id_standard,
        "pk": place.pk,
        "nom": place.nom,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "distance_km": round(found.distance_km, 2),
        "services": place.services,
        "adresse": place.adresse,
        "code_postal": place.code_postal,
        "commune": place.commune,
        "url": request.build_absolute_uri(reverse("orientation:place", args=[place.pk])),
    }


@router.get(
    "/orientation",
    response={200: list[PlaceOut], **errors(404, 422)},
    summary="Les lieux les plus proches d'une commune",
)
def nearest(
    request,
    commune: str = COMMUNE_QUERY,
    services: list[ServiceLabel] = SERVICES_QUERY,
    limit: StrictInt = LIMIT_QUERY,
):
    """Les lieux qui proposent tous les services demandés, du plus proche au plus loin du centre de la commune
    (distance à vol d'oiseau). Moins de lieux que `limit` quand il n'y en a pas assez ; une liste vide quand aucun
    lieu ne convient."""
    try:
        place = resolve_commune(commune)
    except CommuneNotFound as error:
        raise HttpError(404, str(error)) from error
    try:
        found = nearest_places(place, services=_labels(services), limit=limit)
    except UnknownLabel as error:
        raise FieldRefused("services", str(error)) from error
    return [_out(request, item) for item in found]
