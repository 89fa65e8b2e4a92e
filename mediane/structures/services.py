"""Every write of structures and places: importing a file of places (upsert by the standard's `id`), the import
jobs that run it in the background or from the command line, and the rows of the exports.

`import_places` writes in one transaction: a failure leaves nothing half-written, and a dry run takes the same
path, checks and report, then rolls back. Every row of the file ends up created, updated, unchanged or rejected
with its line and French messages: nothing is dropped silently. Refusals raise `ImportRefused` with a French
message that says what to do.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify

from mediane import numbers
from mediane.accounts.territories import DEPARTEMENTS, InvalidPostalCode, departement_from_postal_code
from mediane.tasks import enqueue

from . import imports, standard
from .communes import load_communes
from .enums import ImportFormat, ImportStatus, StructureKind
from .libraries import DEPARTMENTAL_LIBRARY, NO_PUBLIC, LibrariesResult, Library
from .models import IMPORT_ACTIVE_STATUSES, IMPORT_STALE_MINUTES, MULTI_VALUED, ImportJob, Place, Structure
from .signals import places_changed
from .standard import FormatError, ReadResult, Rejection, Row

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from mediane.accounts.models import User

logger = logging.getLogger(__name__)

# An uploaded file is refused past this size (the national libraries file weighs about 1 MB compressed).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# After a dry run the file is kept this long, so that the organiser can import it without sending it again.
DRY_RUN_FILE_KEPT = timedelta(hours=24)
# Rows are looked up and written by batches: few queries, and memory stays flat.
LOOKUP_BATCH = 900  # under SQLite's oldest limit of 999 parameters per query
WRITE_BATCH = 500
# Progress is written at most this often (seconds).
PROGRESS_INTERVAL = 0.5
# Share of the progress bar: reading the file, comparing with the database, then writing.
READ_END, PLAN_END = 0.2, 0.5
EXAMPLE_LINES = 5

Progress = Callable[[str, float], None]

# Model field of each field of the standard (the standard's `id` is `id_standard`).
PLACE_FIELDS: dict[str, str] = {name: ("id_standard" if name == "id" else name) for name in standard.FIELD_NAMES}
# Fields compared to tell an updated place from an unchanged one, and written by the bulk update.
COMPARED_FIELDS = (*(f for f in PLACE_FIELDS.values() if f != "id_standard"), "departement", "structure_id")
UPDATED_FIELDS = (*(f.removesuffix("_id") for f in COMPARED_FIELDS), "updated_at")
STRUCTURE_FACTS = ("name", "kind", "address", "postal_code", "commune", "insee_code", "departement", "region")


class ImportRefused(Exception):
    """A refusal of the import services; the message is French and tells the person what to do."""


class _JobAbandoned(Exception):
    """The job was marked failed while it ran (cut off as stale): its result must not be written."""


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

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def as_json(self) -> dict[str, Any]:
        return {
            "rejections": [{"line": r.line, "id": r.id, "messages": list(r.messages)} for r in self.rejections],
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 2),
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
    return f" ({'lignes' if len(known) > 1 else 'ligne'} {', '.join(known[:EXAMPLE_LINES])}{more})"


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


class _Plan:
    """What the import will write: compared with the database outside the transaction, written inside it."""

    def __init__(self, entries: list[_Entry], *, libraries: bool, progress: Progress) -> None:
        self.entries = entries
        self.libraries = libraries
        self.progress = progress
        self.existing: dict[str, Place] = {}
        self.structures: dict[tuple[str, str], Structure] = {}

    def load(self) -> None:
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

    def set_aside_other_sources(self, report: ImportReport) -> None:
        """Reject the rows whose id is already a place of another source: ids are only unique within a source,
        and updating that place would replace one place with another. Nothing of the other place changes."""
        kept = []
        for entry in self.entries:
            place = self.existing.get(entry.values["id_standard"])
            theirs, ours = (place.source.strip() if place else ""), entry.values["source"].strip()
            if theirs and ours and theirs != ours:
                identifier = entry.values["id_standard"]
                prefix = slugify(ours)[:30] or "source"
                report.rejections.append(
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
        self.entries = kept
        report.rejections.sort(key=lambda rejection: rejection.line)

    def keeps_its_structure(self, entry: _Entry) -> bool:
        """A place without a real pivot that already belongs to a structure stays with it."""
        place = self.existing.get(entry.values["id_standard"])
        return (
            entry.values["pivot"] == standard.PIVOT_PLACEHOLDER and place is not None and place.structure_id is not None
        )

    def write(self, report: ImportReport, echo: Progress) -> bool:
        """Write structures then places by batches; True when anything changed. `echo` shows the progress of the
        writes on a terminal (the command line), never in the database."""
        now = timezone.now()
        new_structures: dict[tuple[str, str], Structure] = {}
        changed_structures: dict[int, Structure] = {}
        for entry in self.entries:
            if self.keeps_its_structure(entry):
                continue
            key = self.key_of(entry)
            facts = _structure_facts(entry)
            structure = self.structures.get(key)
            if structure is None:
                if key not in new_structures:
                    new_structures[key] = Structure(**{key[0]: key[1]}, **facts)
                continue
            if structure.pk in changed_structures or structure.pk is None:
                continue
            # The Ministry's file is the reference for its libraries; another file only fills what is blank, so
            # that a structure completed by hand is not overwritten by every import.
            changes = {
                name: value
                for name, value in facts.items()
                if value and getattr(structure, name) != value and (self.libraries or not getattr(structure, name))
            }
            if changes:
                for name, value in changes.items():
                    setattr(structure, name, value)
                structure.updated_at = now
                changed_structures[structure.pk] = structure
        created_structures = list(new_structures.values())
        for batch in _batches(created_structures, WRITE_BATCH):
            Structure.objects.bulk_create(batch)
        self.structures.update(new_structures)
        if changed_structures:
            Structure.objects.bulk_update(
                list(changed_structures.values()), [*STRUCTURE_FACTS, "updated_at"], batch_size=WRITE_BATCH
            )
        report.structures_created = len(created_structures)
        report.structures_updated = len(changed_structures)

        to_create: list[Place] = []
        to_update: list[Place] = []
        for entry in self.entries:
            values = dict(entry.values)
            place = self.existing.get(values["id_standard"])
            if self.keeps_its_structure(entry):
                values["structure_id"] = place.structure_id  # type: ignore[union-attr]
            else:
                values["structure_id"] = self.structures[self.key_of(entry)].pk
            if place is None:
                to_create.append(Place(**values))
            elif any(getattr(place, name) != values[name] for name in COMPARED_FIELDS):
                for name in COMPARED_FIELDS:
                    setattr(place, name, values[name])
                place.updated_at = now
                to_update.append(place)
        # Inside the import's transaction a progress row would be seen by nobody: only the terminal is told.
        total = max(1, len(to_create) + len(to_update))
        written = 0
        for batch in _batches(to_create, WRITE_BATCH):
            Place.objects.bulk_create(batch)
            written += len(batch)
            echo("write", PLAN_END + (1 - PLAN_END) * written / total)
        for batch in _batches(to_update, WRITE_BATCH):
            Place.objects.bulk_update(batch, UPDATED_FIELDS)
            written += len(batch)
            echo("write", PLAN_END + (1 - PLAN_END) * written / total)
        report.created = len(to_create)
        report.updated = len(to_update)
        report.unchanged = len(self.entries) - len(to_create) - len(to_update)
        return bool(to_create or to_update or created_structures or changed_structures)


class _DryRunRollback(Exception):
    pass


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

    `actor`, when given, must be allowed to import (the command line passes none). Runs in one transaction: all
    rows are written or none. A dry run does exactly the same work, then rolls it back. Rows the database cannot
    keep (a value longer than its column) are rejected with their line, like the reader's rejections.
    """
    if actor is not None:
        check_can_import(actor)
    started = time.monotonic()
    notify = progress or (lambda stage, fraction: None)
    report = ImportReport(dry_run=dry_run, rejections=list(result.rejected), warnings=list(result.warnings))
    entries: list[_Entry] = []
    without_departement: list[int | None] = []
    without_public: list[int | None] = []
    contradicting: list[int | None] = []
    for line, row, library in _entries(result):
        values = _place_values(row)
        problems = _length_problems(values)
        if problems:
            report.rejections.append(Rejection(line or 0, values["id_standard"], tuple(problems)))
            continue
        if values.pop("_contradiction"):
            contradicting.append(line)
        if not values["departement"]:
            without_departement.append(line)
        if NO_PUBLIC in values["modalites_acces"]:
            without_public.append(line)
        entries.append(_Entry(line, row, values, library))
    if without_departement:
        report.warnings.append(
            f"{len(without_departement)} lieu(x) dont le département n'a pas pu être déduit du code INSEE ni du code "
            f"postal : importés sans département{_lines(without_departement)}. Vérifiez leur code postal."
        )
    if contradicting:
        report.warnings.append(
            f"{len(contradicting)} lieu(x) dont le code INSEE désigne une commune d'un autre département que le code "
            f"postal : département déduit du code postal{_lines(contradicting)}. Vérifiez le code INSEE."
        )
    if without_public:
        report.warnings.append(
            f"{len(without_public)} lieu(x) indiquent « {NO_PUBLIC} » : importés avec cette "
            f"modalité d'accès{_lines(without_public)}."
        )
    report.rejections.sort(key=lambda r: r.line)
    report.rows = len(entries) + len(report.rejections)

    plan = _Plan(entries, libraries=source_format == ImportFormat.LIBRARIES, progress=notify)
    plan.load()
    plan.set_aside_other_sources(report)
    notify("write", PLAN_END)
    try:
        with transaction.atomic():
            changed = plan.write(report, echo=getattr(progress, "echo", None) or (lambda stage, fraction: None))
            if dry_run:
                raise _DryRunRollback
            if changed:
                transaction.on_commit(lambda: places_changed.send(sender=Place))
    except _DryRunRollback:
        pass
    notify("done", 1.0)
    report.seconds = time.monotonic() - started
    return report


# --- Import jobs ---------------------------------------------------------------------------------------------


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y à %H:%M")


def fail_stale_imports() -> int:
    """Mark failed the jobs that say queued or running but gave no sign of life for IMPORT_STALE_MINUTES."""
    limit = timezone.now() - timedelta(minutes=IMPORT_STALE_MINUTES)
    stale = ImportJob.objects.active().filter(heartbeat_at__lt=limit) | ImportJob.objects.active().filter(
        heartbeat_at__isnull=True, created_at__lt=limit
    )
    jobs = list(stale.only("pk", "file", "dry_run"))
    for job in jobs:
        _delete_file(job)
    return ImportJob.objects.filter(pk__in=[job.pk for job in jobs], status__in=IMPORT_ACTIVE_STATUSES).update(
        status=ImportStatus.FAILED,
        finished_at=timezone.now(),
        file="",
        error="L'import s'est interrompu : il n'a donné aucun signe de vie pendant plus de "
        f"{IMPORT_STALE_MINUTES} minutes (serveur redémarré ou tâche arrêtée). Rien n'a été enregistré ; "
        "envoyez le fichier de nouveau.",
    )


def _discard_expired_dry_run_files() -> None:
    expired = ImportJob.objects.filter(dry_run=True, finished_at__lt=timezone.now() - DRY_RUN_FILE_KEPT).exclude(
        file=""
    )
    jobs = list(expired)
    for job in jobs:
        _delete_file(job)
    ImportJob.objects.filter(pk__in=[job.pk for job in jobs]).update(file="")


def _delete_file(job: ImportJob) -> None:
    if job.file and job.file.name:
        try:
            default_storage.delete(job.file.name)
        except OSError:
            logger.warning("Fichier de l'import n° %s impossible à supprimer : %s", job.pk, job.file.name)


def _check_no_running_import() -> None:
    now = timezone.now()
    for job in ImportJob.objects.active().filter(dry_run=False):
        if not job.is_stale_at(now):
            raise ImportRefused(
                f"Un import est déjà {job.get_status_display()} (n° {job.pk}, lancé le {_moment(job.created_at)}). "
                "Attendez qu'il se termine avant d'en lancer un autre : deux imports en même temps pourraient "
                "modifier les mêmes lieux. Une vérification sans import reste possible."
            )


def check_upload_size(size: int) -> None:
    if size > MAX_UPLOAD_BYTES:
        raise ImportRefused(
            f"Le fichier est trop lourd : {filesizeformat(size)}, pour {filesizeformat(MAX_UPLOAD_BYTES)} au plus. "
            "Compressez-le (.gz) ou découpez-le en plusieurs fichiers."
        )


def launch_import(
    actor: User | None,
    upload: UploadedFile,
    *,
    file_format: str,
    dry_run: bool,
    published: date | None = None,
) -> ImportJob:
    """Store the uploaded file and queue its import (or its check, for a dry run) once the transaction commits.

    Refuses when `actor` is not an organiser, when the file is too large, and, for a real import, while another
    real import is queued or running and alive. Jobs that stopped giving signs of life are marked failed first.
    """
    from .tasks import run_import_task

    check_can_import(actor)
    check_upload_size(upload.size or 0)
    fail_stale_imports()
    _discard_expired_dry_run_files()
    if not dry_run:
        _check_no_running_import()
    name = (upload.name or "fichier").rsplit("/", 1)[-1][:255]
    stored = default_storage.save(f"imports/lieux/{timezone.now():%Y/%m}/{name}", upload)
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(
                created_by=actor,
                file=stored,
                file_name=name,
                file_size=upload.size or 0,
                file_format=file_format,
                published=published,
                dry_run=dry_run,
            )
            enqueue(run_import_task, job.pk)
    except Exception:
        default_storage.delete(stored)
        raise
    return job


def import_checked_file(actor: User | None, checked: ImportJob) -> ImportJob:
    """Queue the real import of the file a dry run checked; the new job takes the file over."""
    from .tasks import run_import_task

    check_can_import(actor)
    if not checked.dry_run or checked.status != ImportStatus.SUCCEEDED:
        raise ImportRefused("Seul un fichier vérifié avec succès peut être importé depuis sa vérification.")
    fail_stale_imports()
    _check_no_running_import()
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=checked.pk)
        if not locked.file:
            raise ImportRefused(
                "Ce fichier n'est plus conservé (il l'est 24 heures après la vérification, et jusqu'à son import) : "
                "envoyez-le de nouveau."
            )
        job = ImportJob.objects.create(
            created_by=actor,
            file=locked.file.name,
            file_name=locked.file_name,
            file_size=locked.file_size,
            file_format=locked.file_format,
            published=locked.published,
            dry_run=False,
            from_dry_run=locked,
        )
        ImportJob.objects.filter(pk=locked.pk).update(file="")
        enqueue(run_import_task, job.pk)
    return job


class _ProgressWriter:
    """Writes a job's stage and progress (and so its sign of life) at most every PROGRESS_INTERVAL seconds."""

    def __init__(self, job_id: int, echo: Progress | None = None) -> None:
        self.job_id = job_id
        self.echo = echo
        self.last_write: float | None = None
        self.last_stage = ""

    def __call__(self, stage: str, fraction: float) -> None:
        if self.echo is not None:
            self.echo(stage, fraction)
        now = time.monotonic()
        if stage == self.last_stage and self.last_write is not None and now - self.last_write < PROGRESS_INTERVAL:
            return
        self.last_write, self.last_stage = now, stage
        written = ImportJob.objects.filter(pk=self.job_id, status=ImportStatus.RUNNING).update(
            stage=stage, progress=max(0.0, min(1.0, fraction)), heartbeat_at=timezone.now()
        )
        if not written:
            raise _JobAbandoned


def _claim(job_id: int) -> ImportJob | None:
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            logger.warning("L'import n° %s n'existe plus : rien à faire.", job_id)
            return None
        # A task delivered twice must not run twice, unless the first attempt is dead.
        if not (job.status == ImportStatus.QUEUED or job.is_stale_at(timezone.now())):
            return None
        now = timezone.now()
        fields = {"status": ImportStatus.RUNNING, "started_at": now, "heartbeat_at": now, "stage": "read"}
        ImportJob.objects.filter(pk=job_id).update(progress=0.0, error="", **fields)
        for name, value in fields.items():
            setattr(job, name, value)
        return job


def _execute(job: ImportJob, data: bytes, progress: Progress) -> ImportJob:
    """Read the file and import it for the running `job`, then record the outcome on the job."""
    finished: dict[str, Any]
    try:
        progress("read", 0.02)
        result = imports.read_places(data, job.file_format, published=job.published or timezone.localdate())
        progress("read", READ_END)
        report = import_places(result, source_format=job.file_format, dry_run=job.dry_run, progress=progress)
    except _JobAbandoned:
        logger.warning("L'import n° %s a été déclaré interrompu pendant son travail : résultat abandonné.", job.pk)
        job.refresh_from_db()
        return job
    except FormatError as error:
        finished = {"status": ImportStatus.FAILED, "error": f"Le fichier n'a pas pu être lu : {error}"}
    except IntegrityError:
        logger.exception("L'import n° %s a échoué.", job.pk)
        finished = {
            "status": ImportStatus.FAILED,
            "error": "Un autre import a modifié les mêmes lieux pendant celui-ci. Rien n'a été enregistré : "
            "relancez l'import.",
        }
    except Exception as error:
        logger.exception("L'import n° %s a échoué.", job.pk)
        finished = {
            "status": ImportStatus.FAILED,
            "error": f"L'import a échoué à cause d'une erreur inattendue ({type(error).__name__}). Rien n'a été "
            "enregistré. Le détail est dans le journal du serveur ; si l'erreur revient, signalez-la à l'équipe "
            "technique.",
        }
    else:
        finished = {
            "status": ImportStatus.SUCCEEDED,
            "stage": "done",
            "progress": 1.0,
            "rows_count": report.rows,
            "created_count": report.created,
            "updated_count": report.updated,
            "unchanged_count": report.unchanged,
            "rejected_count": report.rejected,
            "structures_created_count": report.structures_created,
            "structures_updated_count": report.structures_updated,
            "report": report.as_json(),
        }
    now = timezone.now()
    finished.update(finished_at=now, heartbeat_at=now)
    keep_file = job.dry_run and finished["status"] == ImportStatus.SUCCEEDED
    if not keep_file:
        _delete_file(job)
        finished["file"] = ""
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).update(**finished)
    job.refresh_from_db()
    return job


def run_import(job_id: int) -> None:
    """The background task's body: read the stored file and import it. Never raises for a failure of the import
    itself: the job is marked failed with a French message. Does nothing for a job that no longer waits."""
    job = _claim(job_id)
    if job is None:
        return
    try:
        with job.file.open("rb") as stored:
            data = stored.read()
    except (OSError, ValueError):
        logger.exception("Fichier de l'import n° %s illisible.", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            file="",
            error="Le fichier envoyé n'a pas été retrouvé sur le serveur : envoyez-le de nouveau.",
        )
        return
    _execute(job, data, _ProgressWriter(job_id))


def import_file(
    data: bytes,
    *,
    file_name: str,
    file_format: str,
    dry_run: bool,
    published: date | None = None,
    actor: User | None = None,
    progress: Progress | None = None,
) -> ImportJob:
    """Import a file at once, in this process (the command line): recorded as a job, so that it appears in the
    organisers' list of imports, without keeping the file."""
    check_upload_size(len(data))
    now = timezone.now()
    job = ImportJob.objects.create(
        created_by=actor,
        file_name=file_name[:255],
        file_size=len(data),
        file_format=file_format,
        published=published,
        dry_run=dry_run,
        status=ImportStatus.RUNNING,
        stage="read",
        started_at=now,
        heartbeat_at=now,
    )
    return _execute(job, data, _ProgressWriter(job.pk, echo=progress))


# --- Exports -------------------------------------------------------------------------------------------------


EXPORT_CHUNK = 2000


def export_rows(queryset: QuerySet[Place] | None = None) -> Iterable[Row]:
    """The places as rows of the standard, for `standard.write_csv` and `write_json`, in a stable order (by id),
    read in chunks so that memory stays flat whatever the volume."""
    places = Place.objects.all() if queryset is None else queryset
    for place in places.order_by("id_standard").iterator(chunk_size=EXPORT_CHUNK):
        yield place.as_row()
