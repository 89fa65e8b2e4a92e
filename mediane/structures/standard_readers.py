"""Readers of files of places: the national standard « lieux de médiation numérique » v1.0.2 in CSV and JSON, and
the older v0 JSON with its label mapping. Pure Python, no Django. Every row is checked by `standard.validate_row`
through the shared collector (`standard_collect.py`); a rejected row keeps its line (or record) number and French
messages that say what to fix. Columns outside the standard are kept with each place as extra data
(`ReadResult.extras`), and a file that is not the standard at all gets one sentence (`mapping/verdict.py`).
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import json
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping

from mediane.french import count_phrase
from mediane.spreadsheets import restore

from .standard import (
    FIELD_NAMES,
    FIELDS_BY_NAME,
    PRISE_EN_CHARGE_SPECIFIQUE,
    PUBLICS_SPECIFIQUEMENT_ADRESSES,
    REQUIRED_FIELDS,
    SEPARATOR,
    VOCABULARIES,
    FormatError,
    ReadResult,
    SchemaField,
    _fold,
    unknown_label,
)
from .standard_collect import Collector as _Collector
from .standard_collect import Tally  # noqa: F401 (part of this module's API)

# --- Reading -------------------------------------------------------------------------------------------------------

# A compressed file is refused past this size once decompressed: the national libraries file is about 5 MB.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


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


def numbered_rows(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Each row of a `csv.reader` with the physical line it starts on (the header, read first, is line 1). A row
    that cannot be read comes as its `csv.Error`; `reader.line_num` then says where reading stopped."""
    while True:
        start = reader.line_num + 1  # type: ignore[attr-defined]
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, error
            continue
        yield start, cells


def _unknown_columns_warning(name: str, count: int | None = None) -> str:
    close = difflib.get_close_matches(name, FIELD_NAMES, n=1, cutoff=0.8)
    hint = f" S'il s'agit de « {close[0]} », renommez la colonne." if close else ""
    where = f" ({count_phrase(count, 'enregistrement')})" if count is not None else ""
    return (
        f"La colonne « {name} » ne fait pas partie du standard : elle est gardée avec le lieu comme donnée "
        f"supplémentaire{where}.{hint}"
    )


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
    from .mapping import verdict  # the verdict reads the legacy tables of this module

    verdict.check_csv(text)
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
    unknown = [n for n in header if n and n not in FIELDS_BY_NAME]
    result.warnings.extend(_unknown_columns_warning(n) for n in unknown)
    absent = [n for n in FIELD_NAMES if n not in header]
    if absent:
        result.warnings.append(f"Colonnes absentes, lues comme vides : {', '.join(absent)}.")

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)  # the header, already read above
    empty_lines = 0
    for start, cells in numbered_rows(reader):
        if isinstance(cells, csv.Error):
            if reader.line_num < start or "end of data" in str(cells):
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
        collector.add(start, values, extra={n: v for n in unknown if (v := values.get(n, "").strip())})
    if empty_lines:
        result.warnings.append(f"{count_phrase(empty_lines, 'ligne vide ignorée', 'lignes vides ignorées')}.")
    return collector.finish()


def _load_json_list(text: str) -> list[object]:
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except RecursionError:
        raise FormatError(
            "Ce fichier JSON est imbriqué trop profondément (trop de crochets ou d'accolades les uns dans les "
            "autres) : envoyez une liste de lieux, chacun entre accolades [ {…}, {…} ]."
        ) from None
    except json.JSONDecodeError as error:
        raise FormatError(
            f"Le fichier n'est pas un JSON valide (ligne {error.lineno}, colonne {error.colno}) : vérifiez les "
            f"virgules, les guillemets et les crochets à cet endroit."
        ) from None
    if not isinstance(data, list):
        from .mapping import verdict

        verdict.check_json_document(data)
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
    multi-value fields take a `|`-separated string or a list of strings. Unknown keys are kept with each place as
    extra data, with a warning. A file that is not the standard at all gets one sentence (`mapping.verdict`)."""
    from .mapping import verdict

    return _read_records(
        text,
        lambda record: _json_record(FIELD_NAMES, record),
        known=FIELDS_BY_NAME.keys(),
        check=verdict.check_json,
    )


def _extra_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return json.dumps(value, ensure_ascii=False)


def _read_records(
    text: str,
    translate: Callable[[Mapping[str, object]], tuple[dict[str, str], list[str]]],
    known: Iterable[str],
    check: Callable[[list[object]], None] | None = None,
) -> ReadResult:
    """Check each record of a JSON list once `translate` gives its raw values; keys outside `known` are warned
    and kept with the place as extra data."""
    records = _load_json_list(text)
    if check is not None:
        check(records)
    collector = _Collector("à l'enregistrement")
    known_keys = set(known)
    unknown: Counter[str] = Counter()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            collector.reject(number, None, 'Cet enregistrement n\'est pas un objet JSON ({ "id": …, … }).')
            continue
        others = [k for k in record if k not in known_keys]
        unknown.update(others)
        values, messages = translate(record)
        extra = {str(k): text for k in others if (text := _extra_text(record[k]))}
        collector.add(number, values, messages, extra)
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
                messages.append(unknown_label(unknown, label, VOCABULARIES[new]))
    for label in labels("publics_accueillis"):
        if label in LEGACY_PUBLICS:
            for new, target in LEGACY_PUBLICS[label]:
                converted.setdefault(new, []).append(target)
        else:
            messages.append(
                unknown_label(
                    "Public de l'ancien format sans correspondance",
                    label,
                    PUBLICS_SPECIFIQUEMENT_ADRESSES + PRISE_EN_CHARGE_SPECIFIQUE,
                )
            )
    others: list[str] = []
    for label in labels("labels_nationaux"):
        programme = _LEGACY_NATIONAL_LABELS.get(_fold(label))
        if programme is not None:
            converted.setdefault(programme[0], []).append(programme[1])
        else:
            others.append(label)
    if others:  # kept as the standard's free text of other labels, not lost
        converted["autres_formations_labels"] = [", ".join([*converted.get("autres_formations_labels", []), *others])]
    access = record.get("accessibilite")
    if isinstance(access, str) and access.strip().lower().startswith(("http://", "https://")):
        converted.setdefault("fiche_acces_libre", [access.strip()])
    parent = record.get("structureParente")
    if isinstance(parent, str | int) and not isinstance(parent, bool) and str(parent).strip():
        converted.setdefault("structure_parente", [str(parent).strip()])
    key = record.get("cle")
    if "id" not in converted and isinstance(key, str | int) and not isinstance(key, bool):
        converted["id"] = [str(key)]
    return {name: SEPARATOR.join(items) for name, items in converted.items()}, messages


# v0 `labels_nationaux` (« ; »-separated): each known label is a national programme or a training label of v1;
# any other one (« APTIC », « Pass numérique ») goes to the free text `autres_formations_labels`.
_LEGACY_NATIONAL_LABELS: dict[str, tuple[str, str]] = {
    _fold(old): (field, new)
    for field, table in (
        (
            "dispositif_programmes_nationaux",
            {
                "France Services": "France Services",
                "Maison France Services": "France Services",
                "MSAP": "France Services",
                "Aidants Connect": "Aidants Connect",
                "Aidant Connect": "Aidants Connect",
                "Conseillers numériques": "Conseillers numériques",
                "Conseiller numérique": "Conseillers numériques",
                "Conseillers Numériques France Services": "Conseillers numériques",
                "Conseiller numérique France Services": "Conseillers numériques",
                "CNFS": "Conseillers numériques",
                "Certification PIX": "Certification PIX",
                "PIX": "Certification PIX",
                "Emmaüs Connect": "Emmaüs Connect",
                "Relais numérique (Emmaüs Connect)": "Relais numérique (Emmaüs Connect)",
                "Croix Rouge": "La Croix Rouge",
                "La Croix Rouge": "La Croix Rouge",
                "Point d'accès numérique CAF": "Point d'accès numérique CAF",
                "Point numérique CAF": "Point d'accès numérique CAF",
                "Promeneurs du net": "Promeneurs du net",
                "Grande école du numérique": "Grande école du numérique",
                "Bibliothèques numérique de référence": "Bibliothèques numérique de référence",
                "Bibliothèque numérique de référence": "Bibliothèques numérique de référence",
            },
        ),
        (
            "formations_labels",
            {
                "Mon Espace Santé": "Formé à « Mon Espace Santé »",
                "Formé à « Mon Espace Santé »": "Formé à « Mon Espace Santé »",
                "DUPLEX": "Formé à « DUPLEX » (illettrisme)",
                "Étapes numériques": "Étapes numériques(La Poste)",
                "Étapes numériques (La Poste)": "Étapes numériques(La Poste)",
                "Fabriques de Territoire": "Fabriques de Territoire",
                "Fabrique de Territoire": "Fabriques de Territoire",
                "ORDI 3.0": "ORDI 3.0",
                "SUD LABS": "SUD LABS (PACA)",
                "Mes Papiers": "Mes Papiers (Métropole de Lyon)",
                "Les Éclaireurs du numérique": "Les Éclaireurs du numérique (Drôme)",
            },
        ),
    )
    for old, new in table.items()
}

# v0 keys read by `_legacy_record`; `accessibilite` and `cle` are also kept as extra data (they are not v1 keys).
_LEGACY_ONLY_KEYS = (
    "publics_accueillis",
    "labels_nationaux",
    "structureParente",
    *(k for k in _LEGACY_KEYS if k not in FIELDS_BY_NAME),
)


def read_legacy_json(text: str) -> ReadResult:
    """Read a v0 JSON file (a list of records with `;`-separated values and old labels, see LEGACY_SERVICES and
    the tables after it), translate it to v1 and check it like `read_json`."""
    return _read_records(text, _legacy_record, known=[*FIELDS_BY_NAME, *_LEGACY_ONLY_KEYS])
