"""The plan of an import of places: every row of a read file turned into the values of a `Place`, compared with the
database, and the rows to write (`mediane.bulk`), worked out outside any write transaction. `services.import_places`
runs it and writes the plan in one short transaction.

Places are looked up by (source, `id`): a source's ids are its own, so two producers numbering their places 1…N never
touch each other's places. Places without source (created before sources existed, or by hand) keep their own rule:
their `id` is unique among them. A place without source whose `id` and `source` text are those of a row of a source's
file is adopted by that source (the libraries imported before the Ministry's file had its source).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connections, models
from django.utils import timezone
from django.utils.text import slugify

from mediane import bulk, numbers
from mediane.accounts.territories import DEPARTEMENTS, InvalidPostalCode, departement_from_postal_code

from . import standard
from .communes import load_communes
from .enums import StructureKind
from .libraries import DEPARTMENTAL_LIBRARY, LibrariesResult, Library
from .models import MULTI_VALUED, Place, PlaceSource, Structure
from .standard import ReadResult, Rejection, Row

# Rows are looked up by batches: few queries, and memory stays flat.
LOOKUP_BATCH = 900  # under SQLite's oldest limit of 999 parameters per query
# Share of the progress bar: reading the file, comparing with the database, then writing.
READ_END, PLAN_END = 0.2, 0.5

Progress = Callable[[str, float], None]

# Model field of each field of the standard (the standard's `id` is `id_standard`).
PLACE_FIELDS: dict[str, str] = {name: ("id_standard" if name == "id" else name) for name in standard.FIELD_NAMES}
# Fields compared to tell an updated place from an unchanged one (with its structure and source).
PLACE_COMPARED = (*(f for f in PLACE_FIELDS.values() if f != "id_standard"), "departement", "extra")
# Columns of the bulk writes (`mediane.bulk`), in order; the structure comes last, known only during the write.
PLACE_UPDATED = (*PLACE_COMPARED, "place_source", "updated_at", "structure")
PLACE_INSERTED = (
    "id_standard",
    *PLACE_COMPARED,
    "place_source",
    "managed_fields",
    "created_at",
    "updated_at",
    "structure",
)
STRUCTURE_FACTS = ("name", "kind", "address", "postal_code", "commune", "insee_code", "departement", "region")
STRUCTURE_INSERTED = ("siret", "rna", "source_id", *STRUCTURE_FACTS, "created_at", "updated_at")
STRUCTURE_UPDATED = (*STRUCTURE_FACTS, "updated_at")


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do) with every row of the file."""

    dry_run: bool
    rows: int = 0  # data rows read: created + updated + unchanged + rejected
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    structures_created: int = 0
    structures_updated: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # How long the write transaction lasted: on SQLite, how long every other writer had to wait.
    write_seconds: float = 0.0
    # From the reader (`ReadResult`): one sentence about the whole file, and what happened to each of its columns.
    verdict: str = ""
    column_report: list[dict] = field(default_factory=list)
    # Places whose managers' corrections were kept over the file's values, and the fields concerned.
    kept_corrections: int = 0
    kept_fields: list[str] = field(default_factory=list)
    # True when nothing was written because of rejected rows (all or nothing), or every row was rejected.
    nothing_written: bool = False

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def every_row_rejected(self) -> bool:
        return self.rows > 0 and self.rejected == self.rows

    def as_json(self) -> dict[str, Any]:
        return {
            "rejections": [{"line": r.line, "id": r.id, "messages": list(r.messages)} for r in self.rejections],
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 2),
            "write_seconds": round(self.write_seconds, 3),
            "verdict": self.verdict,
            "column_report": list(self.column_report),
            "kept_corrections": self.kept_corrections,
            "kept_fields": list(self.kept_fields),
        }


# --- Rows --------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One accepted row of the file, with its line, the values of the `Place` it becomes, and its library facts."""

    line: int | None
    row: Row
    values: dict[str, Any]
    library: Library | None = None


def entries_of(
    result: ReadResult | LibrariesResult,
) -> list[tuple[int | None, Row, Library | None, dict[str, str]]]:
    """Every accepted row of a read file: its line, the row, its library facts and its extra data."""
    if isinstance(result, LibrariesResult):
        return [(library.line, library.row, library, {}) for library in result.libraries]
    count = len(result.rows)
    lines: list[int | None] = list(result.lines) if len(result.lines) == count else [None] * count
    extras: list[dict[str, str]] = list(result.extras) if len(result.extras) == count else [{}] * count
    return [(line, row, None, extra) for line, row, extra in zip(lines, result.rows, extras, strict=True)]


def _departement(code_insee: str, code_postal: str) -> tuple[str, bool]:
    """The département of a place, and whether its INSEE code contradicts its postal code.

    The INSEE code decides when the communes reference knows it and the commune has this postal code (a postal
    code may cross a border between départements). When they disagree, the postal code wins: producers more often
    pick the wrong commune of the same name (« Mont-Dore » in Nouvelle-Calédonie given the INSEE code of Le
    Mont-Dore, Puy-de-Dôme) than the wrong postal code. "" when neither tells.
    """
    try:
        by_postal_code = departement_from_postal_code(code_postal)
    except InvalidPostalCode:
        by_postal_code = ""
    commune = load_communes().by_insee(code_insee) if code_insee else None
    if commune is None:
        return by_postal_code, False
    if code_postal in commune.postal_codes or not by_postal_code:
        return commune.departement, False
    return by_postal_code, commune.departement != by_postal_code


# How each field of the standard becomes a model value, worked out once: the import converts 15,000 rows and more.
_KINDS = [
    (
        name,
        model_field,
        "list"
        if name in MULTI_VALUED
        else "number"
        if name in ("latitude", "longitude")
        else "date"
        if name == "date_maj"
        else "text",
    )
    for name, model_field in PLACE_FIELDS.items()
]
_LIMITS = [
    (name, model_field, limit)
    for name, model_field in PLACE_FIELDS.items()
    if (limit := getattr(Place._meta.get_field(model_field), "max_length", None))
]


def place_values(row: Row, extra: dict[str, str]) -> dict[str, Any]:
    """The values of the `Place` a row becomes (with `_contradiction`, popped by the caller)."""
    values: dict[str, Any] = {}
    for name, model_field, kind in _KINDS:
        value = row.get(name)
        if kind == "list":
            values[model_field] = list(value) if value else []
        elif kind == "number":
            values[model_field] = float(str(value)) if value else None
        elif kind == "date":
            values[model_field] = date.fromisoformat(str(value))
        else:
            values[model_field] = "" if value is None else str(value)
    values["departement"], values["_contradiction"] = _departement(values["code_insee"], values["code_postal"])
    values["extra"] = dict(extra)
    return values


def length_problems(values: dict[str, Any]) -> list[str]:
    """Values longer than the database keeps (the standard sets no limit on them): refused, never cut."""
    problems = []
    for name, model_field, limit in _LIMITS:
        value = values[model_field]
        if isinstance(value, str) and len(value) > limit:
            title = standard.FIELDS_BY_NAME[name].title
            problems.append(
                f"« {title} » ({name}) compte {len(value)} caractères, pour {limit} au plus : raccourcissez-le."
            )
    return problems


def _structure_key(values: dict[str, Any], source: PlaceSource | None) -> tuple[str, str]:
    """How the structure of a place is found: its SIRET or RNA number when the pivot is one, another registry
    number (SIREN, RIDET) as its source id, else the place's own id, prefixed with its source's slug when it has
    one (one structure per place until someone gives its SIRET; two sources may use the same ids)."""
    pivot = values["pivot"]
    if pivot != standard.PIVOT_PLACEHOLDER:
        if len(pivot) == 14 and numbers.is_ascii_number(pivot):
            return "siret", pivot
        if standard.rna_is_valid(pivot):
            return "rna", pivot
        return "source_id", f"pivot-{pivot}"[:100]
    if source is not None:
        return "source_id", f"{source.slug}:{values['id_standard']}"[:100]
    return "source_id", values["id_standard"][:100]


def _library_kind(library: Library) -> StructureKind:
    # The file does not say who runs a library. Its « BD » codes are the départements' libraries; the « LI » ones
    # are public libraries, nearly all municipal: an intercommunal one is corrected by hand.
    if library.library_type == DEPARTMENTAL_LIBRARY or library.code.upper().startswith("BD"):
        return StructureKind.DEPARTMENTAL_LIBRARY
    return StructureKind.MUNICIPAL_LIBRARY


def _structure_facts(entry: Entry) -> dict[str, str]:
    values = entry.values
    library = entry.library
    region = ""
    if library is not None:
        region = library.region
    elif values["code_insee"]:
        commune = load_communes().by_insee(values["code_insee"])
        region = commune.region if commune else ""
    departement = library.departement if library is not None else ""
    if departement not in DEPARTEMENTS:  # « 69M » (Métropole de Lyon) is in the Rhône's number
        departement = values["departement"]
    return {
        "name": values["nom"][:200],
        "kind": _library_kind(library) if library is not None else StructureKind.OTHER,
        "address": values["adresse"],
        "postal_code": values["code_postal"],
        "commune": values["commune"][:150],
        "insee_code": values["code_insee"],
        "departement": departement,
        "region": region[:3],
    }


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class RowValues:
    """`bulk.db_values` for many rows of the same columns: each field's conversion is looked up once, texts and
    numbers pass as they are, and the database value of what every row repeats (the same lists, dates and moment)
    is computed once. The import converts 15,000 rows of 40 columns and more: this is most of its time."""

    def __init__(self, model: type[models.Model], names: tuple[str, ...], using: str = "default") -> None:
        self.connection = connections[using]
        self.columns = [(name, self._converter(model._meta.get_field(name))) for name in names]

    def _converter(self, model_field) -> Callable[[Any], Any]:
        connection = self.connection
        if isinstance(model_field, models.ForeignKey):
            return lambda value: value.pk if isinstance(value, models.Model) else value
        if isinstance(model_field, models.JSONField | models.DateField):
            cache: dict[Any, Any] = {}

            def cached(value: Any) -> Any:
                key = tuple(value) if isinstance(value, list) else value if not isinstance(value, dict) else None
                if key is None:
                    return model_field.get_db_prep_save(value, connection)
                try:
                    return cache[key]
                except KeyError:
                    converted = cache[key] = model_field.get_db_prep_save(value, connection)
                    return converted
                except TypeError:  # a list holding something unhashable
                    return model_field.get_db_prep_save(value, connection)

            return cached
        if isinstance(model_field, models.CharField | models.TextField | models.FloatField):
            return lambda value: value
        return lambda value: model_field.get_db_prep_save(value, connection)

    def __call__(self, values: dict[str, Any]) -> bulk.Row:
        return tuple(convert(values[name]) for name, convert in self.columns)


class Changed(Exception):
    """Places or structures changed between the plan and the write: plan again."""


@dataclass
class _Writes:
    """What an import writes, every value already converted for the database (`mediane.bulk`): the transaction
    that applies it only sends rows. New places whose structure is new learn its id during the write."""

    new_structures: list[bulk.Row] = field(default_factory=list)
    new_structure_keys: list[tuple[str, str]] = field(default_factory=list)
    changed_structures: list[bulk.Row] = field(default_factory=list)
    new_places: list[bulk.Row] = field(default_factory=list)
    new_place_structures: list[int | tuple[str, str]] = field(default_factory=list)
    changed_places: list[bulk.Row] = field(default_factory=list)
    changed_place_structures: list[int | tuple[str, str]] = field(default_factory=list)
    changed_place_pks: list[int] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.new_structures or self.changed_structures or self.new_places or self.changed_places)

    def apply(self) -> None:
        """Send the rows. Caller is inside `transaction.atomic()`: this is all the write lock covers."""
        ids = dict(
            zip(
                self.new_structure_keys,
                bulk.insert(Structure, STRUCTURE_INSERTED, self.new_structures, returning=True),
                strict=True,
            )
        )
        bulk.update(Structure, STRUCTURE_UPDATED, self.changed_structures)

        def structure_id(key: int | tuple[str, str]) -> int:
            return key if isinstance(key, int) else ids[key]

        bulk.insert(
            Place,
            PLACE_INSERTED,
            ((*row, structure_id(key)) for row, key in zip(self.new_places, self.new_place_structures, strict=True)),
        )
        bulk.update(
            Place,
            PLACE_UPDATED,
            (
                (*row, structure_id(key), pk)
                for row, key, pk in zip(
                    self.changed_places, self.changed_place_structures, self.changed_place_pks, strict=True
                )
            ),
        )


class Plan:
    """What the import will write, worked out by reading the database, outside any write transaction."""

    def __init__(
        self, entries: list[Entry], *, libraries: bool, progress: Progress, source: PlaceSource | None = None
    ) -> None:
        self.entries = entries
        self.libraries = libraries
        self.progress = progress
        self.source = source
        self.existing: dict[str, Place] = {}
        self.structures: dict[tuple[str, str], Structure] = {}
        self.planned_at = timezone.now()

    def _places(self, ids: list[str]) -> Iterator[Place]:
        """The places these ids may update: the source's own, and for a source, the places without source that it
        adopts (same id, same `source` text, see the module docstring)."""
        if self.source is None:
            yield from Place.objects.filter(place_source__isnull=True, id_standard__in=ids)
            return
        found = set()
        for place in Place.objects.filter(place_source=self.source, id_standard__in=ids):
            found.add(place.id_standard)
            yield place
        missing = [identifier for identifier in ids if identifier not in found]
        if missing:
            yield from Place.objects.filter(place_source__isnull=True, id_standard__in=missing).exclude(source="")

    def load(self) -> None:
        self.planned_at = timezone.now()
        self.existing = {}
        source_text = {entry.values["id_standard"]: entry.values["source"].strip() for entry in self.entries}
        ids = list(source_text)
        steps = max(1, len(ids))
        done = 0
        for batch in _batches(ids, LOOKUP_BATCH):
            for place in self._places(batch):
                adopted = self.source is not None and place.place_source_id is None
                if adopted and place.source.strip() != source_text[place.id_standard]:
                    continue
                self.existing[place.id_standard] = place
            done += len(batch)
            self.progress("plan", READ_END + (PLAN_END - READ_END) * 0.8 * done / steps)
        keys: dict[str, set[str]] = {"siret": set(), "rna": set(), "source_id": set()}
        for entry in self.entries:
            kind, value = self.key_of(entry)
            keys[kind].add(value)
        for kind, values in keys.items():
            for batch in _batches(sorted(values), LOOKUP_BATCH):
                for structure in Structure.objects.filter(**{f"{kind}__in": batch}):
                    self.structures[(kind, getattr(structure, kind))] = structure
        self.progress("plan", PLAN_END)

    def key_of(self, entry: Entry) -> tuple[str, str]:
        return _structure_key(entry.values, self.source)

    def other_sources(self) -> tuple[list[Entry], list[Rejection]]:
        """The rows kept, and those rejected because their id is already a place of another source: for places
        without source (`PlaceSource`), the `source` text tells them apart, and updating that place would replace
        one place with another. A file imported for a source never meets another source's places."""
        if self.source is not None:
            return list(self.entries), []
        kept, rejected = [], []
        for entry in self.entries:
            place = self.existing.get(entry.values["id_standard"])
            theirs, ours = (place.source.strip() if place else ""), entry.values["source"].strip()
            if theirs and ours and theirs != ours:
                identifier = entry.values["id_standard"]
                prefix = slugify(ours)[:30] or "source"
                rejected.append(
                    Rejection(
                        entry.line or 0,
                        identifier,
                        (
                            f"L'identifiant « {identifier} » est déjà celui d'un lieu d'une autre source "
                            f"(« {theirs} ») : ce lieu n'est pas importé, pour ne pas remplacer l'autre. Donnez à "
                            f"vos lieux des identifiants propres à votre source, par exemple "
                            f"« {prefix}-{identifier} », ou choisissez la source du fichier.",
                        ),
                    )
                )
            else:
                kept.append(entry)
        return kept, rejected

    def keeps_its_structure(self, entry: Entry) -> bool:
        """A place without a real pivot that already belongs to a structure stays with it."""
        place = self.existing.get(entry.values["id_standard"])
        return (
            entry.values["pivot"] == standard.PIVOT_PLACEHOLDER and place is not None and place.structure_id is not None
        )

    def prepare(self, entries: list[Entry], report: ImportReport) -> _Writes:
        """Work out every row to write and count them in `report`; nothing is written."""
        now = timezone.now()
        writes = _Writes()
        new_place_row, changed_place_row = RowValues(Place, PLACE_INSERTED[:-1]), RowValues(Place, PLACE_UPDATED[:-1])
        new_structure_row = RowValues(Structure, STRUCTURE_INSERTED)
        new_structures: set[tuple[str, str]] = set()
        changed_structures: set[int] = set()
        for entry in entries:
            if self.keeps_its_structure(entry):
                continue
            key = self.key_of(entry)
            facts = _structure_facts(entry)
            structure = self.structures.get(key)
            if structure is None:
                if key not in new_structures:
                    new_structures.add(key)
                    identifiers = {"siret": "", "rna": "", "source_id": "", key[0]: key[1]}
                    values = {**identifiers, **facts, "created_at": now, "updated_at": now}
                    writes.new_structures.append(new_structure_row(values))
                    writes.new_structure_keys.append(key)
                continue
            if structure.pk in changed_structures:
                continue
            # The Ministry's file is the reference for its libraries; another file only fills what is blank, so
            # that a structure completed by hand is not overwritten by every import.
            changes = {
                name: value
                for name, value in facts.items()
                if value and getattr(structure, name) != value and (self.libraries or not getattr(structure, name))
            }
            if changes:
                changed_structures.add(structure.pk)
                values = {name: changes.get(name, getattr(structure, name)) for name in STRUCTURE_FACTS}
                values["updated_at"] = now
                writes.changed_structures.append((*bulk.db_values(Structure, STRUCTURE_UPDATED, values), structure.pk))
        report.structures_created = len(writes.new_structures)
        report.structures_updated = len(writes.changed_structures)

        kept_fields: set[str] = set()
        for entry in entries:
            place = self.existing.get(entry.values["id_standard"])
            structure_key: int | tuple[str, str]
            if self.keeps_its_structure(entry):
                structure_key = place.structure_id  # type: ignore[union-attr, assignment]
            else:
                key = self.key_of(entry)
                known = self.structures.get(key)
                structure_key = known.pk if known is not None else key
            if place is None:
                row = {
                    **entry.values,
                    "place_source": self.source,
                    "managed_fields": [],
                    "created_at": now,
                    "updated_at": now,
                }
                writes.new_places.append(new_place_row(row))
                writes.new_place_structures.append(structure_key)
                continue
            place_values = self.keep_corrections(place, entry.values, kept_fields, report)
            same_structure = isinstance(structure_key, int) and place.structure_id == structure_key
            same_source = place.place_source_id == (self.source.pk if self.source is not None else None)
            if (
                same_structure
                and same_source
                and all(getattr(place, name) == place_values[name] for name in PLACE_COMPARED)
            ):
                report.unchanged += 1
                continue
            row = {**place_values, "place_source": self.source, "updated_at": now}
            writes.changed_places.append(changed_place_row(row))
            writes.changed_place_structures.append(structure_key)
            writes.changed_place_pks.append(place.pk)
        report.created = len(writes.new_places)
        report.updated = len(writes.changed_places)
        report.kept_fields = [name for name in PLACE_COMPARED if name in kept_fields]
        return writes

    @staticmethod
    def keep_corrections(
        place: Place, values: dict[str, Any], kept_fields: set[str], report: ImportReport
    ) -> dict[str, Any]:
        """The values to write for an existing place: a field its managers corrected (`Place.managed_fields`)
        keeps their value, and the report counts the places whose file value differed."""
        managed = [name for name in place.managed_fields or () if name in values and name != "id_standard"]
        if not managed:
            return values
        kept = {name: getattr(place, name) for name in managed}
        if {"code_postal", "code_insee"} & set(managed):
            kept["departement"] = place.departement
        differing = [name for name in managed if values[name] != kept[name]]
        if differing:
            report.kept_corrections += 1
            kept_fields.update(differing)
        return {**values, **kept}

    def changed_since_planning(self) -> bool:
        """Inside the write transaction: did anyone write places or structures since `load`?"""
        return (
            Place.objects.filter(updated_at__gte=self.planned_at).exists()
            or Structure.objects.filter(updated_at__gte=self.planned_at).exists()
        )
