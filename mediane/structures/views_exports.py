"""The public exports of the places in the national standard v1.0.2: /lieux/export.csv and /lieux/export.json.

Both carry every place the standard can (`services.exportable_places`: an address is required), each with a unique
`id` (`services.exported_ids`), and say in the `X-Lieux-Exclus` header how many places they left out; the page that
links to them says why (`services.export_exclusions`). Streamed: memory stays flat whatever the volume.
"""

from django.utils import timezone

from mediane import downloads

from . import services, standard

# The response header that tells a program how many places the export left out (0 when none).
EXCLUDED_HEADER = "X-Lieux-Exclus"


def _export_name(extension: str) -> str:
    return f"lieux-mediation-numerique-{timezone.localdate().isoformat()}.{extension}"


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
    content = services.export_json_chunks()
    return _with_exclusions(downloads.attachment(content, "application/json; charset=utf-8", _export_name("json")))
