"""Reading of imported files: workshop sheets (CSV) and Decidim proposals exports. Pure Python, no Django.

Each parser takes the raw bytes and gives back checked rows plus every problem found, each with the
physical line number a person sees in a spreadsheet or text editor. Nothing is written here: services do that.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from mediane import numbers
from mediane.accounts.territories import InvalidPostalCode, departement_from_postal_code
from mediane.french import plural
from mediane.spreadsheets import csv_text
from mediane.text import control_character_message

WORKSHOP_COLUMNS = ("type", "titre", "texte", "categorie", "code_postal", "consentement")
WORKSHOP_REQUIRED_COLUMNS = ("type", "titre", "texte", "categorie", "consentement")
DECIDIM_REQUIRED_COLUMNS = ("id", "title", "body", "votes", "created_at", "url")
DECIDIM_DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
EXTERNAL_ID_MAX_LENGTH = 64
URL_MAX_LENGTH = 200
ELLIPSIS = "…"
# Votes become a contribution's `supports_count`, a PositiveIntegerField.
MAX_VOTES = 2**31 - 1


@dataclass(frozen=True)
class ImportError:  # the builtin of that name is never needed here: file problems are not exceptions
    """One problem in a file. `line` is the physical line (1 = header), 0 for the file as a whole."""

    line: int
    message: str

    def __str__(self) -> str:
        return self.message


# The name other modules use, so that none of them shadows the builtin.
ImportProblem = ImportError


@dataclass(frozen=True)
class TextLimits:
    title_min: int
    title_max: int
    body_min: int
    body_max: int


@dataclass(frozen=True)
class WorkshopRow:
    line: int
    kind: str
    title: str
    body: str
    category: str
    postal_code: str
    departement: str


@dataclass(frozen=True)
class DecidimRow:
    line: int
    external_id: str
    title: str
    body: str
    votes: int
    created_at: dt.datetime
    url: str
    category_name: str = ""


RowT = TypeVar("RowT")


@dataclass
class ParseResult(Generic[RowT]):
    rows: list[RowT] = field(default_factory=list)
    errors: list[ImportError] = field(default_factory=list)
    warnings: list[ImportError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, line: int, message: str) -> None:
        self.errors.append(ImportError(line, message))


class UnreadableFile(ValueError):
    """The file cannot be read as CSV text; the message, in French, says what to do."""


# --- Reading ------------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text of a file saved as UTF-8 (with or without BOM) or as Windows-1252 (Excel's "CSV" on Windows)."""
    if b"\x00" in data:
        raise UnreadableFile("Ce fichier n'est pas un fichier CSV : enregistrez votre tableau au format CSV.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            "Les caractères de ce fichier ne sont pas lisibles : enregistrez-le au format « CSV UTF-8 »."
        ) from exc


def detect_delimiter(text: str, preferred: str = ";") -> str:
    """`;` or `,`, read from the header line: the header has no quoted separators, so counting is reliable."""
    header = text.split("\n", 1)[0]
    semicolons, commas = header.count(";"), header.count(",")
    if semicolons == 0 and commas == 0:
        raise UnreadableFile(
            "Les colonnes du fichier doivent être séparées par des points-virgules « ; » "
            "ou des virgules « , ». Enregistrez votre tableau au format CSV."
        )
    if semicolons == commas:
        return preferred
    return ";" if semicolons > commas else ","


def normalise(value: str) -> str:
    """Lower-case, accent-free, with plain apostrophes and no inclusive dot: how people type a label."""
    text = unicodedata.normalize("NFKD", value.strip().casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("’", "'").replace("·", "").replace("•", "")
    return re.sub(r"[\s\-]+", " ", text)


def _column_key(value: str) -> str:
    return normalise(value).replace(" ", "_")


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first physical line, cells) of each record; quoted fields may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous_line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UnreadableFile(
                f"Ligne {previous_line + 1} : le fichier est mal formé (guillemet non refermé ?). "
                "Vérifiez cette ligne puis réessayez."
            ) from exc
        yield previous_line + 1, cells
        previous_line = reader.line_num


def _table(
    data: bytes, required: Iterable[str], preferred_delimiter: str
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header keys and (line, row) pairs. Raises UnreadableFile for a file-level problem."""
    text = decode(data)
    if not text.strip():
        raise UnreadableFile("Le fichier est vide.")
    delimiter = detect_delimiter(text, preferred_delimiter)
    records = _records(text, delimiter)
    _, header = next(records)
    keys = [_column_key(cell) for cell in header]
    missing = [column for column in required if column not in keys]
    if missing:
        names = ", ".join(f"« {name} »" for name in missing)
        columns = plural(missing, "la colonne", "les colonnes")
        raise UnreadableFile(
            f"Il manque {columns} {names} dans la première ligne du fichier. "
            f"Colonnes attendues : {' ; '.join(required)}."
        )
    rows = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines of a spreadsheet are not rows
        if len(cells) > len(keys) and any(cell.strip() for cell in cells[len(keys) :]):
            rows.append((line, {"__too_many__": str(len(cells))}))
            continue
        padded = cells + [""] * (len(keys) - len(cells))
        rows.append((line, dict(zip(keys, padded, strict=False))))
    return keys, rows


def _lookup(choices: Iterable[tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, label in choices:
        table[normalise(code)] = code
        table[normalise(label)] = code
    return table


def _check_length(line: int, value: str, label: str, minimum: int, maximum: int) -> str | None:
    if not value:
        return f"Ligne {line} : {label} est vide."
    if len(value) < minimum:
        return f"Ligne {line} : {label} est trop court ({len(value)} caractères, il en faut au moins {minimum})."
    if len(value) > maximum:
        return f"Ligne {line} : {label} est trop long ({len(value)} caractères pour {maximum} au plus)."
    return None


def _control_characters(line: int, row: dict[str, str]) -> list[str]:
    """A message for each cell of the row that holds a control character (ESC, backspace, C1…)."""
    problems = []
    for column, value in row.items():
        message = control_character_message(value, f"Ligne {line}, colonne « {column} »")
        if message is not None:
            problems.append(message)
    return problems


def _too_many_columns(line: int, count: str, expected: int) -> ImportError:
    return ImportError(
        line,
        f"Ligne {line} : cette ligne a {count} colonnes au lieu de {expected}. "
        "Un texte contient peut-être le séparateur sans être entre guillemets.",
    )


# --- Workshop sheets ----------------------------------------------------------------------------------


def parse_workshop_sheet(
    data: bytes,
    *,
    kinds: Iterable[tuple[str, str]],
    categories: Iterable[tuple[str, str]],
    limits: TextLimits,
) -> ParseResult[WorkshopRow]:
    """Check every row of a workshop sheet `type;titre;texte;categorie;code_postal;consentement`.

    `kinds` and `categories` are (code, label) pairs; a cell may hold either, typed loosely.
    """
    result: ParseResult[WorkshopRow] = ParseResult()
    try:
        keys, table = _table(data, WORKSHOP_REQUIRED_COLUMNS, ";")
    except UnreadableFile as exc:
        result.errors.append(ImportError(0, str(exc)))
        return result
    kind_codes, category_codes = _lookup(kinds), _lookup(categories)
    for line, row in table:
        if "__too_many__" in row:
            result.errors.append(_too_many_columns(line, row["__too_many__"], len(keys)))
            continue
        errors = _control_characters(line, row)
        kind = kind_codes.get(normalise(row["type"]))
        if kind is None:
            errors.append(
                f"Ligne {line} : le type « {row['type'].strip()} » n'existe pas. "
                "Écrivez « Retour d'expérience », « Point de vigilance » ou « Proposition »."
            )
        title, body = row["titre"].strip(), row["texte"].strip()
        for problem in (
            _check_length(line, title, "le titre", limits.title_min, limits.title_max),
            _check_length(line, body, "le texte", limits.body_min, limits.body_max),
        ):
            if problem:
                errors.append(problem)
        category = category_codes.get(normalise(row["categorie"]))
        if category is None:
            shown = row["categorie"].strip()
            errors.append(
                f"Ligne {line} : la catégorie « {shown} » n'existe pas."
                if shown
                else f"Ligne {line} : la catégorie de la personne est vide."
            )
        postal_code = row.get("code_postal", "").strip()
        departement = ""
        if postal_code:
            try:
                departement = departement_from_postal_code(postal_code)
            except InvalidPostalCode:
                errors.append(
                    f"Ligne {line} : le code postal « {postal_code} » n'est pas valide : "
                    "il faut les 5 chiffres d'une commune française, par exemple 69003."
                )
        if normalise(row["consentement"]) != "oui":
            errors.append(
                f"Ligne {line} : la colonne « consentement » doit valoir « oui ». "
                "Sans l'accord de la personne, sa contribution ne peut pas être publiée."
            )
        if errors or kind is None or category is None:
            result.errors.extend(ImportError(line, message) for message in errors)
            continue
        result.rows.append(WorkshopRow(line, kind, title, body, category, postal_code, departement))
    if not table:
        result.errors.append(
            ImportError(0, "Le fichier ne contient aucune contribution : seule la première ligne est remplie.")
        )
    return result


def workshop_sheet_template(example_kind: str, example_category: str) -> str:
    """The downloadable model sheet: the header, then one example line. `;`-separated, with a byte order mark so
    that Excel on Windows reads the accents right."""
    example = [
        example_kind,
        "Des ateliers le samedi matin",
        "Je travaille en semaine : un atelier le samedi matin me permettrait de venir.",
        example_category,
        "59000",
        "oui",
    ]
    return csv_text([example], header=WORKSHOP_COLUMNS, delimiter=";", bom=True)


# --- Decidim proposals exports ------------------------------------------------------------------------


def shorten(text: str, maximum: int) -> str:
    """Cut `text` at a word boundary so that, with the ellipsis, it fits in `maximum` characters."""
    if len(text) <= maximum:
        return text
    cut = text[: maximum - len(ELLIPSIS)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def parse_decidim_date(value: str) -> dt.datetime:
    """`2019-01-24 22:29:15 +0100` (Decidim 0.1x exports) or ISO 8601; always timezone-aware."""
    text = value.strip()
    # The format ends with %z, so strptime gives an aware datetime (ruff cannot see through the constant).
    try:
        return dt.datetime.strptime(text, DECIDIM_DATE_FORMAT)  # noqa: DTZ007
    except ValueError:
        pass
    parsed = dt.datetime.fromisoformat(text)  # ValueError goes to the caller
    if parsed.tzinfo is None:
        raise ValueError("naive datetime")
    return parsed


def parse_decidim_proposals(data: bytes, *, limits: TextLimits) -> ParseResult[DecidimRow]:
    """Check every proposal of a Decidim proposals export (`;`-separated, header `id;category/id;…`).

    A title longer than the forum allows is shortened at a word boundary with a warning, not refused:
    it was accepted by Decidim and the body keeps the whole text.
    """
    result: ParseResult[DecidimRow] = ParseResult()
    try:
        keys, table = _table(data, DECIDIM_REQUIRED_COLUMNS, ";")
    except UnreadableFile as exc:
        result.errors.append(ImportError(0, str(exc)))
        return result
    seen: dict[str, int] = {}
    for line, row in table:
        if "__too_many__" in row:
            result.errors.append(_too_many_columns(line, row["__too_many__"], len(keys)))
            continue
        errors = _control_characters(line, row)
        external_id = row["id"].strip()
        if not external_id or len(external_id) > EXTERNAL_ID_MAX_LENGTH:
            errors.append(f"Ligne {line} : l'identifiant (colonne « id ») est vide ou trop long.")
        elif external_id in seen:
            errors.append(f"Ligne {line} : la proposition {external_id} figure déjà ligne {seen[external_id]}.")
        else:
            seen[external_id] = line
        title = " ".join(row["title"].split())
        if len(title) > limits.title_max:
            result.warnings.append(
                ImportError(
                    line,
                    f"Ligne {line} : le titre faisait {len(title)} caractères ; "
                    f"il a été raccourci à {limits.title_max}.",
                )
            )
            title = shorten(title, limits.title_max)
        body = row["body"].strip()
        for problem in (
            _check_length(line, title, "le titre", limits.title_min, limits.title_max),
            _check_length(line, body, "le texte", limits.body_min, limits.body_max),
        ):
            if problem:
                errors.append(problem)
        votes = 0
        try:
            votes = numbers.parse_int(
                row["votes"].strip() or "0", minimum=0, maximum=MAX_VOTES, label="le nombre de soutiens"
            )
        except numbers.NumberError as error:
            errors.append(f"Ligne {line} : {error}")
        created_at: dt.datetime | None = None
        try:
            created_at = parse_decidim_date(row["created_at"])
        except ValueError:
            errors.append(
                f"Ligne {line} : la date « {row['created_at'].strip()} » n'est pas lisible "
                "(attendu : 2019-01-24 22:29:15 +0100)."
            )
        url = row["url"].strip()
        if url and (not url.startswith(("http://", "https://")) or len(url) > URL_MAX_LENGTH):
            errors.append(f"Ligne {line} : l'adresse « {url[:80]} » n'est pas une adresse web valide.")
        if errors or created_at is None:
            result.errors.extend(ImportError(line, message) for message in errors)
            continue
        result.rows.append(
            DecidimRow(
                line=line,
                external_id=external_id,
                title=title,
                body=body,
                votes=votes,
                created_at=created_at,
                url=url,
                category_name=row.get("category/name/fr", "").strip(),
            )
        )
    if not table:
        result.errors.append(ImportError(0, "Le fichier ne contient aucune proposition."))
    return result
