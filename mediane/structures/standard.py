"""The national open-data standard « lieux de médiation numérique » v1.0.2: its fields, vocabularies and codec.

Pure Python, no Django. Checks every row against the schema with French messages that say what to fix, and writes
CSV and JSON exports that pass `frictionless validate`. The readers (CSV, JSON and the older v0 JSON) are in
`standard_readers.py`.
Schema: https://github.com/LaMednum/standard-mediation-num (v1.0.2, licence etalab-2.0).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mediane import numbers
from mediane.spreadsheets import csv_text
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

# What the public pages say for each label, in plain words for people in digital difficulty. The data keeps the
# standard's labels (imports, exports, the API, the addresses of the directory's filters); only what a person
# reads changes. A label missing here is shown as it is.
PLAIN_WORDS: dict[str, dict[str, str]] = {
    "services": {
        "Aide aux démarches administratives": "Faire ses démarches en ligne (CAF, impôts, santé, papiers)",
        "Maîtrise des outils numériques du quotidien": "Apprendre à se servir d'un téléphone ou d'un ordinateur",
        "Insertion professionnelle via le numérique": "Chercher un emploi ou une formation",
        "Utilisation sécurisée du numérique": "Se protéger des arnaques sur internet",
        "Parentalité et éducation avec le numérique": "Suivre l'école des enfants, les écrans en famille",
        "Loisirs et créations numériques": "Photos, vidéos, jeux et créations",
        "Compréhension du monde numérique": "Comprendre internet et les réseaux sociaux",
        "Accès internet et matériel informatique": "Utiliser sur place un ordinateur et internet",
        "Acquisition de matériel informatique à prix solidaire": "Acheter un ordinateur ou un téléphone à petit prix",
    },
    "publics_specifiquement_adresses": {
        "Familles et/ou enfants": "Familles et enfants",
        "Seniors": "Personnes âgées",
    },
    "prise_en_charge_specifique": {
        "Surdité": "Personnes sourdes ou qui entendent mal",
        "Handicaps moteurs": "Personnes qui se déplacent difficilement (fauteuil roulant…)",
        "Handicaps mentaux": "Personnes avec un handicap mental ou psychique",
        "Illettrisme": "Personnes qui ont du mal à lire ou à écrire",
        "Langues étrangères (anglais)": "Aide en anglais",
        "Langues étrangères (autres)": "Aide dans d'autres langues",
        "Déficience visuelle": "Personnes aveugles ou qui voient mal",
    },
    "frais_a_charge": {
        "Gratuit sous condition": "Gratuit pour certaines personnes",
    },
    "modalites_acces": {
        "Se présenter": "Venir directement sur place",
        "Téléphoner": "Appeler le lieu",
        "Contacter par mail": "Écrire un e-mail au lieu",
        "Prendre un RDV en ligne": "Prendre rendez-vous sur internet",
        "Ce lieu n'accueille pas de public": "Ce lieu ne reçoit personne sur place",
        "Envoyer un mail avec une fiche de prescription": "Être envoyé par un professionnel qui vous suit "
        "(travailleur social, conseiller)",
    },
    "modalites_accompagnement": {
        "En autonomie": "Seul, avec un ordinateur à disposition",
        "Accompagnement individuel": "Avec une personne, rien que pour vous",
        "Dans un atelier collectif": "En groupe, dans un atelier",
        "À distance": "À distance, par téléphone ou en vidéo",
    },
}
# The same for the name of each field, as a heading or a legend of the public pages.
PLAIN_FIELD_NAMES = {
    "services": "L'aide proposée",
    "publics_specifiquement_adresses": "Personnes accueillies en priorité",
    "prise_en_charge_specifique": "Accueil adapté",
    "frais_a_charge": "Prix",
    "modalites_acces": "Comment prendre contact",
    "modalites_accompagnement": "Comment on vous aide",
}


def plain_words(field: str, label: str) -> str:
    """What a person reads for a label of the standard (`PLAIN_WORDS`), or the label itself."""
    return PLAIN_WORDS.get(field, {}).get(label, label)


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
    # `extras[i]` is what the source's file held for `rows[i]` beyond the standard ({column: value}); empty lists
    # mean no extra data at all. Kept with the place (`Place.extra`).
    extras: list[dict[str, str]] = field(default_factory=list)
    # One sentence about the file as a whole, shown first (« Ce fichier n'est pas au standard : … »); blank when
    # the file is what it was said to be.
    verdict: str = ""
    # What happened to each column of the file: [{"column", "outcome" ("mapped", "kept", "ignored"), "field",
    # "values", "cleaned", "defaulted", "dropped", "ignored_values"}], in the file's order (`mapping.apply`):
    # "dropped" counts the labels the profile translates to nothing, which "ignored_values" counts too.
    column_report: list[dict] = field(default_factory=list)


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


def pivot_errors(value: str) -> list[str]:
    """The French messages that refuse `value` as a pivot (empty when it is a valid one or the placeholder)."""
    return _check_pivot(value)[1]


# --- Values --------------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Accent-, case- and apostrophe-insensitive form, to suggest the right label for a near miss."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def unknown_label(prefix: str, value: str, vocabulary: Sequence[str]) -> str:
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


SUMMARY_MAX = 280
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def shorten_summary(values: dict[str, str]) -> str | None:
    """Bring a `presentation_resume` over the standard's 280 characters within them, in place: cut after the last
    sentence that fits (else at a word, with « … »). The full text goes to `presentation_detail` (before what it
    held, unless it is already there), so nothing is lost. Returns the French warning, or None when nothing was
    cut."""
    full = values.get("presentation_resume", "").strip()
    if len(full) <= SUMMARY_MAX:
        return None
    head = full[:SUMMARY_MAX]
    ends = [match.end() for match in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= 40:
        short = head[: ends[-1]].rstrip()
    else:
        short = head[: SUMMARY_MAX - 1].rsplit(None, 1)[0].rstrip(" ,;:") + "…"
    detail = values.get("presentation_detail", "").strip()
    if full not in detail:
        detail = f"{full}\n\n{detail}" if detail else full
    values["presentation_resume"] = short
    values["presentation_detail"] = detail
    return (
        f"présentation résumée de plus de {SUMMARY_MAX} caractères : coupée à la fin d'une phrase, le texte "
        "entier est dans la présentation détaillée"
    )


def validate_row(values: Mapping[str, str], *, address_optional: bool = False) -> tuple[Row, list[str]]:
    """Check one row given as raw strings by field name (absent fields are empty). Returns the normalised row and
    the French messages of its errors; the row is valid when there are none. Unknown keys are ignored. With
    `address_optional`, a place with coordinates but no street address is accepted (a library shown with its
    commune; the standard's export leaves it out and says so)."""
    row: Row = {}
    messages: list[str] = []
    blank_address_ok = (
        address_optional and bool(values.get("latitude", "").strip()) and bool(values.get("longitude", "").strip())
    )
    for spec in FIELDS:
        raw = values.get(spec.name, "").strip()
        invisible = control_character_message(raw, f"« {spec.title} » ({spec.name})")
        if invisible is not None:
            messages.append(invisible)
            row[spec.name] = _split(raw) if spec.multiple else raw
            continue
        if spec.required and not raw and not (blank_address_ok and spec.name == "adresse"):
            messages.append(f"Le champ obligatoire « {spec.title} » ({spec.name}) est vide : renseignez-le.")
        if spec.multiple:
            items = _split(raw)
            if spec.vocabulary:
                messages.extend(
                    unknown_label(spec.unknown, item, spec.vocabulary) for item in items if item not in spec.vocabulary
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
