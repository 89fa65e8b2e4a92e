"""How a job runs: claimed by one attempt, a sign of life while it works, progress, an honest end, and the recovery
of jobs whose process died.

Every write here is a short `UPDATE … WHERE pk = … AND status = 'running' AND attempts = n`: an attempt that was
declared dead (and replaced by a retry) finds that it no longer owns the job and stops (`JobAbandoned`) without
writing anything more. The work function writes its results itself and ends with `finish(job, …)`, or inside its own
transaction after `lock_current(job)`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import (
    ACTIVE_STATUSES,
    FAILED,
    MAX_ATTEMPTS,
    QUEUED,
    RUNNING,
    BackgroundJob,
    JobQuerySet,
    heartbeat_seconds,
)

logger = logging.getLogger(__name__)

J = TypeVar("J", bound=BackgroundJob)
Progress = Callable[[str, float], None]

# Progress is written at most this often (seconds): a long job calls back often.
PROGRESS_INTERVAL = 0.5


class JobAbandoned(Exception):
    """This attempt no longer owns its job (declared dead and retried, or failed): it must write nothing more."""


class JobFailed(Exception):
    """An expected failure; the message is French and tells the person what to do. Nothing partial is kept."""


def job_models() -> list[type[BackgroundJob]]:
    return [model for model in apps.get_models() if issubclass(model, BackgroundJob)]


def _owned(job: BackgroundJob):
    return type(job)._default_manager.filter(pk=job.pk, status=RUNNING, attempts=job.attempts)


# --- Claiming -----------------------------------------------------------------------------------------------------


def claim(model: type[J], job_id: int) -> J | None:
    """Turn a queued job (or a running one whose process died) into this attempt's running job, or None.

    A task may be delivered twice (Celery acknowledges late, so the broker hands a dead worker's task to another):
    only one delivery claims the job, and a job still alive elsewhere is left alone. A job that already used its
    attempts is failed instead.
    """
    with transaction.atomic():
        job = model._default_manager.select_for_update(of=("self",)).filter(pk=job_id).first()
        if job is None:
            logger.warning("%s n° %s n'existe plus : rien à faire.", model._meta.verbose_name, job_id)
            return None
        now = timezone.now()
        if job.status == RUNNING and job.is_dead_at(now):
            if job.attempts >= MAX_ATTEMPTS:
                _fail_locked(job, job.dead_message())
                return None
        elif job.status != QUEUED:
            return None
        if job.attempts:
            job.discard_partial_work()
        fields = {
            "status": RUNNING,
            "attempts": job.attempts + 1,
            "started_at": now,
            "heartbeat_at": now,
            "stage": "",
            "progress": 0.0,
            "error": "",
        }
        model._default_manager.filter(pk=job_id).update(**fields)
        for name, value in fields.items():
            setattr(job, name, value)
        return cast(J, job)


# --- While the work runs ------------------------------------------------------------------------------------------


class ProgressWriter:
    """The work's progress callback: writes the stage and progress (and so a sign of life) at most every
    PROGRESS_INTERVAL seconds, and at every change of stage. `echo` also shows it on a terminal (command line)."""

    def __init__(self, job: BackgroundJob, echo: Progress | None = None) -> None:
        self.job = job
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
        progress = max(0.0, min(1.0, fraction))
        if not _owned(self.job).update(stage=stage[:20], progress=progress, heartbeat_at=timezone.now()):
            raise JobAbandoned
        self.job.stage, self.job.progress = stage[:20], progress


class Heartbeat:
    """While the work runs, a thread writes a sign of life every `heartbeat_seconds()`, so that one long step (a
    clustering, a PDF layout) is not taken for a dead process. Not started inside a transaction (tests, the demo
    loader): the thread's writes would wait for it."""

    def __init__(self, job: BackgroundJob, interval: float | None = None) -> None:
        self.job = job
        self.interval = heartbeat_seconds() if interval is None else interval
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def __enter__(self) -> Heartbeat:
        if not connection.in_atomic_block:
            name = f"{self.job._meta.model_name}-{self.job.pk}-heartbeat"
            self.thread = threading.Thread(target=self.beat, name=name, daemon=True)
            self.thread.start()
        return self

    def beat(self) -> None:
        try:
            while not self.stop.wait(self.interval):
                if not _owned(self.job).update(heartbeat_at=timezone.now()):
                    return
        except Exception:
            logger.exception("Signe de vie impossible à écrire pour %s.", self.job)
        finally:
            connection.close()  # this thread's own connection

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()


def lock_current(job: BackgroundJob) -> None:
    """Inside the work's final transaction: lock the job row, and stop if this attempt no longer owns it."""
    if not _owned(job).select_for_update(of=("self",)).exists():
        raise JobAbandoned


def finish(job: BackgroundJob, status: str | None = None, **fields: Any) -> None:
    """Record the end of this attempt's work (`succeeded` unless another terminal status is given), with `fields`."""
    now = timezone.now()
    values = {"status": status or "succeeded", "progress": 1.0, "finished_at": now, "heartbeat_at": now, **fields}
    if not _owned(job).update(**values):
        raise JobAbandoned
    for name, value in values.items():
        setattr(job, name, value)


def _fail_locked(job: BackgroundJob, message: str) -> None:
    """Mark `job` failed with `message`, discarding its partial work. Caller holds the job's row lock."""
    now = timezone.now()
    job.discard_partial_work()
    type(job)._default_manager.filter(pk=job.pk, status__in=ACTIVE_STATUSES).update(
        status=FAILED, error=message, finished_at=now, heartbeat_at=now
    )
    job.status, job.error, job.finished_at = FAILED, message, now
    transaction.on_commit(job.on_failed)


def fail(job: BackgroundJob, message: str) -> None:
    """Mark this attempt's job failed with a French `message`, unless the attempt no longer owns it."""
    with transaction.atomic():
        locked = _owned(job).select_for_update(of=("self",)).first()
        if locked is not None:
            _fail_locked(locked, message)
            job.status, job.error = locked.status, locked.error


def run_job(model: type[J], job_id: int) -> J | None:
    """The body of every background job: claim it, run its `work` with a heartbeat and a progress writer, and make
    sure it ends succeeded or failed. Never raises for a failure of the work itself: the job records it, and the
    trace goes to the log. Returns the job as this attempt left it, or None when there was nothing to do."""
    job = claim(model, job_id)
    if job is None:
        return None
    execute(job, ProgressWriter(job))
    return job


def execute(job: J, progress: Progress, work: Callable[[Any, Progress], None] | None = None) -> J:
    """Run the claimed `job`'s work (its `work` path, unless given) in this process: `run_job`, or the command line
    with its own progress and data."""
    work = work or import_string(job.work)
    try:
        with Heartbeat(job):
            work(job, progress)
    except JobAbandoned:
        logger.warning("%s a été déclaré(e) interrompu(e) pendant son travail : résultat abandonné.", job)
    except JobFailed as failure:
        fail(job, str(failure))
    except Exception as error:
        logger.exception("%s a échoué.", job)
        fail(job, job.unexpected_error_message(error))
    else:
        if job.status == RUNNING:
            job.refresh_from_db()
    return job


# --- Dead jobs ----------------------------------------------------------------------------------------------------


def recover(job: BackgroundJob, *, retry: bool = True) -> bool:
    """Deal with `job` if its process is dead: queue it again for one more attempt, or fail it. True if it was dead.

    With `retry=False` (a person launches a new job in its place) a dead job is failed at once.
    """
    from .queue import start

    model = type(job)
    with transaction.atomic():
        locked = model._default_manager.select_for_update(of=("self",)).filter(pk=job.pk).first()
        if locked is None or not locked.is_dead_at(timezone.now()):
            return False
        if retry and locked.attempts < MAX_ATTEMPTS:
            now = timezone.now()
            fields = {"status": QUEUED, "stage": "", "progress": 0.0, "heartbeat_at": now}
            model._default_manager.filter(pk=job.pk).update(**fields)
            logger.warning("%s ne donnait plus signe de vie : nouvelle tentative.", locked)
            start(locked)
        else:
            _fail_locked(locked, locked.dead_message())
    job.refresh_from_db()
    return True


def check_alive(job: BackgroundJob) -> BackgroundJob:
    """For a page that shows `job`: if its process died, retry or fail it now. No query when it is alive."""
    if job.is_active and job.is_dead_at(timezone.now()):
        recover(job)
    return job


def retire_dead(jobs: Iterable[BackgroundJob]) -> None:
    """Before a launch: fail the dead ones among the active `jobs` of the same subject, so none blocks it."""
    now = timezone.now()
    for job in jobs:
        if job.is_dead_at(now):
            recover(job, retry=False)


def recover_dead_jobs() -> int:
    """Every dead job of every kind is retried once or failed (the watchdog and Celery beat call this). How many."""
    found = 0
    now = timezone.now()
    for model in job_models():
        dead = cast(JobQuerySet, model._default_manager.all()).dead_at(now)
        for job in dead.only("pk"):
            try:
                found += recover(job)
            except Exception:
                logger.exception("Impossible de reprendre %s.", job)
    return found
