"""Reading contributions from files: any CSV (chosen columns) and Decidim's proposals export, plain or gzipped.

`read_text` reads, unzips and decodes a file once (refusing binary files as `sniff` does); the readers then take its
text. Every problem becomes a
`SynthesisInputError` with a French message that names the line or the columns, and that never repeats more than
`MAX_ECHO` characters of the file (a 10,000-character header must not flood the terminal). `sniff.read_input` tells
a CSV from a JSON file, a workbook or a binary file, and calls these readers for tables.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from mediane.french import count_phrase
from mediane.synthesis.engine.closed import titled_text
from mediane.synthesis.engine.documents import Document, SynthesisInputError

Rows = Iterator[tuple[int, list[str]]]

DELIMITERS = (";", ",", "\t", "|")
DECIDIM_REQUIRED = ("id", "title", "body")
# A single answer of a few megabytes is legitimate (a pasted report); csv's default limit is 128 KB.
FIELD_SIZE_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(FIELD_SIZE_LIMIT)
# The most characters of the file that an error message repeats (a column name, an id, a JSON fragment), and the
# most for one name inside a list of names.
MAX_ECHO = 200
MAX_NAME_ECHO = 60


def clip(value: str, limit: int = MAX_ECHO) -> str:
    """`value` on one line, cut to `limit` characters with « … »: what an error message may repeat of the input."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quoted_names(names: list[str], limit: int = MAX_ECHO) -> str:
    """« a », « b », « c » as far as `limit` characters (quotes and commas included) allow, then how many more
    there are: « et 3 autres »."""
    shown: list[str] = []
    used = 0
    for name in names:
        quoted = f"« {clip(name, MAX_NAME_ECHO)} »"
        if used + len(quoted) > limit:
            break
        shown.append(quoted)
        used += len(quoted) + 2
    rest = len(names) - len(shown)
    return ", ".join(shown) + (f" et {count_phrase(rest, 'autre', 'autres')}" if rest else "")


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SynthesisInputError(f"Le fichier « {path} » est introuvable.") from None
    except OSError as error:
        raise SynthesisInputError(f"Le fichier « {path} » ne peut pas être lu ({error.strerror}).") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise SynthesisInputError(f"Le fichier compressé « {path} » est abîmé ou incomplet.") from None
    return data


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the two encodings spreadsheets write in France; UTF-16 when
    it starts with its BOM (Excel's « Texte Unicode »)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SynthesisInputError("Le fichier commence comme un texte UTF-16 mais n'en est pas un.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so decoding cannot fail.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def read_text(path: Path) -> str:
    """The text of the file at `path`: gunzipped when compressed, decoded as `decode` says; a binary file (a
    workbook, a PDF…) refused with the same message as `sniff.read_input` gives."""
    # Imported here: sniff builds on this module.
    from mediane.synthesis.engine import sniff

    return sniff.plain_text(read_bytes(path))


def detect_delimiter(text: str) -> str:
    """The separator that splits the header line the most (quoted separators inside names are rare)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> Rows:
    """Rows with the line each starts on; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SynthesisInputError(
                f"la ligne est mal formée ({error}) ; vérifiez les guillemets et le séparateur « {delimiter} ».",
                line=line,
            ) from None
        if any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


def _column(header: list[str], name: str, option: str) -> int:
    cleaned = [cell.strip() for cell in header]
    for candidate in (name, name.strip()):
        if candidate in cleaned:
            return cleaned.index(candidate)
    lowered = [cell.lower() for cell in cleaned]
    if name.strip().lower() in lowered:
        return lowered.index(name.strip().lower())
    shown = clip(name, MAX_NAME_ECHO)
    # The name and the list together repeat at most MAX_ECHO characters of the input.
    raise SynthesisInputError(
        f"La colonne « {shown} » ({option}) n'existe pas. "
        f"Colonnes disponibles : {quoted_names(cleaned, MAX_ECHO - len(shown))}."
    )


def _table(text: str) -> tuple[list[str], Rows]:
    if not text.strip():
        raise SynthesisInputError("Le fichier est vide : il ne contient aucune contribution.")
    rows = _records(text, detect_delimiter(text))
    _, header = next(rows)
    return header, rows


def header(text: str) -> list[str]:
    """The column names of the CSV in `text`, stripped."""
    return [cell.strip() for cell in _table(text)[0]]


def _check_width(line: int, row: list[str], header: list[str]) -> None:
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        raise SynthesisInputError(
            f"{len(row)} champs au lieu de {len(header)} ; un texte contient sans doute le séparateur "
            "sans être entre guillemets.",
            line=line,
        )
    if len(row) < len(header):
        raise SynthesisInputError(
            f"{len(row)} champs au lieu de {len(header)} ; la ligne est incomplète ou un guillemet n'est pas fermé.",
            line=line,
        )


def _finish(documents: list[Document]) -> list[Document]:
    if not documents:
        raise SynthesisInputError("Le fichier ne contient aucune contribution (seulement la ligne d'en-tête).")
    return documents


def _unique_id(doc_id: str, line: int, first_line: dict[str, int]) -> str:
    if not doc_id:
        raise SynthesisInputError("l'identifiant est vide.", line=line)
    if doc_id in first_line:
        raise SynthesisInputError(
            f"l'identifiant « {clip(doc_id, MAX_NAME_ECHO)} » apparaît déjà ligne {first_line[doc_id]} ; "
            "chaque identifiant doit être unique.",
            line=line,
        )
    first_line[doc_id] = line
    return doc_id


def read_csv(
    text: str, *, text_column: str, id_column: str | None = None, label_column: str | None = None
) -> list[Document]:
    """Contributions from the text of a CSV: text from `text_column`, id from `id_column` (else the line number)."""
    header, rows = _table(text)
    return read_rows(header, rows, text_column=text_column, id_column=id_column, label_column=label_column)


def read_rows(
    header: list[str], rows: Rows, *, text_column: str, id_column: str | None = None, label_column: str | None = None
) -> list[Document]:
    """Contributions from a table (a CSV's or a workbook's rows, each with its line number), columns by name."""
    text_index = _column(header, text_column, "--text-column")
    id_index = _column(header, id_column, "--id-column") if id_column else None
    label_index = _column(header, label_column, "--label-column") if label_column else None
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        _check_width(line, row, header)
        doc_id = _unique_id(row[id_index].strip() if id_index is not None else str(line), line, first_line)
        label = row[label_index].strip() if label_index is not None else None
        documents.append(Document(id=doc_id, text=row[text_index], label=label or None))
    return _finish(documents)


def read_decidim(text: str) -> list[Document]:
    """Proposals from the text of a Decidim export (`id;category/id;…;title;body;…`): title, then body."""
    header, rows = _table(text)
    return read_decidim_rows(header, rows)


def _decidim_column(header: list[str], name: str) -> int | None:
    """Where `name` is: its own column, else its French one (`title/fr`: since Decidim 0.24 titles and bodies are
    translated, and the CSV export flattens them), else the first other language's."""
    cleaned = [cell.strip() for cell in header]
    for candidate in (name, f"{name}/fr"):
        if candidate in cleaned:
            return cleaned.index(candidate)
    for index, cell in enumerate(cleaned):
        if cell.startswith(f"{name}/") and "machine_translations" not in cell:
            return index
    return None


def read_decidim_rows(header: list[str], rows: Rows) -> list[Document]:
    """Proposals from the table of a Decidim export (CSV or workbook)."""
    indices = {}
    for name in DECIDIM_REQUIRED:
        index = _decidim_column(header, name)
        if index is None:
            raise SynthesisInputError(
                f"Ce fichier n'est pas un export de propositions Decidim : la colonne « {name} » manque. "
                f"Colonnes disponibles : {quoted_names([cell.strip() for cell in header])}."
            )
        indices[name] = index
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        _check_width(line, row, header)
        doc_id = _unique_id(row[indices["id"]].strip(), line, first_line)
        documents.append(Document(id=doc_id, text=titled_text(row[indices["title"]], row[indices["body"]])))
    return _finish(documents)


def looks_like_decidim(text: str) -> bool:
    """True when the header of `text` has Decidim's proposal columns (so `--decidim` may be left out)."""
    try:
        header, _ = _table(text)
    except SynthesisInputError:
        return False
    return is_decidim_header(header)


def is_decidim_header(header: list[str]) -> bool:
    """True for the columns of Decidim's proposals export: `id`, `category/id`, `title` and `body` (or their
    languages, `title/fr`…)."""
    return "category/id" in {cell.strip() for cell in header} and all(
        _decidim_column(header, name) is not None for name in DECIDIM_REQUIRED
    )
