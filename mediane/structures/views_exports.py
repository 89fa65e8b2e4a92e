"""The public exports of the places in the national standard v1.0.2: /lieux/export.csv and /lieux/export.json.

Both carry every place the standard can (`services.exportable_places`: an address is required), each with a unique
`id` (`services.exported_ids`), and say in the `X-Lieux-Exclus` header how many places they left out; the page that
links to them says why (`services.export_exclusions`). Streamed: memory stays flat whatever the volume.
"""

import json
from collections.abc import Iterable, Iterator
from typing import TypeVar

from django.utils import timezone

from mediane import downloads

from . import services, standard

T = TypeVar("T")

EXPORT_CHUNK = 1000
# The response header that tells a program how many places the export left out (0 when none).
EXCLUDED_HEADER = "X-Lieux-Exclus"


def _chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _export_name(extension: str) -> str:
    return f"lieux-mediation-numerique-{timezone.localdate().isoformat()}.{extension}"


def _json_content() -> Iterator[str]:
    yield "["
    separator = "\n"
    for chunk in _chunks(services.export_places(), EXPORT_CHUNK):
        # write_json gives the standard's records; each gets its place's extra data under a key the standard
        # ignores, when it has some.
        records = json.loads(standard.write_json([row for row, _extra in chunk]))
        for record, (_row, extra) in zip(records, chunk, strict=True):
            if extra:
                record[services.EXTRA_KEY] = extra
        yield separator + ",\n".join(json.dumps(record, ensure_ascii=False, indent=2) for record in records)
        separator = ",\n"
    yield "\n]\n" if separator != "\n" else "]\n"


def _with_exclusions(response):
    excluded, _ = services.export_exclusions()
    response[EXCLUDED_HEADER] = str(excluded)
    return response


def export_csv(request):
    """Every exportable place in the national standard v1.0.2, CSV (passes `frictionless validate` against the
    schema); the standard's columns only."""
    rows = standard.csv_rows(services.export_rows())
    return _with_exclusions(downloads.csv_download(rows, _export_name("csv"), header=standard.FIELD_NAMES))


def export_json(request):
    """Every exportable place in the national standard v1.0.2, JSON (a list of records, as the national
    cartography), with each place's extra data under `donnees_source`."""
    content = _json_content()
    return _with_exclusions(downloads.attachment(content, "application/json; charset=utf-8", _export_name("json")))
