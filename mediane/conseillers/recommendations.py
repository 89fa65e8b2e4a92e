"""The matching's inputs read from the database, in a constant number of queries: the structures with open
positions, the candidates they may meet, and the ranked recommendations and global assignment built on them
(`matching.py` computes; nothing here is stored)."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet

from mediane.orientation.geo import haversine_km
from mediane.structures.communes import territory_of

from . import matching
from .enums import HOLDING_STATUSES, RecruitmentStatus
from .models import HostStructure
from .models_candidates import Candidate
from .models_recruitment import Recruitment

CANDIDATE_FIELDS = (
    "pk",
    "first_name",
    "last_name",
    "commune",
    "departement",
    "latitude",
    "longitude",
    "max_distance_km",
    "available_from",
    "mediation_diplomas",
    "education_level",
    "experience_months",
    "pix_shared",
    "pix_level",
)
# One degree of latitude, in km; a longitude degree is this times cos(latitude).
KM_PER_DEGREE = 111.19


# A structure's candidates already put in touch and not yet decided on: the global assignment does not suggest
# more people than the positions these leave, so proposing its pairs twice sends nobody new.
PENDING_STATUSES = (RecruitmentStatus.NEW, RecruitmentStatus.INTERESTED)


def with_open_positions(hosts: QuerySet[HostStructure]) -> QuerySet[HostStructure]:
    """Annotate `holding` (recruitments that hold a position) and `pending` (put in touch, not yet decided)."""
    return hosts.annotate(
        holding=Count("recruitments", filter=Q(recruitments__status__in=HOLDING_STATUSES), distinct=True),
        pending=Count("recruitments", filter=Q(recruitments__status__in=PENDING_STATUSES), distinct=True),
    )


def open_positions(host: HostStructure) -> int:
    """Positions granted less the recruitments that hold one."""
    return max(0, host.positions_granted - host.holding)  # type: ignore[attr-defined]


def positions_to_suggest(host: HostStructure) -> int:
    """Open positions less the candidates already put in touch and not yet decided on."""
    return max(0, open_positions(host) - host.pending)  # type: ignore[attr-defined]


def host_input(host: HostStructure, positions: int | None = None) -> matching.Host:
    return matching.Host(
        id=host.pk,
        latitude=host.latitude or 0.0,
        longitude=host.longitude or 0.0,
        territory=territory_of(host.departement),
        max_distance_km=host.max_distance_km,
        start_date=host.start_date,
        open_positions=open_positions(host) if positions is None else positions,
    )


def candidate_input(candidate: Candidate) -> matching.Candidate:
    return matching.Candidate(
        id=candidate.pk,
        latitude=candidate.latitude or 0.0,
        longitude=candidate.longitude or 0.0,
        territory=territory_of(candidate.departement),
        max_distance_km=candidate.max_distance_km,
        available_from=candidate.available_from,
        mediation_diplomas=tuple(d for d in candidate.mediation_diplomas or () if isinstance(d, str)),
        education_level=candidate.education_level,
        experience_months=candidate.experience_months,
        pix_level=candidate.pix_level if candidate.pix_shared else None,
    )


def candidates_around(hosts: list[HostStructure]) -> QuerySet[Candidate]:
    """The active candidates with a known position inside the box that holds every host's search radius: one
    query, narrowed in SQL so that a structure of the Rhône does not read the whole country."""
    located = Candidate.objects.active().filter(latitude__isnull=False, longitude__isnull=False)
    if not hosts:
        return located.none()
    reach = matching.SEARCH_KM / KM_PER_DEGREE
    lats = [h.latitude for h in hosts if h.latitude is not None]
    lons = [h.longitude for h in hosts if h.longitude is not None]
    if not lats or not lons:
        return located.none()
    widest = max(abs(lat) for lat in lats)
    lon_reach = reach / max(math.cos(math.radians(min(89.0, widest + reach))), 0.01)
    if max(lons) - min(lons) + 2 * lon_reach >= 360:
        return located.only(*CANDIDATE_FIELDS)
    return located.filter(
        latitude__gte=min(lats) - reach,
        latitude__lte=max(lats) + reach,
        longitude__gte=min(lons) - lon_reach,
        longitude__lte=max(lons) + lon_reach,
    ).only(*CANDIDATE_FIELDS)


def in_touch(hosts: list[HostStructure]) -> dict[int, set[int]]:
    """For each host, the candidates it already has a recruitment with (whatever its status): one query."""
    pairs: dict[int, set[int]] = {}
    for host_id, candidate_id in Recruitment.objects.filter(host__in=[h.pk for h in hosts]).values_list(
        "host_id", "candidate_id"
    ):
        pairs.setdefault(host_id, set()).add(candidate_id)
    return pairs


def pair_feasible(host: HostStructure, candidate: Candidate) -> bool:
    """`matching.feasible` for one structure and one candidate read from the database: same territory, within both
    distance limits. A structure may act on (or read the profile of) a candidate it is not in touch with only then."""
    if None in (host.latitude, host.longitude, candidate.latitude, candidate.longitude):
        return False
    distance = haversine_km(host.latitude, host.longitude, candidate.latitude, candidate.longitude)  # type: ignore[arg-type]
    return matching.feasible(host_input(host, 0), candidate_input(candidate), distance)


def feasible_candidate_ids(hosts: list[HostStructure]) -> list[int]:
    """The active candidates feasible for at least one of `hosts`: two queries (the box around them, then the
    exact test of `pair_feasible`)."""
    located = [h for h in hosts if h.latitude is not None and h.longitude is not None]
    if not located:
        return []
    return [c.pk for c in candidates_around(located) if any(pair_feasible(h, c) for h in located)]


def short_name(candidate: Candidate) -> str:
    """First name and the initial of the last name: what a list shows before the structure is in touch."""
    initial = f" {candidate.last_name[:1]}." if candidate.last_name else ""
    return f"{candidate.first_name}{initial}"


@dataclass(frozen=True)
class Recommended:
    """A recommended candidate as a structure reads it: the profile, how far, the score and why."""

    candidate: Candidate
    distance_km: float
    points: float
    reasons: list[str]

    @property
    def display_name(self) -> str:
        return short_name(self.candidate)


class Ranking:
    """A structure's ranked candidates; the explanation is written only for the ones a page shows (`explain`)."""

    def __init__(self, host: HostStructure):
        self.host = host
        self.input = host_input(host)
        if host.latitude is None or host.longitude is None:
            self.candidates: dict[int, Candidate] = {}
            self.ranked: matching.Ranked = matching.EMPTY
            return
        self.candidates = {c.pk: c for c in candidates_around([host]).exclude(recruitments__host=host)}
        self.ranked = matching.recommend([self.input], [candidate_input(c) for c in self.candidates.values()])[host.pk]

    def __len__(self) -> int:
        return len(self.ranked)

    def __getitem__(self, index):
        items = self.ranked[index]
        if isinstance(index, slice):
            return [self.explain(item) for item in items]
        return self.explain(items)

    def explain(self, item: matching.Recommendation) -> Recommended:
        candidate = self.candidates[item.candidate_id]
        points, reasons = matching.score(self.input, candidate_input(candidate), item.distance_km)
        return Recommended(candidate, item.distance_km, points, reasons)


def ranking_for(request, host: HostStructure) -> Ranking:
    """The host's ranking, computed once per request however many times a page asks for it."""
    cache = request.__dict__.setdefault("_conseillers_rankings", {})
    if host.pk not in cache:
        cache[host.pk] = Ranking(host)
    return cache[host.pk]


@dataclass
class GlobalAssignment:
    """The optimal and greedy assignments of one perimeter (a département, or the whole programme), with the
    structures and candidates they name."""

    optimal: matching.Assignment
    greedy: matching.Assignment
    hosts: dict[int, HostStructure]
    candidates: dict[int, Candidate]
    open_positions: int

    @property
    def more_filled(self) -> int:
        return self.optimal.filled - self.greedy.filled

    @property
    def digest(self) -> str:
        """A short fingerprint of the optimal pairs: the page posts it back, so the team proposes the pairs it saw."""
        text = ";".join(f"{p.host_id}:{p.candidate_id}" for p in sorted(self.optimal.pairs, key=_pair_key))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def suggested(self) -> list[Suggested]:
        """The optimal pairs with the structure and the candidate they name, for the table."""
        return [
            Suggested(self.hosts[p.host_id], self.candidates[p.candidate_id], p.distance_km, p.points)
            for p in self.optimal.pairs
        ]


@dataclass(frozen=True)
class Suggested:
    host: HostStructure
    candidate: Candidate
    distance_km: float
    points: float

    @property
    def display_name(self) -> str:
        return short_name(self.candidate)


def open_hosts(departement: str = "") -> list[HostStructure]:
    hosts = with_open_positions(
        HostStructure.objects.validated().filter(latitude__isnull=False, longitude__isnull=False)
    ).order_by("pk")
    if departement:
        hosts = hosts.filter(departement=departement)
    return [h for h in hosts if positions_to_suggest(h) > 0]


def _pair_key(pair: matching.Pair) -> tuple[int, int]:
    return (pair.host_id, pair.candidate_id)


# How long a computed assignment is reused (its pages, the proposal) while nothing it reads changes.
ASSIGNMENT_CACHE_SECONDS = 600


def _state_stamp() -> str:
    """What the assignment reads, summed up: any new, edited or moved candidate, structure or recruitment changes it."""
    parts = []
    for model in (Candidate, HostStructure, Recruitment):
        row = model.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
        parts.append(f"{row['count']}@{row['latest'].timestamp() if row['latest'] else 0}")
    return "/".join(parts)


def cached_assign(departement: str = "") -> GlobalAssignment:
    """`assign`, computed once for the perimeter and the current state of the data (about 1.5 s for the whole
    programme), then read from the cache by every page of the suggestions and by the proposal."""
    key = f"conseillers:assignment:{departement or 'tout'}:{_state_stamp()}"
    result = cache.get(key)
    if result is None:
        result = assign(departement)
        cache.set(key, result, ASSIGNMENT_CACHE_SECONDS)
    return result


def assign(departement: str = "") -> GlobalAssignment:
    """Both assignments for the structures of `departement` (all when empty) that have positions to suggest
    people for (`positions_to_suggest`). Greedy
    takes the structures in the order they registered. Three queries."""
    hosts = open_hosts(departement)
    candidates = {c.pk: c for c in candidates_around(hosts)} if hosts else {}
    inputs = [host_input(h, positions_to_suggest(h)) for h in hosts]
    recommendations = matching.recommend(
        inputs, [candidate_input(c) for c in candidates.values()], excluded=in_touch(hosts)
    )
    return GlobalAssignment(
        optimal=matching.assign_optimal(inputs, recommendations),
        greedy=matching.assign_greedy(inputs, recommendations),
        hosts={h.pk: h for h in hosts},
        candidates=candidates,
        open_positions=sum(i.open_positions for i in inputs),
    )
