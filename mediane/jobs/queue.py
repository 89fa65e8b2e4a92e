"""Where background work runs, the way this deployment is set up (`settings.TASKS_MODE`):

- "celery": the work goes to a Celery worker through the broker (production). Tasks are acknowledged late and
  rejected when their worker is lost, so the broker hands a killed worker's task to another one.
- "thread": the work runs in a daemon thread of the web process (embedded default; no other service needed). A
  watchdog thread of each web process looks for dead jobs every few seconds (`runner.recover_dead_jobs`).
- "inline": the work runs at once in the calling thread (tests).

In every mode the work starts only after the current transaction commits, so it sees the rows it is about.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections, transaction

logger = logging.getLogger(__name__)

# How often the watchdog of a web process looks for dead jobs (thread mode). With the 45-second silence that makes a
# job dead, a dead job is found within a minute.
WATCHDOG_SECONDS = 15.0
_watchdog_lock = threading.Lock()
_watchdog: threading.Thread | None = None


def start(job: Any) -> None:
    """Queue the work of the job row `job` (a `BackgroundJob`) once the transaction commits."""
    from .tasks import run_job_task

    enqueue(run_job_task, job._meta.label, job.pk)


def enqueue(task: Any, *args: Any) -> None:
    """Schedule the Celery `task` (a `shared_task`) with positional `args` once the transaction commits."""
    mode = settings.TASKS_MODE
    if mode == "celery":
        transaction.on_commit(lambda: task.delay(*args))
    elif mode == "thread":
        ensure_watchdog()
        transaction.on_commit(lambda: _start_thread(task, args))
    else:
        transaction.on_commit(lambda: task.run(*args))


# Set by `without_emails()`: rows written for people who do not exist (the demo) tell no one.
_silent: ContextVar[bool] = ContextVar("jobs_without_emails", default=False)


@contextmanager
def without_emails() -> Iterator[None]:
    """Within this block, every app writes as usual but `enqueue_email` queues nothing (the demo's invented people)."""
    token = _silent.set(True)
    try:
        yield
    finally:
        _silent.reset(token)


def enqueue_email(task: Any, *args: Any) -> None:
    """`enqueue` for a task that sends e-mail: skipped inside `without_emails()`."""
    if not _silent.get():
        enqueue(task, *args)


def _start_thread(task: Any, args: tuple) -> None:
    thread = threading.Thread(target=_run_in_thread, args=(task, args), name=f"task-{task.name}", daemon=True)
    thread.start()


def _run_in_thread(task: Any, args: tuple) -> None:
    close_old_connections()
    try:
        task.run(*args)
    except Exception:
        # A job records its own failure; this only keeps the trace.
        logger.exception("La tâche %s a échoué.", task.name)
    finally:
        connections.close_all()


def on_request_started(**kwargs: Any) -> None:
    if settings.TASKS_MODE == "thread" and settings.MEDIANE_JOBS_WATCHDOG:
        ensure_watchdog()


def ensure_watchdog() -> None:
    """Start this process's watchdog thread once (thread mode): it recovers the jobs of a process that died."""
    global _watchdog
    if not settings.MEDIANE_JOBS_WATCHDOG or (_watchdog is not None and _watchdog.is_alive()):
        return
    with _watchdog_lock:
        if _watchdog is None or not _watchdog.is_alive():
            _watchdog = threading.Thread(target=_watch, name="jobs-watchdog", daemon=True)
            _watchdog.start()


def _watch() -> None:
    from .runner import recover_dead_jobs

    stop = threading.Event()
    while settings.MEDIANE_JOBS_WATCHDOG:
        try:
            close_old_connections()
            recover_dead_jobs()
        except Exception:
            logger.exception("Le chien de garde des tâches de fond a échoué ; il réessaie.")
        finally:
            connections.close_all()
        stop.wait(WATCHDOG_SECONDS)
