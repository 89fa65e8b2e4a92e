"""The public figures of funding (« Les financements en chiffres »): the number of accepted applications and the
amounts granted and paid, by scheme, by département and by year of the decision, as bar charts each followed by its
data table, and the same aggregates as open data (CSV and JSON).

Only accepted applications are counted, and only aggregates leave this module: no person, no project text. The
year of a decision is read in the platform's time zone. Three queries whatever the number of applications.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models.functions import ExtractYear
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from mediane import numbers
from mediane.accounts.territories import departement_label
from mediane.charts import Chart, stacked_bar_chart
from mediane.downloads import csv_download, json_download
from mediane.french import euros

from .models_applications import Application

OPEN_DATA_COLUMNS = [
    "regroupement",
    "code",
    "libelle",
    "demandes_acceptees",
    "montant_accorde_euros",
    "montant_verse_euros",
]
FIRST_YEAR = 2000
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    count: int
    granted: Decimal
    paid: Decimal
    url: str = ""


@dataclass(frozen=True)
class Breakdown:
    """One grouping of the figures: its rows and its chart of the amounts granted."""

    slug: str
    title: str
    label_header: str
    rows: list[Row]
    chart: Chart

    @property
    def lines(self) -> list[tuple[Row, str]]:
        """Each row with its share of the amount granted, for the data table."""
        return [(row, bar.share) for row, bar in zip(self.rows, self.chart.bars, strict=True)]

    @property
    def total_count(self) -> int:
        return sum(row.count for row in self.rows)

    @property
    def total_paid(self) -> Decimal:
        return sum((row.paid for row in self.rows), Decimal(0))


def _rows(totals, code_of, label_of, url_of=lambda code: "") -> list[Row]:
    return [
        Row(
            code=str(code_of(item)),
            label=label_of(item),
            count=item["count"],
            granted=Decimal(item["granted"] or 0).quantize(CENT),
            paid=Decimal(item["paid"] or 0).quantize(CENT),
            url=url_of(item),
        )
        for item in totals
    ]


def _breakdown(slug: str, title: str, label_header: str, rows: list[Row]) -> Breakdown:
    chart = stacked_bar_chart(
        slug, title, [(row.label, row.granted, row.url) for row in rows], label_header, "Montant accordé", show=euros
    )
    return Breakdown(slug, title, label_header, rows, chart)


def collect(year: int | None) -> tuple[list[Breakdown], list[int]]:
    """The three breakdowns (by scheme and by département for `year`, or every year; by year always whole) and
    the years that have decisions."""
    accepted = Application.objects.accepted()
    chosen = accepted.decided_in(year)
    by_year = list(accepted.annotate(year=ExtractYear("decided_at")).totals_by("year"))
    years = [item["year"] for item in by_year if item["year"]]
    # Unpublished schemes are not named (their page is « not found »): their amounts count in the totals by
    # département and by year only.
    by_scheme = chosen.filter(scheme__published=True).totals_by(
        "scheme__slug", "scheme__name", "scheme__short_name", "scheme__position"
    )
    schemes = sorted(by_scheme, key=lambda item: (item["scheme__position"], item["scheme__name"]))
    by_departement = chosen.totals_by("structure__departement")
    during = f" en {year}" if year else ""
    return [
        _breakdown(
            "dispositifs",
            f"Montants accordés par dispositif{during}",
            "Dispositif",
            _rows(
                schemes,
                lambda item: item["scheme__slug"],
                lambda item: item["scheme__short_name"] or item["scheme__name"],
                lambda item: reverse("funding:scheme", args=[item["scheme__slug"]]),
            ),
        ),
        _breakdown(
            "departements",
            f"Montants accordés par département{during}",
            "Département",
            _rows(
                by_departement,
                lambda item: item["structure__departement"],
                lambda item: (
                    departement_label(item["structure__departement"]) or item["structure__departement"] or "Non précisé"
                ),
            ),
        ),
        _breakdown(
            "annees",
            "Montants accordés par année de la décision",
            "Année",
            _rows(by_year, lambda item: item["year"], lambda item: str(item["year"])),
        ),
    ], years


def _year(request) -> int | None:
    """The year asked in `?annee=`, or None (every year) when it is missing or not a year: never an error."""
    value = numbers.query_int(request.GET.get("annee"), default=0, minimum=FIRST_YEAR, maximum=2100)
    return value or None


def figures(request):
    year = _year(request)
    breakdowns, years = collect(year)
    return render(
        request,
        "funding/figures/index.html",
        {
            "breakdowns": breakdowns,
            "years": years,
            "year": year,
            "year_unknown": year is not None and year not in years,
            "generated_on": timezone.localdate(),
        },
    )


def open_data_rows(year: int | None = None):
    breakdowns, _years = collect(year)
    for breakdown in breakdowns:
        for row in breakdown.rows:
            yield [breakdown.slug, row.code, row.label, row.count, row.granted, row.paid]


def figures_csv(request):
    return csv_download(open_data_rows(_year(request)), "financements-chiffres.csv", header=OPEN_DATA_COLUMNS)


def figures_json(request):
    rows = (
        [slug, code, label, count, str(granted), str(paid)]
        for slug, code, label, count, granted, paid in open_data_rows(_year(request))
    )
    return json_download(rows, OPEN_DATA_COLUMNS, "financements-chiffres.json")
