"""The programme's figures, as the dashboard shows them: read from `ActivityCounter` (exact by construction: the
report services change them in the transaction that writes a report) and from the programme's own tables
(positions, recruitments, structures, candidates), in a small constant number of queries whatever the number of
reports. Nothing is cached, so nothing goes stale.

The public version and the open data see aggregates only (nothing below a département and a month, no adviser),
under statistical secrecy: in the table of every département, a département with fewer than `SECRECY_ADVISERS`
advisers in post has its activity merged into « Autres départements »; on a département's own page (and in the open
data), a département or a month where fewer than `SECRECY_ADVISERS` advisers reported is not published; and
the activity rate is shown only where at least `SECRECY_ADVISERS` positions are filled. The internal version keeps
the exact figures and adds what the programme team acts upon (`_add_team_lists`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Count, F, Q, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format

from mediane import numbers
from mediane.accounts.territories import DEPARTEMENTS, departement_label
from mediane.charts import Chart, percent, stacked_bar_chart
from mediane.french import number

from .counters import ADVISER_DIMENSION, DIMENSION_LABELS, label_of
from .enums import HOLDING_STATUSES
from .enums_reports import (
    UNKNOWN,
)
from .indicators import RECRUITED_STATUSES
from .models import HostStructure
from .models_candidates import Candidate
from .models_recruitment import Recruitment
from .models_reports import NATIONAL, ActivityCounter
from .subsidy import add_months

# How many months the dashboard shows by default (its table by month shows every month of the period asked, from
# the first month with activity).
MONTHS_SHOWN = 24
# Statistical secrecy: below this many advisers who reported (or positions filled), a département's figures would
# tell one or two persons' activity, so the public version and the open data do not publish them.
SECRECY_ADVISERS = 3
SECRECY_NOTE = (
    "Secret statistique : dans le tableau des départements, l'activité d'un département qui a moins de 3 conseillers "
    "ou conseillères en poste est regroupée avec d'autres ; sur la page d'un département, l'activité (ou celle d'un "
    "mois) n'est pas publiée quand moins de 3 conseillers ou conseillères en ont enregistré ; le taux d'activité "
    "n'est donné que là où au moins 3 postes sont pourvus. Ainsi, personne ne peut y lire le travail d'une seule "
    "personne."
)
# An adviser who recorded an activity this month or last month is « active ».
ACTIVE_MONTHS = 2
FIRST_MONTH = dt.date(2020, 1, 1)
BAD_END = "Le mois de fin n'est pas un mois (écrivez-le comme 2026-03) : les chiffres vont jusqu'à ce mois-ci."
BAD_START = (
    "Le mois de début n'est pas un mois (écrivez-le comme 2025-04) : les chiffres partent de 24 mois avant la fin."
)
FUTURE_START = "Le mois de début était dans le futur : les chiffres partent de ce mois-ci."
FUTURE_END = "Le mois de fin était dans le futur : les chiffres s'arrêtent à ce mois-ci."


# Each breakdown the dashboard draws: (dimension, slug, title, label header, counted in people rather than
# activities, the labels of its values in their order: `counters.DIMENSION_LABELS`).
BREAKDOWNS: list[tuple[str, str, str, str, bool, dict[str, str]]] = [
    (dimension, slug, title, header, people, DIMENSION_LABELS[dimension])
    for dimension, slug, title, header, people in (
        ("mission", "missions", "Accompagnements par mission", "Mission", False),
        ("thematique", "thematiques", "Accompagnements par thématique", "Thématique", False),
        ("type", "types", "Accompagnements par type", "Type", False),
        ("duree", "durees", "Accompagnements par durée", "Durée", False),
        ("canal", "canaux", "Accompagnements par lieu", "Lieu", False),
        ("redirection", "redirections", "Accompagnements par réorientation", "Réorientée vers", False),
        ("age", "ages", "Personnes accompagnées par tranche d'âge", "Tranche d'âge", True),
        ("statut", "statuts", "Personnes accompagnées par statut", "Statut", True),
        ("genre", "genres", "Personnes accompagnées par genre", "Genre", True),
    )
]


def parse_month(text: str | None) -> dt.date | None:
    """« 2026-03 » → 1 March 2026; None for anything else (a missing value, « 2026-13 », « abc »)."""
    year_text, dash, month_text = (text or "").strip().partition("-")
    digits = numbers.is_ascii_number(year_text) and numbers.is_ascii_number(month_text)
    if not dash or len(year_text) != 4 or len(month_text) != 2 or not digits:
        return None
    year, month = int(year_text), int(month_text)
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
            month = add_months(month, 1)
        return months

    def query(self) -> str:
        """The filters as the open data's and the month links' query string."""
        parts = [f"debut={self.start:%Y-%m}", f"fin={self.end:%Y-%m}"]
        if self.departement:
            parts.append(f"departement={self.departement}")
        return "&".join(parts)

    def export_query(self) -> str:
        """The same period and département as the team's export of the reports reads them (`du`, `au`)."""
        last_day = add_months(self.end, 1) - dt.timedelta(days=1)
        parts = [f"du={self.start:%Y-%m-%d}", f"au={last_day:%Y-%m-%d}"]
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

    end = month("fin", this_month, BAD_END)
    if end > this_month:
        notices.append(FUTURE_END)
        end = this_month
    start = month("debut", add_months(end, 1 - MONTHS_SHOWN), BAD_START)
    if start > this_month:
        notices.append(FUTURE_START)
        start = this_month
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
    # Not published (statistical secrecy): fewer than `SECRECY_ADVISERS` advisers reported.
    secret: bool = False

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

    @property
    def rows(self) -> list[TableRow]:
        """The data table's rows (`components/chart_table.html`)."""
        return [TableRow(line.label, number(value), share) for line, value, share in self.lines]

    @property
    def several(self) -> bool:
        return self.slug in ("thematiques", "missions")

    @property
    def total_shown(self) -> str:
        """The « Total » line, but for thématiques and missions (an accompaniment counts under several)."""
        return "" if self.several else number(self.total)

    @property
    def note(self) -> str:
        if not self.several:
            return ""
        what = "mission" if self.slug == "missions" else "thématique"
        return (
            f"La part est celle des accompagnements qui portent sur cette {what}. Un accompagnement peut porter sur "
            "plusieurs thématiques : les parts font plus de 100 % au total."
        )


@dataclass(frozen=True)
class TableRow:
    label: str
    shown: str
    share: str


@dataclass
class DepartementRow:
    code: str
    activities: int = 0
    people: int = 0
    minutes: int = 0
    granted: int = 0
    filled: int = 0
    active: int = 0
    # How many advisers reported in the period; `secret`: the activity is not published (public version only).
    advisers: int = 0
    secret: bool = False
    public: bool = False

    @property
    def label(self) -> str:
        if self.code == OTHERS:
            return "Autres départements"
        return departement_label(self.code) or self.code

    @property
    def hours(self) -> int:
        return round(self.minutes / 60)

    @property
    def activation(self) -> str:
        """The share of the advisers in post who were active; « non publié » (public) under 3 positions filled."""
        if self.public and self.filled < SECRECY_ADVISERS:
            return "non publié"
        return percent(self.active, self.filled)


OTHERS = "autres"


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
    # The public version of one département where fewer than 3 advisers reported: no activity figure is published.
    secret: bool = False
    # The figure the roadmap's « conseillers numériques recrutés » follows (`indicators.advisers_recruited`).
    recruited: int = 0
    public: bool = False

    @property
    def activation_secret(self) -> bool:
        """The public version under 3 positions filled: the active advisers and their rate would tell who reported."""
        return self.public and self.positions_filled < SECRECY_ADVISERS

    @property
    def activation(self) -> str:
        return "non publié" if self.activation_secret else percent(self.advisers_active, self.positions_filled)

    @property
    def hours(self) -> int:
        return self.totals.hours


def _sums(queryset):
    return queryset.annotate(a=Sum("activities"), p=Sum("people"), m=Sum("minutes"))


# The dimensions where one accompaniment counts several times (several thématiques, so maybe several missions).
SEVERAL_PER_ACTIVITY = ("thematique", "mission")


def _breakdown(dimension: str, slug: str, title: str, header: str, people: bool, labels, found) -> Breakdown:
    values = found.get(dimension, {})
    accompaniments = found.get("total", {}).get("", (0, 0, 0))[0]
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
    if dimension in SEVERAL_PER_ACTIVITY:
        # One accompaniment counts under each of its thématiques (missions): the share is over the accompaniments.
        rows = [(line, value, percent(value, accompaniments)) for line, value in counted]
    else:
        rows = [(line, value, bar.share) for (line, value), bar in zip(counted, chart.bars, strict=True)]
    return Breakdown(slug, title, header, "Personnes" if people else "Accompagnements", rows, chart, total)


def _activity(filters: Filters, public: bool) -> tuple[Line, list[Breakdown], list[Line], dict[str, list[int]]]:
    """The activity figures of the filters' scope and period: 3 queries over the counters. Each département's row
    and each month of a département carry the number of advisers who reported (their « conseiller » rows), so that
    the public version can keep secret what one or two advisers did."""
    in_period = ActivityCounter.objects.order_by().filter(month__gte=filters.start, month__lte=filters.end)
    found: dict[str, dict[str, tuple[int, int, int]]] = defaultdict(dict)
    for row in _sums(
        in_period.filter(scope=filters.scope).exclude(dimension=ADVISER_DIMENSION).values("dimension", "value")
    ):
        found[row["dimension"]][row["value"]] = (row["a"] or 0, row["p"] or 0, row["m"] or 0)
    a, p, m = found.get("total", {}).get("", (0, 0, 0))
    totals = Line("", "Total", a, p, m)
    breakdowns = [_breakdown(*spec[:5], spec[5], found) for spec in BREAKDOWNS]
    by_month: dict[dt.date, dict] = {}
    advisers_by_month: dict[dt.date, int] = {}
    month_rows = in_period.filter(scope=filters.scope, dimension__in=["total", ADVISER_DIMENSION])
    for row in _sums(month_rows.values("month", "dimension")).annotate(n=Count("value", distinct=True)):
        if row["dimension"] == "total":
            by_month[row["month"]] = row
        else:
            advisers_by_month[row["month"]] = row["n"]
    months = [
        Line(
            f"{month:%Y-%m}",
            date_format(month, "F Y"),
            (by_month.get(month) or {}).get("a") or 0,
            (by_month.get(month) or {}).get("p") or 0,
            (by_month.get(month) or {}).get("m") or 0,
            secret=public and bool(filters.departement) and advisers_by_month.get(month, 0) < SECRECY_ADVISERS,
        )
        for month in filters.months
    ]
    # The table starts at the first month with activity (or the period's start, whichever is later): no rows of
    # zeros before the programme's first reports.
    first = next((index for index, line in enumerate(months) if line.activities), len(months))
    months = months[first:]
    # The départements' scopes by name: the counters' unique index answers one range per département. Each row:
    # activities, people, minutes, and for one département's page the advisers who reported in the period. The
    # table of every département keeps secret by the advisers in post instead (set by `collect`): counting the
    # distinct advisers of every département over a million reports' 96,000 adviser-months cost 100 ms a page.
    by_departement: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    if filters.departement:
        departements = in_period.filter(scope=filters.departement, dimension__in=["total", ADVISER_DIMENSION])
        for row in _sums(departements.values("scope", "dimension")).annotate(n=Count("value", distinct=True)):
            if row["dimension"] == "total":
                by_departement[row["scope"]][:3] = [row["a"] or 0, row["p"] or 0, row["m"] or 0]
            else:
                by_departement[row["scope"]][3] = row["n"]
    else:
        departements = in_period.filter(scope__in=list(DEPARTEMENTS), dimension="total")
        for row in _sums(departements.values("scope")):
            by_departement[row["scope"]][:3] = [row["a"] or 0, row["p"] or 0, row["m"] or 0]
    return totals, breakdowns, months, dict(by_departement)


def _active_adviser_ids(today: dt.date):
    """The ids of the advisers who recorded an activity this month or last (the « conseiller » counter rows, read
    through the counters' own index: one range per département), as a subquery."""
    since = add_months(today.replace(day=1), 1 - ACTIVE_MONTHS)
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
    public = not team
    totals, breakdowns, months, activity = _activity(filters, public)
    hosts = HostStructure.objects.order_by()
    in_post = Recruitment.objects.holding().order_by()
    if filters.departement:
        hosts = hosts.in_departement(filters.departement)
        in_post = in_post.filter(host__departement=filters.departement)
    granted = hosts.granted_by_departement()
    active_ids = _active_adviser_ids(today)
    posts = in_post.values("host__departement").annotate(
        filled=Count("pk"),
        active=Count("pk", filter=Q(candidate__user_id__in=active_ids)),
        recruited=Count("pk", filter=Q(status__in=RECRUITED_STATUSES)),
    )
    rows: dict[str, DepartementRow] = {}
    recruited = 0

    def row(code: str) -> DepartementRow:
        if code not in rows:
            rows[code] = DepartementRow(code, public=public)
        return rows[code]

    for code, (a, p, m, advisers) in activity.items():
        line = row(code)
        line.activities, line.people, line.minutes, line.advisers = a, p, m, advisers
    for code, count in granted.items():
        if count:
            row(code).granted = count
    for post in posts:
        line = row(post["host__departement"])
        line.filled, line.active = post["filled"], post["active"]
        recruited += post["recruited"]
    if not filters.departement:
        # The table of every département: secret under 3 advisers in post (see `_activity`).
        for line in rows.values():
            line.advisers = line.filled
    departements = sorted(rows.values(), key=lambda line: line.code)
    if filters.departement:
        departements = [line for line in departements if line.code == filters.departement]
    secret = False
    if public:
        if filters.departement:
            for line in departements:
                line.secret = line.advisers < SECRECY_ADVISERS
        else:
            departements = _keep_secret(departements)
        if filters.departement:
            secret = activity.get(filters.departement, [0, 0, 0, 0])[3] < SECRECY_ADVISERS
        if secret:
            totals = Line("", "Total", 0, 0, 0, secret=True)
            breakdowns = []
            # Every month of the period, so that not even the first month of the département's activity shows.
            months = [
                Line(f"{month:%Y-%m}", date_format(month, "F Y"), 0, 0, 0, secret=True) for month in filters.months
            ]
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
        secret=secret,
        recruited=recruited,
        public=public,
    )
    if team:
        _add_team_lists(figures, hosts, in_post.exclude(candidate__user_id__in=active_ids))
    return figures


def _keep_secret(departements: list[DepartementRow]) -> list[DepartementRow]:
    """The public table: the activity of each département where fewer than 3 advisers reported is merged into one
    « Autres départements » row (itself not published when it still gathers fewer than 3 advisers)."""
    others = DepartementRow(OTHERS, public=True)
    for line in departements:
        if line.advisers < SECRECY_ADVISERS:
            line.secret = True
            others.activities += line.activities
            others.people += line.people
            others.minutes += line.minutes
            others.advisers += line.advisers
    if not any(line.secret for line in departements):
        return departements
    others.secret = others.advisers < SECRECY_ADVISERS
    return [*departements, others]


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
    below a département-month, and no département-month where fewer than 3 advisers reported (statistical secrecy):
    2 queries."""
    published_rows = (
        ActivityCounter.objects.order_by()
        .filter(dimension=ADVISER_DIMENSION, month__gte=filters.start, month__lte=filters.end, activities__gt=0)
        .values("scope", "month")
        .annotate(n=Count("value", distinct=True))
        .filter(n__gte=SECRECY_ADVISERS)
        .values_list("scope", "month")
    )
    if filters.departement:
        published_rows = published_rows.filter(scope=filters.departement)
    published = set(published_rows)
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
        if (scope, month) not in published:
            continue
        yield [scope, f"{month:%Y-%m}", dimension, value, label_of(dimension, value), activities, people, minutes]
