"""The nearest-place search of orientation: the process-wide index of located places, and how to query it.

`nearest_places(commune, services=…, …)` gives the places nearest to a commune's centroid that match the filters,
nearest first, each fetched with its structure in one query for the whole answer. The index (`geo.PlaceIndex`) is
built from the database in one query and kept for the life of the process.

Freshness. The index is rebuilt when places change: `OrientationConfig.ready` connects `invalidate_places` to
`post_save` and `post_delete` of `Place`, and to `structures.signals.places_changed`, which bulk writers (imports)
send once they are done (bulk writes send no per-row signal). `invalidate_places` moves a version token kept in
Django's cache, so every process (several gunicorn workers, Celery) sees the change at its next search, without
any SQL query: the cache is read on each search, the database only when the token moved. It moves again once the
transaction commits, so a process that rebuilt from the data of before the commit rebuilds once more.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import math
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db import transaction

from mediane.accounts.territories import InvalidPostalCode, departement_from_postal_code
from mediane.structures import hours, standard
from mediane.structures.communes import (
    MAINLAND,
    TERRITORIES,
    Commune,
    CommuneNotFound,
    departement_of_insee,
    load_communes,
    territory_of,
)
from mediane.structures.models import Place

from . import geo

# A match of the index: the place's id and its distance in km (None when the commune's position is unknown).
Match = tuple[int, float | None]

# « Near » is what a person can reach for an errand: within NEAR_KM of the commune's centre. Places up to
# FARTHER_KM are shown apart, labelled as farther; beyond, none is offered as a place to go to.
NEAR_KM = 30.0
FARTHER_KM = 100.0
# Help that needs no trip: the accompaniment modality of the standard.
REMOTE = "À distance"
NO_PUBLIC = "Ce lieu n'accueille pas de public"
# Tags the index adds to the standard's: a place's territory and commune, and whether it declared any service.
DECLARED = "services:*"
UNDECLARED = "services:-"

logger = logging.getLogger(__name__)

__all__ = [
    "CRITERIA",
    "DECLARED",
    "FARTHER_KM",
    "NEAR_KM",
    "REMOTE",
    "UNDECLARED",
    "CommuneNotFound",
    "Criterion",
    "Found",
    "Opening",
    "UnknownLabel",
    "format_distance",
    "invalidate_places",
    "nearest_places",
    "opening_of",
    "place_index",
    "place_timezone",
    "position_of",
    "resolve_commune",
    "territory_words",
]


@dataclass(frozen=True)
class Criterion:
    """A filter of the search: the keyword of `nearest_places`, the field of the standard it reads, the name of
    its query parameter in the directory's address, its French legend and its vocabulary. `any_of`: a place
    matches when it has one of the chosen labels (fees, modalities); otherwise it must have all of them
    (services, publics, specific support)."""

    keyword: str
    field: str
    param: str
    legend: str
    vocabulary: tuple[str, ...]
    any_of: bool = False

    def tag(self, label: str) -> str:
        return f"{self.field}:{label}"


CRITERIA: tuple[Criterion, ...] = (
    Criterion("services", "services", "services", "Services", standard.SERVICES),
    Criterion(
        "publics",
        "publics_specifiquement_adresses",
        "publics",
        "Publics accueillis en priorité",
        standard.PUBLICS_SPECIFIQUEMENT_ADRESSES,
    ),
    Criterion(
        "supports",
        "prise_en_charge_specifique",
        "prise_en_charge",
        "Prise en charge spécifique",
        standard.PRISE_EN_CHARGE_SPECIFIQUE,
    ),
    Criterion("fees", "frais_a_charge", "frais", "Frais", standard.FRAIS_A_CHARGE, any_of=True),
    Criterion("access", "modalites_acces", "acces", "Modalités d'accès", standard.MODALITES_ACCES, any_of=True),
    Criterion(
        "modalities",
        "modalites_accompagnement",
        "accompagnement",
        "Modalités d'accompagnement",
        standard.MODALITES_ACCOMPAGNEMENT,
        any_of=True,
    ),
)
TAG_FIELDS = tuple(criterion.field for criterion in CRITERIA)

# Where the time of a place is not the time of Paris, by département (the start of the INSEE code).
_TIMEZONES = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}
PARIS = "Europe/Paris"


class UnknownLabel(ValueError):
    """A filter label that is not in the standard's vocabulary; the French message suggests the closest one."""

    def __init__(self, criterion: Criterion, label: str):
        self.criterion = criterion
        self.label = label
        close = difflib.get_close_matches(label, criterion.vocabulary, n=1, cutoff=0.5)
        if not close:
            folded = {value.casefold(): value for value in criterion.vocabulary}
            close = [folded[m] for m in difflib.get_close_matches(label.casefold(), list(folded), n=1, cutoff=0.4)]
        self.suggestion = close[0] if close else None
        hint = f" Vouliez-vous dire « {self.suggestion} » ?" if self.suggestion else ""
        super().__init__(
            f"{criterion.legend} : « {label} » n'est pas une valeur connue.{hint} "
            f"Valeurs possibles : {', '.join(f'« {value} »' for value in criterion.vocabulary)}."
        )


@dataclass(frozen=True)
class Found:
    """A place found by `nearest_places` (with its structure loaded) and its distance to the commune's centroid."""

    place: Place
    distance_km: float | None  # None when the commune's position is unknown

    @property
    def distance_text(self) -> str:
        return "" if self.distance_km is None else format_distance(self.distance_km)

    @property
    def near(self) -> bool:
        return self.distance_km is not None and self.distance_km <= NEAR_KM


def format_distance(km: float) -> str:
    """« à 350 m », « à 2,3 km », « à 57 km »: how far a place is, in French."""
    if round(km * 1000, -1) < 1000:  # 996 m is « 1,0 km », not « 1000 m »
        return f"à {max(10, round(km * 1000, -1)):.0f} m"
    if round(km, 1) < 10:  # 9.96 km is « 10 km », not « 10,0 km »
        return f"à {km:.1f} km".replace(".", ",")
    return f"à {km:.0f} km"


def resolve_commune(text: str) -> Commune:
    """The one commune meant by a postal code or a name, or `CommuneNotFound` with a French message (none, or
    several to choose from: see `CommuneReference.find`)."""
    return load_communes().resolve(text)


def territory_words(commune: Commune) -> str:
    """« en France métropolitaine », « en Nouvelle-Calédonie »: where the commune is, to end a sentence."""
    return TERRITORIES.get(commune.territory, TERRITORIES[MAINLAND])


def _departement_of(departement: str, code_insee: str, code_postal: str) -> str:
    """A place's département: as imported, else from its INSEE code, else from its postal code ("" if none)."""
    if departement:
        return departement
    if code_insee:
        return departement_of_insee(code_insee)
    try:
        return departement_from_postal_code(code_postal)
    except InvalidPostalCode:
        return ""


def place_timezone(place: Place) -> ZoneInfo:
    """The time zone where the place is, from its département (Nouvelle-Calédonie, the overseas départements…)."""
    departement = place.departement
    if not departement:
        try:
            departement = departement_from_postal_code(place.code_postal)
        except InvalidPostalCode:
            departement = departement_of_insee(place.code_insee) if place.code_insee else ""
    return ZoneInfo(_TIMEZONES.get(departement, PARIS))


@dataclass(frozen=True)
class Opening:
    """The opening hours of a place as a page shows them: French lines and whether it is open now, or, when the
    published text cannot be read, that text as it is (`lines` empty, `status` None)."""

    raw: str
    lines: tuple[str, ...] = ()
    status: hours.Status | None = None


def opening_of(place: Place, now: datetime | None = None) -> Opening | None:
    """The opening hours of the place at `now` (aware; default: the current time), in the place's own time zone.
    None when the place publishes no hours."""
    text = (place.horaires or "").strip()
    if not text:
        return None
    try:
        parsed = hours.parse(text)
    except hours.HoursError:
        return Opening(raw=text)
    moment = (now or datetime.now(tz=ZoneInfo(PARIS))).astimezone(place_timezone(place))
    return Opening(raw=text, lines=tuple(hours.describe(parsed)), status=hours.status_at(parsed, moment))


# --- The process-wide index ---------------------------------------------------------------------------------------

_VERSION_KEY = "orientation:places-version"
_lock = threading.Lock()
# Moved by `invalidate_places` in this process; the cache token tells the other processes.
_generation = 0
_built: tuple[tuple[int, str], geo.PlaceIndex] | None = None


def _bump() -> None:
    global _generation
    _generation += 1
    cache.set(_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_places(sender: object = None, **kwargs: object) -> None:
    """Have every process rebuild its index at its next search (a signal receiver; callable directly too)."""
    _bump()
    transaction.on_commit(_bump)


def _version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        # First search since the cache started (or was cleared): any token will do, the same for every process.
        cache.add(_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(_VERSION_KEY)
    return version or ""


def _located_rows() -> Iterable[geo.Place]:
    """Every located place that receives the public, with its tags: the standard's labels (`field:label`), its
    territory, its commune, and whether it declared any service. A place that says it receives no public is left
    out: orientation sends people to places, and the directory lists where to go."""
    rows = Place.objects.located().values_list(
        "id", "latitude", "longitude", "departement", "code_insee", "code_postal", *TAG_FIELDS
    )
    skipped = 0
    for pk, latitude, longitude, departement, code_insee, code_postal, *values in rows.iterator(chunk_size=5000):
        if not (math.isfinite(latitude) and math.isfinite(longitude) and -90 <= latitude <= 90):
            skipped += 1
            continue
        if not -180 <= longitude <= 180:
            skipped += 1
            continue
        tags = {
            f"{field}:{label}"
            for field, labels in zip(TAG_FIELDS, values, strict=True)
            if isinstance(labels, list)
            for label in labels
            if isinstance(label, str)
        }
        if f"modalites_acces:{NO_PUBLIC}" in tags:
            continue
        tags.add(DECLARED if any(tag.startswith("services:") for tag in tags) else UNDECLARED)
        tags.add(_territory_tag(territory_of(_departement_of(departement, code_insee, code_postal))))
        if code_insee:
            tags.add(_commune_tag(code_insee))
        yield geo.Place(pk, latitude, longitude, frozenset(tags))
    if skipped:
        logger.warning("Index des lieux : %d lieu(x) aux coordonnées impossibles laissé(s) de côté.", skipped)


def place_index() -> geo.PlaceIndex:
    """The index of every located place, rebuilt (one query) when places changed since it was built."""
    global _built
    key = (_generation, _version())
    built = _built
    if built is not None and built[0] == key:
        return built[1]
    with _lock:
        built = _built
        if built is not None and built[0] == key:
            return built[1]
        index = geo.PlaceIndex(_located_rows())
        # The key was read before the query: a change during the build makes the next search build again.
        _built = (key, index)
        return index


# --- Searching ----------------------------------------------------------------------------------------------------


def _territory_tag(territory: str) -> str:
    return f"territoire:{territory}"


def _commune_tag(insee: str) -> str:
    return f"insee:{insee}"


def position_of(commune: Commune) -> tuple[float, float] | None:
    """Where distances are measured from: the commune's position in the reference, else the mean position of its
    own places (the reference knows no position for some Pacific communes), else None."""
    if commune.latitude is not None and commune.longitude is not None:
        return commune.latitude, commune.longitude
    return place_index().mean_position(_commune_tag(commune.insee))


def _checked_labels(criterion: Criterion, labels: Iterable[str]) -> list[str]:
    if isinstance(labels, str):
        labels = [labels]
    checked: list[str] = []
    for label in labels:
        if label not in criterion.vocabulary:
            raise UnknownLabel(criterion, label)
        if label not in checked:
            checked.append(label)
    return checked


def nearest_places(commune: Commune, *, limit: int = 5, max_km: float | None = None, **filters) -> list[Found]:
    """The `limit` places nearest to the commune's centroid that match the filters (see `nearest_matches`), nearest
    first, ties by id, with their structures. One SQL query, plus one when the index must be rebuilt."""
    return load_found(nearest_matches(commune, limit=limit, max_km=max_km, **filters))


def load_found(ranked: list[Match]) -> list[Found]:
    """The places of `nearest_matches`, with their structures, in one query (none for no match)."""
    return load_groups(ranked)[0]


def load_groups(*groups: list[Match]) -> list[list[Found]]:
    """The places of several lists of matches, with their structures, in one query for them all (none when every
    list is empty); one list of `Found` per list given, in the same order."""
    wanted = {pk for group in groups for pk, _ in group}
    places = Place.objects.for_listing().in_bulk(list(wanted)) if wanted else {}
    # A place deleted since the index was built is simply left out.
    return [[Found(places[pk], distance) for pk, distance in group if pk in places] for group in groups]


def nearest_matches(
    commune: Commune,
    *,
    services: Sequence[str] = (),
    publics: Sequence[str] = (),
    supports: Sequence[str] = (),
    fees: Sequence[str] = (),
    access: Sequence[str] = (),
    modalities: Sequence[str] = (),
    limit: int = 5,
    max_km: float | None = None,
    declared: bool | None = None,
) -> list[Match]:
    """The (id, distance in km) of the `limit` places nearest to the commune's centroid that match the filters,
    nearest first (ties by id), in the commune's own territory only (mainland France with Corsica, or one overseas
    département or collectivity), within `max_km` when given.

    A place must offer every chosen service, address every chosen public and give every chosen specific support;
    for fees, access and accompaniment modalities, one of the chosen labels is enough. `declared`: True keeps the
    places that declared at least one service, False those that declared none. Labels are the standard's exact
    ones; an unknown label raises `UnknownLabel` (a ValueError with a French message). The ids and distances only,
    from the in-memory index: no SQL query, except one when the index must be rebuilt. When the commune's position
    is unknown (`position_of`), the places of its territory come by id, with no distance.
    """
    if limit < 1:
        raise ValueError(f"Le nombre de lieux demandés doit être au moins 1 (reçu {limit}).")
    chosen = {
        "services": services,
        "publics": publics,
        "supports": supports,
        "fees": fees,
        "access": access,
        "modalities": modalities,
    }
    required: set[str] = {_territory_tag(commune.territory)}
    if declared is not None:
        required.add(DECLARED if declared else UNDECLARED)
    alternatives: list[list[str]] = []
    for criterion in CRITERIA:
        labels = _checked_labels(criterion, chosen[criterion.keyword])
        if not labels:
            continue
        if criterion.any_of and len(labels) > 1:
            alternatives.append([criterion.tag(label) for label in labels])
        else:
            required.update(criterion.tag(label) for label in labels)
    index = place_index()
    position = position_of(commune)
    if position is None:
        found: set[int] = set()
        for combination in itertools.product(*alternatives):
            found.update(index.having(required | set(combination), limit))
        return [(pk, None) for pk in sorted(found)[:limit]]
    # One walk per combination of the « one of » filters: the union of their first `limit` holds the answer.
    best: dict[int, float] = {}
    for combination in itertools.product(*alternatives):
        for match in index.nearest(*position, limit=limit, required=required | set(combination), max_km=max_km):
            best[match.id] = match.distance_km
    ranked: list[Match] = [(pk, distance) for distance, pk in sorted((d, pk) for pk, d in best.items())]
    return ranked[:limit]
