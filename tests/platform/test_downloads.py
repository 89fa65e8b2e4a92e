"""HTTP downloads (`mediane/downloads.py`): CSV streamed in chunks, XLSX from a temporary file, both named."""

import io

import openpyxl
import pytest

from mediane import downloads
from mediane.spreadsheets import Sheet


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_csv_download_is_streamed_named_and_neutralised():
    response = downloads.csv_download([[1, "=1+1"], [2, "@a"]], "export.csv", header=["n", "texte"])

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
    assert _body(response) == b"n,texte\r\n1,'=1+1\r\n2,'@a\r\n"


def test_a_csv_download_joins_its_rows_into_a_few_large_chunks(monkeypatch):
    monkeypatch.setattr(downloads, "CHUNK_CHARACTERS", 100)
    rows = ([n, "une ligne de texte"] for n in range(100))

    chunks = list(downloads.csv_download(rows, "export.csv").streaming_content)

    assert 15 <= len(chunks) <= 30  # about 2,300 characters in chunks of at least 100, not one per row
    assert b"".join(chunks).count(b"\r\n") == 100


def test_a_csv_download_can_carry_a_byte_order_mark_and_semicolons():
    response = downloads.csv_download([["a", "b"]], "fiche.csv", header=["x", "y"], delimiter=";", bom=True)

    assert _body(response).decode("utf-8") == "\ufeffx;y\r\na;b\r\n"


def test_a_file_name_with_accents_is_sent_as_the_standard_says():
    response = downloads.attachment("texte", "text/plain; charset=utf-8", "réunion n°1.csv")

    assert response["Content-Disposition"] == "attachment; filename*=utf-8''r%C3%A9union%20n%C2%B01.csv"


def test_a_small_content_is_sent_whole_and_an_iterable_is_streamed():
    whole = downloads.attachment("a,b\r\n", "text/csv", "petit.csv")
    streamed = downloads.attachment(iter(["[", "]"]), "application/json", "liste.json")

    assert not whole.streaming and whole.content == b"a,b\r\n"
    assert streamed.streaming and _body(streamed) == b"[]"


# Closing a response sends `request_finished`, whose receiver checks the database connection.
@pytest.mark.django_db
def test_an_xlsx_download_is_a_named_workbook_with_neutralised_strings():
    response = downloads.xlsx_download(Sheet("Activités", [["=1+1", 3]], header=["texte", "n"]), "activites.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="activites.xlsx"'
    body = _body(response)
    response.close()  # the server does it once the file is sent
    sheet = openpyxl.load_workbook(io.BytesIO(body))["Activités"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["texte", "n"], ["'=1+1", 3]]
    assert sheet["A2"].data_type == "s"


@pytest.mark.django_db
def test_the_temporary_file_of_an_xlsx_download_is_closed_with_the_response():
    response = downloads.xlsx_download([Sheet("A", [[1]]), Sheet("B", [[2]])], "deux.xlsx")
    file = response.file_to_stream

    _body(response)
    response.close()

    assert file.closed
