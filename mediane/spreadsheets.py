"""Every CSV and XLSX file the platform writes, through one writer that neutralises formula cells.

Pure Python, no Django import: the pure cores (the national standard's codec, the communes reference builder) write
through it too. `mediane/downloads.py` wraps it into HTTP downloads. Nothing else writes CSV or XLSX by hand (a test
greps the source tree for `csv.writer`, `csv.DictWriter` and `xlsxwriter` outside this module).

**Formula injection.** A spreadsheet program reads a text cell that starts with `=`, `+`, `-` or `@` as a formula,
which can fetch an address with the sheet's other cells (`=HYPERLINK(…)`, `=WEBSERVICE(…)`) or run a command
(DDE, `=cmd|' /C calc'!A0`). Excel also skips a leading TAB, CR or LF before it decides, and reads the full-width
and small forms of those signs (`＝`, `﹦`…) like the ASCII ones. So every text cell whose first character is TAB,
CR or LF, or whose first visible character is one of those signs in any of its Unicode forms, is written with a
single quote in front (OWASP's advice): `=1+1` becomes `'=1+1`. It is the same in CSV and XLSX. In XLSX the cell
is also written as a string, never as a formula, so the quote is what keeps it text when someone edits the cell or
saves the sheet as CSV. JSON exports stay exact: they are not read by spreadsheet programs.

**Plain numbers are left as they are.** A text cell that is a plain number — an optional sign, then digits, with
spaces, dots or commas between them and an optional exponent (`+33326000000`, `-21.3475`, `-5.68E-4`,
`+33 1 23 45 67 89`), nothing else — gets no quote. It has no letter, parenthesis, quote, `!` or `|`, so it cannot
name a function, a cell, a link or a command: a spreadsheet reads it as a number, or at worst shows an error, and
runs nothing. And such values must stay as they are: the national standard wants its phone numbers as
`+33…` strings and coordinates south or west of Greenwich are negative, and a quote in front would make the
export fail the schema.

**Types.** `None` is an empty cell. `bool`, `int`, `float` and `Decimal` are numbers and booleans: in CSV as
`true`/`false` (Table Schema's default) and decimal digits; in XLSX as boolean and number cells. Integers of
16 digits or more go into XLSX as text, because a spreadsheet number keeps only 15 significant digits. A
non-finite float is an empty cell. `date`, `datetime` and `time` are ISO 8601 in CSV and dates in XLSX
(`jj/mm/aaaa`, with `hh:mm` for a date and time); XLSX has no time zone, so an aware datetime is written at its
own wall-clock time: pass local times. Any other value is written as its `str()`, as text.

**XLSX limits.** Written with XlsxWriter in constant-memory mode (one row in memory at a time, the sheet kept in a
temporary file): rows must come in order, which they do here. A cell holds at most 32,767 characters (longer text
is cut by XlsxWriter); a sheet holds at most 1,048,576 rows (`SpreadsheetTooLarge` past that).

**Reading.** `read_first_sheet` is the one way an uploaded workbook is read (openpyxl, read-only): every failure,
at opening or while the rows are read, is one `DamagedWorkbook`.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from os import PathLike
from typing import IO, Any, TextIO

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"

# A row's cells: None, str, bool, int, float, Decimal, date, datetime or time; any other value is written as its str().
Row = Iterable[Any]

# Characters that make a spreadsheet program read the cell as a formula (after NFKC folding, which maps the
# full-width and small forms « ＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫ » and the super/subscript ones onto these).
_FORMULA_SIGNS = frozenset("=+-@")
# Characters that Excel skips before deciding, so they must not start a cell either.
_LEADING_CONTROLS = frozenset("\t\r\n")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9](?:[0-9 \u00a0\u202f.,]*[0-9])?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_NEUTRALISER = "'"

XLSX_MAX_ROWS = 1_048_576
_XLSX_MAX_EXACT_INT = 10**15  # a spreadsheet number keeps 15 significant digits
_DATE_FORMAT = "dd/mm/yyyy"
_DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
_TIME_FORMAT = "hh:mm"


class SpreadsheetTooLarge(ValueError):
    """More rows than a spreadsheet holds. The message is French."""


def is_plain_number(text: str) -> bool:
    """True when the text is a sign, digits, spaces, dots or commas and an exponent, nothing else (see above)."""
    return _PLAIN_NUMBER.fullmatch(text.strip()) is not None


def _reads_as_formula(text: str) -> bool:
    if text[0] in _LEADING_CONTROLS:
        return True
    visible = text.lstrip()
    return bool(visible) and unicodedata.normalize("NFKC", visible[0])[:1] in _FORMULA_SIGNS


def neutralise(text: str) -> str:
    """The text as a spreadsheet program will show it and never run it: a single quote in front of a text that it
    would read as a formula, unless the text is a plain number. Every other text is returned unchanged."""
    if text and _reads_as_formula(text) and not is_plain_number(text):
        return _NEUTRALISER + text
    return text


def restore(text: str) -> str:
    """The text before `neutralise`: for a reader of the platform's own files, so that an import of an export
    changes nothing. Only a quote that `neutralise` would have put is taken off (so a text that itself began with
    a quote then a formula sign would lose that quote: no real value does)."""
    if text.startswith(_NEUTRALISER) and neutralise(text[1:]) == text:
        return text[1:]
    return text


# --- CSV -------------------------------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """One value as CSV text, neutralised when it is text (numbers, dates and booleans are written as such)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else ""
    if isinstance(value, date | time):
        return value.isoformat()
    return neutralise(str(value))


class _Line:
    """A file-like object that hands back what `csv.writer` writes, so each row comes out as one string."""

    def write(self, text: str) -> str:
        return text


def iter_csv(
    rows: Iterable[Row],
    *,
    header: Sequence[str] | None = None,
    delimiter: str = ",",
    lineterminator: str = "\r\n",
    bom: bool = False,
) -> Iterator[str]:
    """The CSV file line by line (one string per row, header first), for a streamed download or a file.

    Comma and CRLF by default (RFC 4180); `delimiter=";"` and `bom=True` suit French Excel. Fields are quoted
    only when they need it (a delimiter, a quote or a line break inside)."""
    writer = csv.writer(_Line(), delimiter=delimiter, lineterminator=lineterminator)
    if bom:
        yield BOM
    if header is not None:
        yield writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def write_csv(file: TextIO, rows: Iterable[Row], **options: Any) -> int:
    """Write the CSV to a text file opened with `newline=""`; the options are those of `iter_csv`. Returns the
    number of rows written, header left out."""
    count = 0

    def counted() -> Iterator[Row]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    file.writelines(iter_csv(counted(), **options))
    return count


def csv_text(rows: Iterable[Row], **options: Any) -> str:
    """The whole CSV as one string; the options are those of `iter_csv`."""
    return "".join(iter_csv(rows, **options))


# --- XLSX ------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook: its name (31 characters at most, none of `[]:*?/\\`), its rows, an optional header
    row (bold, frozen at the top) and optional column widths (in characters, first column first)."""

    name: str
    rows: Iterable[Row]
    header: Sequence[str] | None = None
    widths: Sequence[float] = ()


class _SheetWriter:
    def __init__(self, workbook: Any, sheet: Sheet) -> None:
        self.worksheet = workbook.add_worksheet(sheet.name)
        self.bold = workbook.add_format({"bold": True})
        self.formats = {
            datetime: workbook.add_format({"num_format": _DATETIME_FORMAT}),
            date: workbook.add_format({"num_format": _DATE_FORMAT}),
            time: workbook.add_format({"num_format": _TIME_FORMAT}),
        }
        for column, width in enumerate(sheet.widths):
            self.worksheet.set_column(column, column, width)
        self.row = 0

    def header(self, names: Sequence[str]) -> None:
        for column, name in enumerate(names):
            self.worksheet.write_string(0, column, neutralise(name), self.bold)
        self.worksheet.freeze_panes(1, 0)
        self.row = 1

    def write(self, values: Row) -> None:
        if self.row >= XLSX_MAX_ROWS:
            raise SpreadsheetTooLarge(
                f"Un tableur ne peut pas contenir plus de {XLSX_MAX_ROWS:,} lignes : choisissez le format CSV ou "
                "réduisez la sélection.".replace(",", "\u202f")
            )
        for column, value in enumerate(values):
            self.cell(column, value)
        self.row += 1

    def cell(self, column: int, value: Any) -> None:
        sheet, row = self.worksheet, self.row
        if value is None:
            return
        if isinstance(value, str):
            sheet.write_string(row, column, neutralise(value))
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, int) and abs(value) >= _XLSX_MAX_EXACT_INT:
            sheet.write_string(row, column, str(value))
        elif isinstance(value, int | float | Decimal):
            number = float(value)
            if math.isfinite(number):
                sheet.write_number(row, column, number)
        elif isinstance(value, datetime):
            sheet.write_datetime(row, column, value, self.formats[datetime])
        elif isinstance(value, date):
            sheet.write_datetime(row, column, value, self.formats[date])
        elif isinstance(value, time):
            sheet.write_datetime(row, column, value, self.formats[time])
        else:
            sheet.write_string(row, column, neutralise(str(value)))


def write_workbook(target: str | PathLike[str] | IO[bytes], sheets: Iterable[Sheet]) -> list[int]:
    """Write an XLSX workbook to a path or a binary file, one sheet after the other, each read row by row.
    Returns the number of rows written in each sheet, headers left out."""
    # Imported here: it takes longer to load than all the rest, and most users of this module write only CSV.
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": True,
            # Only write_string, write_number… are called, never write(), but should one ever be, no text
            # becomes a formula, a link or a number behind the writer's back.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "remove_timezone": True,
        },
    )
    counts: list[int] = []
    try:
        for sheet in sheets:
            writer = _SheetWriter(workbook, sheet)
            if sheet.header is not None:
                writer.header(sheet.header)
            start = writer.row
            for row in sheet.rows:
                writer.write(row)
            counts.append(writer.row - start)
    finally:
        workbook.close()
    return counts


def write_xlsx(
    target: str | PathLike[str] | IO[bytes],
    rows: Iterable[Row],
    *,
    header: Sequence[str] | None = None,
    sheet_name: str = "Données",
    widths: Sequence[float] = (),
) -> int:
    """Write a one-sheet XLSX workbook to a path or a binary file; returns the number of rows, header left out."""
    return write_workbook(target, [Sheet(sheet_name, rows, header, widths)])[0]


# --- Reading a workbook ----------------------------------------------------------------------------------------------


class DamagedWorkbook(ValueError):
    """An XLSX file that cannot be read: not a workbook, or damaged inside (callers say so in their own words)."""


@dataclass(frozen=True)
class FirstSheet:
    """The first sheet of a workbook: its title, how many sheets the workbook has, and every row's cell values as
    openpyxl gives them (None for an empty cell), row 1 first."""

    title: str
    sheet_count: int
    rows: list[tuple[Any, ...]]


def read_first_sheet(data: bytes) -> FirstSheet:
    """Every row of an XLSX file's first sheet, the one way the platform reads a workbook (the producers' files of
    places, the advisers' activity reports, the synthesis's command line). Raises DamagedWorkbook for anything that
    is not a readable workbook: a damaged archive or sheet raises anything from zipfile, XML or openpyxl, and a sheet
    cut off inside the archive shows only while its rows are read, so they are all read here."""
    # Imported here: only a workbook needs it, and it takes long to load.
    import warnings

    import openpyxl

    # openpyxl warns about styles and extensions it skips: noise, nothing the person can fix.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # noqa: BLE001 - see the docstring
            raise DamagedWorkbook(str(error)[:200]) from None
        try:
            if not book.worksheets:
                raise DamagedWorkbook("no sheet")
            sheet = book.worksheets[0]
            return FirstSheet(sheet.title, len(book.worksheets), list(sheet.iter_rows(values_only=True)))
        except DamagedWorkbook:
            raise
        except Exception as error:  # noqa: BLE001 - see the docstring
            raise DamagedWorkbook(str(error)[:200]) from None
        finally:
            book.close()
