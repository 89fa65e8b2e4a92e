"""Imports of places as background jobs (`mediane/jobs/`): an organiser's upload, the import of a file checked by a
dry run, and the command line, which runs the same job in its own process.

The uploaded file is kept in the default storage while the job waits and runs, and after a dry run until the real
import of the same file is launched (or `DRY_RUN_FILE_KEPT` has passed). Refusals raise `ImportRefused` with a French
message that says what to do.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from mediane.jobs import queue, runner

from . import imports
from .enums import ImportFormat, ImportStatus
from .mapping.profile import Profile, ProfileError
from .models import ImportJob, PlaceSource
from .services import (
    ImportRefused,
    check_can_import,
    describe_failure,
    import_places,
    source_for_libraries,
)
from .services_plan import READ_END, Progress
from .standard import FormatError

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from mediane.accounts.models import User

logger = logging.getLogger(__name__)

# An uploaded file is refused past this size (the national libraries file weighs about 1 MB compressed).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# After a dry run the file is kept this long, so that the organiser can import it without sending it again.
DRY_RUN_FILE_KEPT = timedelta(hours=24)


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y à %H:%M")


def forget_file(job: ImportJob) -> None:
    """Delete the job's stored file, if it still has one, and blank the field."""
    if job.file and job.file.name:
        try:
            default_storage.delete(job.file.name)
        except OSError:
            logger.warning("Fichier de l'import n° %s impossible à supprimer : %s", job.pk, job.file.name)
        ImportJob.objects.filter(pk=job.pk).update(file="")


def _discard_expired_dry_run_files() -> None:
    expired = ImportJob.objects.filter(dry_run=True, finished_at__lt=timezone.now() - DRY_RUN_FILE_KEPT).exclude(
        file=""
    )
    for job in expired.only("pk", "file"):
        forget_file(job)


def _check_no_running_import() -> None:
    """Refuse while another real import is queued or running and alive (a dead one is failed first)."""
    runner.retire_dead(ImportJob.objects.active().filter(dry_run=False))
    for job in ImportJob.objects.active().filter(dry_run=False):
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


def _source_of(file_format: str, place_source: PlaceSource | None, profile: Profile | None) -> PlaceSource | None:
    """The source of a file's places: the libraries' own for the Ministry's file, else the one chosen."""
    if file_format == ImportFormat.MAPPED and profile is None:
        raise ImportRefused(
            "Un fichier au format du producteur s'importe avec sa correspondance : construisez-la ou choisissez "
            "la source qui en a une."
        )
    if file_format == ImportFormat.LIBRARIES:
        return source_for_libraries()
    return place_source


def launch_import(
    actor: User | None,
    upload: UploadedFile,
    *,
    file_format: str,
    dry_run: bool,
    published: date | None = None,
    place_source: PlaceSource | None = None,
    profile: Profile | None = None,
    all_or_nothing: bool = False,
) -> ImportJob:
    """Store the uploaded file and queue its import (or its check, for a dry run) once the transaction commits.

    The places are `place_source`'s (the Ministry's libraries file always goes to its own source,
    `source_for_libraries`); a producer's own file (`ImportFormat.MAPPED`) is read through `profile`, kept with
    the job as it is now. With `all_or_nothing`, one rejected row means nothing is written. Refuses when `actor`
    is not an organiser, when the file is too large, when a producer's file comes without its profile, and, for a
    real import, while another real import is queued or running and alive.
    """
    check_can_import(actor)
    check_upload_size(upload.size or 0)
    place_source = _source_of(file_format, place_source, profile)
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
                place_source=place_source,
                profile=profile.as_json() if profile is not None else {},
                all_or_nothing=all_or_nothing,
            )
            queue.start(job)
    except Exception:
        default_storage.delete(stored)
        raise
    return job


def import_checked_file(actor: User | None, checked: ImportJob, *, all_or_nothing: bool | None = None) -> ImportJob:
    """Queue the real import of the file a dry run checked; the new job takes the file over, with the check's
    source, profile and choice of all or nothing (unless `all_or_nothing` is given)."""
    check_can_import(actor)
    if not checked.dry_run or checked.status != ImportStatus.SUCCEEDED:
        raise ImportRefused("Seul un fichier vérifié avec succès peut être importé depuis sa vérification.")
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
            place_source=locked.place_source,
            profile=locked.profile,
            all_or_nothing=locked.all_or_nothing if all_or_nothing is None else all_or_nothing,
        )
        ImportJob.objects.filter(pk=locked.pk).update(file="")
        queue.start(job)
    return job


def execute_import(job: ImportJob, progress: Progress, data: bytes | None = None) -> None:
    """The job's work: read the stored file (or `data`, from the command line) and import it, then record the
    counts and the report. A file that cannot be read fails the job with the reader's line-numbered message."""
    if data is None:
        try:
            with job.file.open("rb") as stored:
                data = stored.read()
        except (OSError, ValueError) as error:
            logger.exception("Fichier de l'import n° %s illisible.", job.pk)
            raise runner.JobFailed(
                "Le fichier envoyé n'a pas été retrouvé sur le serveur : envoyez-le de nouveau."
            ) from error
    try:
        progress("read", 0.02)
        published = job.published or timezone.localdate()
        if job.profile:
            profile = Profile.from_json(job.profile)
            result = imports.read_places(data, job.file_format, published=published, profile=profile)
        else:
            result = imports.read_places(data, job.file_format, published=published)
        progress("read", READ_END)
        report = import_places(
            result,
            source_format=job.file_format,
            dry_run=job.dry_run,
            progress=progress,
            place_source=job.place_source,
            all_or_nothing=job.all_or_nothing,
        )
    except (FormatError, ProfileError) as error:
        raise runner.JobFailed(f"Le fichier n'a pas pu être lu : {error}") from error
    except ImportRefused as error:
        raise runner.JobFailed(str(error)) from error
    except IntegrityError as error:
        logger.exception("L'import n° %s a échoué.", job.pk)
        raise runner.JobFailed(
            "Un autre import a modifié les mêmes lieux pendant celui-ci. Rien n'a été enregistré : relancez l'import."
        ) from error
    finished: dict[str, Any] = {
        "stage": "done",
        "rows_count": report.rows,
        "created_count": report.created,
        "updated_count": report.updated,
        "unchanged_count": report.unchanged,
        "rejected_count": report.rejected,
        "structures_created_count": report.structures_created,
        "structures_updated_count": report.structures_updated,
        "report": report.as_json(),
    }
    failure = describe_failure(report, all_or_nothing=job.all_or_nothing)
    if failure:
        # Failed, with the report kept: the job's page lists every rejected row. No file is kept for a failed job.
        runner.finish(job, status=ImportStatus.FAILED, error=failure, **finished)
        forget_file(job)
        return
    runner.finish(job, **finished)
    if not job.dry_run:
        forget_file(job)


def import_file(
    data: bytes,
    *,
    file_name: str,
    file_format: str,
    dry_run: bool,
    published: date | None = None,
    actor: User | None = None,
    progress: Progress | None = None,
    place_source: PlaceSource | None = None,
    profile: Profile | None = None,
    all_or_nothing: bool = False,
) -> ImportJob:
    """Import a file at once, in this process (the command line): recorded as a job, so that it appears in the
    organisers' list of imports, without keeping the file. Source, profile and all or nothing as `launch_import`."""
    check_upload_size(len(data))
    place_source = _source_of(file_format, place_source, profile)
    job = ImportJob.objects.create(
        created_by=actor,
        file_name=file_name[:255],
        file_size=len(data),
        file_format=file_format,
        published=published,
        dry_run=dry_run,
        place_source=place_source,
        profile=profile.as_json() if profile is not None else {},
        all_or_nothing=all_or_nothing,
    )
    claimed = runner.claim(ImportJob, job.pk)
    if claimed is None:  # pragma: no cover - the row was created just above, queued
        raise ImportRefused("L'import n'a pas pu démarrer : relancez la commande.")

    def work(job: ImportJob, writer: Progress) -> None:
        execute_import(job, writer, data)

    runner.execute(claimed, runner.ProgressWriter(claimed, echo=progress), work=work)
    claimed.refresh_from_db()
    return claimed
