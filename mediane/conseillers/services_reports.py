"""Every write of the activity reports: record, change, delete, each checked here (a form, an import and the API
send the same `ReportData`) and each keeping the programme's counters exact in the same transaction.

The counters are locked in a fixed order (scope, dimension, month, value) before they are changed, so that two
advisers who report at the same time wait for each other instead of deadlocking on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from mediane.french import count_phrase, number
from mediane.structures.models import Place

from . import counters
from .enums_reports import (
    MAX_MINUTES,
    MAX_PARTICIPANTS,
    UNKNOWN,
    ActivityType,
    AgeBand,
    Autonomie,
    Gender,
    Materiel,
    PlaceType,
    Redirection,
    SocialStatus,
    Thematique,
    WorkshopLevel,
)
from .models_recruitment import Recruitment
from .models_reports import NATIONAL, ActivityCounter, ActivityReport
from .services import ProgrammeError
from .signals import programme_figures_changed

# The programme started in 2020: an earlier date is a typing mistake.
FIRST_DAY = dt.date(2020, 1, 1)
MAX_TAGS = 10
MAX_TAG_LENGTH = 40
MAX_NOTES = 5000
PARTICIPANT_FIELDS = {"age_band": AgeBand, "social_status": SocialStatus, "gender": Gender}


@dataclass
class ReportData:
    """A report as a form, an import or the API gives it, before it is checked. `participants` is None when the
    field was left empty."""

    kind: str = ActivityType.INDIVIDUAL
    date: dt.date | None = None
    duration: int | None = None
    place_type: str = PlaceType.ACTIVITY_PLACE
    place: Place | None = None
    place_commune: str = ""
    place_postal_code: str = ""
    place_insee_code: str = ""
    thematiques: Sequence[str] = ()
    procedure_name: str = ""
    materiel: Sequence[str] = ()
    autonomie: str = ""
    first_visit: bool = False
    redirected: bool = False
    redirection: str = ""
    redirection_place: Place | None = None
    workshop_title: str = ""
    workshop_level: str = ""
    participants: int | None = None
    age_band: str = UNKNOWN
    social_status: str = UNKNOWN
    gender: str = UNKNOWN
    beneficiary_commune: str = ""
    beneficiary_postal_code: str = ""
    beneficiary_insee_code: str = ""
    participant_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: str = ""
    tags: Sequence[str] = ()
    external_id: str = ""


def _french_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _labels(choices: Any) -> str:
    return ", ".join(f"« {label} »" for label in choices.labels)


# The participants' fields, as a message names them: « Valeur inconnue pour la tranche d'âge ».
PERSON_FIELD_NAMES = {"age_band": "la tranche d'âge", "social_status": "le statut", "gender": "le genre"}


def _check_known(values: Iterable[str], choices: Any, what: str) -> list[str]:
    found = []
    for value in values:
        if value not in choices.values:
            raise ProgrammeError(
                f"Valeur inconnue pour {what} : « {str(value)[:60]} ». Choisissez parmi : {_labels(choices)}."
            )
        if value not in found:
            found.append(value)
    return found


def check_date(day: dt.date | None, today: dt.date) -> dt.date:
    if day is None:
        raise ProgrammeError("Indiquez la date de l'accompagnement, par exemple 14/03/2026.")
    if day > today:
        raise ProgrammeError(
            f"La date ne peut pas être dans le futur : vous avez indiqué le {_french_date(day)}. "
            f"Indiquez le jour où l'accompagnement a eu lieu (au plus tard aujourd'hui, le {_french_date(today)})."
        )
    if day < FIRST_DAY:
        raise ProgrammeError(
            f"La date du {_french_date(day)} est antérieure au début du programme : indiquez une date à partir du "
            f"{_french_date(FIRST_DAY)}."
        )
    return day


def check_duration(minutes: int | None) -> int:
    if minutes is None:
        raise ProgrammeError("Indiquez la durée de l'accompagnement en minutes, par exemple 30.")
    if minutes <= 0 or minutes > MAX_MINUTES:
        raise ProgrammeError(
            "La durée doit être comprise entre 1 minute et 8 heures "
            f"({count_phrase(MAX_MINUTES, 'minute')}) : vous avez indiqué {count_phrase(minutes, 'minute')}."
        )
    return minutes


def _check_participants(data: ReportData) -> int:
    if data.kind == ActivityType.INDIVIDUAL:
        if data.participants not in (None, 1):
            raise ProgrammeError(
                "Un accompagnement individuel concerne une seule personne : vous avez indiqué "
                f"{count_phrase(data.participants, 'participant')}. Laissez le nombre de participants vide, ou "
                "enregistrez un atelier collectif."
            )
        if data.participant_counts:
            raise ProgrammeError(
                "La répartition des participants ne concerne que les ateliers collectifs : pour un accompagnement "
                "individuel, indiquez la tranche d'âge, le statut et le genre de la personne."
            )
        return 1
    if not data.participants or data.participants <= 0:
        raise ProgrammeError(
            "Un atelier collectif compte au moins un participant : indiquez combien de personnes y ont participé."
        )
    if data.participants > MAX_PARTICIPANTS:
        raise ProgrammeError(
            f"Un atelier compte au plus {count_phrase(MAX_PARTICIPANTS, 'participant')} : vous avez indiqué "
            f"{number(data.participants)}. "
            "Vérifiez le nombre."
        )
    return data.participants


def _check_participant_counts(data: ReportData, participants: int) -> dict[str, dict[str, int]]:
    cleaned: dict[str, dict[str, int]] = {}
    per = {"age_band": "tranche d'âge", "social_status": "statut", "gender": "genre"}
    for name, counts in (data.participant_counts or {}).items():
        if name not in PARTICIPANT_FIELDS:
            raise ProgrammeError(f"Répartition inconnue : « {str(name)[:40]} ».")
        choices = PARTICIPANT_FIELDS[name]
        kept = {}
        for value, count in counts.items():
            _check_known([value], choices, PERSON_FIELD_NAMES[name])
            if count is None or count == 0:
                continue
            if count < 0:
                raise ProgrammeError(f"Le nombre de participants par {per[name]} ne peut pas être négatif.")
            kept[value] = count
        if sum(kept.values()) > participants:
            raise ProgrammeError(
                f"La répartition par {per[name]} compte {count_phrase(sum(kept.values()), 'personne')}, plus que les "
                f"{number(participants)} participants de l'atelier : corrigez l'un ou l'autre."
            )
        if kept:
            cleaned[name] = kept
    return cleaned


def _check_place(data: ReportData) -> None:
    _check_known([data.place_type], PlaceType, "le canal d'accompagnement")
    if data.place_type == PlaceType.ACTIVITY_PLACE and data.place is None:
        raise ProgrammeError(
            "Choisissez le lieu d'activité où l'accompagnement a eu lieu, ou un autre canal (à domicile, à distance, "
            "autre lieu)."
        )
    if data.place_type != PlaceType.ACTIVITY_PLACE and data.place is not None:
        raise ProgrammeError("Un lieu d'activité ne se choisit que pour le canal « Lieu d'activité ».")


def _check_redirection(data: ReportData) -> None:
    if data.redirection:
        _check_known([data.redirection], Redirection, "la structure de redirection")
    if data.redirected and not data.redirection and data.redirection_place is None:
        raise ProgrammeError(
            "Vous avez indiqué que la personne a été réorientée : choisissez vers quel type de structure, ou un lieu "
            "de l'annuaire."
        )
    if not data.redirected and (data.redirection or data.redirection_place is not None):
        raise ProgrammeError(
            "Une structure de redirection est indiquée alors que la personne n'a pas été réorientée : cochez « La "
            "personne a été réorientée » ou retirez la structure."
        )


def _check_kind_fields(data: ReportData) -> None:
    if data.kind == ActivityType.INDIVIDUAL:
        if data.workshop_title or data.workshop_level:
            raise ProgrammeError(
                "Le nom et le niveau d'un atelier ne concernent que les ateliers collectifs : retirez-les, ou "
                "enregistrez un atelier collectif."
            )
        if data.autonomie:
            _check_known([data.autonomie], Autonomie, "le niveau d'autonomie")
        for name, choices in PARTICIPANT_FIELDS.items():
            _check_known([getattr(data, name) or UNKNOWN], choices, PERSON_FIELD_NAMES[name])
        return
    if data.autonomie:
        raise ProgrammeError(
            "Le niveau d'autonomie se note pour un accompagnement individuel ; pour un atelier, indiquez son niveau."
        )
    if data.first_visit:
        raise ProgrammeError("« Premier accompagnement » se note pour une personne accompagnée seule, pas un atelier.")
    if not data.workshop_title.strip():
        raise ProgrammeError("Indiquez le nom de l'atelier, par exemple « Découvrir sa messagerie ».")
    if len(data.workshop_title.strip()) > 200:
        raise ProgrammeError("Le nom de l'atelier compte au plus 200 caractères.")
    if data.workshop_level:
        _check_known([data.workshop_level], WorkshopLevel, "le niveau de l'atelier")
    if any((getattr(data, name) or UNKNOWN) != UNKNOWN for name in PARTICIPANT_FIELDS) or data.beneficiary_commune:
        raise ProgrammeError(
            "Pour un atelier collectif, la tranche d'âge, le statut et le genre se donnent par nombre de participants "
            "(la répartition), pas pour une seule personne."
        )


def _clean_tags(tags: Sequence[str]) -> list[str]:
    cleaned: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ProgrammeError(
                f"Une étiquette compte au plus {count_phrase(MAX_TAG_LENGTH, 'caractère')} : « {tag[:60]}… »."
            )
        if tag.casefold() not in {t.casefold() for t in cleaned}:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ProgrammeError(
            f"Un compte rendu porte au plus {count_phrase(MAX_TAGS, 'étiquette')} : vous en avez indiqué "
            f"{number(len(cleaned))}."
        )
    return cleaned


def check_report(data: ReportData, today: dt.date | None = None) -> dict[str, Any]:
    """The report's fields, checked, as they will be stored; a `ProgrammeError` that says what to fix otherwise."""
    today = today or timezone.localdate()
    _check_known([data.kind], ActivityType, "le type d'activité")
    day = check_date(data.date, today)
    minutes = check_duration(data.duration)
    participants = _check_participants(data)
    if not data.thematiques:
        raise ProgrammeError("Choisissez au moins une thématique.")
    thematiques = _check_known(data.thematiques, Thematique, "la thématique")
    materiel = _check_known(data.materiel, Materiel, "le matériel")
    if Materiel.NONE in materiel and len(materiel) > 1:
        raise ProgrammeError("« Pas de matériel » ne se coche pas avec un autre matériel : retirez l'un des deux.")
    _check_place(data)
    _check_redirection(data)
    _check_kind_fields(data)
    counts = _check_participant_counts(data, participants) if data.kind == ActivityType.COLLECTIVE else {}
    if len(data.notes) > MAX_NOTES:
        raise ProgrammeError(
            f"Les notes comptent au plus {count_phrase(MAX_NOTES, 'caractère')} : vous en avez écrit "
            f"{number(len(data.notes))}."
        )
    individual = data.kind == ActivityType.INDIVIDUAL
    return {
        "kind": data.kind,
        "date": day,
        "duration": minutes,
        "participants": participants,
        "place_type": data.place_type,
        "place": data.place,
        "place_commune": data.place_commune.strip()[:150] if data.place is None else "",
        "place_postal_code": data.place_postal_code.strip()[:5] if data.place is None else "",
        "place_insee_code": data.place_insee_code.strip()[:5] if data.place is None else "",
        "thematiques": thematiques,
        "procedure_name": data.procedure_name.strip()[:200],
        "materiel": materiel,
        "autonomie": data.autonomie if individual else "",
        "first_visit": bool(data.first_visit) and individual,
        "redirected": data.redirected,
        "redirection": data.redirection,
        "redirection_place": data.redirection_place,
        "workshop_title": "" if individual else data.workshop_title.strip(),
        "workshop_level": "" if individual else data.workshop_level,
        "age_band": (data.age_band or UNKNOWN) if individual else UNKNOWN,
        "social_status": (data.social_status or UNKNOWN) if individual else UNKNOWN,
        "gender": (data.gender or UNKNOWN) if individual else UNKNOWN,
        "beneficiary_commune": data.beneficiary_commune.strip()[:150] if individual else "",
        "beneficiary_postal_code": data.beneficiary_postal_code.strip()[:5] if individual else "",
        "beneficiary_insee_code": data.beneficiary_insee_code.strip()[:5] if individual else "",
        "participant_counts": counts,
        "notes": data.notes.strip(),
        "tags": _clean_tags(data.tags),
        "external_id": data.external_id.strip()[:64],
    }


def current_recruitment(user: Any) -> Recruitment | None:
    """The recruitment under which `user` reports today: the position they hold, if any."""
    return Recruitment.objects.held_by(user).select_related("host").first()


def apply_counts(changes: dict[tuple, counters.Counts]) -> None:
    """Add `changes` ((scope, month, dimension, value) → (activities, people, minutes)) to the counters, inside the
    caller's transaction: the missing rows are created, then every row is locked in a fixed order and changed by
    one UPDATE per distinct change."""
    if not changes:
        return
    # Inserted in sorted order, as they are locked below: two transactions creating the same new rows wait for one
    # another on the unique index instead of deadlocking.
    ActivityCounter.objects.bulk_create(
        [ActivityCounter(scope=s, month=m, dimension=d, value=v) for (s, m, d, v) in sorted(changes)],
        ignore_conflicts=True,
    )
    scopes, months, dimensions, values = (sorted({key[i] for key in changes}) for i in range(4))
    rows = (
        ActivityCounter.objects.select_for_update()
        .filter(scope__in=scopes, month__in=months, dimension__in=dimensions, value__in=values)
        .order_by("scope", "month", "dimension", "value")
        .values_list("pk", "scope", "month", "dimension", "value")
    )
    by_change: dict[counters.Counts, list[int]] = defaultdict(list)
    for pk, *key in rows:
        change = changes.get(tuple(key))
        if change is not None:
            by_change[change].append(pk)
    for (activities, people, minutes), pks in by_change.items():
        ActivityCounter.objects.filter(pk__in=pks).update(
            activities=F("activities") + activities, people=F("people") + people, minutes=F("minutes") + minutes
        )


def _figures_changed() -> None:
    transaction.on_commit(lambda: programme_figures_changed.send(sender=ActivityReport))


def record_report(data: ReportData, *, by: Any, recruitment: Recruitment | None = None) -> ActivityReport:
    """Record a report of `by`, under the position they hold (or the `recruitment` given, for an import of their
    past reports)."""
    recruitment = recruitment or current_recruitment(by)
    if recruitment is None or recruitment.candidate.user_id != by.pk:
        raise ProgrammeError(
            "Seuls les conseillers et conseillères numériques en poste enregistrent leurs activités : votre compte "
            "n'a pas de recrutement en cours."
        )
    fields = check_report(data)
    with transaction.atomic():
        report = ActivityReport.objects.create(
            adviser=by,
            recruitment=recruitment,
            host=recruitment.host,
            departement=recruitment.host.departement,
            **fields,
        )
        apply_counts(counters.difference([], [report], NATIONAL))
        _figures_changed()
    return report


def record_reports(rows: Sequence[ReportData], *, by: Any, recruitment: Recruitment) -> list[ActivityReport]:
    """Record many reports of `by` at once (an import), all or none: the rows are checked first by the caller."""
    checked = [check_report(data) for data in rows]
    with transaction.atomic():
        reports = ActivityReport.objects.bulk_create(
            [
                ActivityReport(
                    adviser=by,
                    recruitment=recruitment,
                    host=recruitment.host,
                    departement=recruitment.host.departement,
                    **fields,
                )
                for fields in checked
            ]
        )
        apply_counts(counters.difference([], reports, NATIONAL))
        _figures_changed()
    return reports


def _snapshot(report: ActivityReport) -> ActivityReport:
    """A copy of the report as stored, for the counters to take away."""
    copy = ActivityReport()
    copy.__dict__.update({k: v for k, v in report.__dict__.items() if not k.startswith("_")})
    return copy


def update_report(report: ActivityReport, data: ReportData, *, by: Any) -> ActivityReport:
    """Change a report: only its adviser may; the counters lose what it counted and gain what it counts now."""
    if report.adviser_id != by.pk:
        raise ProgrammeError(
            "Un compte rendu ne se modifie que par le conseiller ou la conseillère qui l'a enregistré."
        )
    fields = check_report(data)
    # The id it had in the tool it was imported from stays: a later import of the same file must find it.
    fields.pop("external_id")
    with transaction.atomic():
        locked = ActivityReport.objects.select_for_update().get(pk=report.pk)
        before = _snapshot(locked)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
        apply_counts(counters.difference([before], [locked], NATIONAL))
        _figures_changed()
    return locked


def delete_report(report: ActivityReport, *, by: Any) -> None:
    if report.adviser_id != by.pk:
        raise ProgrammeError(
            "Un compte rendu ne se supprime que par le conseiller ou la conseillère qui l'a enregistré."
        )
    with transaction.atomic():
        locked = ActivityReport.objects.select_for_update().filter(pk=report.pk).first()
        if locked is None:
            return
        apply_counts(counters.difference([locked], [], NATIONAL))
        locked.delete()
        _figures_changed()


def duplicate_data(report: ActivityReport, today: dt.date | None = None) -> ReportData:
    """What « Dupliquer » pre-fills: the same report, dated today, with the person's own details left out for an
    individual accompaniment (a new person is a new accompaniment)."""
    data = report_data(report)
    data.date = today or timezone.localdate()
    data.external_id = ""
    data.first_visit = False
    if report.kind == ActivityType.INDIVIDUAL:
        data.age_band = data.social_status = data.gender = UNKNOWN
        data.beneficiary_commune = data.beneficiary_postal_code = data.beneficiary_insee_code = ""
        data.autonomie = ""
        data.notes = ""
    return data


def report_data(report: ActivityReport) -> ReportData:
    """The `ReportData` of a stored report (the form of « Modifier »)."""
    return ReportData(
        kind=report.kind,
        date=report.date,
        duration=report.duration,
        place_type=report.place_type,
        place=report.place,
        place_commune=report.place_commune,
        place_postal_code=report.place_postal_code,
        place_insee_code=report.place_insee_code,
        thematiques=list(report.thematiques),
        procedure_name=report.procedure_name,
        materiel=list(report.materiel),
        autonomie=report.autonomie,
        first_visit=report.first_visit,
        redirected=report.redirected,
        redirection=report.redirection,
        redirection_place=report.redirection_place,
        workshop_title=report.workshop_title,
        workshop_level=report.workshop_level,
        participants=report.participants if report.is_collective else None,
        age_band=report.age_band,
        social_status=report.social_status,
        gender=report.gender,
        beneficiary_commune=report.beneficiary_commune,
        beneficiary_postal_code=report.beneficiary_postal_code,
        beneficiary_insee_code=report.beneficiary_insee_code,
        participant_counts=dict(report.participant_counts),
        notes=report.notes,
        tags=list(report.tags),
        external_id=report.external_id,
    )


def _lock_counters() -> None:
    """Keep every other writer of the counters out until the caller's transaction ends. PostgreSQL: EXCLUSIVE
    still lets the dashboard read, but blocks `apply_counts` (its inserts and its SELECT … FOR UPDATE). SQLite
    serialises write transactions already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {ActivityCounter._meta.db_table} IN EXCLUSIVE MODE")


def recount(batch: int = 5000) -> int:
    """Rebuild every counter from the reports (after a restore, or to prove them), in one transaction that first
    locks the counters, so a report recorded meanwhile waits and is counted once: returns the reports counted."""
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    counted = 0
    with transaction.atomic():
        _lock_counters()
        for report in ActivityReport.objects.order_by().iterator(chunk_size=batch):
            counted += 1
            for key, counts in counters.scoped(report, NATIONAL).items():
                total = totals[key]
                for index, count in enumerate(counts):
                    total[index] += count
        ActivityCounter.objects.all().delete()
        ActivityCounter.objects.bulk_create(
            [
                ActivityCounter(scope=s, month=m, dimension=d, value=v, activities=a, people=p, minutes=mi)
                for (s, m, d, v), (a, p, mi) in totals.items()
            ],
            batch_size=batch,
        )
    return counted
