"""An adviser's own statistics over a period: their reports summed by `counters.tally` (the same contributions the
programme's counters add up), each breakdown drawn as bars with its data table."""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import SimpleNamespace

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from mediane.charts import Chart, percent, stacked_bar_chart
from mediane.french import number

from . import counters, services_reports
from .forms_reports import PERIODS, period_start
from .models_reports import ActivityReport
from .views_reports import not_an_adviser

# What `counters.contributions` reads of a report, and nothing else.
TALLIED_FIELDS = (
    "kind",
    "date",
    "participants",
    "duration",
    "place_type",
    "thematiques",
    "materiel",
    "autonomie",
    "first_visit",
    "redirected",
    "redirection",
    "age_band",
    "social_status",
    "gender",
    "participant_counts",
)
# (dimension, title, header of the labels' column, the values' labels in their order: `counters.DIMENSION_LABELS`,
# counted in people rather than activities)
BREAKDOWNS = tuple(
    (dimension, title, header, counters.DIMENSION_LABELS[dimension], people)
    for dimension, title, header, people in (
        ("type", "Par type d'activité", "Type", False),
        ("mission", "Par mission", "Mission", False),
        ("thematique", "Par thématique", "Thématique", False),
        ("duree", "Par durée", "Durée", False),
        ("canal", "Par lieu", "Lieu", False),
        ("age", "Personnes par tranche d'âge", "Tranche d'âge", True),
        ("statut", "Personnes par statut", "Statut", True),
        ("redirection", "Par réorientation", "Réorientation", False),
    )
)
# One activity counts several thématiques (and so several missions): their shares are over the activities.
SEVERAL_PER_ACTIVITY = {"thematique": "thématiques", "mission": "missions"}


@dataclass(frozen=True)
class Breakdown:
    slug: str
    title: str
    chart: Chart
    people: bool
    note: str = ""


def _over_activities(chart: Chart, activities: int) -> Chart:
    """`chart` with each bar's share over the activities rather than over the sum of the bars."""
    return replace(chart, bars=[replace(bar, share=percent(bar.value, activities)) for bar in chart.bars])


def breakdowns(totals: dict[counters.Key, list[int]]) -> list[Breakdown]:
    activities = totals.get(("total", ""), [0, 0, 0])[0]
    found = []
    for dimension, title, label_header, labels, people in BREAKDOWNS:
        column = 1 if people else 0
        rows = [
            (label, totals[(dimension, value)][column], "")
            for value, label in labels.items()
            if totals.get((dimension, value), [0, 0, 0])[column]
        ]
        if dimension == "thematique":
            rows.sort(key=lambda row: -row[1])
        header = "Personnes" if people else "Activités"
        chart = stacked_bar_chart(dimension, title, rows, label_header, header, show=number)
        note = ""
        if dimension in SEVERAL_PER_ACTIVITY:
            chart = _over_activities(chart, activities)
            note = (
                f"Une activité peut compter plusieurs {SEVERAL_PER_ACTIVITY[dimension]} : chaque part est calculée "
                "sur l'ensemble des activités, et leur somme peut dépasser 100 %."
            )
        found.append(Breakdown(dimension, title, chart, people, note))
    return found


def time_spent(minutes: int) -> str:
    """« 10 h 12 min », « 45 min », « 1 204 h »: hours and minutes as a person reads them, not « 10,2 heures »."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{number(hours)} h {rest} min" if rest else f"{number(hours)} h"


@login_required
def my_statistics(request):
    """The adviser's activities, people helped and hours over the period of `?periode=` (this month by default)."""
    mine = ActivityReport.objects.readable_by(request.user).of_adviser(request.user)
    if services_reports.current_recruitment(request.user) is None and not mine.exists():
        return not_an_adviser(request)
    period = request.GET.get("periode")
    if period not in PERIODS:
        period = "mois"
    if start := period_start(period):
        mine = mine.filter(date__gte=start)
    # Plain rows, not model instances: the tally only reads these fields.
    totals = counters.tally(SimpleNamespace(**row) for row in mine.values(*TALLIED_FIELDS).iterator())
    activities, people, minutes = totals.get(("total", ""), [0, 0, 0])
    return render(
        request,
        "conseillers/reports/statistics.html",
        {
            "periods": PERIODS,
            "period": period,
            "period_label": PERIODS[period],
            "activities": activities,
            "people": people,
            "minutes": minutes,
            "time_spent": time_spent(minutes),
            "breakdowns": breakdowns(totals) if activities else [],
        },
    )
