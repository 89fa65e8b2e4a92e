"""Reading an export of « La Coop de la médiation numérique » (or Médiane's own, which has the same columns) back into
activity reports: find the header row (the Coop puts a few lines about the export above it), read each row's cells
by their header, group the rows of one collective session (same « ID CRA », « 1/8 » to « 8/8 »; without an id, the
consecutive rows of one workshop) into one report, and check every report as the service does, each error in
French with the line of the file. A row without an id is known by a hash of its cells, so a file imported twice adds
nothing the second time.

Nothing is written here: `read_file` gives the `ReportData` to record, and the view records them, all or none,
through `services_reports.record_reports`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from mediane.consultation.imports import UnreadableFile, decode
from mediane.french import number
from mediane.numbers import NumberError, parse_int, read_day
from mediane.spreadsheets import DamagedWorkbook, read_first_sheet

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
# No cell of a report comes near this (the notes hold 5,000 characters at most).
MAX_CELL = 20_000
# Errors shown at most (the first ones: the person fixes them and sends the file again).
MAX_ERRORS = 30
# No message repeats more of the file than this.
ECHO = 200
REQUIRED = (coop.DATE, coop.TYPE, coop.DURATION, coop.THEMATIQUES)


class FileRefused(ValueError):
    """The file cannot be read at all; the message, in French, says what to do."""


DAMAGED = (
    "Ce classeur ne peut pas être lu : ouvrez-le dans votre tableur et enregistrez-le de nouveau au format XLSX ou CSV."
)


@dataclass(frozen=True)
class Importer:
    """Who imports: the names their file must name, if it names an adviser (a shared export), and the post the
    reports go under (none may be dated before it began)."""

    first_name: str = ""
    last_name: str = ""
    starts_on: dt.date | None = None
    host: str = ""


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
    try:
        sheet = read_first_sheet(data)
    except DamagedWorkbook as error:
        raise FileRefused(DAMAGED) from error
    for row_number, values in enumerate(sheet.rows, start=1):
        yield row_number, list(values)


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = decode(data)
    except UnreadableFile as error:
        raise FileRefused(str(error)) from error
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    delimiter = max((";", ",", "\t"), key=head.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # The number of the row as a spreadsheet program shows it (a line break inside a cell starts no new row).
    try:
        for number, cells in enumerate(reader, start=1):
            # The csv module's own limit is process-wide (the synthesis engine raises it): check the cells here.
            if any(len(cell) > MAX_CELL for cell in cells):
                raise csv.Error("cell too long")
            yield number, cells
    except csv.Error as error:  # a cell too long, a stray quote or line end
        raise FileRefused(
            f"Ce fichier CSV ne peut pas être lu à la ligne {reader.line_num} (une cellule bien trop longue ou "
            "mal fermée) : ouvrez-le dans votre tableur et enregistrez-le de nouveau au format XLSX ou CSV."
        ) from error


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
    # « 14/03/2026 10:30 » or « 2026-03-14T10:30:00 »: the day is what comes before the time.
    if day := read_day(text.replace("T", " ").split(" ")[0]):
        return day
    if not text:
        raise ProgrammeError("la date est vide : indiquez le jour de l'accompagnement (jj/mm/aaaa).")
    raise ProgrammeError(f"date illisible « {_echo(text)} » : écrivez-la au format jj/mm/aaaa, par exemple 14/03/2026.")


def _integer(text: str, label: str) -> int:
    try:
        return parse_int(text, label=label)
    except NumberError as error:
        raise ProgrammeError(str(error)) from None


def _minutes(row: _Row) -> int | None:
    if row.raw(coop.DURATION) is None:
        return None
    # A workbook's number cell comes as a float: `text` writes a whole one without its « .0 ».
    return _integer(row.text(coop.DURATION), "Le nombre de minutes")


def _participants(row: _Row) -> tuple[int | None, int | None]:
    """(rank, total) of « 3/8 », or (None, n) of a bare number, or (None, None) for an empty cell."""
    text = row.text(coop.PARTICIPANTS)
    if not text:
        return None, None
    rank, slash, total = text.partition("/")
    label = "Le nombre de participants"
    if not slash:
        return None, _integer(rank, label)
    first, second = _integer(rank, label), _integer(total, label)
    if not 1 <= first <= second:
        raise ProgrammeError(
            f"nombre de participants illisible « {_echo(text)} » : écrivez par exemple « 1/8 » ou « 8 »."
        )
    return first, second


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


def _check(data: ReportData, today: dt.date, importer: Importer) -> None:
    if data.kind == ActivityType.COLLECTIVE and data.participants is None:
        raise ProgrammeError(
            "un atelier collectif compte au moins un participant : la colonne « Participants » est vide."
        )
    data.participant_counts = {name: counts for name, counts in data.participant_counts.items() if counts}
    check_report(data, today)
    if importer.starts_on and data.date and data.date < importer.starts_on:
        raise ProgrammeError(
            f"cette activité du {data.date:%d/%m/%Y} est antérieure à votre prise de poste du "
            f"{importer.starts_on:%d/%m/%Y} chez {importer.host} : elle ne peut pas être comptée pour ce poste."
        )


def _same_adviser(row: _Row, importer: Importer) -> None:
    """A shared export (a structure's, the programme's) names an adviser on each row: only theirs is imported."""
    first, last = row.text(coop.FIRST_NAME), row.text(coop.LAST_NAME)
    if not (first or last):
        return
    if (_key(first), _key(last)) != (_key(importer.first_name), _key(importer.last_name)):
        raise FileRefused(
            f"Ligne {row.line} : cette activité est celle de {_echo(f'{first} {last}'.strip())}, pas la vôtre : "
            "importez seulement l'export de vos propres activités."
        )


def _fingerprint(values: list[Any], seen: dict[str, int]) -> str:
    """The stable id of a row without « ID CRA »: a hash of its cells, numbered when the same cells come again (two
    identical accompaniments of one day), so that importing the file twice adds nothing the second time."""
    cells = "\x1f".join("" if value is None else str(value).strip() for value in values).rstrip("\x1f")
    digest = hashlib.sha256(cells.encode()).hexdigest()[:40]
    seen[digest] = seen.get(digest, 0) + 1
    return f"empreinte-{digest}-{seen[digest]}"


@dataclass
class _Workshop:
    """A collective session without « ID CRA » being read: its rows « 1/N » to « N/N » follow one another, with the
    same date, type and workshop name."""

    key: tuple[str, str, str]
    total: int
    next_rank: int = 2
    report: ImportedReport | None = None

    @staticmethod
    def key_of(row: _Row) -> tuple[str, str, str]:
        return row.text(coop.DATE), _key(row.text(coop.TYPE)), _key(row.text(coop.WORKSHOP))

    @classmethod
    def first(cls, row: _Row) -> _Workshop | None:
        """The session this row starts, or None for a row that stands alone. A later row « k/N » whose first ones
        are not just above it is refused: it cannot be told which session it belongs to."""
        rank, total = _participants(row)
        if rank is None or total is None or KINDS.get(_key(row.text(coop.TYPE))) != ActivityType.COLLECTIVE:
            return None
        if rank != 1:
            raise ProgrammeError(
                f"cette ligne « {rank}/{total} » d'un atelier sans « ID CRA » ne suit pas sa ligne « {rank - 1}/"
                f"{total} » (même date, même type, même nom d'atelier) : remettez les lignes de l'atelier l'une sous "
                f"l'autre, de « 1/{total} » à « {total}/{total} »."
            )
        return cls(cls.key_of(row), total) if total > 1 else None

    def continued_by(self, row: _Row) -> bool:
        try:
            rank, total = _participants(row)
        except ProgrammeError:
            return False
        if rank != self.next_rank or total != self.total or self.key_of(row) != self.key:
            return False
        self.next_rank += 1
        return True


def _rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    if len(data) > MAX_BYTES:
        raise FileRefused(
            f"Ce fichier pèse plus de {MAX_BYTES // (1024 * 1024)} Mo : exportez une période plus courte depuis la "
            "Coop, puis importez les fichiers l'un après l'autre."
        )
    if not data.strip():
        raise FileRefused("Ce fichier est vide : choisissez le bon fichier et envoyez-le de nouveau.")
    return iter(lines(data))


def read_file(
    data: bytes,
    *,
    known_ids: Sequence[str] | set[str] = (),
    today: dt.date | None = None,
    importer: Importer | None = None,
) -> ReadFile:
    """The reports of a Coop (or Médiane) export, checked; `known_ids`: the « ID CRA » the adviser already has,
    skipped and counted (a row without one is known by `_fingerprint`). Raises `FileRefused` for a file that cannot
    be read at all, or that holds another adviser's activities; line errors are in the result."""
    rows = _rows(data)
    today = today or timezone.localdate()
    importer = importer or Importer()
    known = set(known_ids)
    _, columns = _header(rows)
    result = ReadFile()
    sessions: dict[str, ImportedReport] = {}
    seen: dict[str, int] = {}
    workshop: _Workshop | None = None
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
        _same_adviser(row, importer)
        identifier = row.text(coop.REPORT_ID)[:64]
        try:
            if identifier:
                workshop = None
            elif workshop is not None and workshop.continued_by(row):
                if workshop.report is not None:
                    _add_participant(workshop.report.data, _people(row))
                continue
            else:
                workshop = None
                workshop = _Workshop.first(row)
                identifier = _fingerprint(values, seen)
            if identifier in known:
                if identifier not in sessions:
                    result.already += 1
                    sessions[identifier] = ImportedReport(line, ReportData())
                continue
            session = sessions.get(identifier)
            if session is not None:
                _add_participant(session.data, _people(row))
                continue
            report = ImportedReport(line, _report(row))
        except ProgrammeError as error:
            _fail(result, line, error.message)
            if identifier:
                sessions[identifier] = ImportedReport(line, ReportData())
            continue
        report.data.external_id = identifier
        sessions[identifier] = report
        if workshop is not None:
            workshop.report = report
        result.reports.append(report)
        if len(result.errors) >= MAX_ERRORS:
            break
    for report in result.reports:
        try:
            _check(report.data, today, importer)
        except ProgrammeError as error:
            _fail(result, report.line, error.message)
    result.errors.sort(key=lambda error: error.line)
    del result.errors[MAX_ERRORS:]
    return result


def _fail(result: ReadFile, line: int, message: str) -> None:
    result.errors.append(LineError(line, message[:1].lower() + message[1:] if message[:2] != "« " else message))
