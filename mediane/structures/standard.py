"""The national open-data standard « lieux de médiation numérique » v1.0.2: its fields, vocabularies and codec.

Pure Python, no Django. Reads CSV, JSON and the older v0 JSON, checks every row against the schema with French
messages that say what to fix, and writes CSV and JSON exports that pass `frictionless validate`.
Schema: https://github.com/LaMednum/standard-mediation-num (v1.0.2, licence etalab-2.0).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mediane import numbers
from mediane.spreadsheets import csv_text, restore
from mediane.text import control_character_message

SEPARATOR = "|"
# The schema accepts any 9 to 14 letters or digits; producers who do not know the SIRET of a place write this.
PIVOT_PLACEHOLDER = "00000000000000"

# Controlled vocabularies, copied character for character from the schema's patterns (test_standard.py compares
# them with tests/structures/data/schema.json). Each tuple is named after its field in upper case; Django
# TextChoices are built from them, so these names are part of the API. Two spellings look wrong and are not:
# « Étapes numériques(La Poste) » has no space before the parenthesis, and « Ce lieu n'accueille pas de public »
# takes a straight apostrophe.
ITINERANCE = (
    "Itinérant",
    "Fixe",
)
SERVICES = (
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
)
PUBLICS_SPECIFIQUEMENT_ADRESSES = (
    "Jeunes",
    "Étudiants",
    "Familles et/ou enfants",
    "Seniors",
    "Femmes",
)
PRISE_EN_CHARGE_SPECIFIQUE = (
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
)
FRAIS_A_CHARGE = (
    "Gratuit",
    "Gratuit sous condition",
    "Payant",
)
DISPOSITIF_PROGRAMMES_NATIONAUX = (
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
)
FORMATIONS_LABELS = (
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
)
MODALITES_ACCES = (
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription",
)
MODALITES_ACCOMPAGNEMENT = (
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
)


@dataclass(frozen=True)
class SchemaField:
    """One column of the standard. `unknown` starts the message given for a value outside `vocabulary`."""

    name: str
    title: str
    type: str = "string"  # "string", "number" or "date", as in the schema
    required: bool = False
    multiple: bool = False  # several values separated by `|`
    pattern: str = ""  # the schema's pattern, for the fields that are not a vocabulary
    vocabulary: tuple[str, ...] = ()
    unknown: str = ""
    max_length: int | None = None


FIELDS: tuple[SchemaField, ...] = (
    SchemaField("id", "Identifiant unique local du lieu", required=True),
    SchemaField("pivot", "SIRET ou RNA ou RIDET", required=True, pattern=r"^[a-zA-Z0-9]{9,14}$"),
    SchemaField("nom", "Nom", required=True),
    SchemaField("commune", "Commune", required=True),
    SchemaField("code_postal", "Code postal", required=True, pattern=r"^\d{5}$"),
    SchemaField("code_insee", "Code INSEE", pattern=r"^([013-9]\d|2[AB1-9])\d{3}$"),
    SchemaField("adresse", "Adresse", required=True),
    SchemaField("complement_adresse", "Complément d'adresse"),
    SchemaField("latitude", "Latitude", type="number"),
    SchemaField("longitude", "Longitude", type="number"),
    SchemaField("typologie", "Typologie", multiple=True),
    SchemaField(
        "telephone",
        "Numéro de téléphone",
        pattern=r"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$",
    ),
    SchemaField("courriels", "Courriel(s)", multiple=True),
    SchemaField("site_web", "Site web", multiple=True),
    SchemaField("horaires", "Horaires"),
    SchemaField("presentation_resume", "Présentation résumé", max_length=280),
    SchemaField("presentation_detail", "Présentation détaillée"),
    SchemaField("source", "Structure collectant la donnée"),
    SchemaField("itinerance", "Itinérance", multiple=True, vocabulary=ITINERANCE, unknown="Itinérance inconnue"),
    SchemaField("structure_parente", "Structure parente"),
    SchemaField("date_maj", "Date de mise à jour", type="date", required=True),
    SchemaField("services", "Services", multiple=True, vocabulary=SERVICES, unknown="Service inconnu"),
    SchemaField(
        "publics_specifiquement_adresses",
        "Publics spécifiquement adressés",
        multiple=True,
        vocabulary=PUBLICS_SPECIFIQUEMENT_ADRESSES,
        unknown="Public inconnu",
    ),
    SchemaField(
        "prise_en_charge_specifique",
        "Prise en charge spécifique",
        multiple=True,
        vocabulary=PRISE_EN_CHARGE_SPECIFIQUE,
        unknown="Prise en charge inconnue",
    ),
    SchemaField(
        "frais_a_charge", "Frais à charge", multiple=True, vocabulary=FRAIS_A_CHARGE, unknown="Frais à charge inconnus"
    ),
    SchemaField(
        "dispositif_programmes_nationaux",
        "Dispositifs et programmes nationaux",
        multiple=True,
        vocabulary=DISPOSITIF_PROGRAMMES_NATIONAUX,
        unknown="Dispositif ou programme national inconnu",
    ),
    SchemaField(
        "formations_labels",
        "Formations et labels",
        multiple=True,
        vocabulary=FORMATIONS_LABELS,
        unknown="Formation ou label inconnu",
    ),
    SchemaField("autres_formations_labels", "Autres formations et labels"),
    SchemaField(
        "modalites_acces",
        "Modalités d'accès",
        multiple=True,
        vocabulary=MODALITES_ACCES,
        unknown="Modalité d'accès inconnue",
    ),
    SchemaField(
        "modalites_accompagnement",
        "Modalités d'accompagnement",
        multiple=True,
        vocabulary=MODALITES_ACCOMPAGNEMENT,
        unknown="Modalité d'accompagnement inconnue",
    ),
    SchemaField("fiche_acces_libre", "Fiche Accès libre"),
    SchemaField("prise_rdv", "Prise de rdv"),
)
FIELDS_BY_NAME: dict[str, SchemaField] = {f.name: f for f in FIELDS}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)
VOCABULARIES: dict[str, tuple[str, ...]] = {f.name: f.vocabulary for f in FIELDS if f.vocabulary}

# A normalised row: every field of the schema, a stripped string, or a list of strings for multi-value fields.
Row = dict[str, str | list[str]]


class FormatError(ValueError):
    """The file as a whole cannot be read (encoding, JSON syntax, header); the French message says what to fix."""


@dataclass(frozen=True)
class Rejection:
    """A row that was not accepted. `line` is the physical line in a CSV file (header = 1) or the record number
    (from 1) in a JSON file."""

    line: int
    id: str | None
    messages: tuple[str, ...]


@dataclass
class ReadResult:
    """Every input row ends up either in `rows` or in `rejected`; `warnings` are about the file as a whole.
    `lines[i]` is the line (or record number) of `rows[i]`, so that a later check can point at it too."""

    rows: list[Row] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


# --- Identifiers -------------------------------------------------------------------------------------------------

_LA_POSTE_SIREN = "356000000"


def _luhn_is_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def siret_is_valid(s: str) -> bool:
    """14 digits whose Luhn checksum holds. La Poste's establishments (SIREN 356000000) were numbered before the
    rule and follow another one: the sum of their digits is a multiple of 5 (its head office passes Luhn)."""
    if not re.fullmatch(r"[0-9]{14}", s):
        return False
    if s.startswith(_LA_POSTE_SIREN) and sum(int(c) for c in s) % 5 == 0:
        return True
    return _luhn_is_valid(s)


def rna_is_valid(s: str) -> bool:
    """A number of the Répertoire national des associations: W then 9 digits or capital letters (the schema's pivot
    pattern allows letters and digits; the prefecture code inside may hold letters, as in W2A… or W9M…)."""
    return re.fullmatch(r"W[0-9A-Z]{9}", s) is not None


def _check_pivot(value: str) -> tuple[str, list[str]]:
    """The pivot is a SIRET (14 digits, checked), an RNA number (W…, checked), or another registry number the
    schema allows (SIREN, RIDET of Nouvelle-Calédonie or Polynésie: 9 to 14 letters or digits, not checkable)."""
    value = re.sub(r"[\s.]", "", value)  # « 434 933 123 00029 » is the same SIRET
    if not re.fullmatch(r"[a-zA-Z0-9]{9,14}", value):
        return value, [
            f"Identifiant pivot invalide : « {value} ». Indiquez le SIRET du lieu (14 chiffres), à défaut son "
            f"numéro RNA (W suivi de 9 caractères) ou son RIDET, sans espace ; si vous ne le connaissez pas, "
            f"écrivez {PIVOT_PLACEHOLDER}."
        ]
    if value[0] in "Ww":
        value = value.upper()
        if not rna_is_valid(value):
            return value, [
                f"Numéro RNA invalide : « {value} ». Il s'écrit W suivi de 9 chiffres ou lettres, par exemple "
                f"W751234567."
            ]
    elif len(value) == 14 and value.isdigit() and value != PIVOT_PLACEHOLDER and not siret_is_valid(value):
        return value, [
            f"SIRET invalide : « {value} » (la clé de contrôle ne correspond pas). Vérifiez-le sur "
            f"annuaire-entreprises.data.gouv.fr."
        ]
    return value, []


# --- Values --------------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Accent-, case- and apostrophe-insensitive form, to suggest the right label for a near miss."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def _unknown_label(prefix: str, value: str, vocabulary: Sequence[str]) -> str:
    folded = {_fold(label): label for label in vocabulary}
    close = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.6)
    if close:
        return f"{prefix} : « {value} ». Vouliez-vous dire « {folded[close[0]]} » ?"
    choices = ", ".join(f"« {label} »" for label in vocabulary)
    return f"{prefix} : « {value} ». Valeurs possibles : {choices}."


def _split(value: str) -> list[str]:
    """The values of a multi-value cell, stripped, without empty items or repeats."""
    items: list[str] = []
    for item in value.split(SEPARATOR):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


_COORDINATE_RANGES = {"latitude": 90.0, "longitude": 180.0}


def _check_coordinate(spec: SchemaField, value: str) -> tuple[str, list[str]]:
    bound = _COORDINATE_RANGES[spec.name]
    example = "43.52609" if spec.name == "latitude" else "5.41423"
    try:
        number = numbers.parse_decimal(value, minimum=-bound, maximum=bound, label=spec.title, example=example)
    except numbers.NumberError:
        pass
    else:
        return repr(number), []
    hint = " Le séparateur décimal est le point, pas la virgule." if re.fullmatch(r"-?[0-9]+,[0-9]+", value) else ""
    return value, [
        f"{spec.title} invalide : « {value} ». Indiquez un nombre entre -{bound:g} et {bound:g} "
        f"(système WGS84), par exemple {example}.{hint}"
    ]


def _check_date(spec: SchemaField, value: str) -> list[str]:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return []
    hint = ""
    if french := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        day, month, year = french.groups()
        hint = f" (ici : {year}-{int(month):02d}-{int(day):02d})"
    return [
        f"{spec.title} invalide : « {value} ». Écrivez la date au format année-mois-jour, par exemple 2024-04-02{hint}."
    ]


def _check_pattern(spec: SchemaField, value: str) -> list[str]:
    # The schema's `\d` means 0 to 9, as in JavaScript; Python's would also take « ٦ » or « ６ ».
    if re.fullmatch(spec.pattern, value, flags=re.ASCII):
        return []
    if spec.name == "code_postal":
        return [f"Code postal invalide : « {value} ». Il compte 5 chiffres, par exemple 51100 ou 01000."]
    if spec.name == "code_insee":
        return [
            f"Code INSEE invalide : « {value} ». Indiquez le code officiel de la commune en 5 caractères, "
            f"par exemple 51454 ou 2A004 (ce n'est pas le code postal)."
        ]
    if spec.name == "telephone":
        digits = re.sub(r"[\s.\-]", "", value)
        hint = f" (ici : +33{digits[1:]})" if re.fullmatch(r"0[1-9]\d{8}", digits) else ""
        return [
            f"Numéro de téléphone invalide : « {value} ». Écrivez-le au format international, sans espace ni "
            f"point et sans le premier zéro, par exemple +33180059880{hint}."
        ]
    return [f"{spec.title} invalide : « {value} »."]  # pragma: no cover - every field with a pattern is above


def validate_row(values: Mapping[str, str]) -> tuple[Row, list[str]]:
    """Check one row given as raw strings by field name (absent fields are empty). Returns the normalised row and
    the French messages of its errors; the row is valid when there are none. Unknown keys are ignored."""
    row: Row = {}
    messages: list[str] = []
    for spec in FIELDS:
        raw = values.get(spec.name, "").strip()
        invisible = control_character_message(raw, f"« {spec.title} » ({spec.name})")
        if invisible is not None:
            messages.append(invisible)
            row[spec.name] = _split(raw) if spec.multiple else raw
            continue
        if spec.required and not raw:
            messages.append(f"Le champ obligatoire « {spec.title} » ({spec.name}) est vide : renseignez-le.")
        if spec.multiple:
            items = _split(raw)
            if spec.vocabulary:
                messages.extend(
                    _unknown_label(spec.unknown, item, spec.vocabulary) for item in items if item not in spec.vocabulary
                )
            row[spec.name] = items
            continue
        if raw:
            if spec.name == "pivot":
                raw, errors = _check_pivot(raw)
            elif spec.type == "number":
                raw, errors = _check_coordinate(spec, raw)
            elif spec.type == "date":
                errors = _check_date(spec, raw)
            elif spec.pattern:
                errors = _check_pattern(spec, raw)
            elif spec.max_length is not None and len(raw) > spec.max_length:
                errors = [
                    f"« {spec.title} » compte {len(raw)} caractères, pour {spec.max_length} au plus : "
                    f"raccourcissez le texte."
                ]
            else:
                errors = []
            messages.extend(errors)
        row[spec.name] = raw
    return row, messages


# --- Reading -------------------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded file and the warnings about its encoding: UTF-8 (with or without BOM) is expected,
    Windows-1252 (what Excel writes by default) is accepted with a warning. Raises FormatError otherwise."""
    if data.startswith(b"PK\x03\x04"):
        raise FormatError(
            "Ce fichier est un classeur (Excel ou LibreOffice), pas un CSV : enregistrez-le au format "
            "« CSV UTF-8 (délimité par des virgules) »."
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise FormatError(
            "Le fichier n'est pas un texte lisible (encodage inconnu) : enregistrez-le au format "
            "« CSV UTF-8 (délimité par des virgules) »."
        ) from None
    if "\x00" in text:
        raise FormatError("Le fichier n'est pas un texte UTF-8 : enregistrez-le au format « CSV UTF-8 ».")
    return text, [
        "Le fichier n'était pas encodé en UTF-8 : il a été lu comme un fichier Windows (Windows-1252). Vérifiez "
        "les accents, et enregistrez-le désormais au format « CSV UTF-8 »."
    ]


class _Collector:
    """Validates rows one by one into a ReadResult, and rejects an `id` already seen in the file."""

    def __init__(self, where: str) -> None:
        self.where = where  # "à la ligne" or "à l'enregistrement", for the duplicate message
        self.result = ReadResult()
        self.first_line_of: dict[str, int] = {}
        self.placeholders = 0

    def add(self, line: int, values: Mapping[str, str], messages: Sequence[str] = ()) -> None:
        row, errors = validate_row(values)
        errors = [*messages, *errors]
        identifier = str(row["id"]) or None
        if identifier is not None:
            first = self.first_line_of.setdefault(identifier, line)
            if first != line:
                errors.append(
                    f"Identifiant « {identifier} » déjà utilisé {self.where} {first} : chaque lieu doit avoir un "
                    f"identifiant unique."
                )
        if row["pivot"] == PIVOT_PLACEHOLDER:
            self.placeholders += 1
        if errors:
            self.result.rejected.append(Rejection(line, identifier, tuple(errors)))
        else:
            self.result.rows.append(row)
            self.result.lines.append(line)

    def reject(self, line: int, identifier: str | None, message: str) -> None:
        self.result.rejected.append(Rejection(line, identifier, (message,)))

    def finish(self) -> ReadResult:
        if self.placeholders:
            self.result.warnings.append(
                f"{self.placeholders} lieu(x) sans SIRET (pivot {PIVOT_PLACEHOLDER}) : renseignez leur SIRET ou "
                f"numéro RNA dès que possible."
            )
        return self.result


def _unknown_columns_warning(name: str, count: int | None = None) -> str:
    close = difflib.get_close_matches(name, FIELD_NAMES, n=1, cutoff=0.8)
    hint = f" S'il s'agit de « {close[0]} », renommez la colonne." if close else ""
    where = f" ({count} enregistrement(s))" if count is not None else ""
    return f"La colonne « {name} » ne fait pas partie du standard : elle a été ignorée{where}.{hint}"


def _header(text: str) -> tuple[str, list[str]]:
    """The delimiter and the column names. A comma is what the standard expects. A semicolon file is read too,
    with a warning, when its header unambiguously names the required columns (Excel in French writes `;`, and
    frictionless, which schema.data.gouv.fr runs, sniffs the delimiter the same way); anything else is refused."""
    first_line = text.splitlines()[0] if text else ""
    names: dict[str, list[str]] = {
        delimiter: [n.strip() for n in next(csv.reader([first_line], delimiter=delimiter), [])]
        for delimiter in (",", ";", "\t")
    }
    for delimiter in (",", ";"):
        columns = names[delimiter]
        if set(REQUIRED_FIELDS) <= set(columns) and not any("," in n or ";" in n for n in columns):
            return delimiter, columns
    best = max(names, key=lambda d: len(set(names[d]) & set(FIELD_NAMES)))
    if best != ",":
        label = "le point-virgule (;)" if best == ";" else "la tabulation"
        raise FormatError(
            f"Le séparateur du fichier est {label} alors que le standard impose la virgule (,), et l'en-tête "
            f"ne permet pas de le lire sans ambiguïté : enregistrez le fichier en « CSV UTF-8 (délimité par des "
            f"virgules) »."
        )
    missing = [n for n in REQUIRED_FIELDS if n not in names[","]]
    raise FormatError(
        f"Colonnes obligatoires absentes de la première ligne : {', '.join(missing)}. La première ligne doit "
        f"donner les noms des colonnes du standard ({', '.join(FIELD_NAMES[:5])}, …)."
    )


def read_csv(text: str) -> ReadResult:
    """Read a CSV file of the standard (already decoded, see `decode`). Columns are found by name in any order;
    missing optional columns are read as empty, unknown ones are ignored with a warning."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FormatError("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par lieu.")
    delimiter, header = _header(text)
    duplicates = sorted(n for n, count in Counter(header).items() if count > 1 and n)
    if duplicates:
        raise FormatError(f"Colonnes en double dans l'en-tête : {', '.join(duplicates)}. Gardez-en une seule.")
    collector = _Collector("à la ligne")
    result = collector.result
    if delimiter == ";":
        result.warnings.append(
            "Le fichier utilise le point-virgule (;) comme séparateur au lieu de la virgule (,) imposée par le "
            "standard : il a été lu, mais corrigez le réglage de votre export."
        )
    result.warnings.extend(_unknown_columns_warning(n) for n in header if n and n not in FIELDS_BY_NAME)
    absent = [n for n in FIELD_NAMES if n not in header]
    if absent:
        result.warnings.append(f"Colonnes absentes, lues comme vides : {', '.join(absent)}.")

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)  # the header, already read above
    empty_lines = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if reader.line_num < start or "end of data" in str(error):
                collector.reject(
                    start,
                    None,
                    f"Guillemet ouvert jamais refermé : les lignes {start} à {max(start, reader.line_num)} n'ont pas "
                    f"pu être lues. Fermez les guillemets de la valeur qui commence à la ligne {start}.",
                )
                break
            collector.reject(
                start,
                None,
                "Guillemets mal placés : une valeur entre guillemets doit être suivie directement du séparateur, "
                "et un guillemet à l'intérieur d'une valeur s'écrit \"\".",
            )
            continue
        if not any(cell.strip() for cell in cells):
            empty_lines += 1
            continue
        if len(cells) > len(header) and not any(c.strip() for c in cells[len(header) :]):
            cells = cells[: len(header)]  # trailing separators, as spreadsheets write them
        # A quote that the platform's writer put before a formula sign is taken off: an import of an export
        # gives back the same values.
        values = dict(zip(header, map(restore, cells), strict=False))
        if len(cells) != len(header):
            identifier = values.get("id", "").strip() or None
            collector.reject(
                start,
                identifier,
                f"La ligne compte {len(cells)} colonnes au lieu de {len(header)} : vérifiez les séparateurs et "
                f"mettez entre guillemets les valeurs qui contiennent « {delimiter} ».",
            )
            continue
        collector.add(start, values)
    if empty_lines:
        result.warnings.append(f"{empty_lines} ligne(s) vide(s) ignorée(s).")
    return collector.finish()


def _load_json_list(text: str) -> list[object]:
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        raise FormatError(
            f"Le fichier n'est pas un JSON valide (ligne {error.lineno}, colonne {error.colno}) : vérifiez les "
            f"virgules, les guillemets et les crochets à cet endroit."
        ) from None
    if not isinstance(data, list):
        raise FormatError("Le fichier JSON doit contenir une liste de lieux, entre crochets : [ {…}, {…} ].")
    return data


def _json_value(spec: SchemaField, value: object) -> str | None:
    """A JSON value as the text a CSV cell would hold, or None when its type cannot be a value of the field."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return repr(float(value)) if spec.type == "number" else str(value)
    if isinstance(value, list) and spec.multiple and all(isinstance(v, str) for v in value):
        return SEPARATOR.join(value)
    return None


def _json_record(spec_names: Iterable[str], record: Mapping[str, object]) -> tuple[dict[str, str], list[str]]:
    values: dict[str, str] = {}
    messages: list[str] = []
    for name in spec_names:
        if name not in record:
            continue
        spec = FIELDS_BY_NAME[name]
        text = _json_value(spec, record[name])
        if text is None:
            accepted = "un texte ou une liste de textes" if spec.multiple else "un texte ou un nombre"
            messages.append(f"La valeur de « {name} » doit être {accepted}.")
        else:
            values[name] = text
    return values, messages


def read_json(text: str) -> ReadResult:
    """Read a JSON export of the standard: a list of objects keyed by field name. Absent or null keys are empty;
    multi-value fields take a `|`-separated string or a list of strings. Unknown keys are ignored with a warning."""
    return _read_records(text, lambda record: _json_record(FIELD_NAMES, record), known=FIELDS_BY_NAME.keys())


def _read_records(
    text: str, translate: Callable[[Mapping[str, object]], tuple[dict[str, str], list[str]]], known: Iterable[str]
) -> ReadResult:
    """Check each record of a JSON list once `translate` gives its raw values; keys outside `known` are warned."""
    records = _load_json_list(text)
    collector = _Collector("à l'enregistrement")
    known_keys = set(known)
    unknown: Counter[str] = Counter()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            collector.reject(number, None, 'Cet enregistrement n\'est pas un objet JSON ({ "id": …, … }).')
            continue
        unknown.update(k for k in record if k not in known_keys)
        values, messages = translate(record)
        collector.add(number, values, messages)
    collector.result.warnings.extend(_unknown_columns_warning(name, count) for name, count in sorted(unknown.items()))
    return collector.finish()


# --- Legacy v0 -----------------------------------------------------------------------------------------------------

# The v0 format (before the 2022 standard) separates values with `;` and uses other labels. These tables give the
# v1 labels of each old one; a label missing from them rejects its record (never dropped silently), while an
# empty tuple is a documented choice to keep nothing. Old service labels are those of the v0 cartography;
# the ten first ones are those of the Hinaura hub file, the others were in v0 too.
LEGACY_SERVICES: dict[str, tuple[str, ...]] = {
    "Accéder à du matériel": ("Accès internet et matériel informatique",),
    "Accéder à une connexion internet": ("Accès internet et matériel informatique",),
    "Utiliser le numérique au quotidien": ("Maîtrise des outils numériques du quotidien",),
    "Prendre en main un ordinateur": ("Maîtrise des outils numériques du quotidien",),
    "Prendre en main un smartphone ou une tablette": ("Maîtrise des outils numériques du quotidien",),
    "Approfondir ma culture numérique": ("Compréhension du monde numérique",),
    # Citizenship online (rights, information, public debate) is what v1 calls understanding the digital world.
    "Promouvoir la citoyenneté numérique": ("Compréhension du monde numérique",),
    "Réaliser des démarches administratives avec un accompagnement": ("Aide aux démarches administratives",),
    "Devenir autonome dans les démarches administratives": ("Aide aux démarches administratives",),
    # Health procedures (Ameli, Mon Espace Santé) are administrative procedures in v1.
    "Accompagner les démarches de santé": ("Aide aux démarches administratives",),
    "Favoriser mon insertion professionnelle": ("Insertion professionnelle via le numérique",),
    "Créer et développer mon entreprise": ("Insertion professionnelle via le numérique",),
    "Soutenir la parentalité et l'éducation avec le numérique": ("Parentalité et éducation avec le numérique",),
    "Créer avec le numérique": ("Loisirs et créations numériques",),
    "Échanger avec mes proches": ("Maîtrise des outils numériques du quotidien",),
    "Équipement informatique": ("Acquisition de matériel informatique à prix solidaire",),
}

# v0 mixed publics and specific support in one field; v1 splits them. « Adultes » maps to nothing on purpose: in
# v1 a place welcomes every public unless the field says otherwise.
LEGACY_PUBLICS: dict[str, tuple[tuple[str, str], ...]] = {
    "Adultes": (),
    "Jeunes (16-26 ans)": (("publics_specifiquement_adresses", "Jeunes"),),
    "Seniors (+ 65 ans)": (("publics_specifiquement_adresses", "Seniors"),),
    "Familles/enfants": (("publics_specifiquement_adresses", "Familles et/ou enfants"),),
    "Surdité": (("prise_en_charge_specifique", "Surdité"),),
    "Déficience visuelle": (("prise_en_charge_specifique", "Déficience visuelle"),),
    "Handicaps mentaux : déficiences limitant les activités d'une personne": (
        ("prise_en_charge_specifique", "Handicaps mentaux"),
    ),
    "Handicaps moteurs : déficiences limitant les activités d'une personne": (
        ("prise_en_charge_specifique", "Handicaps moteurs"),
    ),
    "Personnes en situation d'illettrisme": (("prise_en_charge_specifique", "Illettrisme"),),
    # v0 did not say which languages; « autres » is the one that does not claim English.
    "Public langues étrangères": (("prise_en_charge_specifique", "Langues étrangères (autres)"),),
}

# v0 `conditions_acces` becomes v1 `frais_a_charge`. A membership (adhésion) is a fee. The Pass numérique is a
# voucher that pays for the service: the place charges for it, the person may not pay.
LEGACY_FRAIS: dict[str, tuple[str, ...]] = {
    "Gratuit : Je peux accéder gratuitement au lieu et à ses services": ("Gratuit",),
    "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un "
    "organisme social...)": ("Gratuit sous condition",),
    "Payant : L'accès au lieu et/ou à ses services est payant": ("Payant",),
    "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer": ("Payant",),
    "Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu": ("Payant",),
}

# « À ma place » (someone entitled does it for the person) is closest to one-to-one support in v1.
LEGACY_MODALITES_ACCOMPAGNEMENT: dict[str, tuple[str, ...]] = {
    "Seul : j'ai accès à du matériel et une connexion": ("En autonomie",),
    "Avec de l'aide : je suis accompagné seul dans l'usage du numérique": ("Accompagnement individuel",),
    "Dans un atelier : j'apprends collectivement à utiliser le numérique": ("Dans un atelier collectif",),
    "A ma place : une personne habilitée fait les démarches à ma place": ("Accompagnement individuel",),
}

# Old key → (new key, table of labels or None when values pass through, what an unmapped label is called).
_LEGACY_KEYS: dict[str, tuple[str, Mapping[str, tuple[str, ...]] | None, str]] = {
    "services": ("services", LEGACY_SERVICES, "Service de l'ancien format sans correspondance"),
    "conditions_acces": ("frais_a_charge", LEGACY_FRAIS, "Condition d'accès de l'ancien format sans correspondance"),
    "modalites_accompagnement": (
        "modalites_accompagnement",
        LEGACY_MODALITES_ACCOMPAGNEMENT,
        "Modalité d'accompagnement de l'ancien format sans correspondance",
    ),
    "courriel": ("courriels", None, ""),
}


def _legacy_record(record: Mapping[str, object]) -> tuple[dict[str, str], list[str]]:
    """Translate one v0 record into v1 raw values, with a message for every old label without a v1 equivalent.
    A value that is already a v1 label is kept, so half-migrated files read too."""
    converted: dict[str, list[str]] = {}
    passthrough = [k for k in record if k in FIELDS_BY_NAME and k not in _LEGACY_KEYS]
    values, messages = _json_record(passthrough, record)
    for name, value in values.items():
        if FIELDS_BY_NAME[name].multiple:
            value = value.replace(";", SEPARATOR)
        converted[name] = [value]

    def labels(key: str) -> list[str]:
        raw = record.get(key)
        if raw is None:
            return []
        if not isinstance(raw, str):
            messages.append(f"La valeur de « {key} » doit être un texte.")
            return []
        return [item.strip() for item in raw.split(";") if item.strip()]

    for old, (new, table, unknown) in _LEGACY_KEYS.items():
        for label in labels(old):
            if table is None:
                converted.setdefault(new, []).append(label)
            elif label in table:
                converted.setdefault(new, []).extend(table[label])
            elif label in VOCABULARIES[new]:
                converted.setdefault(new, []).append(label)
            else:
                messages.append(_unknown_label(unknown, label, VOCABULARIES[new]))
    for label in labels("publics_accueillis"):
        if label in LEGACY_PUBLICS:
            for new, target in LEGACY_PUBLICS[label]:
                converted.setdefault(new, []).append(target)
        else:
            messages.append(
                _unknown_label(
                    "Public de l'ancien format sans correspondance",
                    label,
                    PUBLICS_SPECIFIQUEMENT_ADRESSES + PRISE_EN_CHARGE_SPECIFIQUE,
                )
            )
    return {name: SEPARATOR.join(items) for name, items in converted.items()}, messages


_LEGACY_ONLY_KEYS = ("publics_accueillis", *(k for k in _LEGACY_KEYS if k not in FIELDS_BY_NAME))


def read_legacy_json(text: str) -> ReadResult:
    """Read a v0 JSON file (a list of records with `;`-separated values and old labels, see LEGACY_SERVICES and
    the tables after it), translate it to v1 and check it like `read_json`."""
    return _read_records(text, _legacy_record, known=[*FIELDS_BY_NAME, *_LEGACY_ONLY_KEYS])


# --- Writing -------------------------------------------------------------------------------------------------------


def _cells(row: Mapping[str, str | Sequence[str]]) -> dict[str, str]:
    unknown = sorted(set(row) - set(FIELD_NAMES))
    if unknown:
        raise ValueError(f"Champs absents du standard, impossibles à exporter : {', '.join(unknown)}.")
    cells: dict[str, str] = {}
    for name in FIELD_NAMES:
        value = row.get(name, "")
        cells[name] = value if isinstance(value, str) else SEPARATOR.join(value)
    return cells


def csv_rows(rows: Iterable[Mapping[str, str | Sequence[str]]]) -> Iterator[list[str]]:
    """The cells of each row in the schema's column order (header: `FIELD_NAMES`), `|` between values, for
    `mediane.spreadsheets`: comma-separated with CRLF line ends there (RFC 4180, the default of the CSV dialect
    frictionless reads). A text that a spreadsheet would run as a formula gets a quote in front there, which
    `read_csv` takes off; phone numbers (`+33…`) and coordinates are plain numbers and stay as they are."""
    for row in rows:
        yield list(_cells(row).values())


def write_csv(rows: Iterable[Mapping[str, str | Sequence[str]]]) -> str:
    """The whole CSV export as one string (see `csv_rows`). Rows are written as given: validate them first."""
    return csv_text(csv_rows(rows), header=FIELD_NAMES)


def write_json(rows: Iterable[Mapping[str, str | Sequence[str]]]) -> str:
    """A JSON list of objects in the schema's key order, like the national cartography publishes: empty fields are
    left out, multi-values are `|`-separated strings and coordinates are numbers."""
    records: list[dict[str, str | float]] = []
    for row in rows:
        record: dict[str, str | float] = {}
        for name, value in _cells(row).items():
            if value:
                record[name] = float(value) if FIELDS_BY_NAME[name].type == "number" else value
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
