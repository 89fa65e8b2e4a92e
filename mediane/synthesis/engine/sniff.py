"""What a file given to `mediane-synthesis` is, decided from its content before any parsing: a CSV, a JSON list of
contributions (or JSON Lines, or Decidim's JSON export of proposals), an Excel workbook (read), or a binary file
(refused).

People pass whatever their tool exported: a workbook renamed `.csv`, a PDF, a JSON object from an API. Each gets
one French sentence that says what the file seems to be and what to do, never a traceback nor pages of bytes.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from mediane.spreadsheets import DamagedWorkbook, read_first_sheet
from mediane.synthesis.engine import readers
from mediane.synthesis.engine.closed import titled_text
from mediane.synthesis.engine.documents import Document, SynthesisInputError
from mediane.synthesis.engine.readers import MAX_ECHO, MAX_NAME_ECHO, Rows, clip, quoted_names

# Signatures of binary formats people mistake for a CSV, with what the message says the file seems to be.
SIGNATURES = (
    (b"%PDF-", "un document PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "un classeur Excel ancien (.xls) ou un document Word"),
    (b"\x89PNG", "une image"),
    (b"\xff\xd8\xff", "une image"),
    (b"GIF87a", "une image"),
    (b"GIF89a", "une image"),
    (b"\x1f\x8b", "une archive compressée"),
    (b"7z\xbc\xaf\x27\x1c", "une archive compressée"),
    (b"Rar!\x1a\x07", "une archive compressée"),
    (b"BZh91AY&SY", "une archive compressée"),
    (b"SQLite format 3\x00", "une base de données SQLite"),
    (b"{\\rtf", "un document RTF"),
)
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# What a zip archive seems to be when only text is wanted: workbooks are zip archives.
ZIP_ARCHIVE = "un classeur Excel ou LibreOffice, ou une archive zip"
# Sample read to judge whether a decoded file is text: control characters beyond this share mean bytes, not words.
SAMPLE = 100_000
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# How a Decidim body written in its rich-text editor looks: HTML tags.
_TAG = re.compile(r"<[^>]{1,200}>")
# Keys of JSON objects named in a message, read from the first objects only.
KEYS_SAMPLE = 100


def refuse_binary(what: str) -> SynthesisInputError:
    return SynthesisInputError(
        f"Ce fichier n'est pas un fichier texte (il semble être {what}) : "
        "enregistrez-le au format CSV UTF-8, puis recommencez."
    )


def read_input(
    path: Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    label_column: str | None = None,
    decidim: bool = False,
) -> list[Document]:
    """The contributions in the file at `path`, whatever its kind; a `SynthesisInputError` says why not."""
    columns = {"text_column": text_column, "id_column": id_column, "label_column": label_column}
    data = readers.read_bytes(path)
    if data.startswith(ZIP_SIGNATURES):
        header, rows = _workbook(data)
        return _read_table(header, rows, decidim=decidim, **columns)
    text = plain_text(data)
    if text.lstrip()[:1] in ("[", "{"):
        return read_json(text, decidim=decidim, **columns)
    if decidim or (text_column is None and readers.looks_like_decidim(text)):
        return readers.read_decidim(text)
    if text_column is None:
        raise SynthesisInputError(
            f"Indiquez la colonne du texte avec --text-column (colonnes du fichier : "
            f"{quoted_names(readers.header(text))}), ou --decidim pour un export Decidim."
        )
    return readers.read_csv(text, text_column=text_column, id_column=id_column, label_column=label_column)


def plain_text(data: bytes) -> str:
    """The decoded text of `data`, or one refusal for any binary file: PDF, image, archive, workbook (only
    `read_input` reads workbooks), NUL bytes, control characters."""
    if data.startswith(ZIP_SIGNATURES):
        raise refuse_binary(ZIP_ARCHIVE)
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise refuse_binary(what)
    sample = data[:SAMPLE]
    if b"\x00" in sample and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 without its mark puts a NUL beside every ASCII letter, on one side only.
        for encoding, side in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if side.count(0) > 0.9 * len(side):
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
        raise refuse_binary("un fichier binaire")
    text = readers.decode(data)
    head = text[:SAMPLE]
    if len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise refuse_binary("un fichier binaire")
    return text


def _read_table(
    header: list[str],
    rows: Rows,
    *,
    text_column: str | None,
    id_column: str | None,
    label_column: str | None,
    decidim: bool,
) -> list[Document]:
    if decidim or (text_column is None and readers.is_decidim_header(header)):
        return readers.read_decidim_rows(header, rows)
    if text_column is None:
        raise SynthesisInputError(
            f"Indiquez la colonne du texte avec --text-column. Colonnes du classeur : {quoted_names(header)}."
        )
    return readers.read_rows(header, rows, text_column=text_column, id_column=id_column, label_column=label_column)


# --- Workbooks ------------------------------------------------------------------------------------------------------


def _workbook(data: bytes) -> tuple[list[str], Rows]:
    """The first sheet of an Excel workbook as a table (header, then numbered rows); other zip files refused."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse_binary("un classeur Excel ou une archive zip, abîmé") from None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise refuse_binary("un classeur ou un document OpenDocument (.ods, .odt)")
        if "word/document.xml" in names:
            raise refuse_binary("un document Word")
        raise refuse_binary("une archive zip")
    lines = [(number, cells) for number, cells in _sheet(data) if any(cell.strip() for cell in cells)]
    if not lines:
        raise SynthesisInputError("Le classeur est vide : il ne contient aucune contribution.")
    (_, header), body = lines[0], lines[1:]
    width = len(header)
    # Cells right of the header have no column name, so no option can choose them: they are left out.
    return header, iter((number, (cells + [""] * width)[:width]) for number, cells in body)


DAMAGED_WORKBOOK = (
    "Ce classeur Excel est abîmé ou incomplet : ouvrez-le dans votre tableur, puis enregistrez-le au format CSV UTF-8."
)


def _sheet(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        sheet = read_first_sheet(data)
    except DamagedWorkbook:
        raise SynthesisInputError(DAMAGED_WORKBOOK) from None
    return [(number, [_cell(value) for value in values]) for number, values in enumerate(sheet.rows, start=1)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# --- JSON -----------------------------------------------------------------------------------------------------------


def read_json(
    text: str,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    label_column: str | None = None,
    decidim: bool = False,
) -> list[Document]:
    """Contributions from a JSON list of objects: Decidim's proposals (`id`, `title`, `body`), else the text under
    the key `text_column`, the id under `id_column` (else the position in the list, from 1)."""
    try:
        data = _parse(text)
    except json.JSONDecodeError as error:
        near = clip(error.doc[error.pos : error.pos + 40], 40)
        at_end = not error.doc[error.pos :].strip()
        raise SynthesisInputError(
            f"Ce fichier ressemble à du JSON mais n'en est pas (ligne {error.lineno}, colonne {error.colno}"
            + (f", près de « {near} »" if near else ", à la fin du fichier" if at_end else ", en fin de ligne")
            + ") : corrigez-le, ou enregistrez les contributions au format CSV UTF-8."
        ) from None
    items = _objects(data)
    keys = _keys(items)
    if decidim or (text_column is None and {"id", "title", "body"} <= set(keys)):
        return _read_decidim_json(items, keys)
    if text_column is None:
        raise SynthesisInputError(
            f"Indiquez avec --text-column la clé qui contient le texte ; les contributions de ce fichier JSON ont "
            f"les clés {quoted_names(keys)}."
        )
    for name in (text_column, id_column, label_column):
        if name is not None and name not in keys:
            shown = clip(name, MAX_NAME_ECHO)
            raise SynthesisInputError(
                f"La clé « {shown} » n'existe dans aucune contribution de ce fichier JSON. "
                f"Clés disponibles : {quoted_names(keys, MAX_ECHO - len(shown))}."
            )
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        doc_id = _json_id(item.get(id_column), number, seen) if id_column else str(number)
        label = _string(item.get(label_column), number).strip() if label_column else ""
        documents.append(Document(id=doc_id, text=_string(item.get(text_column), number), label=label or None))
    return documents


def _parse(text: str) -> Any:
    """The JSON in `text`; JSON Lines (one object a line, as many tools export) read as the list of its objects."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data" or not text.lstrip().startswith("{"):
            raise
        items, offset = [], 0
        # Split on "\n" only: `splitlines` would also cut at U+2028, U+0085 or \x0c, all valid inside a JSON string
        # (text pasted from a word processor).
        for line in text.split("\n"):
            try:
                if line.strip():
                    items.append(json.loads(line.rstrip("\r")))
            except json.JSONDecodeError as line_error:
                # Placed in the whole file, so that the message names the file's line, not 1.
                raise json.JSONDecodeError(line_error.msg, text, offset + line_error.pos) from None
            offset += len(line) + 1
        return items


def _objects(data: Any) -> list[dict[str, Any]]:
    """`data` when it is a non-empty list of objects; else one sentence that says what it is instead."""
    start = "Ce fichier JSON n'est pas une liste de contributions : "
    example = ' ; il faut une liste d\'objets, par exemple [{"id": 1, "texte": "…"}].'
    if isinstance(data, dict):
        raise SynthesisInputError(f"{start}c'est un seul objet, aux clés {quoted_names(list(data))}{example}")
    if not isinstance(data, list):
        raise SynthesisInputError(f"{start}c'est {_kind(data)}{example}")
    if not data:
        raise SynthesisInputError("Ce fichier JSON est une liste vide : il ne contient aucune contribution.")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise SynthesisInputError(f"{start}son élément n° {number} est {_kind(item)}, pas un objet{example}")
    return data


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, str):
        return f"un texte (« {clip(value, MAX_NAME_ECHO)} »)"
    if isinstance(value, bool) or value is None:
        return "une valeur vide" if value is None else "une valeur vrai/faux"
    return f"un nombre ({clip(str(value), MAX_NAME_ECHO)})"


def _keys(items: list[dict[str, Any]]) -> list[str]:
    keys: dict[str, None] = {}
    for item in items[:KEYS_SAMPLE]:
        keys.update(dict.fromkeys(item))
    return list(keys)


def _string(value: Any, number: int) -> str:
    """A JSON value as text: a number written out, nothing as "", a dict of languages by its French text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return _translated(value)
    raise SynthesisInputError(
        f"La contribution n° {number} du fichier JSON a une liste là où un texte est attendu ; "
        "chaque contribution doit avoir son texte sous une seule clé."
    )


def _translated(value: dict[str, Any]) -> str:
    """Decidim's translated field: {"fr": …}, else the text in the language it was written in, else a machine
    translation into French; the GraphQL API's {"translations": [{"locale", "text"}]} too."""
    if isinstance(value.get("translations"), list):
        value = {
            str(entry.get("locale")): entry.get("text") for entry in value["translations"] if isinstance(entry, dict)
        }
    for key in ("fr", "fr-FR", "fr_FR"):
        if isinstance(value.get(key), str) and value[key].strip():
            return value[key]
    for text in value.values():
        if isinstance(text, str) and text.strip():
            return text
    machine = value.get("machine_translations")
    if isinstance(machine, dict) and isinstance(machine.get("fr"), str):
        return machine["fr"]
    return ""


def _json_id(value: Any, number: int, seen: dict[str, int]) -> str:
    doc_id = _string(value, number).strip() if not isinstance(value, dict) else ""
    if not doc_id:
        raise SynthesisInputError(f"La contribution n° {number} du fichier JSON n'a pas d'identifiant.")
    if doc_id in seen:
        raise SynthesisInputError(
            f"La contribution n° {number} du fichier JSON a l'identifiant « {clip(doc_id, MAX_NAME_ECHO)} », "
            f"déjà pris par la n° {seen[doc_id]} ; chaque identifiant doit être unique."
        )
    seen[doc_id] = number
    return doc_id


def _plain(text: str) -> str:
    """A body from Decidim's rich-text editor as plain text (tags out, entities read)."""
    return html.unescape(_TAG.sub(" ", text)) if "<" in text else text


def _read_decidim_json(items: list[dict[str, Any]], keys: list[str]) -> list[Document]:
    missing = [name for name in readers.DECIDIM_REQUIRED if name not in keys]
    if missing:
        raise SynthesisInputError(
            f"Ce fichier JSON n'est pas un export de propositions Decidim : la clé « {missing[0]} » manque. "
            f"Clés disponibles : {quoted_names(keys)}."
        )
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        title, body = _plain(_string(item.get("title"), number)), _plain(_string(item.get("body"), number))
        text = titled_text(" ".join(title.split()), body)
        documents.append(Document(id=_json_id(item.get("id"), number, seen), text=text))
    return documents
