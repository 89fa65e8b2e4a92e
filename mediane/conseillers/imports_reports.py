"""Reading an export of « La Coop de la médiation numérique » (or Médiane's own, which has the same columns) back into
activity reports: find the header row (the Coop puts a few lines about the export above it), read each row's cells
by their header, group the rows of one collective session (same « ID CRA », « 1/8 » to « 8/8 ») into one report,
and check every report as the service does, each error in French with the line of the file.

Nothing is written here: `read_file` gives the `ReportData` to record, and the view records them, all or none,
through `services_reports.record_reports`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from mediane.consultation.imports import UnreadableFile, decode
from mediane.french import number

from . import exports_reports as coop
from .enums_reports import (
    AUTONOMIE_STARS,
    LEVEL_STARS,
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
from .services import ProgrammeError
from .services_reports import ReportData, check_report

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# The Coop writes a few lines about the export above its table: the header is looked for in the first ones.
HEADER_SEARCH_ROWS = 30
# Errors shown at most (the first ones: the person fixes them and sends the file again).
MAX_ERRORS = 30
# No message repeats more of the file than this.
ECHO = 200
REQUIRED = (coop.DATE, coop.TYPE, coop.DURATION, coop.THEMATIQUES)


class FileRefused(ValueError):
    """The file cannot be read at all; the message, in French, says what to do."""


def _key(text: Any) -> str:
    """A header or a label as compared: NFC, typographic apostrophe as ASCII, spaces collapsed, case ignored."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("’", "'").replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def _echo(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= ECHO else text[: ECHO - 1] + "…"


def _lookup(*choices_list: Any) -> dict[str, str]:
    """Label or value (any case, either apostrophe) → value."""
    found: dict[str, str] = {}
    for choices in choices_list:
        for value, text in choices.choices:
            found[_key(value)] = value
            found[_key(text)] = value
    return found


KINDS = {**_lookup(ActivityType), "individuel": ActivityType.INDIVIDUAL, "collectif": ActivityType.COLLECTIVE}
CHANNELS = _lookup(PlaceType)
THEMATIQUES = _lookup(Thematique)
MATERIELS = _lookup(Materiel)
REDIRECTIONS = _lookup(Redirection)
GENDERS = _lookup(Gender)
AGE_BANDS = _lookup(AgeBand)
STATUSES = _lookup(SocialStatus)
AUTONOMIES = {**_lookup(Autonomie), **{f"{n}/3": value for value, n in AUTONOMIE_STARS.items()}}
LEVELS = {**_lookup(WorkshopLevel), **{f"{n}/3": value for value, n in LEVEL_STARS.items()}}
YES = {"oui", "true", "vrai", "1"}
COLUMNS = {_key(name): name for name in (*coop.SHARED_COLUMNS, coop.NOTES)}


@dataclass
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Ligne {self.line} : {self.message}"


@dataclass
class ImportedReport:
    """One report read from the file: its first line, its data, and whether this adviser already has it."""

    line: int
    data: ReportData


@dataclass
class ReadFile:
    reports: list[ImportedReport] = field(default_factory=list)
    rows: int = 0
    already: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def individual(self) -> int:
        return sum(1 for report in self.reports if report.data.kind == ActivityType.INDIVIDUAL)

    @property
    def collective(self) -> int:
        return len(self.reports) - self.individual

    @property
    def people(self) -> int:
        return sum(report.data.participants or 1 for report in self.reports)


# --- Reading the cells -------------------------------------------------------------------------------------------


def _xlsx_lines(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    # Imported here: only an XLSX upload needs it, and it takes long to load.
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a damaged archive raises anything from zipfile, XML or openpyxl
        raise FileRefused(
            "Ce classeur ne peut pas être lu : ouvrez-le dans votre tableur et enregistrez-le de nouveau au format "
            "XLSX ou CSV."
        ) from error
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = decode(data)
    except UnreadableFile as error:
        raise FileRefused(str(error)) from error
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    delimiter = max((";", ",", "\t"), key=head.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # The number of the row as a spreadsheet program shows it (a line break inside a cell starts no new row).
    yield from enumerate(reader, start=1)


def lines(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """(row number, as a spreadsheet program shows it, cells) for each row of an XLSX or CSV file, told apart by
    their content."""
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_lines(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(
            "Ce fichier est un ancien classeur Excel (.xls) : ouvrez-le et enregistrez-le au format XLSX ou CSV."
        )
    if b"\x00" in data[:4096] or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"%PDF", b"<", b"{", b"[")):
        raise FileRefused(
            "Ce fichier n'est pas un tableau : envoyez l'export de vos activités de la Coop, au format XLSX ou CSV."
        )
    return _csv_lines(data)


def _header(rows: Iterator[tuple[int, list[Any]]]) -> tuple[int, dict[str, int]]:
    for line, values in rows:
        found = {COLUMNS[_key(value)]: index for index, value in enumerate(values) if _key(value) in COLUMNS}
        if coop.DATE in found or coop.THEMATIQUES in found or coop.REPORT_ID in found:
            for name in REQUIRED:
                if name not in found:
                    raise FileRefused(
                        f"Ligne {line} : colonne « {name} » introuvable. Envoyez l'export des accompagnements de "
                        "la Coop, ou un export de Médiane, sans en changer les titres de colonnes."
                    )
            return line, found
        if line >= HEADER_SEARCH_ROWS:
            break
    raise FileRefused(
        f"Colonne « {coop.DATE} » introuvable dans les {HEADER_SEARCH_ROWS} premières lignes : envoyez l'export des "
        "accompagnements de la Coop, ou un export de Médiane, sans en changer les titres de colonnes."
    )


class _Row:
    def __init__(self, line: int, values: list[Any], columns: dict[str, int]) -> None:
        self.line, self.values, self.columns = line, values, columns

    def raw(self, name: str) -> Any:
        index = self.columns.get(name)
        if index is None or index >= len(self.values):
            return None
        value = self.values[index]
        if isinstance(value, str):
            return value.strip() or None
        return value

    def text(self, name: str) -> str:
        value = self.raw(name)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def choice(self, name: str, table: dict[str, str], *, default: str = "") -> str:
        text = self.text(name)
        if not text:
            return default
        value = table.get(_key(text))
        if value is None:
            raise ProgrammeError(f"valeur inconnue dans la colonne « {name} » : « {_echo(text)} ».")
        return value

    def many(self, name: str, table: dict[str, str], choices: Any, *, what: str = "") -> list[str]:
        """The values of a multi-valued cell (one per line, or separated by « ; »). `what` names a value in the
        message (« thématique inconnue … Thématiques possibles »), else the column does."""
        text = self.text(name).replace("\r", "\n").replace(";", "\n")
        found = []
        for part in (part.strip() for part in text.split("\n")):
            if not part:
                continue
            value = table.get(_key(part))
            if value is None:
                possible = ", ".join(choices.labels)
                if what:
                    raise ProgrammeError(
                        f"{what} inconnue « {_echo(part)} ». {what.capitalize()}s possibles : {possible}."
                    )
                raise ProgrammeError(
                    f"valeur inconnue dans la colonne « {name} » : « {_echo(part)} ». Valeurs possibles : {possible}."
                )
            found.append(value)
        return found


def _date(row: _Row, name: str) -> dt.date:
    value = row.raw(name)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = row.text(name)
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text[:19], pattern).date()  # noqa: DTZ007 - a calendar day, no time zone
        except ValueError:
            continue
    if not text:
        raise ProgrammeError("la date est vide : indiquez le jour de l'accompagnement (jj/mm/aaaa).")
    raise ProgrammeError(f"date illisible « {_echo(text)} » : écrivez-la au format jj/mm/aaaa, par exemple 14/03/2026.")


def _minutes(row: _Row) -> int | None:
    value = row.raw(coop.DURATION)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    text = row.text(coop.DURATION).replace(",", ".")
    try:
        return int(float(text))
    except ValueError:
        raise ProgrammeError(
            f"durée illisible « {_echo(text)} » : écrivez un nombre de minutes, par exemple 30."
        ) from None


def _participants(row: _Row) -> tuple[int | None, int | None]:
    """(rank, total) of « 3/8 », or (None, n) of a bare number, or (None, None) for an empty cell."""
    text = row.text(coop.PARTICIPANTS)
    if not text:
        return None, None
    rank, _, total = text.partition("/")
    try:
        if total:
            return int(rank), int(total)
        return None, int(rank)
    except ValueError:
        raise ProgrammeError(
            f"nombre de participants illisible « {_echo(text)} » : écrivez par exemple « 1/8 » ou « 8 »."
        ) from None


def _report(row: _Row) -> ReportData:
    """A report from its first row; a collective session's participants are added by `_add_participant`."""
    kind = row.choice(coop.TYPE, KINDS)
    if not kind:
        raise ProgrammeError("le type est vide : « Accompagnement individuel » ou « Atelier collectif ».")
    collective = kind == ActivityType.COLLECTIVE
    _rank, total = _participants(row)
    redirection = row.text(coop.REDIRECTION)
    place_type = row.choice(coop.CHANNEL, CHANNELS, default=PlaceType.OTHER)
    if place_type == PlaceType.ACTIVITY_PLACE:
        # The Coop's places are not Médiane's directory: the place is kept by its commune, as « autre lieu ».
        place_type = PlaceType.OTHER
    stars_table = LEVELS if collective else AUTONOMIES
    level = row.choice(coop.AUTONOMIE, stars_table)
    data = ReportData(
        kind=kind,
        date=_date(row, coop.DATE),
        duration=_minutes(row),
        place_type=place_type,
        place_commune=row.text(coop.COMMUNE)[:150],
        place_postal_code=row.text(coop.POSTAL_CODE)[:5],
        place_insee_code=row.text(coop.INSEE_CODE)[:5],
        thematiques=row.many(coop.THEMATIQUES, THEMATIQUES, Thematique, what="thématique"),
        procedure_name=row.text(coop.PROCEDURE)[:200],
        materiel=row.many(coop.MATERIEL, MATERIELS, Materiel),
        autonomie="" if collective else level,
        redirected=_key(row.text(coop.REDIRECTED)) in YES,
        redirection=REDIRECTIONS.get(_key(redirection), Redirection.OTHER) if redirection else "",
        workshop_title=row.text(coop.WORKSHOP),
        workshop_level=level if collective else "",
        participants=total if (collective or (total or 1) != 1) else None,
        beneficiary_commune=row.text(coop.BENEFICIARY_COMMUNE)[:150],
        beneficiary_postal_code=row.text(coop.BENEFICIARY_POSTAL_CODE)[:5],
        beneficiary_insee_code=row.text(coop.BENEFICIARY_INSEE_CODE)[:5],
        notes=row.text(coop.NOTES),
        tags=[tag.strip() for tag in row.text(coop.TAGS).replace("\r", "\n").split("\n") if tag.strip()],
        external_id=row.text(coop.REPORT_ID)[:64],
    )
    if data.redirection and not data.redirected:
        data.redirected = True
    people = _people(row)
    if collective:
        data.participant_counts = {name: {} for name in people}
        _add_participant(data, people)
    else:
        data.age_band, data.social_status, data.gender = people["age_band"], people["social_status"], people["gender"]
    return data


def _people(row: _Row) -> dict[str, str]:
    return {
        "age_band": row.choice(coop.AGE_BAND, AGE_BANDS, default=UNKNOWN),
        "social_status": row.choice(coop.STATUS, STATUSES, default=UNKNOWN),
        "gender": row.choice(coop.GENDER, GENDERS, default=UNKNOWN),
    }


def _add_participant(data: ReportData, people: dict[str, str]) -> None:
    for name, value in people.items():
        if value != UNKNOWN:
            counts = data.participant_counts.setdefault(name, {})
            counts[value] = counts.get(value, 0) + 1


def _check(data: ReportData, today: dt.date) -> None:
    if data.kind == ActivityType.COLLECTIVE and data.participants is None:
        raise ProgrammeError(
            "un atelier collectif compte au moins un participant : la colonne « Participants » est vide."
        )
    data.participant_counts = {name: counts for name, counts in data.participant_counts.items() if counts}
    check_report(data, today)


def read_file(data: bytes, *, known_ids: Sequence[str] | set[str] = (), today: dt.date | None = None) -> ReadFile:
    """The reports of a Coop (or Médiane) export, checked; `known_ids`: the « ID CRA » the adviser already has,
    skipped and counted. Raises `FileRefused` for a file that cannot be read at all; line errors are in the result."""
    if len(data) > MAX_BYTES:
        raise FileRefused(
            f"Ce fichier pèse plus de {MAX_BYTES // (1024 * 1024)} Mo : exportez une période plus courte depuis la "
            "Coop, puis importez les fichiers l'un après l'autre."
        )
    if not data.strip():
        raise FileRefused("Ce fichier est vide : choisissez le bon fichier et envoyez-le de nouveau.")
    today = today or timezone.localdate()
    known = set(known_ids)
    rows = iter(lines(data))
    _, columns = _header(rows)
    result = ReadFile()
    sessions: dict[str, ImportedReport] = {}
    for line, values in rows:
        if not any(value not in (None, "") for value in values):
            continue
        result.rows += 1
        if result.rows > MAX_ROWS:
            raise FileRefused(
                f"Ce fichier compte plus de {number(MAX_ROWS)} lignes : exportez une période plus courte depuis la "
                "Coop, puis importez les fichiers l'un après l'autre."
            )
        row = _Row(line, values, columns)
        identifier = row.text(coop.REPORT_ID)[:64]
        if identifier and identifier in known:
            if identifier not in sessions:
                result.already += 1
                sessions[identifier] = ImportedReport(line, ReportData())
            continue
        try:
            session = sessions.get(identifier) if identifier else None
            if session is not None:
                _add_participant(session.data, _people(row))
                continue
            report = ImportedReport(line, _report(row))
        except ProgrammeError as error:
            _fail(result, line, error.message)
            if identifier:
                sessions[identifier] = ImportedReport(line, ReportData())
            continue
        if identifier:
            sessions[identifier] = report
        result.reports.append(report)
        if len(result.errors) >= MAX_ERRORS:
            break
    for report in result.reports:
        try:
            _check(report.data, today)
        except ProgrammeError as error:
            _fail(result, report.line, error.message)
    result.errors.sort(key=lambda error: error.line)
    del result.errors[MAX_ERRORS:]
    return result


def _fail(result: ReadFile, line: int, message: str) -> None:
    result.errors.append(LineError(line, message[:1].lower() + message[1:] if message[:2] != "« " else message))
