"""The programme's matching, without Django: which candidates a host structure may meet, their score explained in
plain French, and the global assignment of candidates to open positions (optimal, and the greedy baseline).

Feasible pair. A candidate and a structure match only in the same territory (the mainland with Corsica, or one
overseas territory: `mediane.structures.communes.territory_of`) and within BOTH distance limits: the candidate's
`max_distance_km` and the structure's. Distances are great-circle (haversine) kilometres.

Score, out of 100 points, every part shown to the structure as a short French phrase:

- distance, up to 30: `30 × (1 − d / L)` where `L` is the tighter of the two limits (0 at the limit);
- availability, up to 20: 20 when the candidate is available by the structure's wished start date, then 20 less
  `20 / 12` per week late (0 from twelve weeks late);
- a diploma of digital mediation, up to 20: the best held (`DIPLOMA_POINTS`: the REMN title or a DEUST or
  professional licence 20, DEJEPS or BPJEPS 15, a CCP of the REMN title 12, Pix+ or another 10);
- experience in digital mediation, up to 15: `15 × months / 24`, capped at two years;
- the Pix level the candidate chose to share, up to 10: `10 × level / 8`;
- the education level, up to 5 (`EDUCATION_POINTS`: none 0 … bac + 5 5).

Ranking: score, then distance, then availability date, then id. Only distance and availability depend on the
structure; the rest is computed once per candidate, which keeps recommending for every structure fast.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import overload

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import min_cost_flow
from scipy.spatial import cKDTree

from mediane.french import count_phrase
from mediane.orientation.geo import CHORD_MARGIN, chord, haversine_many, unit_vectors

# No candidate is looked for beyond this distance (the widest limit the programme offers).
SEARCH_KM = 100

DISTANCE_POINTS = 30
AVAILABILITY_POINTS = 20
LATE_WEEKS_TO_ZERO = 12
EXPERIENCE_POINTS = 15
EXPERIENCE_MONTHS_FULL = 24
PIX_POINTS = 10
PIX_MAX_LEVEL = 8

# Keys are the values of `enums.MediationDiploma`; (points, the short name shown in the explanation).
DIPLOMA_POINTS: dict[str, tuple[int, str]] = {
    "titre_remn": (20, "titre REMN"),
    "deust_licence": (20, "DEUST ou licence professionnelle"),
    "dejeps": (15, "DEJEPS"),
    "bpjeps": (15, "BPJEPS"),
    "ccp_remn": (12, "CCP du titre REMN"),
    "pix_plus": (10, "Pix+"),
    "autre": (10, "autre diplôme"),
}
# Keys are the values of `enums.EducationLevel`; (points, the phrase shown).
EDUCATION_POINTS: dict[str, tuple[int, str]] = {
    "aucun": (0, ""),
    "cap_bep": (1, "niveau CAP ou BEP"),
    "bac": (2, "niveau bac"),
    "bac_2": (3, "niveau bac + 2"),
    "bac_3": (4, "niveau bac + 3"),
    "bac_5": (5, "niveau bac + 5"),
}
MAX_POINTS = 100


@dataclass(frozen=True, slots=True)
class Host:
    """A host structure as the matching sees it."""

    id: int
    latitude: float
    longitude: float
    territory: str
    max_distance_km: float
    start_date: date
    open_positions: int = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate as the matching sees it; `pix_level` only when they chose to share it."""

    id: int
    latitude: float
    longitude: float
    territory: str
    max_distance_km: float
    available_from: date
    mediation_diplomas: tuple[str, ...] = ()
    education_level: str = "aucun"
    experience_months: int = 0
    pix_level: int | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    candidate_id: int
    distance_km: float
    points: float


class Ranked(Sequence[Recommendation]):
    """A host's ranked candidates, kept as arrays (a country's worth of pairs stays cheap); items are
    `Recommendation`s, made only when read."""

    __slots__ = ("distances", "ids", "points")

    def __init__(self, ids: NDArray[np.int64], distances: NDArray[np.float64], points: NDArray[np.float64]):
        self.ids, self.distances, self.points = ids, distances, points

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Recommendation: ...

    @overload
    def __getitem__(self, index: slice) -> Ranked: ...

    def __getitem__(self, index: int | slice) -> Recommendation | Ranked:
        if isinstance(index, slice):
            return Ranked(self.ids[index], self.distances[index], self.points[index])
        return Recommendation(int(self.ids[index]), float(self.distances[index]), float(self.points[index]))


EMPTY = Ranked(np.empty(0, dtype=np.int64), np.empty(0), np.empty(0))


@dataclass(frozen=True, slots=True)
class Pair:
    host_id: int
    candidate_id: int
    distance_km: float
    points: float


@dataclass
class Assignment:
    """Suggested pairs and their figures: positions filled, mean distance and score, run time (seconds)."""

    pairs: list[Pair] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def filled(self) -> int:
        return len(self.pairs)

    @property
    def mean_distance_km(self) -> float:
        return sum(p.distance_km for p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def mean_points(self) -> float:
        return sum(p.points for p in self.pairs) / len(self.pairs) if self.pairs else 0.0


def feasible(host: Host, candidate: Candidate, distance_km: float) -> bool:
    """Same territory, and within both limits."""
    return (
        host.territory == candidate.territory
        and distance_km <= candidate.max_distance_km
        and distance_km <= host.max_distance_km
    )


def _best_diploma(diplomas: Iterable[str]) -> tuple[int, str]:
    return max((DIPLOMA_POINTS[d] for d in diplomas if d in DIPLOMA_POINTS), default=(0, ""), key=lambda x: x[0])


def _own_points(candidate: Candidate) -> float:
    """What does not depend on the structure: diploma, experience, Pix, education."""
    pix = candidate.pix_level or 0
    return (
        _best_diploma(candidate.mediation_diplomas)[0]
        + EXPERIENCE_POINTS * min(candidate.experience_months, EXPERIENCE_MONTHS_FULL) / EXPERIENCE_MONTHS_FULL
        + PIX_POINTS * min(pix, PIX_MAX_LEVEL) / PIX_MAX_LEVEL
        + EDUCATION_POINTS.get(candidate.education_level, (0, ""))[0]
    )


def _distance_points(distance_km: float, limit_km: float) -> float:
    return DISTANCE_POINTS * max(0.0, 1 - distance_km / limit_km) if limit_km > 0 else 0.0


def _availability_points(days_late: int) -> float:
    if days_late <= 0:
        return AVAILABILITY_POINTS
    return max(0.0, AVAILABILITY_POINTS * (1 - days_late / (7 * LATE_WEEKS_TO_ZERO)))


def _kilometres(distance_km: float) -> str:
    return "à moins de 1 km" if distance_km < 1 else f"à {round(distance_km)} km"


def _late(days: int) -> str:
    if days < 7:
        return count_phrase(days, "jour")
    if days < 60:
        return count_phrase(round(days / 7), "semaine")
    return f"{round(days / 30.4)} mois"


def _experience(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(count_phrase(years, "an"))
    if rest:
        parts.append(f"{rest} mois")
    return " et ".join(parts)


def score(host: Host, candidate: Candidate, distance_km: float) -> tuple[float, list[str]]:
    """The pair's points (out of 100, one decimal) and why, in short French phrases (the module docstring has the
    weights). The caller checks `feasible` first."""
    limit = min(candidate.max_distance_km, host.max_distance_km)
    days_late = (candidate.available_from - host.start_date).days
    points = _distance_points(distance_km, limit) + _availability_points(days_late) + _own_points(candidate)
    reasons = [f"{_kilometres(distance_km)}, dans sa limite de {round(candidate.max_distance_km)} km"]
    if days_late <= 0:
        reasons.append("disponible avant votre date de prise de poste")
    else:
        reasons.append(f"disponible {_late(days_late)} après votre date de prise de poste")
    diploma_points, diploma = _best_diploma(candidate.mediation_diplomas)
    if diploma_points:
        reasons.append(f"diplômé·e en médiation numérique ({diploma})")
    if candidate.experience_months > 0:
        reasons.append(f"{_experience(candidate.experience_months)} d'expérience en médiation numérique")
    if candidate.pix_level:
        reasons.append(f"Pix niveau {candidate.pix_level}")
    education = EDUCATION_POINTS.get(candidate.education_level, (0, ""))[1]
    if education:
        reasons.append(education)
    return round(points, 1), reasons


class CandidatePool:
    """The candidates, indexed once (a KD-tree of unit vectors), then searched for each structure."""

    def __init__(self, candidates: Sequence[Candidate]):
        self.candidates = list(candidates)
        n = len(self.candidates)
        self.ids = np.array([c.id for c in self.candidates], dtype=np.int64)
        self.lats = np.radians(np.array([c.latitude for c in self.candidates], dtype=np.float64))
        self.lons = np.radians(np.array([c.longitude for c in self.candidates], dtype=np.float64))
        self.limits = np.array([c.max_distance_km for c in self.candidates], dtype=np.float64)
        self.available = np.array([c.available_from.toordinal() for c in self.candidates], dtype=np.int64)
        self.own_points = np.array([_own_points(c) for c in self.candidates], dtype=np.float64)
        territories = sorted({c.territory for c in self.candidates})
        self.territory_code = {t: i for i, t in enumerate(territories)}
        self.territories = np.array([self.territory_code[c.territory] for c in self.candidates], dtype=np.int64)
        self.tree = cKDTree(unit_vectors(self.lats, self.lons)) if n else None

    def search(self, hosts: Sequence[Host]) -> list[NDArray[np.intp]]:
        """For each host, the rows of the candidates within `SEARCH_KM` and the host's limit (by chord)."""
        if self.tree is None or not hosts:
            return [np.empty(0, dtype=np.intp) for _ in hosts]
        points = unit_vectors(
            np.radians(np.array([h.latitude for h in hosts])), np.radians(np.array([h.longitude for h in hosts]))
        )
        radii = np.array([chord(min(h.max_distance_km, SEARCH_KM)) + CHORD_MARGIN for h in hosts])
        found = self.tree.query_ball_point(points, r=radii)
        return [np.array(rows, dtype=np.intp) for rows in found]

    def ranked(self, host: Host, rows: NDArray[np.intp], excluded: frozenset[int] | set[int] = frozenset()) -> Ranked:
        """The feasible candidates among `rows`, best first."""
        if not len(rows):
            return EMPTY
        distances = haversine_many(
            math.radians(host.latitude), math.radians(host.longitude), self.lats[rows], self.lons[rows]
        )
        limits = self.limits[rows]
        keep = (
            (distances <= limits)
            & (distances <= host.max_distance_km)
            & (self.territories[rows] == self.territory_code.get(host.territory, -1))
        )
        if excluded:
            keep &= ~np.isin(self.ids[rows], list(excluded))
        rows, distances, limits = rows[keep], distances[keep], limits[keep]
        tight = np.minimum(limits, host.max_distance_km)
        with np.errstate(divide="ignore", invalid="ignore"):
            distance_points = np.where(tight > 0, DISTANCE_POINTS * np.maximum(0.0, 1 - distances / tight), 0.0)
        days_late = self.available[rows] - host.start_date.toordinal()
        availability_points = np.where(
            days_late <= 0,
            AVAILABILITY_POINTS,
            np.maximum(0.0, AVAILABILITY_POINTS * (1 - days_late / (7 * LATE_WEEKS_TO_ZERO))),
        )
        points = np.round(distance_points + availability_points + self.own_points[rows], 1)
        ids = self.ids[rows]
        order = np.lexsort((ids, self.available[rows], distances, -points))
        return Ranked(ids[order], distances[order], points[order])


def recommend(
    hosts: Sequence[Host],
    candidates: Sequence[Candidate] | CandidatePool,
    limit: int | None = None,
    excluded: dict[int, set[int]] | None = None,
) -> dict[int, Ranked]:
    """For every host, its feasible candidates ranked (at most `limit` each), leaving out `excluded[host.id]`
    (candidates already in a recruitment with that host)."""
    pool = candidates if isinstance(candidates, CandidatePool) else CandidatePool(candidates)
    excluded = excluded or {}
    result = {}
    for host, rows in zip(hosts, pool.search(hosts), strict=True):
        ranked = pool.ranked(host, rows, excluded.get(host.id, frozenset()))
        result[host.id] = ranked[:limit] if limit is not None else ranked
    return result


def assign_greedy(hosts: Sequence[Host], recommendations: dict[int, Ranked]) -> Assignment:
    """The baseline: hosts in the given order, each takes its best remaining candidates for its open positions."""
    started = time.perf_counter()
    taken: set[int] = set()
    pairs = []
    for host in hosts:
        wanted = host.open_positions
        ranked = recommendations.get(host.id, EMPTY)
        for row, candidate_id in enumerate(ranked.ids.tolist()):
            if wanted <= 0:
                break
            if candidate_id in taken:
                continue
            taken.add(candidate_id)
            pairs.append(Pair(host.id, candidate_id, float(ranked.distances[row]), float(ranked.points[row])))
            wanted -= 1
    return Assignment(pairs, time.perf_counter() - started)


def assign_optimal(hosts: Sequence[Host], recommendations: dict[int, Ranked]) -> Assignment:
    """The most positions filled, one per candidate, and among those the highest total score: a min-cost flow
    source → candidate (capacity 1) → host (capacity 1, cost `MAX_POINTS − score` in tenths) → sink (capacity the
    open positions), solved by OR-Tools' `solve_max_flow_with_min_cost` (maximum flow first, then least cost)."""
    started = time.perf_counter()
    open_hosts = [h for h in hosts if h.open_positions > 0 and len(recommendations.get(h.id, EMPTY))]
    if not open_hosts:
        return Assignment([], time.perf_counter() - started)
    ranked = [recommendations[h.id] for h in open_hosts]
    edge_candidates = np.concatenate([r.ids for r in ranked])
    edge_hosts = np.repeat(np.arange(len(open_hosts)), [len(r) for r in ranked])
    edge_points = np.concatenate([r.points for r in ranked])
    edge_distances = np.concatenate([r.distances for r in ranked])
    candidate_ids, edge_candidate_rows = np.unique(edge_candidates, return_inverse=True)
    # Nodes: 0 the source, 1 the sink, then the hosts, then the candidates.
    source, sink, first_host = 0, 1, 2
    first_candidate = first_host + len(open_hosts)
    n_candidates, n_edges, n_hosts = len(candidate_ids), len(edge_candidates), len(open_hosts)
    tails = np.concatenate(
        [np.full(n_candidates, source), first_candidate + edge_candidate_rows, first_host + np.arange(n_hosts)]
    )
    heads = np.concatenate([first_candidate + np.arange(n_candidates), first_host + edge_hosts, np.full(n_hosts, sink)])
    capacities = np.concatenate(
        [np.ones(n_candidates), np.ones(n_edges), np.array([h.open_positions for h in open_hosts])]
    )
    costs = np.concatenate([np.zeros(n_candidates), np.round((MAX_POINTS - edge_points) * 10), np.zeros(n_hosts)])
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), capacities.astype(np.int64), costs.astype(np.int64)
    )
    # The most the source could send; the solver sends the maximum flow the arcs allow, at least cost.
    most = min(n_candidates, sum(h.open_positions for h in open_hosts))
    flow.set_node_supply(source, most)
    flow.set_node_supply(sink, -most)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"Le calcul de l'affectation a échoué (statut {status}).")
    used = np.flatnonzero(flow.flows(arcs[n_candidates : n_candidates + n_edges]))
    pairs = [
        Pair(open_hosts[edge_hosts[e]].id, int(edge_candidates[e]), float(edge_distances[e]), float(edge_points[e]))
        for e in used.tolist()
    ]
    return Assignment(pairs, time.perf_counter() - started)
