"""A producer's file of places read as a plain table: column names in file order and every value as text.

Pure Python, no Django. Reads CSV (`,` `;` tab or `|`, sniffed from the header), JSON (a list of objects, an object
holding one list of objects, JSON Lines), GeoJSON (a FeatureCollection of points) and XLSX (first sheet), each
optionally gzip-compressed. Nested objects become dotted columns (`adresse.code_postal`), lists of texts are joined
with « | », lists of objects are kept as JSON text, and numbers keep the text the file gives. A file that cannot be
read is refused with a one-sentence French `FormatError` that never quotes more than 200 characters of it.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from mediane.french import count_phrase, plural
from mediane.spreadsheets import DamagedWorkbook, read_first_sheet, restore

from ..standard import SEPARATOR, FormatError
from ..standard_readers import decode, numbered_rows, unpack

DELIMITERS = (",", ";", "\t", "|")
SHOWN = 200
SHOWN_KEYS = 10
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Excel (.xls), old Word (.doc)


@dataclass
class Table:
    """The file as columns and records of text. `lines[i]` is where `records[i]` is in the file: the physical line
    of a CSV or spreadsheet (header = 1), or the record number (from 1) of a JSON file, called `row_word`.
    `problems` maps a record's index to why it cannot be read as it is (a CSV line with too many cells): the
    mapping rejects that row with this message instead of guessing."""

    columns: list[str] = field(default_factory=list)
    records: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    row_word: str = "Ligne"
    kind: str = "csv"
    warnings: list[str] = field(default_factory=list)
    problems: dict[int, str] = field(default_factory=dict)

    def values(self, column: str) -> list[str]:
        """The column's values, one per record, empty text when the record has none."""
        return [record.get(column, "") for record in self.records]


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text[:SHOWN] + ("…" if len(text) > SHOWN else "")


def read_table(data: bytes, file_name: str = "") -> Table:
    """Read a producer's file (see the module docstring). Raises FormatError in one French sentence."""
    data = unpack(data)
    if not data.strip():
        raise FormatError("Le fichier est vide : envoyez un fichier qui contient une ligne d'en-tête puis les lieux.")
    table = _read_xlsx(data) if data.startswith(_XLSX_MAGIC) else _read_text(data, file_name)
    _fill(table)
    if not table.records:
        raise FormatError(
            "Ce fichier ne contient aucun lieu : il n'a qu'une ligne d'en-tête, ou une liste vide."
            if table.columns
            else "Ce fichier ne contient aucun lieu."
        )
    return table


def _read_text(data: bytes, file_name: str) -> Table:
    if data.startswith(b"%PDF"):
        raise FormatError(
            "Ce fichier est un PDF : Médiane lit un tableau (CSV ou Excel .xlsx) ou un fichier JSON, "
            "demandez les données au producteur dans l'un de ces formats."
        )
    if data.startswith(_OLE_MAGIC):
        raise FormatError(
            "Ce fichier est un ancien classeur Excel (.xls) : ouvrez-le et enregistrez-le au format "
            "« Classeur Excel (.xlsx) » ou « CSV UTF-8 »."
        )
    if b"\x00" in data[:4096]:
        raise FormatError(
            "Ce fichier n'est pas un texte ni un classeur : envoyez un fichier CSV, Excel (.xlsx) ou JSON."
        )
    text, warnings = decode(data)
    text = text.removeprefix("\ufeff")
    start = text.lstrip()[:1]
    suffix = PurePath(file_name.removesuffix(".gz")).suffix.lower()
    if start in ("[", "{") or suffix in (".json", ".geojson", ".jsonl", ".ndjson"):
        table = _read_json(text)
    else:
        table = _read_csv(text)
    table.warnings[:0] = warnings
    return table


def _fill(table: Table) -> None:
    """Every record gets every column, empty text where the file has no value."""
    blank = dict.fromkeys(table.columns, "")
    table.records = [{**blank, **record} for record in table.records]


# --- CSV -------------------------------------------------------------------------------------------------------


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most cells (a comma wins a tie, as the standard uses it)."""
    best, best_count = ",", 1
    for delimiter in DELIMITERS:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        if len(cells) > best_count:
            best, best_count = delimiter, len(cells)
    return best


def _unique_names(names: list[str], warnings: list[str]) -> list[str]:
    """Column names as a profile can refer to them: stripped, never blank, never twice."""
    seen: set[str] = set()
    unique: list[str] = []
    for position, raw in enumerate(names, start=1):
        name = " ".join(str(raw).split()) or f"Colonne {position}"
        if name in seen:
            number = 2
            while f"{name} ({number})" in seen:
                number += 1
            warnings.append(
                f"La colonne « {_shown(name)} » apparaît plusieurs fois : la colonne {position} est appelée "
                f"« {_shown(name)} ({number}) »."
            )
            name = f"{name} ({number})"
        seen.add(name)
        unique.append(name)
    return unique


def _read_csv(text: str) -> Table:
    first_line = text.splitlines()[0] if text else ""
    delimiter = sniff_delimiter(first_line)
    table = Table(kind="csv", row_word="Ligne")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration):
        raise FormatError("La première ligne du fichier (les noms des colonnes) est illisible.") from None
    if len(header) < 2 and not any(d in first_line for d in DELIMITERS):
        raise FormatError(
            "La première ligne du fichier ne donne pas de noms de colonnes séparés par des virgules ou des "
            f"points-virgules (elle commence par « {_shown(first_line)[:80]} ») : ce n'est pas un tableau CSV."
        )
    table.columns = _unique_names(header, table.warnings)
    width = len(table.columns)
    empty_lines = 0
    for start, cells in numbered_rows(reader):
        if isinstance(cells, csv.Error):
            raise FormatError(
                f"Le fichier est illisible à partir de la ligne {start} (guillemets mal placés) : vérifiez les "
                "guillemets de cette ligne."
            )
        if not any(cell.strip() for cell in cells):
            empty_lines += 1
            continue
        if len(cells) > width:
            if any(cell.strip() for cell in cells[width:]):
                table.problems[len(table.records)] = (
                    f"La ligne compte {len(cells)} colonnes au lieu de {width} : vérifiez les séparateurs et mettez "
                    f"entre guillemets les valeurs qui contiennent « {delimiter} »."
                )
            cells = cells[:width]
        record = {name: restore(cell.strip()) for name, cell in zip(table.columns, cells, strict=False) if cell.strip()}
        table.records.append(record)
        table.lines.append(start)
    if delimiter != ",":
        named = {";": "le point-virgule (;)", "\t": "la tabulation", "|": "la barre verticale (|)"}[delimiter]
        table.warnings.append(f"Le séparateur des colonnes est {named}.")
    if empty_lines:
        table.warnings.append(f"{count_phrase(empty_lines, 'ligne vide ignorée', 'lignes vides ignorées')}.")
    return table


# --- JSON --------------------------------------------------------------------------------------------------------


TOO_DEEP = (
    "Ce fichier JSON est imbriqué trop profondément (trop de crochets ou d'accolades les uns dans les autres) : "
    "envoyez une liste de lieux, chacun entre accolades."
)


def _load_json(text: str) -> Any:
    try:
        # Numbers keep the file's own text: « 46.27 » stays « 46.27 », « 1000 » stays « 1000 ».
        return json.loads(text, parse_float=str, parse_int=str)
    except RecursionError:
        raise FormatError(TOO_DEEP) from None
    except json.JSONDecodeError as error:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > 1:
            try:
                return [json.loads(line, parse_float=str, parse_int=str) for line in lines]  # JSON Lines
            except RecursionError:
                raise FormatError(TOO_DEEP) from None
            except json.JSONDecodeError:
                pass
        raise FormatError(
            f"Le fichier n'est pas un JSON valide (ligne {error.lineno}, colonne {error.colno}) : vérifiez les "
            "virgules, les guillemets et les crochets à cet endroit."
        ) from None


def _records_of(data: Any, warnings: list[str]) -> tuple[list[Any], str]:
    """The list of records in a JSON document, and its kind ("json" or "geojson"). An object holding several lists
    of objects gives its longest one, with a warning naming the others."""
    if isinstance(data, dict) and data.get("type") == "FeatureCollection" and isinstance(data.get("features"), list):
        return data["features"], "geojson"
    if isinstance(data, list):
        return data, "json"
    if isinstance(data, dict):
        lists = [
            (key, value)
            for key, value in data.items()
            if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
        ]
        if lists:
            key, records = max(lists, key=lambda item: len(item[1]))
            others = [(k, v) for k, v in lists if k != key]
            if others:
                shown = ", ".join(
                    f"« {_shown(str(k))} » ({count_phrase(len(v), 'objet')})" for k, v in others[:SHOWN_KEYS]
                )
                more = f" et {len(others) - SHOWN_KEYS} autres" if len(others) > SHOWN_KEYS else ""
                not_read = plural(others, "n'a pas été lue", "n'ont pas été lues")
                warnings.append(
                    f"Le fichier contient plusieurs listes : seule « {_shown(str(key))} » "
                    f"({count_phrase(len(records), 'objet')}) a été lue ; "
                    f"{plural(others, 'la liste', 'les listes')} {shown}{more} "
                    f"{not_read}. Envoyez-{plural(others, 'la', 'les')} dans un fichier à part "
                    "s'il s'agit aussi de lieux."
                )
            if key == "features" and all(item.get("type") == "Feature" for item in records):
                return records, "geojson"
            return records, "json"
    keys = ", ".join(list(data)[:10]) if isinstance(data, dict) else ""
    found = f" (clés trouvées : {_shown(keys)})" if keys else ""
    raise FormatError(
        "Ce fichier JSON ne contient pas de liste de lieux : il doit contenir une liste d'objets, entre crochets "
        f"[ {{…}}, {{…}} ], éventuellement sous une clé comme « data »{found}."
    )


def scalar_text(value: Any) -> str:
    """A JSON or spreadsheet value as the text of a cell (numbers as the file wrote them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def flatten(value: Any, prefix: str, into: dict[str, str]) -> None:
    """Put a JSON value into `into` under dotted names (see the module docstring); empty values are left out."""
    if isinstance(value, dict):
        for key, item in value.items():
            flatten(item, f"{prefix}.{key}" if prefix else str(key), into)
        return
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            text = SEPARATOR.join(t for t in (scalar_text(item) for item in value) if t)
        else:
            text = json.dumps(value, ensure_ascii=False)
    else:
        text = scalar_text(value)
    if text:
        into[prefix] = text


GEOMETRY_LONGITUDE, GEOMETRY_LATITUDE, GEOMETRY_KEPT = "geometry.longitude", "geometry.latitude", "geometry"


def _positions(value: Any) -> list[tuple[float, float]]:
    """Every (longitude, latitude) position inside a GeoJSON geometry's coordinates (or geometries), at any depth;
    non-numbers are skipped."""
    found: list[tuple[float, float]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.get(key) for key in ("coordinates", "geometries"))
        elif isinstance(item, list):
            if len(item) >= 2 and not isinstance(item[0], dict | list) and not isinstance(item[1], dict | list):
                try:
                    longitude, latitude = float(item[0]), float(item[1])
                except (TypeError, ValueError):
                    continue
                if math.isfinite(longitude) and math.isfinite(latitude):
                    found.append((longitude, latitude))
            else:
                stack.extend(item)
    return found


def _feature_record(feature: Any, odd_geometries: dict[str, int]) -> dict[str, str]:
    """A feature's properties as they are, and its geometry as `geometry.longitude`/`geometry.latitude` (never
    hidden by properties of the same name): a Point's coordinates as written, another geometry's mean position
    (counted in `odd_geometries` by type), or the geometry itself kept as `geometry` when it has no position."""
    if not isinstance(feature, dict):
        return {}
    record: dict[str, str] = {}
    flatten(feature.get("properties") or {}, "", record)
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        return record
    kind = str(geometry.get("type") or "?")[:40]
    coordinates = geometry.get("coordinates")
    if kind == "Point" and isinstance(coordinates, list) and len(coordinates) >= 2:
        record[GEOMETRY_LONGITUDE] = scalar_text(coordinates[0])
        record[GEOMETRY_LATITUDE] = scalar_text(coordinates[1])
        return record
    odd_geometries[kind] = odd_geometries.get(kind, 0) + 1
    positions = _positions(geometry)
    if positions:
        record[GEOMETRY_LONGITUDE] = f"{sum(p[0] for p in positions) / len(positions):.6f}"
        record[GEOMETRY_LATITUDE] = f"{sum(p[1] for p in positions) / len(positions):.6f}"
    else:
        record[GEOMETRY_KEPT] = json.dumps(geometry, ensure_ascii=False)[:2000]
    return record


def _odd_geometries_warning(odd: dict[str, int]) -> str:
    total = sum(odd.values())
    kinds = ", ".join(f"{kind} ({count})" for kind, count in sorted(odd.items(), key=lambda item: -item[1]))
    return (
        f"{count_phrase(total, 'lieu a', 'lieux ont')} une géométrie qui n'est pas un point ({kinds}) : "
        f"{plural(total, 'sa', 'leur')} position est le centre de {plural(total, 'ses', 'leurs')} coordonnées "
        "(colonnes « geometry.longitude » et « geometry.latitude »), ou la géométrie est gardée telle quelle "
        "(colonne « geometry ») quand elle n'en a pas. Vérifiez ces positions sur la carte."
    )


def _read_json(text: str) -> Table:
    try:
        return _read_json_records(text)
    except RecursionError:
        raise FormatError(TOO_DEEP) from None


def _read_json_records(text: str) -> Table:
    warnings: list[str] = []
    items, kind = _records_of(_load_json(text), warnings)
    table = Table(kind=kind, row_word="Enregistrement", warnings=warnings)
    seen: dict[str, None] = {}
    odd_geometries: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        if kind == "geojson":
            record = _feature_record(item, odd_geometries)
        elif isinstance(item, dict):
            record = {}
            flatten(item, "", record)
        else:
            raise FormatError(
                f"L'enregistrement {number} du fichier n'est pas un objet {{ … }} : le fichier doit être une liste "
                "de lieux, chacun entre accolades."
            )
        for key in record:
            seen.setdefault(key, None)
        table.records.append(record)
        table.lines.append(number)
    table.columns = list(seen)
    if odd_geometries:
        table.warnings.append(_odd_geometries_warning(odd_geometries))
    return table


# --- XLSX --------------------------------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> Table:
    try:
        sheet = read_first_sheet(data)
    except DamagedWorkbook:
        raise FormatError(
            "Ce fichier n'est pas un classeur Excel (.xlsx) lisible, ou il est abîmé : ouvrez-le dans votre tableur "
            "et enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV UTF-8 »."
        ) from None
    table = Table(kind="xlsx", row_word="Ligne")
    if not sheet.rows:
        raise FormatError("La première feuille du classeur est vide : mettez les lieux dans la première feuille.")
    names = [scalar_text(cell) for cell in sheet.rows[0]]
    while names and not names[-1]:
        names.pop()
    table.columns = _unique_names(names, table.warnings)
    width = len(table.columns)
    for number, cells in enumerate(sheet.rows[1:], start=2):
        texts = [scalar_text(cell) for cell in cells]
        if not any(texts):
            continue
        if any(texts[width:]):
            table.problems[len(table.records)] = (
                f"La ligne a des valeurs au-delà de la dernière colonne nommée ({width}) : donnez un nom à "
                "chaque colonne dans la première ligne."
            )
        table.records.append({name: text for name, text in zip(table.columns, texts, strict=False) if text})
        table.lines.append(number)
    if sheet.sheet_count > 1:
        table.warnings.append(
            f"Le classeur a {sheet.sheet_count} feuilles : seule la première (« {_shown(sheet.title)} ») a été lue."
        )
    return table
