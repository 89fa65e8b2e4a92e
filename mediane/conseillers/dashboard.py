"""The programme's figures, as the dashboard shows them: read from `ActivityCounter` (exact by construction: the
report services change them in the transaction that writes a report) and from the programme's own tables
(positions, recruitments, structures, candidates), in a small constant number of queries whatever the number of
reports. Nothing is cached, so nothing goes stale.

The public version and the open data see aggregates only (nothing below a département and a month, no adviser);
the internal version adds what the programme team acts upon (`dashboard_team`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Count, F, Q, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from mediane.accounts.territories import DEPARTEMENTS, departement_label
from mediane.charts import Chart, percent, stacked_bar_chart
from mediane.french import number

from .counters import ADVISER_DIMENSION, DIRECTORY_PLACE, NO_REDIRECTION
from .enums import HOLDING_STATUSES
from .enums_reports import (
    UNKNOWN,
    ActivityType,
    AgeBand,
    DurationBand,
    Gender,
    Mission,
    PlaceType,
    Redirection,
    SocialStatus,
    Thematique,
)
from .models import HostStructure
from .models_candidates import Candidate
from .models_recruitment import Recruitment
from .models_reports import NATIONAL, ActivityCounter

# How many months the dashboard shows by default, and at most in its table by month.
MONTHS_SHOWN = 24
# An adviser who recorded an activity this month or last month is « active ».
ACTIVE_MONTHS = 2
FIRST_MONTH = dt.date(2020, 1, 1)
BAD_END = "Le mois de fin n'est pas un mois (écrivez-le comme 2026-03) : les chiffres vont jusqu'à ce mois-ci."
BAD_START = (
    "Le mois de début n'est pas un mois (écrivez-le comme 2025-04) : les chiffres partent de 24 mois avant la fin."
)


def _labels(*choices) -> dict[str, str]:
    found: dict[str, str] = {}
    for enum in choices:
        found.update({str(value): str(label) for value, label in enum.choices})
    return found


# Each breakdown the dashboard draws: (dimension, slug, title, label header, counted in people rather than
# activities, the labels of its values in their order).
BREAKDOWNS: list[tuple[str, str, str, str, bool, dict[str, str]]] = [
    ("mission", "missions", "Accompagnements par mission", "Mission", False, _labels(Mission)),
    ("thematique", "thematiques", "Accompagnements par thématique", "Thématique", False, _labels(Thematique)),
    ("type", "types", "Accompagnements par type", "Type", False, _labels(ActivityType)),
    ("duree", "durees", "Accompagnements par durée", "Durée", False, _labels(DurationBand)),
    ("canal", "canaux", "Accompagnements par canal", "Canal", False, _labels(PlaceType)),
    (
        "redirection",
        "redirections",
        "Accompagnements par réorientation",
        "Réorientée vers",
        False,
        {NO_REDIRECTION: "Pas de réorientation", **_labels(Redirection), DIRECTORY_PLACE: "Un lieu de l'annuaire"},
    ),
    ("age", "ages", "Personnes accompagnées par tranche d'âge", "Tranche d'âge", True, _labels(AgeBand)),
    ("statut", "statuts", "Personnes accompagnées par statut", "Statut", True, _labels(SocialStatus)),
    ("genre", "genres", "Personnes accompagnées par genre", "Genre", True, _labels(Gender)),
]
LABELS: dict[str, dict[str, str]] = {dimension: labels for dimension, _s, _t, _h, _p, labels in BREAKDOWNS}


def month_add(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_month(text: str | None) -> dt.date | None:
    """« 2026-03 » → 1 March 2026; None for anything else (a missing value, « 2026-13 », « abc »)."""
    text = (text or "").strip()
    if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isascii() or not (text[:4] + text[5:]).isdigit():
        return None
    year, month = int(text[:4]), int(text[5:])
    if not 1 <= month <= 12 or year < FIRST_MONTH.year or year > 2100:
        return None
    return dt.date(year, month, 1)


@dataclass(frozen=True)
class Filters:
    start: dt.date
    end: dt.date
    departement: str = ""
    notices: tuple[str, ...] = ()

    @property
    def scope(self) -> str:
        return self.departement or NATIONAL

    @property
    def months(self) -> list[dt.date]:
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = month_add(month, 1)
        return months

    def query(self) -> str:
        """The filters as the open data's and the month links' query string."""
        parts = [f"debut={self.start:%Y-%m}", f"fin={self.end:%Y-%m}"]
        if self.departement:
            parts.append(f"departement={self.departement}")
        return "&".join(parts)


def read_filters(params, today: dt.date | None = None) -> Filters:
    """The period (`debut`, `fin`: « AAAA-MM ») and the département asked in the query string: a value that is
    not one gets the default and a French notice, never an error. By default, the last 24 months."""
    this_month = (today or timezone.localdate()).replace(day=1)
    notices: list[str] = []

    def month(name: str, default: dt.date, notice: str) -> dt.date:
        asked = params.get(name)
        if not asked:
            return default
        found = parse_month(asked)
        if found is None:
            notices.append(notice)
        return found or default

    end = min(month("fin", this_month, BAD_END), this_month)
    start = month("debut", month_add(end, 1 - MONTHS_SHOWN), BAD_START)
    if start > end:
        notices.append("Le mois de début était après le mois de fin : les deux ont été échangés.")
        start, end = end, start
    departement = (params.get("departement") or "").strip().upper()
    if departement and departement not in DEPARTEMENTS:
        notices.append("Ce département n'existe pas : les chiffres sont ceux de toute la France.")
        departement = ""
    return Filters(start, end, departement, tuple(notices))


@dataclass(frozen=True)
class Line:
    code: str
    label: str
    activities: int
    people: int
    minutes: int

    @property
    def hours(self) -> int:
        return round(self.minutes / 60)


@dataclass(frozen=True)
class Breakdown:
    slug: str
    title: str
    label_header: str
    value_header: str
    lines: list[tuple[Line, int, str]]
    chart: Chart
    total: int


@dataclass
class DepartementRow:
    code: str
    activities: int = 0
    people: int = 0
    minutes: int = 0
    granted: int = 0
    filled: int = 0
    active: int = 0

    @property
    def label(self) -> str:
        return departement_label(self.code) or self.code

    @property
    def hours(self) -> int:
        return round(self.minutes / 60)

    @property
    def activation(self) -> str:
        return percent(self.active, self.filled)


@dataclass
class Figures:
    filters: Filters
    totals: Line
    breakdowns: list[Breakdown]
    months: list[Line]
    departements: list[DepartementRow]
    positions_granted: int
    positions_filled: int
    advisers_active: int
    structures: int
    candidates: int
    # The team's version only: the advisers in post who recorded nothing this month or last (recruitment rows),
    # their number, the structures whose granted positions are not all filled, and their number.
    silent: list = field(default_factory=list)
    silent_count: int = 0
    unfilled: list = field(default_factory=list)
    unfilled_count: int = 0

    @property
    def activation(self) -> str:
        return percent(self.advisers_active, self.positions_filled)

    @property
    def hours(self) -> int:
        return self.totals.hours


def _sums(queryset):
    return queryset.annotate(a=Sum("activities"), p=Sum("people"), m=Sum("minutes"))


def _breakdown(dimension: str, slug: str, title: str, header: str, people: bool, labels, found) -> Breakdown:
    values = found.get(dimension, {})
    ordered = [code for code in labels if code in values] + sorted(code for code in values if code not in labels)
    lines = []
    for code in ordered:
        activities, persons, minutes = values[code]
        lines.append(
            Line(code, labels.get(code, "Non communiqué" if code == UNKNOWN else code), activities, persons, minutes)
        )
    if dimension == "thematique":
        lines.sort(key=lambda line: -line.activities)
    counted = [(line, line.people if people else line.activities) for line in lines]
    chart = stacked_bar_chart(slug, title, [(line.label, value, "") for line, value in counted], header, "", number)
    total = sum(value for _line, value in counted)
    rows = [(line, value, bar.share) for (line, value), bar in zip(counted, chart.bars, strict=True)]
    return Breakdown(slug, title, header, "Personnes" if people else "Accompagnements", rows, chart, total)


def _activity(filters: Filters) -> tuple[Line, list[Breakdown], list[Line], dict[str, list[int]]]:
    """The activity figures of the filters' scope and period: 3 queries over the counters."""
    in_period = ActivityCounter.objects.order_by().filter(month__gte=filters.start, month__lte=filters.end)
    found: dict[str, dict[str, tuple[int, int, int]]] = defaultdict(dict)
    for row in _sums(
        in_period.filter(scope=filters.scope).exclude(dimension=ADVISER_DIMENSION).values("dimension", "value")
    ):
        found[row["dimension"]][row["value"]] = (row["a"] or 0, row["p"] or 0, row["m"] or 0)
    a, p, m = found.get("total", {}).get("", (0, 0, 0))
    totals = Line("", "Total", a, p, m)
    breakdowns = [_breakdown(*spec[:5], spec[5], found) for spec in BREAKDOWNS]
    by_month = {
        row["month"]: row for row in _sums(in_period.filter(scope=filters.scope, dimension="total").values("month"))
    }
    months = [
        Line(
            f"{month:%Y-%m}",
            month.strftime("%m/%Y"),
            (by_month.get(month) or {}).get("a") or 0,
            (by_month.get(month) or {}).get("p") or 0,
            (by_month.get(month) or {}).get("m") or 0,
        )
        for month in filters.months[-MONTHS_SHOWN:]
    ]
    by_departement = {}
    if not filters.departement:
        # The départements' scopes by name: the counters' unique index answers one range per département.
        departements = in_period.filter(scope__in=list(DEPARTEMENTS), dimension="total")
        for row in _sums(departements.values("scope")):
            by_departement[row["scope"]] = [row["a"] or 0, row["p"] or 0, row["m"] or 0]
    return totals, breakdowns, months, by_departement


def _active_adviser_ids(today: dt.date):
    """The ids of the advisers who recorded an activity this month or last (the « conseiller » counter rows, read
    through the counters' own index: one range per département), as a subquery."""
    since = month_add(today.replace(day=1), 1 - ACTIVE_MONTHS)
    return (
        ActivityCounter.objects.order_by()
        .filter(scope__in=list(DEPARTEMENTS), dimension=ADVISER_DIMENSION, month__gte=since, activities__gt=0)
        .annotate(adviser_id=Cast("value", BigIntegerField()))
        .values("adviser_id")
    )


def collect(filters: Filters, *, team: bool = False, today: dt.date | None = None) -> Figures:
    """Every figure of the dashboard for `filters` (7 queries); with `team`, what the programme team acts upon too
    (2 or 3 more)."""
    today = today or timezone.localdate()
    totals, breakdowns, months, activity = _activity(filters)
    hosts = HostStructure.objects.order_by()
    in_post = Recruitment.objects.holding().order_by()
    if filters.departement:
        hosts = hosts.in_departement(filters.departement)
        in_post = in_post.filter(host__departement=filters.departement)
    granted = hosts.granted_by_departement()
    active_ids = _active_adviser_ids(today)
    posts = in_post.values("host__departement").annotate(
        filled=Count("pk"), active=Count("pk", filter=Q(candidate__user_id__in=active_ids))
    )
    rows: dict[str, DepartementRow] = {}

    def row(code: str) -> DepartementRow:
        if code not in rows:
            rows[code] = DepartementRow(code)
        return rows[code]

    for code, (a, p, m) in activity.items():
        line = row(code)
        line.activities, line.people, line.minutes = a, p, m
    for code, count in granted.items():
        if count:
            row(code).granted = count
    for post in posts:
        line = row(post["host__departement"])
        line.filled, line.active = post["filled"], post["active"]
    departements = sorted(rows.values(), key=lambda line: line.code)
    if filters.departement:
        departements = [line for line in departements if line.code == filters.departement]
    candidates = Candidate.objects.active()
    if filters.departement:
        candidates = candidates.filter(departement=filters.departement)
    figures = Figures(
        filters=filters,
        totals=totals,
        breakdowns=breakdowns,
        months=months,
        departements=departements,
        positions_granted=sum(granted.values()),
        positions_filled=sum(line.filled for line in rows.values()),
        advisers_active=sum(line.active for line in rows.values()),
        structures=hosts.validated().count(),
        candidates=candidates.count(),
    )
    if team:
        _add_team_lists(figures, hosts, in_post.exclude(candidate__user_id__in=active_ids))
    return figures


# How many rows the team's two lists show (the figure above each list gives the whole number).
TEAM_LIST_LENGTH = 50


def _add_team_lists(figures: Figures, hosts, silent) -> None:
    """The advisers in post who have not reported for two months (their names: the team only) and the validated
    structures whose positions are not all filled: 2 queries (3 when the second list is longer than shown)."""
    figures.silent_count = figures.positions_filled - figures.advisers_active
    figures.silent = list(
        silent.select_related("host", "candidate")
        .only(
            "pk",
            "host__name",
            "host__departement",
            "candidate__first_name",
            "candidate__last_name",
            "candidate__deleted_at",
        )
        .order_by("host__departement", "host__name", "pk")[:TEAM_LIST_LENGTH]
    )
    unfilled = (
        hosts.validated()
        .annotate(filled=Count("recruitments", filter=Q(recruitments__status__in=HOLDING_STATUSES)))
        .filter(positions_granted__gt=F("filled"))
    )
    shown = unfilled.only("pk", "name", "departement", "positions_granted").order_by("departement", "name", "pk")
    figures.unfilled = list(shown[:TEAM_LIST_LENGTH])
    figures.unfilled_count = (
        len(figures.unfilled) if len(figures.unfilled) < TEAM_LIST_LENGTH else unfilled.order_by().count()
    )


OPEN_DATA_COLUMNS = ["departement", "mois", "dimension", "valeur", "libelle", "activites", "personnes", "minutes"]


def open_data_rows(filters: Filters) -> Iterator[list]:
    """The public aggregates by département and month: no national rows (their sum), no adviser rows, nothing
    below a département-month."""
    rows = (
        ActivityCounter.objects.exclude(scope=NATIONAL)
        .exclude(dimension=ADVISER_DIMENSION)
        .filter(month__gte=filters.start, month__lte=filters.end, activities__gt=0)
        .order_by("scope", "month", "dimension", "value")
        .values_list("scope", "month", "dimension", "value", "activities", "people", "minutes")
    )
    if filters.departement:
        rows = rows.filter(scope=filters.departement)
    for scope, month, dimension, value, activities, people, minutes in rows.iterator(chunk_size=5000):
        label = "Total" if dimension == "total" else LABELS.get(dimension, {}).get(value, value)
        yield [scope, f"{month:%Y-%m}", dimension, value, label, activities, people, minutes]
