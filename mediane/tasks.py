"""`enqueue`: run a background task the way this deployment is set up (`settings.TASKS_MODE`).

- "celery": the task goes to a Celery worker through the broker (production).
- "thread": the task runs in a daemon thread of the web process (embedded default; no other service needed).
  A task cut off by a restart simply stops; the code that owns the task must treat work that no longer makes
  progress as failed (synthesis runs do, through their heartbeat).
- "inline": the task runs at once in the calling thread (tests).

In every mode the task starts only after the current transaction commits, so it sees the rows it is about.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections, transaction

logger = logging.getLogger(__name__)


def enqueue(task: Any, *args: Any) -> None:
    """Schedule the Celery `task` (a `shared_task`) with positional `args` once the transaction commits."""
    mode = settings.TASKS_MODE
    if mode == "celery":
        transaction.on_commit(lambda: task.delay(*args))
    elif mode == "thread":
        transaction.on_commit(lambda: _start_thread(task, args))
    else:
        transaction.on_commit(lambda: task.run(*args))


def _start_thread(task: Any, args: tuple) -> None:
    thread = threading.Thread(target=_run_in_thread, args=(task, args), name=f"task-{task.name}", daemon=True)
    thread.start()


def _run_in_thread(task: Any, args: tuple) -> None:
    close_old_connections()
    try:
        task.run(*args)
    except Exception:
        # The task records its own failure where it matters; this only keeps the trace.
        logger.exception("La tâche %s a échoué.", task.name)
    finally:
        connections.close_all()
