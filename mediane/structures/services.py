"""Every write of structures and places: importing the rows of a file of places (upsert by (source, `id`)), the
source of the Ministry's libraries file, and the rows of the exports. The plan of an import (rows compared with the
database, rows to write) is `services_plan.py`; the import jobs that run it in the background or from the command
line are in `import_jobs.py`.

`import_places` works everything out first, then writes in one short transaction: a failure leaves nothing
half-written, and a dry run does the same work and stops before writing. Every row of the file ends up created,
updated, unchanged or rejected with its line and French messages: nothing is dropped silently. Refusals raise
`ImportRefused` with a French message that says what to do.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone  # noqa: F401 - the tests freeze and read `services.timezone`

from mediane.french import count_phrase, plural

from . import standard
from .enums import ImportFormat
from .libraries import NO_PUBLIC, LibrariesResult
from .models import ImportJob, Place, PlaceSource
from .services_plan import (
    PLAN_END,
    Changed,
    Entry,
    ImportReport,
    Plan,
    Progress,
    entries_of,
    length_problems,
    place_values,
)
from .signals import places_changed
from .standard import ReadResult, Rejection, Row

if TYPE_CHECKING:
    from mediane.accounts.models import User

EXAMPLE_LINES = 5
# Places changed by someone else between the plan and the write: plan again, this many times at most.
PLAN_ATTEMPTS = 2
# The most frequent rejection messages quoted when every row was rejected.
FREQUENT_ERRORS = 3

LIBRARIES_SOURCE_SLUG = "bibliotheques-ministere-culture"
LIBRARIES_SOURCE_NAME = "Bibliothèques publiques (ministère de la Culture)"


class ImportRefused(Exception):
    """A refusal of the import services; the message is French and tells the person what to do."""


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


def describe_failure(report: ImportReport, *, all_or_nothing: bool) -> str:
    """Why an import wrote nothing because of its rejected rows, or "" when it did not fail for them: every row
    rejected, or, all or nothing, one row rejected. Names the most frequent errors."""
    if not report.rejected or not (report.every_row_rejected or all_or_nothing):
        return ""
    counts = Counter(message for rejection in report.rejections for message in rejection.messages[:1])
    frequent = " ; ".join(
        f"« {message} » ({count_phrase(count, 'ligne')})" for message, count in counts.most_common(FREQUENT_ERRORS)
    )
    if report.every_row_rejected:
        rows = plural(
            report.rows, "la seule ligne a été rejetée", f"les {count_phrase(report.rows, 'ligne')} ont été rejetées"
        )
        opening = f"Aucune ligne n'a pu être importée : {rows}."
    else:
        rows = count_phrase(report.rejected, "ligne est rejetée", "lignes sont rejetées")
        opening = (
            f"Rien n'a été importé : l'import « tout ou rien » demande que chaque ligne soit valide, et "
            f"{rows} sur {report.rows}."
        )
    return f"{opening} Les erreurs les plus fréquentes : {frequent}. Corrigez le fichier puis envoyez-le de nouveau."


def describe_kept_corrections(report: ImportReport) -> str:
    """« 3 lieux gardent les corrections de leurs responsables (champs : services, horaires). », or ""."""
    if not report.kept_corrections:
        return ""
    places = count_phrase(
        report.kept_corrections,
        "lieu garde les corrections de ses responsables",
        "lieux gardent les corrections de leurs responsables",
    )
    return f"{places} (champs : {', '.join(report.kept_fields)}) : le fichier ne les remplace pas."


def source_for_libraries() -> PlaceSource:
    """The source of the Ministry of Culture's libraries file, created on first use."""
    source, _ = PlaceSource.objects.get_or_create(slug=LIBRARIES_SOURCE_SLUG, defaults={"name": LIBRARIES_SOURCE_NAME})
    return source


def _lines(lines: list[int | None]) -> str:
    known = [str(line) for line in lines if line is not None]
    if not known:
        return ""
    more = ", …" if len(known) > EXAMPLE_LINES else ""
    return f" ({plural(known, 'ligne', 'lignes')} {', '.join(known[:EXAMPLE_LINES])}{more})"


def check_can_import(actor: User | None) -> None:
    if actor is None or not actor.has_perm("structures.import_places"):
        raise ImportRefused("Seul·e un·e organisateur·rice peut importer des lieux.")


def _read_entries(
    result: ReadResult | LibrariesResult,
) -> tuple[list[Entry], list[Rejection], list[str]]:
    """The accepted rows as entries, the rows the database cannot keep, and the warnings about the whole file."""
    rejections: list[Rejection] = []
    warnings: list[str] = []
    entries: list[Entry] = []
    without_departement: list[int | None] = []
    without_public: list[int | None] = []
    without_address: list[int | None] = []
    contradicting: list[int | None] = []
    for line, row, library, extra in entries_of(result):
        values = place_values(row, extra)
        problems = length_problems(values)
        if problems:
            rejections.append(Rejection(line or 0, values["id_standard"], tuple(problems)))
            continue
        if values.pop("_contradiction"):
            contradicting.append(line)
        if not values["departement"]:
            without_departement.append(line)
        if NO_PUBLIC in values["modalites_acces"]:
            without_public.append(line)
        if not values["adresse"]:
            without_address.append(line)
        entries.append(Entry(line, row, values, library))
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
    if without_address:
        warnings.append(
            f"{len(without_address)} lieu(x) sans adresse (numéro et voie) mais avec leurs coordonnées : importés "
            f"et montrés avec leur commune{_lines(without_address)}. Le standard exige une adresse : les exports "
            f"les laissent de côté tant qu'elle n'est pas complétée."
        )
    return entries, rejections, warnings


def import_places(
    result: ReadResult | LibrariesResult,
    *,
    source_format: str,
    dry_run: bool,
    actor: User | None = None,
    progress: Progress | None = None,
    place_source: PlaceSource | None = None,
    all_or_nothing: bool = False,
) -> ImportReport:
    """Upsert the accepted rows of a read file as places of `place_source`, by (source, `id`), with their
    structures. Places without source are upserted by `id` among places without source (see `services_plan`).

    `actor`, when given, must be allowed to import (the command line passes none). Everything is read, checked and
    worked out first, outside any transaction; then one short transaction writes it all, or nothing (on SQLite a
    write transaction holds the whole database: see `mediane/bulk.py`). A dry run stops before that transaction and
    takes no write lock. If places changed between the plan and the write, the import plans again once. Rows the
    database cannot keep (a value longer than its column) are rejected with their line, like the reader's
    rejections. Nothing is written when every row is rejected, nor, with `all_or_nothing`, when one row is
    (`report.nothing_written`; `describe_failure` says why). A field a place's managers corrected
    (`Place.managed_fields`) keeps their value.
    """
    if actor is not None:
        check_can_import(actor)
    started = time.monotonic()
    notify = progress or (lambda stage, fraction: None)
    entries, too_long, own_warnings = _read_entries(result)
    rejections = [*result.rejected, *too_long]
    warnings = [*result.warnings, *own_warnings]
    verdict = result.verdict if isinstance(result, ReadResult) else ""
    column_report = list(result.column_report) if isinstance(result, ReadResult) else []

    for attempt in range(PLAN_ATTEMPTS):
        report = ImportReport(dry_run=dry_run, warnings=list(warnings), verdict=verdict, column_report=column_report)
        plan = Plan(
            entries,
            libraries=source_format == ImportFormat.LIBRARIES,
            progress=notify,
            source=place_source,
        )
        plan.load()
        kept, elsewhere = plan.other_sources()
        report.rejections = sorted([*rejections, *elsewhere], key=lambda rejection: rejection.line)
        report.rows = len(entries) + len(rejections)
        writes = plan.prepare(kept, report)
        kept_corrections = describe_kept_corrections(report)
        if kept_corrections:
            report.warnings.append(kept_corrections)
        if describe_failure(report, all_or_nothing=all_or_nothing):
            report.nothing_written = True
            break
        if dry_run or not writes.anything:
            break
        notify("write", PLAN_END + (1 - PLAN_END) * 0.9)
        try:
            locked = time.monotonic()
            with transaction.atomic():
                if plan.changed_since_planning():
                    raise Changed
                writes.apply()
                transaction.on_commit(lambda: places_changed.send(sender=Place))
            report.write_seconds = time.monotonic() - locked
            break
        except Changed:
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
# The key of the JSON export under which a place's extra data (`Place.extra`) goes: not a field of the standard,
# so a reader of the standard ignores it.
EXTRA_KEY = "donnees_source"


def exportable_places(queryset: QuerySet[Place] | None = None) -> QuerySet[Place]:
    """The places the standard's exports carry: the standard requires an address, so a place known only by its
    coordinates and commune (a library of the Ministry's file without street address) is left out."""
    places = Place.objects.all() if queryset is None else queryset
    return places.exclude(adresse="")


def export_exclusions(queryset: QuerySet[Place] | None = None) -> tuple[int, str]:
    """How many places the exports leave out, and the French sentence that says so and why ("" when none)."""
    places = Place.objects.all() if queryset is None else queryset
    count = places.filter(adresse="").count()
    if not count:
        return 0, ""
    places_words = count_phrase(count, "lieu n'est pas exporté", "lieux ne sont pas exportés")
    return count, (
        f"{places_words} : {plural(count, 'il n’a', 'ils n’ont')} pas d'adresse (numéro et voie), que le standard "
        f"national exige. {plural(count, 'Il reste visible', 'Ils restent visibles')} sur Médiane avec "
        f"{plural(count, 'sa commune', 'leur commune')}."
    )


def exported_ids(places: QuerySet[Place]) -> dict[int, str]:
    """The exported `id` of the places whose `id` is also another source's (by place pk): the first holder keeps
    the id (places without source first, then sources from the oldest), the others get « <source slug>-<id> », so
    that every exported id is unique. One query; only the places of shared ids are read."""
    shared = places.values("id_standard").annotate(holders=Count("pk")).filter(holders__gt=1).values("id_standard")
    renamed: dict[int, str] = {}
    first: set[str] = set()
    holders = (
        places.filter(id_standard__in=shared)
        .order_by("id_standard", F("place_source_id").asc(nulls_first=True), "pk")
        .values_list("pk", "id_standard", "place_source__slug")
    )
    for pk, identifier, slug in holders:
        if identifier not in first:
            first.add(identifier)
            continue
        renamed[pk] = f"{slug or 'lieu'}-{identifier}"
    return renamed


def export_row(place: Place, renamed: dict[int, str]) -> Row:
    row = place.as_row()
    if place.pk in renamed:
        row["id"] = renamed[place.pk]
    return row


def published_columns() -> dict[int, frozenset[str]]:
    """Source pk → the kept columns its profile publishes (`Profile.published`, a part of `extra`). A kept column
    is published only when the organiser ticked it: producers' files carry names, e-mails and mobile numbers of
    their staff. One query."""
    published: dict[int, frozenset[str]] = {}
    for pk, profile in PlaceSource.objects.values_list("pk", "profile"):
        if not isinstance(profile, dict):
            continue
        extra = profile.get("extra") or []
        chosen = profile.get("published") or []
        if isinstance(extra, list) and isinstance(chosen, list):
            published[pk] = frozenset(str(column) for column in chosen if column in extra)
    return published


def public_extra(place: Place, published: dict[int, frozenset[str]]) -> dict[str, str]:
    """The extra data of a place that its source publishes (none for a place without source)."""
    columns = published.get(place.place_source_id) if place.place_source_id else None
    if not columns or not place.extra:
        return {}
    return {key: value for key, value in place.extra.items() if key in columns}


def export_places(
    queryset: QuerySet[Place] | None = None, *, published: dict[int, frozenset[str]] | None = None
) -> Iterator[tuple[Row, dict[str, str]]]:
    """The exportable places (`exportable_places`) as rows of the standard, each with a unique `id`
    (`exported_ids`), and the extra data their source publishes (`public_extra` of `published`; none without
    it), in a stable order, read in chunks so that memory stays flat whatever the volume."""
    places = exportable_places(queryset)
    renamed = exported_ids(places)
    for place in places.order_by("id_standard", "pk").iterator(chunk_size=EXPORT_CHUNK):
        yield export_row(place, renamed), public_extra(place, published) if published else {}


def export_rows(queryset: QuerySet[Place] | None = None) -> Iterator[Row]:
    """The rows of `export_places`, for `standard.write_csv` and `write_json`."""
    for row, _extra in export_places(queryset):
        yield row


def export_json_chunks() -> Iterator[str]:
    """The JSON export, piece by piece: the records of `standard.write_json`, each with its place's published
    extra data under `EXTRA_KEY` when it has some (a key the standard ignores)."""
    yield "["
    separator = "\n"
    chunk: list[tuple[Row, dict[str, str]]] = []
    places = export_places(published=published_columns())
    while True:
        chunk = list(islice(places, EXPORT_CHUNK))
        if not chunk:
            break
        records = json.loads(standard.write_json([row for row, _extra in chunk]))
        for record, (_row, extra) in zip(records, chunk, strict=True):
            if extra:
                record[EXTRA_KEY] = extra
        yield separator + ",\n".join(json.dumps(record, ensure_ascii=False, indent=2) for record in records)
        separator = ",\n"
    yield "\n]\n" if separator != "\n" else "]\n"
