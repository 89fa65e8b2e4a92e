"""What one activity report adds to the programme's figures: one mechanism, used three ways.

- `services_reports` adds a report's `contributions` to the `ActivityCounter` rows when it is written, and takes
  them away when it is changed or deleted, in the same transaction (`apply`);
- an adviser's own statistics sum the contributions of their reports (`tally`), without counters;
- the exactness test and `manage.py recount_activity` rebuild every counter from the reports with the same function.

A contribution is keyed by (dimension, value) and counts (activities, people, minutes): one activity, its people (1
for an individual accompaniment, the participants of a collective session) and its minutes. The people-weighted
dimensions (age, statut, genre) split a collective session's participants over their bands.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .enums_reports import (
    MISSION_OF_THEMATIQUE,
    UNKNOWN,
    ActivityType,
    AgeBand,
    Autonomie,
    DurationBand,
    Gender,
    Materiel,
    Mission,
    PlaceType,
    Redirection,
    SocialStatus,
    Thematique,
    duration_band,
    labels_of,
)

# The dimensions counted once per person, and the report's field for an individual accompaniment.
PEOPLE_DIMENSIONS = {"age": "age_band", "statut": "social_status", "genre": "gender"}
# Counted in a département's scope only: one row per adviser and month (the advisers who reported that month).
ADVISER_DIMENSION = "conseiller"
NO_REDIRECTION = "aucune"
DIRECTORY_PLACE = "lieu_annuaire"

# The French label of every value the counters keep, by dimension, in the order the pages show them: the dashboard,
# an adviser's statistics and the open data all read them here.
DIMENSION_LABELS: dict[str, dict[str, str]] = {
    "mission": labels_of(Mission),
    "thematique": labels_of(Thematique),
    "type": labels_of(ActivityType),
    "duree": labels_of(DurationBand),
    "canal": labels_of(PlaceType),
    "redirection": {
        NO_REDIRECTION: "Pas de réorientation",
        **labels_of(Redirection),
        DIRECTORY_PLACE: "Un lieu de l'annuaire",
    },
    "age": labels_of(AgeBand),
    "statut": labels_of(SocialStatus),
    "genre": labels_of(Gender),
    "materiel": labels_of(Materiel),
    "autonomie": {**labels_of(Autonomie), UNKNOWN: "Non communiqué"},
    "premier": {"oui": "Premier accompagnement", "non": "Déjà accompagnée avant"},
}


def label_of(dimension: str, value: str) -> str:
    """« telephone » → « Téléphone »; « Non communiqué » for the unknown value; the value itself if none is known."""
    if dimension == "total":
        return "Total"
    return DIMENSION_LABELS.get(dimension, {}).get(value) or ("Non communiqué" if value == UNKNOWN else value)


Key = tuple[str, str]
Counts = tuple[int, int, int]


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _people_split(report: Any, dimension: str, field: str) -> dict[str, int]:
    """How many of the report's people fall under each value of a people-weighted dimension."""
    if not report.kind == "collectif":
        return {getattr(report, field) or UNKNOWN: 1}
    given = {
        value: int(count)
        for value, count in ((report.participant_counts or {}).get(field) or {}).items()
        if int(count) > 0 and value != UNKNOWN
    }
    rest = report.participants - sum(given.values())
    if rest > 0:
        given[UNKNOWN] = rest
    return given


def contributions(report: Any) -> dict[Key, Counts]:
    """The (dimension, value) → (activities, people, minutes) that `report` adds to the figures of its scope."""
    people = report.participants if report.kind == "collectif" else 1
    minutes = report.duration
    one = (1, people, minutes)
    found: dict[Key, Counts] = {
        ("total", ""): one,
        ("type", report.kind): one,
        ("duree", duration_band(minutes)): one,
        ("canal", report.place_type): one,
    }
    for thematique in report.thematiques:
        found[("thematique", thematique)] = one
    for mission in {MISSION_OF_THEMATIQUE[t] for t in report.thematiques if t in MISSION_OF_THEMATIQUE}:
        found[("mission", str(mission))] = one
    for materiel in report.materiel or ():
        found[("materiel", materiel)] = one
    if report.kind != "collectif":
        found[("autonomie", report.autonomie or UNKNOWN)] = one
        found[("premier", "oui" if report.first_visit else "non")] = one
    if report.redirected:
        found[("redirection", report.redirection or DIRECTORY_PLACE)] = one
    else:
        found[("redirection", NO_REDIRECTION)] = one
    for dimension, field in PEOPLE_DIMENSIONS.items():
        for value, count in _people_split(report, dimension, field).items():
            found[(dimension, value)] = (1, count, minutes)
    return found


def scoped(report: Any, national: str) -> dict[tuple[str, dt.date, str, str], Counts]:
    """The report's contributions under both its scopes (the country and its département) and its month, plus the
    adviser's row of that month in the département."""
    month = month_of(report.date)
    rows: dict[tuple[str, dt.date, str, str], Counts] = {}
    for (dimension, value), counts in contributions(report).items():
        rows[(national, month, dimension, value)] = counts
        rows[(report.departement, month, dimension, value)] = counts
    if report.adviser_id:
        rows[(report.departement, month, ADVISER_DIMENSION, str(report.adviser_id))] = (
            1,
            report.participants if report.kind == "collectif" else 1,
            report.duration,
        )
    return rows


def difference(before: Iterable[Any], after: Iterable[Any], national: str) -> dict[tuple, Counts]:
    """The net change of every counter when the reports `before` become the reports `after` (a creation: nothing
    before; a deletion: nothing after), the unchanged keys left out."""
    net: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for sign, reports in ((-1, before), (1, after)):
        for report in reports:
            for key, counts in scoped(report, national).items():
                total = net[key]
                for index, count in enumerate(counts):
                    total[index] += sign * count
    return {key: (a, p, m) for key, (a, p, m) in net.items() if a or p or m}


def tally(reports: Iterable[Any]) -> dict[Key, list[int]]:
    """The contributions of `reports` summed, for an adviser's own statistics: (dimension, value) → [activities,
    people, minutes]."""
    totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0])
    for report in reports:
        for key, counts in contributions(report).items():
            total = totals[key]
            for index, count in enumerate(counts):
                total[index] += count
    return dict(totals)
