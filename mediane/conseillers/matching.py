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

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import min_cost_flow
from scipy.spatial import cKDTree

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
        return f"{days} jour{'s' if days > 1 else ''}"
    if days < 60:
        weeks = round(days / 7)
        return f"{weeks} semaine{'s' if weeks > 1 else ''}"
    return f"{round(days / 30.4)} mois"


def _experience(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} an{'s' if years > 1 else ''}")
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

    def ranked(
        self, host: Host, rows: NDArray[np.intp], excluded: frozenset[int] | set[int] = frozenset()
    ) -> list[Recommendation]:
        """The feasible candidates among `rows`, best first."""
        if not len(rows):
            return []
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
        return [Recommendation(int(ids[i]), float(distances[i]), float(points[i])) for i in order]


def recommend(
    hosts: Sequence[Host],
    candidates: Sequence[Candidate] | CandidatePool,
    limit: int | None = None,
    excluded: dict[int, set[int]] | None = None,
) -> dict[int, list[Recommendation]]:
    """For every host, its feasible candidates ranked (at most `limit` each), leaving out `excluded[host.id]`
    (candidates already in a recruitment with that host)."""
    pool = candidates if isinstance(candidates, CandidatePool) else CandidatePool(candidates)
    excluded = excluded or {}
    result = {}
    for host, rows in zip(hosts, pool.search(hosts), strict=True):
        ranked = pool.ranked(host, rows, excluded.get(host.id, frozenset()))
        result[host.id] = ranked[:limit] if limit is not None else ranked
    return result


def assign_greedy(hosts: Sequence[Host], recommendations: dict[int, list[Recommendation]]) -> Assignment:
    """The baseline: hosts in the given order, each takes its best remaining candidates for its open positions."""
    started = time.perf_counter()
    taken: set[int] = set()
    pairs = []
    for host in hosts:
        wanted = host.open_positions
        for rec in recommendations.get(host.id, []):
            if wanted <= 0:
                break
            if rec.candidate_id in taken:
                continue
            taken.add(rec.candidate_id)
            pairs.append(Pair(host.id, rec.candidate_id, rec.distance_km, rec.points))
            wanted -= 1
    return Assignment(pairs, time.perf_counter() - started)


def assign_optimal(hosts: Sequence[Host], recommendations: dict[int, list[Recommendation]]) -> Assignment:
    """The most positions filled, one per candidate, and among those the highest total score: a min-cost flow
    source → candidate (capacity 1) → host (capacity 1, cost `MAX_POINTS − score` in tenths) → sink (capacity the
    open positions), solved by OR-Tools' `solve_max_flow_with_min_cost` (maximum flow first, then least cost)."""
    started = time.perf_counter()
    open_hosts = [h for h in hosts if h.open_positions > 0 and recommendations.get(h.id)]
    if not open_hosts:
        return Assignment([], time.perf_counter() - started)
    host_node = {h.id: 2 + i for i, h in enumerate(open_hosts)}
    candidate_ids = sorted({r.candidate_id for h in open_hosts for r in recommendations[h.id]})
    first_candidate = 2 + len(open_hosts)
    candidate_node = {cid: first_candidate + i for i, cid in enumerate(candidate_ids)}
    source, sink = 0, 1
    edges = [(h, r) for h in open_hosts for r in recommendations[h.id]]
    tails = np.concatenate(
        [
            np.full(len(candidate_ids), source),
            np.array([candidate_node[r.candidate_id] for _, r in edges]),
            np.array([host_node[h.id] for h in open_hosts]),
        ]
    ).astype(np.int32)
    heads = np.concatenate(
        [
            np.arange(first_candidate, first_candidate + len(candidate_ids)),
            np.array([host_node[h.id] for h, _ in edges]),
            np.full(len(open_hosts), sink),
        ]
    ).astype(np.int32)
    capacities = np.concatenate(
        [np.ones(len(candidate_ids)), np.ones(len(edges)), np.array([h.open_positions for h in open_hosts])]
    ).astype(np.int64)
    costs = np.concatenate(
        [
            np.zeros(len(candidate_ids)),
            np.array([round((MAX_POINTS - r.points) * 10) for _, r in edges]),
            np.zeros(len(open_hosts)),
        ]
    ).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    # The most the source could send; the solver sends the maximum flow the arcs allow, at least cost.
    most = min(len(candidate_ids), sum(h.open_positions for h in open_hosts))
    flow.set_node_supply(source, most)
    flow.set_node_supply(sink, -most)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"Le calcul de l'affectation a échoué (statut {status}).")
    used = flow.flows(arcs[len(candidate_ids) : len(candidate_ids) + len(edges)])
    pairs = [
        Pair(host.id, rec.candidate_id, rec.distance_km, rec.points)
        for (host, rec), carried in zip(edges, used, strict=True)
        if carried
    ]
    return Assignment(pairs, time.perf_counter() - started)
