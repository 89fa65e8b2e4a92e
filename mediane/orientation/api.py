"""API of orientation (/api/v1/orientation): the places near a commune that offer the services asked for.

Public and read-only. One SQL query per call (the places found and their structures); the index of places is in
memory. The commune is named by `code_insee` (exact), else `code_postal`, else the deprecated `commune` (a postal
code or a name, read as the pages read what a person types: five digits are a postal code, never an INSEE
code). The answer echoes the commune used. A postal code or a name shared by several communes answers 300
(Multiple Choices) with the communes to choose from, each with its `code_insee` to ask again. Errors carry a
French message in `detail`: 404 for an unknown commune (or none given), 422 for a request to fix, with the field
in `erreurs` like every schema error of the API (`mediane/api_contract.py`).
"""

from __future__ import annotations

from typing import Annotated

from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from mediane.api_contract import FieldRefused, StrictInt, errors
from mediane.structures import standard
from mediane.structures.communes import Commune, load_communes
from mediane.text import text_pattern

from .search import FARTHER_KM, NEAR_KM, CommuneNotFound, Found, UnknownLabel, load_found, nearest_matches

router = Router(tags=["orientation"])

MAX_LIMIT = 50
COMMUNE_MAX_LENGTH = 80
SERVICES_HELP = (
    "Services que le lieu doit tous proposer, libellés exacts du standard : paramètre répété "
    f"(`services=A&services=B`) ou séparés par `|`. Valeurs : {' ; '.join(standard.SERVICES)}."
)
# Built once at import (ruff B008): the default list is only read, never changed.
SERVICES_QUERY = Query([], description=SERVICES_HELP)
# The description lists the labels, so that a valid request is never refused; the route still reads any text, to
# split `|`-separated labels and to explain a near miss in French.
ServiceLabel = Annotated[str, WithJsonSchema({"type": "string", "enum": list(standard.SERVICES)})]
INSEE_QUERY = Query(
    None,
    pattern=r"^[0-9][0-9AB][0-9]{3}$",
    description="Code INSEE (code officiel géographique) de la commune, par exemple 69123 pour Lyon ou 98818 pour "
    "Nouméa. Désigne toujours une seule commune.",
)
POSTAL_CODE_QUERY = Query(
    None,
    pattern=r"^[0-9]{5}$",
    description="Code postal de la commune (5 chiffres). Quand plusieurs communes le partagent, la réponse est "
    "300 avec la liste des communes et leur code INSEE.",
)
COMMUNE_QUERY = Query(
    None,
    max_length=COMMUNE_MAX_LENGTH,
    pattern=text_pattern(1),
    description="Déconseillé : utilisez `code_insee` ou `code_postal`. Nom de la commune ou code postal, lu comme "
    "sur le site (5 chiffres sont un code postal, jamais un code INSEE) ; plusieurs communes possibles : 300.",
    deprecated=True,
)
LIMIT_QUERY = Query(5, ge=1, le=MAX_LIMIT, description=f"Nombre de lieux, de 1 à {MAX_LIMIT}.")


class CommuneOut(Schema):
    code_insee: str
    nom: str
    codes_postaux: list[str]


class PlaceOut(Schema):
    id: str = Field(description="Identifiant du lieu dans le standard « lieux de médiation numérique » (champ `id`).")
    pk: int = Field(description="Identifiant numérique du lieu dans Médiane (celui de l'adresse de sa page).")
    nom: str = Field(description="Nom du lieu.")
    latitude: float
    longitude: float
    distance_km: float | None = Field(
        description="Distance à vol d'oiseau depuis le centre de la commune demandée, en km, arrondie au centième ; "
        "null quand la position de la commune n'est pas connue."
    )
    proche: bool = Field(
        description=f"Vrai quand le lieu est à {NEAR_KM:.0f} km au plus : un lieu plus loin n'est pas proche."
    )
    services: list[str] = Field(description="Services proposés, libellés du standard.")
    adresse: str
    code_postal: str
    commune: str
    url: str = Field(description="Adresse de la page du lieu.")


class OrientationOut(Schema):
    commune: CommuneOut = Field(description="La commune dont les distances sont mesurées.")
    lieux: list[PlaceOut] = Field(
        description=f"Du plus proche au plus loin, à {FARTHER_KM:.0f} km au plus, dans le même territoire que la "
        "commune (France métropolitaine et Corse, ou un même département ou collectivité d'outre-mer). Les lieux qui "
        "n'accueillent pas de public n'y sont jamais."
    )


class CommuneChoices(Schema):
    detail: str
    communes: list[CommuneOut]


def _labels(values: list[str]) -> list[str]:
    """Labels given as a repeated parameter, or `|`-separated in one value (the standard's separator)."""
    return [label.strip() for value in values for label in value.split(standard.SEPARATOR) if label.strip()]


def _commune_out(commune: Commune) -> dict:
    return {"code_insee": commune.insee, "nom": commune.name, "codes_postaux": list(commune.postal_codes)}


def _out(request, found: Found) -> dict:
    place = found.place
    return {
        "id": place.id_standard,
        "pk": place.pk,
        "nom": place.nom,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "distance_km": None if found.distance_km is None else round(found.distance_km, 2),
        "proche": found.near,
        "services": place.services,
        "adresse": place.adresse,
        "code_postal": place.code_postal,
        "commune": place.commune,
        "url": request.build_absolute_uri(reverse("orientation:place", args=[place.pk])),
    }


def _communes(code_insee: str | None, code_postal: str | None, commune: str | None) -> list[Commune]:
    """The communes asked for. `code_insee` wins over `code_postal`, which wins over `commune`: an exact code is
    never overruled by a looser one. None given: 404, no commune to measure from (every parameter is optional in
    the description, so the request is valid)."""
    communes = load_communes()
    if code_insee:
        found = communes.by_insee(code_insee)
        if found is None:
            raise HttpError(404, f"Code INSEE inconnu : « {code_insee} ».")
        return [found]
    text = code_postal or commune
    if not text:
        raise HttpError(404, "Aucune commune demandée : donnez `code_insee` (exact) ou `code_postal`.")
    try:
        return communes.find(text)
    except CommuneNotFound as error:
        raise HttpError(404, str(error)) from error


@router.get(
    "/orientation",
    response={200: OrientationOut, 300: CommuneChoices, **errors(404, 422)},
    summary="Les lieux proches d'une commune",
)
def nearest(
    request,
    code_insee: str | None = INSEE_QUERY,
    code_postal: str | None = POSTAL_CODE_QUERY,
    commune: str | None = COMMUNE_QUERY,
    services: list[ServiceLabel] = SERVICES_QUERY,
    limit: StrictInt = LIMIT_QUERY,
):
    """Les lieux qui proposent tous les services demandés, du plus proche au plus loin du centre de la commune
    (distance à vol d'oiseau), à 100 km au plus et sans jamais passer de la métropole à l'outre-mer. Moins de
    lieux que `limit` quand il n'y en a pas assez ; une liste vide quand aucun lieu ne convient."""
    found_communes = _communes(code_insee, code_postal, commune)
    if len(found_communes) > 1:
        asked = code_postal or commune
        return Status(
            300,
            {
                "detail": f"Plusieurs communes correspondent à « {asked} » : redemandez avec le `code_insee` de l'une "
                "d'elles.",
                "communes": [_commune_out(c) for c in found_communes],
            },
        )
    place = found_communes[0]
    try:
        ranked = nearest_matches(place, services=_labels(services), limit=limit, max_km=FARTHER_KM)
    except UnknownLabel as error:
        raise FieldRefused("services", str(error)) from error
    return {"commune": _commune_out(place), "lieux": [_out(request, item) for item in load_found(ranked)]}
