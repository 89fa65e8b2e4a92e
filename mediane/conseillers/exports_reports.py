"""The activity reports as rows of « La Coop de la médiation numérique »'s export of « accompagnements », column for
column, so that a file goes from one tool to the other: one row per accompaniment (a collective session of 8 gives 8
rows, « 1/8 » to « 8/8 », each with one participant's band, status and gender drawn from its counts). Pure of views:
the views stream these rows through `mediane.downloads`.

Two variants, as the Coop has them: the adviser's own export (with their private notes) and the export that someone
else reads (a structure's managers, the programme team), which names the adviser and never carries the notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from .enums_reports import (
    AUTONOMIE_STARS,
    LEVEL_STARS,
    UNKNOWN,
    ActivityType,
    AgeBand,
    Gender,
    Materiel,
    PlaceType,
    Redirection,
    SocialStatus,
    Thematique,
    label,
)
from .models_reports import ActivityReport

# The Coop's headers, with its typographic apostrophe.
DATE = "Date"
CREATED = "Enregistré le"
UPDATED = "Dernière modification le"
FIRST_NAME = "Prénom du médiateur"
LAST_NAME = "Nom du médiateur"
ROLE = "Rôle"
CONUM_ID = "ID - Conum"
TYPE = "Type"
PARTICIPANTS = "Participants"
BENEFICIARY = "Bénéficiaire"
CHANNEL = "Canaux d’accompagnement"
PLACE_NAME = "Nom du lieu"
ADDRESS = "Adresse"
COMMUNE = "Commune"
POSTAL_CODE = "Code postal"
INSEE_CODE = "Code Insee"
DURATION = "Durée (min)"
WORKSHOP = "Nom de l’atelier"
MATERIEL = "Matériel numérique utilisé"
THEMATIQUES = "Thématique(s) d’accompagnement"
TAGS = "Tags"
PROCEDURE = "Nom de la démarche administrative"
AUTONOMIE = "Niveau d’autonomie (ou de l’atelier)"
REDIRECTED = "Bénéficiaire réorienté"
REDIRECTION = "Structure de redirection"
BENEFICIARY_COMMUNE = "Commune du bénéficiaire"
BENEFICIARY_POSTAL_CODE = "Code postal du bénéficiaire"
BENEFICIARY_INSEE_CODE = "Code Insee du bénéficiaire"
GENDER = "Genre du bénéficiaire"
AGE_BAND = "Tranche d’âge du bénéficiaire"
STATUS = "Statut du bénéficiaire"
NOTES = "Notes supplémentaires"
REPORT_ID = "ID CRA"

_BEFORE_ADVISER = (DATE, CREATED, UPDATED)
_ADVISER = (FIRST_NAME, LAST_NAME, ROLE, CONUM_ID)
_REPORT = (
    TYPE,
    PARTICIPANTS,
    CHANNEL,
    PLACE_NAME,
    ADDRESS,
    COMMUNE,
    POSTAL_CODE,
    INSEE_CODE,
    DURATION,
    WORKSHOP,
    MATERIEL,
    THEMATIQUES,
    TAGS,
    PROCEDURE,
    AUTONOMIE,
    REDIRECTED,
    REDIRECTION,
    BENEFICIARY_COMMUNE,
    BENEFICIARY_POSTAL_CODE,
    BENEFICIARY_INSEE_CODE,
    GENDER,
    AGE_BAND,
    STATUS,
)
# The adviser's own export: the Coop's self-export also names the beneficiary after « Participants » (Médiane keeps
# no names: « Anonyme », as the Coop writes for an anonymous one).
OWN_COLUMNS = (*_BEFORE_ADVISER, TYPE, PARTICIPANTS, BENEFICIARY, *_REPORT[2:], NOTES, REPORT_ID)
# What a structure's managers and the programme team read: the adviser named, their private notes left out.
SHARED_COLUMNS = (*_BEFORE_ADVISER, *_ADVISER, *_REPORT, REPORT_ID)

ROLE_LABEL = "Conseiller Numérique"
ANONYMOUS = "Anonyme"
# « Dernière modification le » stays empty when the report was not changed after it was recorded (its two times,
# set one after the other when it is created, differ by less than this).
UNCHANGED = dt.timedelta(seconds=1)
# Multi-valued cells, as the Coop writes them.
SEPARATOR = "\n"
YES, NO = "Oui", "Non"
# Rows are read from the database this many at a time: memory stays flat whatever the number of reports.
CHUNK_SIZE = 2000


def stars(report: ActivityReport) -> str:
    """« 2/3 »: the autonomy of an individual accompaniment, or the level of a workshop, in the Coop's stars."""
    count = LEVEL_STARS.get(report.workshop_level) if report.is_collective else AUTONOMIE_STARS.get(report.autonomie)
    return f"{count}/3" if count else ""


def participant_values(counts: dict[str, int], choices: type, participants: int) -> list[str]:
    """One value per participant, in the order of the choices, the participants not counted « non communiqué »."""
    values = [value for value in choices.values if value != UNKNOWN for _ in range(counts.get(value, 0))]
    return (values + [UNKNOWN] * participants)[:participants]


def mediane_id(pk: int) -> str:
    """Médiane's own « ID CRA », told apart from the Coop's ids (the import compares like with like)."""
    return f"mediane-{pk}"


def report_id(report: ActivityReport) -> str:
    """The Coop's « ID CRA »: the id it had in the tool it came from, else Médiane's."""
    return report.external_id or mediane_id(report.pk)


def _place(report: ActivityReport) -> tuple[str, str, str, str, str]:
    place = report.place
    if place is not None:
        return place.nom, place.adresse, place.commune, place.code_postal, place.code_insee
    return "", "", report.place_commune, report.place_postal_code, report.place_insee_code


def _redirection(report: ActivityReport) -> str:
    if report.redirection:
        return label(Redirection, report.redirection)
    if report.redirection_place is not None:
        return report.redirection_place.nom
    return ""


def _local(moment: Any) -> Any:
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0) if moment else None


def report_rows(report: ActivityReport, *, own: bool) -> Iterator[list[Any]]:
    """The report's rows in the Coop's layout (`OWN_COLUMNS` when `own`, else `SHARED_COLUMNS`)."""
    changed = report.updated_at and report.created_at and report.updated_at - report.created_at >= UNCHANGED
    start: list[Any] = [report.date, _local(report.created_at), _local(report.updated_at) if changed else None]
    if not own:
        # The names the adviser gave as a candidate (their account may have none). « ID - Conum » is the Coop's
        # id of a conseiller numérique: Médiane has none, so the cell stays empty.
        candidate = report.recruitment.candidate
        start += [candidate.first_name, candidate.last_name, ROLE_LABEL, None]
    common = [
        label(ActivityType, report.kind),
        None,  # participants
        label(PlaceType, report.place_type),
        *_place(report),
        report.duration,
        report.workshop_title,
        SEPARATOR.join(label(Materiel, value) for value in report.materiel),
        SEPARATOR.join(label(Thematique, value) for value in report.thematiques),
        SEPARATOR.join(report.tags),
        report.procedure_name,
        stars(report),
        YES if report.redirected else NO,
        _redirection(report),
        report.beneficiary_commune,
        report.beneficiary_postal_code,
        report.beneficiary_insee_code,
    ]
    if own:
        common.insert(2, ANONYMOUS)
    end = [report.notes, report_id(report)] if own else [report_id(report)]
    if not report.is_collective:
        common[1] = "1"
        people = [
            label(Gender, report.gender),
            label(AgeBand, report.age_band),
            label(SocialStatus, report.social_status),
        ]
        yield [*start, *common, *people, *end]
        return
    total = report.participants
    counts = report.participant_counts or {}
    genders = participant_values(counts.get("gender", {}), Gender, total)
    ages = participant_values(counts.get("age_band", {}), AgeBand, total)
    statuses = participant_values(counts.get("social_status", {}), SocialStatus, total)
    for index in range(total):
        common[1] = f"{index + 1}/{total}"
        people = [label(Gender, genders[index]), label(AgeBand, ages[index]), label(SocialStatus, statuses[index])]
        yield [*start, *common, *people, *end]
        if own and index == 0:
            # The notes are the session's, written once, on its first row.
            end = [None, report_id(report)]


def rows(reports: Iterable[ActivityReport], *, own: bool) -> Iterator[list[Any]]:
    for report in reports:
        yield from report_rows(report, own=own)


def for_export(queryset: QuerySet[ActivityReport], *, own: bool) -> Iterator[ActivityReport]:
    """The reports, with what their rows name, read `CHUNK_SIZE` at a time (a server-side cursor on PostgreSQL)."""
    related = ["place", "redirection_place"] if own else ["place", "redirection_place", "recruitment__candidate"]
    return queryset.select_related(*related).order_by("-date", "-pk").iterator(chunk_size=CHUNK_SIZE)


def columns(*, own: bool) -> tuple[str, ...]:
    return OWN_COLUMNS if own else SHARED_COLUMNS


# Column widths of the XLSX (in characters), by header.
WIDTHS = {DATE: 11, CREATED: 16, UPDATED: 16, TYPE: 24, THEMATIQUES: 32, MATERIEL: 18, NOTES: 40}


def widths(*, own: bool) -> list[float]:
    return [WIDTHS.get(name, 14) for name in columns(own=own)]
