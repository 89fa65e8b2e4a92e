"""Reading a file of places before it is imported: decompression, decoding, and the reader of its format.

No database. The readers themselves are `standard.py` (national standard, CSV and JSON, and the older v0 JSON) and
`libraries.py` (the Ministry of Culture's libraries file); this module picks one from the chosen format, accepts a
gzip-compressed file, and refuses a file it cannot read with a French `FormatError` that says what to do.
"""

from __future__ import annotations

import gzip
import io
import zlib
from datetime import date
from pathlib import PurePath

from . import standard_readers
from .enums import ImportFormat
from .libraries import LibrariesResult, read_libraries
from .standard import FormatError, ReadResult

# A compressed file is refused past this size once decompressed: the national libraries file is about 5 MB.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"

_JSON_FORMATS = (ImportFormat.STANDARD_JSON, ImportFormat.LEGACY_JSON)


def guess_format(file_name: str, family: str | None = None) -> ImportFormat:
    """The format of a file from its extension (`.csv`, `.json`, each optionally `.gz`) and, when given, its
    family: « standard », « legacy » (always JSON) or « bibliotheques » (always CSV). Raises FormatError."""
    if family == "legacy":
        return ImportFormat.LEGACY_JSON
    if family == "bibliotheques":
        return ImportFormat.LIBRARIES
    suffixes = [s.lower() for s in PurePath(file_name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    extension = suffixes[-1] if suffixes else ""
    if extension == ".csv":
        return ImportFormat.STANDARD_CSV
    if extension == ".json":
        return ImportFormat.STANDARD_JSON
    raise FormatError(
        f"Impossible de deviner le format du fichier « {file_name} » : son nom doit finir par .csv ou .json "
        f"(éventuellement suivi de .gz), ou indiquez le format avec --format."
    )


def unpack(data: bytes) -> bytes:
    """The bytes of the file, decompressed when it is a gzip file (`.gz`), whatever its name says."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            content = archive.read(MAX_UNCOMPRESSED_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise FormatError(
            "Ce fichier compressé (.gz) est abîmé ou incomplet : téléchargez-le de nouveau, ou envoyez-le sans "
            "compression."
        ) from None
    if len(content) > MAX_UNCOMPRESSED_BYTES:
        raise FormatError(
            f"Une fois décompressé, ce fichier dépasse {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} Mo : découpez-le "
            f"en plusieurs fichiers."
        )
    return content


def _check_shape(text: str, file_format: str) -> None:
    """A CSV sent as JSON (or the reverse) gets a message about the format chosen, not about a comma."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if file_format in _JSON_FORMATS and start not in ("[", "{", ""):
        raise FormatError(
            "Ce fichier n'est pas un fichier JSON (il ne commence pas par « [ ») : s'il s'agit d'un tableau CSV, "
            "choisissez le format « Standard national, fichier CSV »."
        )
    if file_format not in _JSON_FORMATS and start in ("[", "{"):
        raise FormatError(
            "Ce fichier est un fichier JSON, pas un tableau CSV : choisissez le format « Standard national, "
            "fichier JSON » ou « Ancien format v0 (JSON) »."
        )


def read_places(data: bytes, file_format: str, *, published: date) -> ReadResult | LibrariesResult:
    """Read the file's bytes in `file_format` (an `ImportFormat` value). `published` is the date of the Ministry's
    libraries file (its rows' `date_maj`); the other formats carry their own. Raises FormatError."""
    text, encoding_warnings = standard_readers.decode(unpack(data))
    _check_shape(text, file_format)
    result: ReadResult | LibrariesResult
    if file_format == ImportFormat.STANDARD_CSV:
        result = standard_readers.read_csv(text)
    elif file_format == ImportFormat.STANDARD_JSON:
        result = standard_readers.read_json(text)
    elif file_format == ImportFormat.LEGACY_JSON:
        result = standard_readers.read_legacy_json(text)
    elif file_format == ImportFormat.LIBRARIES:
        result = read_libraries(text, published=published)
    else:
        raise ValueError(f"Unknown import format: {file_format!r}")
    result.warnings[:0] = encoding_warnings
    return result
