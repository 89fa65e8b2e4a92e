"""The geo engine of orientation: the places nearest to a point, with required tags, exact and fast.

Distances are great-circle distances by the haversine formula on a sphere of radius 6371.0088 km (the IUGG mean
Earth radius R1), so two places ten kilometres apart are measured within a few metres of the ellipsoid.

Method. Each place is also a unit vector on the sphere, and the straight-line (chord) distance between two unit
vectors is `2 sin(d / 2R)`, which grows strictly with the great-circle distance `d` on [0, πR]: the k places with the
shortest chords are the k nearest places. A query therefore either

- walks a KD-tree of the vectors (scipy's cKDTree) for the k nearest places, all tags together, keeps those that
  have every required tag, and asks again with four times k while it has not found enough of them; the first k is
  guessed from how many places match, so a common tag needs one walk; or
- scans the matching places only, when few places match (a rare tag: the tree would have to walk past most of
  the index to find them) or when the walk grows past `TREE_BUDGET` (a tag absent around the query).

Exactness. Candidates are chosen by chord, then ranked by haversine distance and by id for ties. The answer is
exact when no place left out could come before the last one kept: a walk stops only once the k-th chord it has
seen is longer than the last kept candidate's chord plus a margin `CHORD_MARGIN` (about 6 mm on Earth, far above the
rounding errors of either formula), and every candidate within that margin is ranked, so places at the same or
nearly the same distance are all compared by haversine and id. A scan takes the same margin around its k-th chord.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from numbers import Real

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0088
CHORD_MARGIN = 1e-9
TREE_BUDGET = 4096
SCAN_BELOW = 1024


@dataclass(frozen=True, slots=True)
class Place:
    """A place as the index sees it: its id, where it is, and its tags (services, publics, modalities…)."""

    id: int
    latitude: float
    longitude: float
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """A place found by `nearest`, and how far it is from the point searched, along the Earth's surface."""

    id: int
    distance_km: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees, on a sphere of `EARTH_RADIUS_KM`."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def haversine_many(lat: float, lon: float, lats: NDArray[np.float64], lons: NDArray[np.float64]) -> NDArray[np.float64]:
    """`haversine_km` from one point (radians) to many (radians), in km."""
    h = np.sin((lats - lat) / 2) ** 2 + math.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))


def chord(km: float) -> float:
    """The chord of the unit sphere under an arc of `km`."""
    return 2 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2)


def _checked(latitude: object, longitude: object, who: str) -> tuple[float, float]:
    """(latitude, longitude) as floats, or a ValueError in French that names `who`."""
    checked = []
    for name, value, bound in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        number = float(value) if isinstance(value, Real) and not isinstance(value, bool) else math.nan
        if not (math.isfinite(number) and -bound <= number <= bound):
            raise ValueError(f"{who} : {name} invalide ({value!r}), attendue entre -{bound} et {bound}.")
        checked.append(number)
    return checked[0], checked[1]


class PlaceIndex:
    """The places, built once, searched many times by `nearest`. `scan_below` and `tree_budget` tune the choice
    between walk and scan (see the module docstring); they change the speed, never the answer."""

    def __init__(self, places: Iterable[Place], *, scan_below: int = SCAN_BELOW, tree_budget: int = TREE_BUDGET):
        ids: list[int] = []
        coordinates: list[tuple[float, float]] = []
        rows_of_tag: dict[str, list[int]] = {}
        for row, place in enumerate(places):
            coordinates.append(_checked(place.latitude, place.longitude, f"Lieu {place.id}"))
            ids.append(place.id)
            for tag in place.tags:
                rows_of_tag.setdefault(tag, []).append(row)
        if len(set(ids)) != len(ids):
            twice = sorted(i for i, count in Counter(ids).items() if count > 1)[:5]
            raise ValueError(f"Identifiants de lieu en double : {', '.join(map(str, twice))}.")
        self._size = len(ids)
        self._scan_below = scan_below
        self._tree_budget = tree_budget
        self._ids = np.array(ids, dtype=np.int64)
        radians = np.radians(np.array(coordinates, dtype=np.float64).reshape(-1, 2))
        self._lats, self._lons = radians[:, 0].copy(), radians[:, 1].copy()
        self._vectors = unit_vectors(self._lats, self._lons)
        self._tree = cKDTree(self._vectors) if self._size else None
        self._all_rows = np.arange(self._size)
        self._rows_of_tag = {tag: np.array(rows, dtype=np.intp) for tag, rows in rows_of_tag.items()}
        self._mask_of_tag = {}
        for tag, rows in self._rows_of_tag.items():
            mask = np.zeros(self._size, dtype=bool)
            mask[rows] = True
            self._mask_of_tag[tag] = mask

    def __len__(self) -> int:
        return self._size

    def mean_position(self, tag: str) -> tuple[float, float] | None:
        """The mean position, in degrees, of the places that have `tag` (None when none has it): where a
        commune's own places stand, for a commune whose position is not known."""
        rows = self._rows_of_tag.get(tag)
        if rows is None or not len(rows):
            return None
        vector = self._vectors[rows].mean(axis=0)
        norm = float(np.linalg.norm(vector))
        if norm < 1e-12:
            return None
        x, y, z = (float(v) / norm for v in vector)
        return math.degrees(math.asin(max(-1.0, min(1.0, z)))), math.degrees(math.atan2(y, x))

    def having(self, required: Collection[str], limit: int) -> list[int]:
        """The ids of the first `limit` places (by id) that have every `required` tag, wherever they are."""
        if self._size == 0 or not required or any(tag not in self._rows_of_tag for tag in required):
            return []
        tags = sorted(required, key=lambda tag: len(self._rows_of_tag[tag]))
        matching = self._rows_of_tag[tags[0]]
        for tag in tags[1:]:
            matching = matching[self._mask_of_tag[tag][matching]]
        return sorted(int(pk) for pk in self._ids[matching])[:limit]

    def nearest(
        self,
        latitude: float,
        longitude: float,
        limit: int = 5,
        required: Collection[str] = frozenset(),
        max_km: float | None = None,
    ) -> list[Match]:
        """The `limit` places nearest to the point that have every `required` tag and lie within `max_km` (when
        given), nearest first, ties by id. Fewer when fewer places qualify."""
        lat, lon = _checked(latitude, longitude, "Point de recherche")
        if isinstance(required, str):
            raise TypeError(f"Les étiquettes requises forment une collection, pas un texte : {{{required!r}}}.")
        if limit < 1:
            raise ValueError(f"Le nombre de lieux demandés doit être au moins 1 (reçu {limit}).")
        if max_km is not None and not max_km >= 0:
            raise ValueError(f"La distance maximale doit être positive ou nulle (reçu {max_km!r}).")
        if self._size == 0 or any(tag not in self._rows_of_tag for tag in required):
            return []
        tags = sorted(required, key=lambda tag: len(self._rows_of_tag[tag]))
        matching = self._all_rows
        if tags:
            matching = self._rows_of_tag[tags[0]]
            for tag in tags[1:]:
                matching = matching[self._mask_of_tag[tag][matching]]
        if not len(matching):
            return []
        phi, lam = math.radians(lat), math.radians(lon)
        point = np.array((math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)))
        bound = math.inf if max_km is None else chord(max_km) + CHORD_MARGIN
        rows = None
        if len(matching) > self._scan_below:
            rows = self._walk(point, limit, tags, len(matching), bound)
        if rows is None:
            rows = self._scan(point, limit, matching, bound)
        distances = haversine_many(math.radians(lat), math.radians(lon), self._lats[rows], self._lons[rows])
        ids = self._ids[rows]
        if max_km is not None:
            inside = distances <= max_km
            distances, ids = distances[inside], ids[inside]
        order = np.lexsort((ids, distances))[:limit]
        return [Match(int(ids[i]), float(distances[i])) for i in order]

    def _walk(
        self, point: NDArray[np.float64], limit: int, tags: list[str], matching: int, bound: float
    ) -> NDArray[np.intp] | None:
        """Candidate rows from the tree, or None when the walk grows past the budget (the caller then scans)."""
        if self._tree is None:
            return None
        k = min(self._size, math.ceil(2 * limit * self._size / matching) + 8)
        while k <= self._tree_budget:
            chords, rows = self._tree.query(point, k=k, distance_upper_bound=bound)
            chords, rows = np.atleast_1d(chords), np.atleast_1d(rows)
            found = rows < self._size
            chords, rows = chords[found], rows[found]
            # Every place outside `rows` is at a chord of at least `chords[-1]`, or beyond the bound.
            complete = len(rows) < k or k == self._size
            keep = np.ones(len(rows), dtype=bool)
            for tag in tags:
                keep &= self._mask_of_tag[tag][rows]
            kept_chords, kept_rows = chords[keep], rows[keep]
            if len(kept_rows) >= limit:
                edge = kept_chords[limit - 1] + CHORD_MARGIN
                if complete or chords[-1] > edge:
                    return kept_rows[kept_chords <= edge]
            elif complete:
                return kept_rows
            k = 4 * k if 4 * k < self._size else self._size
        return None

    def _scan(
        self, point: NDArray[np.float64], limit: int, matching: NDArray[np.intp], bound: float
    ) -> NDArray[np.intp]:
        """Candidate rows among `matching`, by chord computed for each of them."""
        chords = np.sqrt(((self._vectors[matching] - point) ** 2).sum(axis=1))
        inside = chords <= bound
        if not inside.all():
            chords, matching = chords[inside], matching[inside]
        if len(matching) <= limit:
            return matching
        edge = np.partition(chords, limit - 1)[limit - 1] + CHORD_MARGIN
        return matching[chords <= edge]


def unit_vectors(lats: NDArray[np.float64], lons: NDArray[np.float64]) -> NDArray[np.float64]:
    """Points of the unit sphere, one row (x, y, z) per (latitude, longitude) in radians."""
    cos_lat = np.cos(lats)
    return np.column_stack((cos_lat * np.cos(lons), cos_lat * np.sin(lons), np.sin(lats)))
