"""API of places (/api/v1/lieux): every place in the national standard v1.0.2, page by page, without personal
data (a place's contact details are public by nature: they are what the standard publishes). The same places and
ids as the exports (`services.export_rows`): a place without address is left out, and an id shared by two sources
is prefixed with the source's slug for all its holders but the first."""

from __future__ import annotations

import base64
import binascii
from typing import Literal

from django.db.models import Q
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import create_model

from mediane.accounts.territories import DEPARTEMENTS
from mediane.api_contract import StrictInt, errors

from . import services, standard
from .models import Place

router = Router(tags=["lieux"])

MAX_LIMIT = 200
# The known codes, so that the description lists them and an unknown one is refused by name.
DepartementCode = Literal[tuple(DEPARTEMENTS)]  # type: ignore[valid-type]


def _field_type(spec: standard.SchemaField):
    if spec.multiple:
        return list[str]
    if spec.type == "number":
        return float | None
    return str


# One attribute per field of the standard, under its name in the standard.
PlaceOut = create_model(
    "LieuOut",
    __base__=Schema,
    **{spec.name: (_field_type(spec), Field(..., description=spec.title)) for spec in standard.FIELDS},
)


class PlacePage(Schema):
    items: list[PlaceOut]  # type: ignore[valid-type]
    next_cursor: str | None = Field(
        description="À passer en paramètre `cursor` pour la page suivante ; absent sur la dernière page."
    )


class PlaceFilters(Schema):
    limit: StrictInt = Field(50, ge=1, le=MAX_LIMIT, description=f"Nombre de lieux par page ({MAX_LIMIT} au plus).")
    cursor: str | None = Field(None, description="Curseur `next_cursor` de la page précédente.")
    departement: DepartementCode | None = Field(None, description="Code du département (« 69 », « 2A », « 974 »).")


# Between the id and the primary key in a cursor: two sources may share an id, so the key breaks the tie.
CURSOR_SEPARATOR = "\x1f"


def encode_cursor(identifier: str, pk: int | None = None) -> str:
    text = identifier if pk is None else f"{identifier}{CURSOR_SEPARATOR}{pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int | None]:
    """The id and primary key of the last place of the previous page (no key in a cursor given before sources)."""
    try:
        padded = (cursor + "=" * (-len(cursor) % 4)).encode()
        text = base64.b64decode(padded, altchars=b"-_", validate=True).decode()
        identifier, _, pk = text.partition(CURSOR_SEPARATOR)
        return identifier, (int(pk) if pk else None)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise HttpError(400, "Ce curseur n'est pas valable : repartez de la première page.") from exc


def _item(place: Place, renamed: dict[int, str]) -> dict:
    row: dict = services.export_row(place, renamed)
    for name in ("latitude", "longitude"):
        row[name] = float(row[name]) if row[name] else None
    return row


@router.get("/lieux", response={200: PlacePage, **errors(400)}, summary="Lieux de médiation numérique")
def list_places(request, filters: Query[PlaceFilters]):
    """Tous les lieux au standard national « lieux de médiation numérique » v1.0.2, sous les noms de colonnes du
    standard, par ordre d'identifiant, page par page (suivre `next_cursor`). Les champs à plusieurs valeurs sont
    des listes, les coordonnées des nombres. Les lieux sans adresse (numéro et voie), que le standard exige, ne
    sont pas listés. Un identifiant porté par les lieux de deux sources devient « <source>-<identifiant> » pour
    les lieux de la seconde. Export complet : /lieux/export.csv et /lieux/export.json."""
    places = services.exportable_places()
    renamed = services.exported_ids(places)
    if filters.departement:
        places = places.filter(departement=filters.departement)
    if filters.cursor:
        identifier, pk = decode_cursor(filters.cursor)
        after = Q(id_standard__gt=identifier)
        if pk is not None:
            after |= Q(id_standard=identifier, pk__gt=pk)
        places = places.filter(after)
    rows = list(places.order_by("id_standard", "pk")[: filters.limit + 1])
    has_more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return {
        "items": [_item(place, renamed) for place in rows],
        "next_cursor": encode_cursor(rows[-1].id_standard, rows[-1].pk) if has_more else None,
    }
