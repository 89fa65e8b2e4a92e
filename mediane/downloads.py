"""HTTP downloads: a file that the browser saves under a given name. CSV and XLSX are written by
`mediane.spreadsheets` (formula cells neutralised); this module only wraps them into responses, so that every
export view is one call.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from mediane import spreadsheets

# Rows are joined into chunks of about this many characters: one write to the socket per chunk, not per row.
CHUNK_CHARACTERS = 64 * 1024

_Response = TypeVar("_Response", bound=HttpResponseBase)


def _named(response: _Response, filename: str) -> _Response:
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def attachment(
    content: str | bytes | Iterable[str] | Iterable[bytes], content_type: str, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """A download named `filename`: sent whole when `content` is a string or bytes, streamed when it is an
    iterable of chunks (produced while the response is sent, so memory stays flat)."""
    if isinstance(content, str | bytes):
        return _named(HttpResponse(content, content_type=content_type), filename)
    return _named(StreamingHttpResponse(content, content_type=content_type), filename)


def _chunks(lines: Iterable[str], size: int) -> Iterator[str]:
    chunk: list[str] = []
    length = 0
    for line in lines:
        chunk.append(line)
        length += len(line)
        if length >= size:
            yield "".join(chunk)
            chunk, length = [], 0
    if chunk:
        yield "".join(chunk)


def csv_download(
    rows: Iterable[spreadsheets.Row],
    filename: str,
    *,
    header: Sequence[str] | None = None,
    delimiter: str = ",",
    bom: bool = False,
) -> StreamingHttpResponse:
    """The rows as a streamed CSV download (RFC 4180: CRLF line ends; see `spreadsheets.iter_csv`)."""
    lines = spreadsheets.iter_csv(rows, header=header, delimiter=delimiter, bom=bom)
    chunks = _chunks(lines, CHUNK_CHARACTERS)
    return _named(StreamingHttpResponse(chunks, content_type=spreadsheets.CSV_CONTENT_TYPE), filename)


def json_download(rows: Iterable[Sequence], names: Sequence[str], filename: str) -> StreamingHttpResponse:
    """The rows as a streamed JSON list of objects keyed by `names` (texts kept exact: JSON is not read by
    spreadsheet programs, so nothing is neutralised)."""

    def content() -> Iterator[str]:
        yield "[\n"
        separator = ""
        for row in rows:
            yield separator + json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
            separator = ",\n"
        yield "\n]\n"

    return _named(StreamingHttpResponse(content(), content_type="application/json; charset=utf-8"), filename)


def xlsx_download(sheets: spreadsheets.Sheet | Iterable[spreadsheets.Sheet], filename: str) -> FileResponse:
    """One sheet or several as an XLSX download. The workbook is written to a temporary file first (a ZIP
    archive ends with its table of contents, so it cannot be sent before it is complete), row by row, so memory
    stays flat; the file is then sent in chunks and deleted when the response is closed."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it, which deletes it
    try:
        spreadsheets.write_workbook(file, [sheets] if isinstance(sheets, spreadsheets.Sheet) else sheets)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=spreadsheets.XLSX_CONTENT_TYPE)
