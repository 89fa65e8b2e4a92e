"""Every write of structures and places: importing the rows of a file of places (upsert by the standard's `id`),
and the rows of the exports. The import jobs that run it in the background or from the command line are in
`import_jobs.py`.

`import_places` works everything out first, then writes in one short transaction: a failure leaves nothing
half-written, and a dry run does the same work and stops before writing. Every row of the file ends up created,
updated, unchanged or rejected with its line and French messages: nothing is dropped silently. Refusals raise
`ImportRefused` with a French message that says what to do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from mediane import bulk, numbers
from mediane.accounts.territories import DEPARTEMENTS, InvalidPostalCode, departement_from_postal_code
from mediane.french import plural

from . import standard
from .communes import load_communes
from .enums import ImportFormat, StructureKind
from .libraries import DEPARTMENTAL_LIBRARY, NO_PUBLIC, LibrariesResult, Library
from .models import MULTI_VALUED, ImportJob, Place, Structure
from .signals import places_changed
from .standard import ReadResult, Rejection, Row

if TYPE_CHECKING:
    from mediane.accounts.models import User

# Rows are looked up by batches: few queries, and memory stays flat.
LOOKUP_BATCH = 900  # under SQLite's oldest limit of 999 parameters per query
# Share of the progress bar: reading the file, comparing with the database, then writing.
READ_END, PLAN_END = 0.2, 0.5
EXAMPLE_LINES = 5

Progress = Callable[[str, float], None]

# Model field of each field of the standard (the standard's `id` is `id_standard`).
PLACE_FIELDS: dict[str, str] = {name: ("id_standard" if name == "id" else name) for name in standard.FIELD_NAMES}
# Fields compared to tell an updated place from an unchanged one (with its structure).
PLACE_COMPARED = (*(f for f in PLACE_FIELDS.values() if f != "id_standard"), "departement")
# Columns of the bulk writes (`mediane.bulk`), in order; the structure comes last, known only during the write.
PLACE_UPDATED = (*PLACE_COMPARED, "updated_at", "structure")
PLACE_INSERTED = ("id_standard", *PLACE_COMPARED, "extra", "managed_fields", "created_at", "updated_at", "structure")
STRUCTURE_FACTS = ("name", "kind", "address", "postal_code", "commune", "insee_code", "departement", "region")
STRUCTURE_INSERTED = ("siret", "rna", "source_id", *STRUCTURE_FACTS, "created_at", "updated_at")
STRUCTURE_UPDATED = (*STRUCTURE_FACTS, "updated_at")
# Places changed by someone else between the plan and the write: plan again, this many times at most.
PLAN_ATTEMPTS = 2


class ImportRefused(Exception):
    """A refusal of the import services; the message is French and tells the person what to do."""


# --- The report ----------------------------------------------------------------------------------------------


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

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def as_json(self) -> dict[str, Any]:
        return {
            "rejections": [{"line": r.line, "id": r.id, "messages": list(r.messages)} for r in self.rejections],
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 2),
            "write_seconds": round(self.write_seconds, 3),
        }


def describe_counts(report: ImportReport | ImportJob) -> str:
    """« 12 lieux ajoutés, 3 mis à jour, 40 inchangés, 2 lignes rejetées. » for a report or a finished job."""
    if isinstance(report, ImportJob):
        figures = (report.created_count, report.updated_count, report.unchanged_count, report.rejected_count)
        dry_run = report.dry_run
    else:
        figures = (report.created, report.updated, report.unchanged, report.rejected)
        dry_run = report.dry_run
    created, updated, unchanged, rejected = figures
    verb = "à ajouter" if dry_run else "ajouté(s)"
    changed = "à mettre à jour" if dry_run else "mis à jour"
    return f"{created} lieu(x) {verb}, {updated} {changed}, {unchanged} inchangé(s), {rejected} ligne(s) rejetée(s)."


# --- Importing rows --------------------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One accepted row of the file, with its line, the values of the `Place` it becomes, and its library facts."""

    line: int | None
    row: Row
    values: dict[str, Any]
    library: Library | None = None


def _entries(result: ReadResult | LibrariesResult) -> list[tuple[int | None, Row, Library | None]]:
    if isinstance(result, LibrariesResult):
        return [(library.line, library.row, library) for library in result.libraries]
    lines: list[int | None] = list(result.lines) if len(result.lines) == len(result.rows) else [None] * len(result.rows)
    return [(line, row, None) for line, row in zip(lines, result.rows, strict=True)]


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


def _place_values(row: Row) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, model_field in PLACE_FIELDS.items():
        value = row.get(name, [] if name in MULTI_VALUED else "")
        if name in MULTI_VALUED:
            values[model_field] = list(value)
        elif name in ("latitude", "longitude"):
            values[model_field] = float(str(value)) if value else None
        elif name == "date_maj":
            values[model_field] = date.fromisoformat(str(value))
        else:
            values[model_field] = str(value)
    values["departement"], values["_contradiction"] = _departement(values["code_insee"], values["code_postal"])
    return values


def _length_problems(values: dict[str, Any]) -> list[str]:
    """Values longer than the database keeps (the standard sets no limit on them): refused, never cut."""
    problems = []
    for name, model_field in PLACE_FIELDS.items():
        limit = getattr(Place._meta.get_field(model_field), "max_length", None)
        value = values[model_field]
        if limit and isinstance(value, str) and len(value) > limit:
            title = standard.FIELDS_BY_NAME[name].title
            problems.append(
                f"« {title} » ({name}) compte {len(value)} caractères, pour {limit} au plus : raccourcissez-le."
            )
    return problems


def _lines(lines: list[int | None]) -> str:
    known = [str(line) for line in lines if line is not None]
    if not known:
        return ""
    more = ", …" if len(known) > EXAMPLE_LINES else ""
    return f" ({plural(known, 'ligne', 'lignes')} {', '.join(known[:EXAMPLE_LINES])}{more})"


def _structure_key(values: dict[str, Any]) -> tuple[str, str]:
    """How the structure of a place is found: its SIRET or RNA number when the pivot is one, another registry
    number (SIREN, RIDET) as its source id, else the place's own id (one structure per place until someone
    gives its SIRET)."""
    pivot = values["pivot"]
    if pivot != standard.PIVOT_PLACEHOLDER:
        if len(pivot) == 14 and numbers.is_ascii_number(pivot):
            return "siret", pivot
        if standard.rna_is_valid(pivot):
            return "rna", pivot
        return "source_id", f"pivot-{pivot}"[:100]
    return "source_id", values["id_standard"][:100]


def _library_kind(library: Library) -> StructureKind:
    # The file does not say who runs a library. Its « BD » codes are the départements' libraries; the « LI » ones
    # are public libraries, nearly all municipal: an intercommunal one is corrected by hand.
    if library.library_type == DEPARTMENTAL_LIBRARY or library.code.upper().startswith("BD"):
        return StructureKind.DEPARTMENTAL_LIBRARY
    return StructureKind.MUNICIPAL_LIBRARY


def _structure_facts(entry: _Entry) -> dict[str, str]:
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


class _Changed(Exception):
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


class _Plan:
    """What the import will write, worked out by reading the database, outside any write transaction."""

    def __init__(self, entries: list[_Entry], *, libraries: bool, progress: Progress) -> None:
        self.entries = entries
        self.libraries = libraries
        self.progress = progress
        self.existing: dict[str, Place] = {}
        self.structures: dict[tuple[str, str], Structure] = {}
        self.planned_at = timezone.now()

    def load(self) -> None:
        self.planned_at = timezone.now()
        ids = [entry.values["id_standard"] for entry in self.entries]
        steps = max(1, len(ids))
        done = 0
        for batch in _batches(ids, LOOKUP_BATCH):
            for place in Place.objects.filter(id_standard__in=batch):
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

    def key_of(self, entry: _Entry) -> tuple[str, str]:
        return _structure_key(entry.values)

    def other_sources(self) -> tuple[list[_Entry], list[Rejection]]:
        """The rows kept, and those rejected because their id is already a place of another source: ids are only
        unique within a source, and updating that place would replace one place with another."""
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
                            f"« {prefix}-{identifier} ».",
                        ),
                    )
                )
            else:
                kept.append(entry)
        return kept, rejected

    def keeps_its_structure(self, entry: _Entry) -> bool:
        """A place without a real pivot that already belongs to a structure stays with it."""
        place = self.existing.get(entry.values["id_standard"])
        return (
            entry.values["pivot"] == standard.PIVOT_PLACEHOLDER and place is not None and place.structure_id is not None
        )

    def prepare(self, entries: list[_Entry], report: ImportReport) -> _Writes:
        """Work out every row to write and count them in `report`; nothing is written."""
        now = timezone.now()
        writes = _Writes()
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
                    writes.new_structures.append(bulk.db_values(Structure, STRUCTURE_INSERTED, values))
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

        for entry in entries:
            place_values = entry.values
            place = self.existing.get(place_values["id_standard"])
            structure_key: int | tuple[str, str]
            if self.keeps_its_structure(entry):
                structure_key = place.structure_id  # type: ignore[union-attr, assignment]
            else:
                key = self.key_of(entry)
                known = self.structures.get(key)
                structure_key = known.pk if known is not None else key
            if place is None:
                row = {**place_values, "extra": {}, "managed_fields": [], "created_at": now, "updated_at": now}
                writes.new_places.append(bulk.db_values(Place, PLACE_INSERTED[:-1], row))
                writes.new_place_structures.append(structure_key)
                continue
            same_structure = isinstance(structure_key, int) and place.structure_id == structure_key
            if same_structure and all(getattr(place, name) == place_values[name] for name in PLACE_COMPARED):
                report.unchanged += 1
                continue
            row = {**place_values, "updated_at": now}
            writes.changed_places.append(bulk.db_values(Place, PLACE_UPDATED[:-1], row))
            writes.changed_place_structures.append(structure_key)
            writes.changed_place_pks.append(place.pk)
        report.created = len(writes.new_places)
        report.updated = len(writes.changed_places)
        return writes

    def changed_since_planning(self) -> bool:
        """Inside the write transaction: did anyone write places or structures since `load`?"""
        return (
            Place.objects.filter(updated_at__gte=self.planned_at).exists()
            or Structure.objects.filter(updated_at__gte=self.planned_at).exists()
        )


def check_can_import(actor: User | None) -> None:
    if actor is None or not actor.has_perm("structures.import_places"):
        raise ImportRefused("Seul·e un·e organisateur·rice peut importer des lieux.")


def import_places(
    result: ReadResult | LibrariesResult,
    *,
    source_format: str,
    dry_run: bool,
    actor: User | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Upsert the accepted rows of a read file as places, by the standard's `id`, with their structures.

    `actor`, when given, must be allowed to import (the command line passes none). Everything is read, checked and
    worked out first, outside any transaction; then one short transaction writes it all, or nothing (on SQLite a
    write transaction holds the whole database: see `mediane/bulk.py`). A dry run stops before that transaction and
    takes no write lock. If places changed between the plan and the write, the import plans again once. Rows the
    database cannot keep (a value longer than its column) are rejected with their line, like the reader's
    rejections.
    """
    if actor is not None:
        check_can_import(actor)
    started = time.monotonic()
    notify = progress or (lambda stage, fraction: None)
    rejections = list(result.rejected)
    warnings = list(result.warnings)
    entries: list[_Entry] = []
    without_departement: list[int | None] = []
    without_public: list[int | None] = []
    contradicting: list[int | None] = []
    for line, row, library in _entries(result):
        values = _place_values(row)
        problems = _length_problems(values)
        if problems:
            rejections.append(Rejection(line or 0, values["id_standard"], tuple(problems)))
            continue
        if values.pop("_contradiction"):
            contradicting.append(line)
        if not values["departement"]:
            without_departement.append(line)
        if NO_PUBLIC in values["modalites_acces"]:
            without_public.append(line)
        entries.append(_Entry(line, row, values, library))
    if without_departement:
        warnings.append(
            f"{len(without_departement)} lieu(x) dont le département n'a pas pu être déduit du code INSEE ni du code "
            f"postal : importés sans département{_lines(without_departement)}. Vérifiez leur code postal."
        )
    if contradicting:
        warnings.append(
            f"{len(contradicting)} lieu(x) dont le code INSEE désigne une commune d'un autre département que le code "
            f"postal : département déduit du code postal{_lines(contradicting)}. Vérifiez le code INSEE."
        )
    if without_public:
        warnings.append(
            f"{len(without_public)} lieu(x) indiquent « {NO_PUBLIC} » : importés avec cette "
            f"modalité d'accès{_lines(without_public)}."
        )

    for attempt in range(PLAN_ATTEMPTS):
        report = ImportReport(dry_run=dry_run, warnings=list(warnings))
        plan = _Plan(entries, libraries=source_format == ImportFormat.LIBRARIES, progress=notify)
        plan.load()
        kept, elsewhere = plan.other_sources()
        report.rejections = sorted([*rejections, *elsewhere], key=lambda rejection: rejection.line)
        report.rows = len(entries) + len(rejections)
        writes = plan.prepare(kept, report)
        if dry_run or not writes.anything:
            break
        notify("write", PLAN_END + (1 - PLAN_END) * 0.9)
        try:
            locked = time.monotonic()
            with transaction.atomic():
                if plan.changed_since_planning():
                    raise _Changed
                writes.apply()
                transaction.on_commit(lambda: places_changed.send(sender=Place))
            report.write_seconds = time.monotonic() - locked
            break
        except _Changed:
            if attempt + 1 == PLAN_ATTEMPTS:
                raise ImportRefused(
                    "Des lieux ont été modifiés pendant l'import, deux fois de suite. Rien n'a été enregistré : "
                    "relancez l'import dans quelques minutes."
                ) from None
    notify("done", 1.0)
    report.seconds = time.monotonic() - started
    return report


# --- Exports -------------------------------------------------------------------------------------------------


EXPORT_CHUNK = 2000


def export_rows(queryset: QuerySet[Place] | None = None) -> Iterable[Row]:
    """The places as rows of the standard, for `standard.write_csv` and `write_json`, in a stable order (by id),
    read in chunks so that memory stays flat whatever the volume."""
    places = Place.objects.all() if queryset is None else queryset
    for place in places.order_by("id_standard").iterator(chunk_size=EXPORT_CHUNK):
        yield place.as_row()
