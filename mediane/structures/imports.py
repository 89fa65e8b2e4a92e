"""Reading a file of places before it is imported: decompression, decoding, and the reader of its format.

No database. The readers themselves are `standard_readers.py` (national standard, CSV and JSON, and the older v0
JSON), `libraries.py` (the Ministry of Culture's libraries file) and `mapping/` (a producer's own file through its
source's profile); this module picks one from the chosen format, accepts a gzip-compressed file, and refuses a file
it cannot read with a French `FormatError` that says what to do.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

from . import standard_readers
from .enums import ImportFormat
from .libraries import LibrariesResult, read_libraries
from .mapping.apply import read_mapped
from .mapping.profile import Profile
from .standard import FormatError, ReadResult
from .standard_readers import GZIP_MAGIC, MAX_UNCOMPRESSED_BYTES, unpack  # noqa: F401 (the API of this module)

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


def read_places(
    data: bytes, file_format: str, *, published: date, profile: Profile | None = None, file_name: str = ""
) -> ReadResult | LibrariesResult:
    """Read the file's bytes in `file_format` (an `ImportFormat` value). `published` is the date of the Ministry's
    libraries file (its rows' `date_maj`); the other formats carry their own. A producer's own file
    (`ImportFormat.MAPPED`) is read through its source's `profile`. Raises FormatError."""
    if file_format == ImportFormat.MAPPED:
        if profile is None or profile.is_empty:
            raise FormatError(
                "Cette source n'a pas encore de correspondance : créez-la depuis la page de la source, puis "
                "envoyez de nouveau le fichier."
            )
        return read_mapped(unpack(data), file_name, profile)
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
