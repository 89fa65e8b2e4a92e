"""One sentence about a file sent as « Standard national » that is not in the standard, instead of one rejection per
row: « Ce fichier n'est pas au standard : 0 des 7 champs obligatoires trouvés ; colonnes trouvées : … », or « Ce
fichier semble être à l'ancien format v0 … ». Pure Python, no Django; `imports.read_places` calls it before reading.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence

from ..standard import FIELD_NAMES, REQUIRED_FIELDS, FormatError
from ..standard_readers import LEGACY_SERVICES
from .profile import label_key
from .tabular import read_table, sniff_delimiter

SHOWN_COLUMNS = 10
MAX_SHOWN = 200
# Keys only the v0 format has; `courriel` alone is not one (v1 producers add it too).
V0_KEYS = frozenset(("publics_accueillis", "conditions_acces", "labels_nationaux", "structureParente", "cle"))
_V0_SERVICES = frozenset(label_key(label) for label in LEGACY_SERVICES)
SAMPLE = 200
MAPPING_HINT = "Créez une correspondance pour cette source (« Fichier d'un producteur »)."


def _columns_text(columns: Sequence[str]) -> str:
    names: list[str] = []
    length = 0
    for name in columns[:SHOWN_COLUMNS]:
        shown = " ".join(name.split())[:40]
        if length + len(shown) > MAX_SHOWN:
            break
        names.append(shown)
        length += len(shown) + 2
    more = "…" if len(names) < len(columns) else ""
    return f"{', '.join(names)}{more} ({len(columns)} en tout)"


def not_standard(columns: Sequence[str]) -> str:
    """The verdict for a file whose columns are not the standard's."""
    found = [name for name in REQUIRED_FIELDS if name in columns]
    return (
        f"Ce fichier n'est pas au standard : {len(found)} des {len(REQUIRED_FIELDS)} champs obligatoires trouvés ; "
        f"colonnes trouvées : {_columns_text(columns)}. {MAPPING_HINT}"
    )


def looks_v0(columns: Iterable[str], records: Iterable[Mapping[str, object]] = ()) -> bool:
    """True when the file has keys only v0 had, or services with the v0 labels (separated by « ; »)."""
    if V0_KEYS & set(columns):
        return True
    for record in records:
        services = record.get("services")
        if isinstance(services, str) and any(label_key(p) in _V0_SERVICES for p in services.split(";")):
            return True
    return False


def v0_message(csv_file: bool) -> str:
    if csv_file:
        return (
            "Ce fichier semble être à l'ancien format v0 : enregistrez-le en JSON et choisissez « Ancien format v0 "
            f"(JSON) », ou {MAPPING_HINT[0].lower()}{MAPPING_HINT[1:]}"
        )
    return "Ce fichier semble être à l'ancien format v0 : choisissez « Ancien format v0 (JSON) »."


def check_csv(text: str) -> None:
    """Raise FormatError with one sentence when a CSV sent as standard is not (see the module docstring)."""
    first_line = text.removeprefix("\ufeff").splitlines()[0] if text.strip() else ""
    if not first_line:
        return
    delimiter = sniff_delimiter(first_line)
    columns = [c.strip() for c in next(csv.reader([first_line], delimiter=delimiter), [])]
    if looks_v0(columns):
        raise FormatError(v0_message(csv_file=True))
    if delimiter != "," and len(set(columns) & set(FIELD_NAMES)) >= 2:
        return  # the standard's columns with another separator: the reader says which separator to use
    found = [name for name in REQUIRED_FIELDS if name in columns]
    if len(found) <= len(REQUIRED_FIELDS) // 2:
        raise FormatError(not_standard(columns))


def check_json(records: Sequence[object]) -> None:
    """Raise FormatError with one sentence when a JSON list sent as standard is not (see the module docstring)."""
    objects = [r for r in records[:SAMPLE] if isinstance(r, dict)]
    if not objects:
        return
    columns = list(dict.fromkeys(str(k) for record in objects for k in record))
    if looks_v0(columns, objects):
        raise FormatError(v0_message(csv_file=False))
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if len(missing) >= len(REQUIRED_FIELDS) - len(REQUIRED_FIELDS) // 2:
        raise FormatError(not_standard(columns))
    if missing:
        raise FormatError(
            f"Champs obligatoires absents de tous les lieux du fichier : {', '.join(missing)}. Ajoutez-les à "
            f"chaque lieu, ou, si le fichier n'est pas au standard, {MAPPING_HINT[0].lower()}{MAPPING_HINT[1:]}"
        )


def check_json_document(data: object) -> None:
    """A JSON document that is not a list: an object holding the places under a key (or a GeoJSON collection) is
    not the standard either, and gets the verdict with its columns."""
    try:
        table = read_table(json.dumps(data, ensure_ascii=False).encode())
    except FormatError:
        return
    raise FormatError(not_standard(table.columns))
