"""The abstract job row: what every background job records about itself, and how its life is read.

A concrete job (a synthesis run, a dossier, an import) inherits `BackgroundJob`, may redefine `status` with its own
French labels (the values stay `queued`, `running`, `succeeded`, `failed`, plus terminal values of its own), and
names the function that does its work (`work`, a dotted path to `function(job, progress)`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

QUEUED, RUNNING, SUCCEEDED, FAILED = "queued", "running", "succeeded", "failed"
ACTIVE_STATUSES = (QUEUED, RUNNING)
# An attempt that dies is retried once; the second death fails the job.
MAX_ATTEMPTS = 2


class JobStatus(models.TextChoices):
    QUEUED = QUEUED, "en attente"
    RUNNING = RUNNING, "en cours"
    SUCCEEDED = SUCCEEDED, "terminé"
    FAILED = FAILED, "échoué"


def dead_after() -> timedelta:
    """A running job silent for this long has lost its process (`MEDIANE_JOBS_DEAD_AFTER`, 45 seconds by default)."""
    return timedelta(seconds=settings.MEDIANE_JOBS_DEAD_AFTER)


def heartbeat_seconds() -> float:
    """How often a running job writes a sign of life: several times within `dead_after`, at most every 10 s."""
    return min(10.0, settings.MEDIANE_JOBS_DEAD_AFTER / 4)


def queue_grace() -> timedelta:
    """How long a queued job may wait for a process before it is taken for lost.

    A thread starts at once, so a job still queued after `dead_after()` lost its process; Celery workers may be busy
    with other jobs, so the broker gets `MEDIANE_JOBS_QUEUE_TIMEOUT` seconds before the job is sent again.
    """
    if settings.TASKS_MODE == "celery":
        return timedelta(seconds=settings.MEDIANE_JOBS_QUEUE_TIMEOUT)
    return dead_after()


class JobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def dead_at(self, moment):
        """Active jobs whose process is gone: running and silent for `dead_after()`, or queued too long."""
        last_sign = Coalesce("heartbeat_at", "started_at", "created_at")
        running_dead = models.Q(status=RUNNING, last_sign__lt=moment - dead_after())
        queued_dead = models.Q(status=QUEUED, last_sign__lt=moment - queue_grace())
        return self.annotate(last_sign=last_sign).filter(running_dead | queued_dead)


class BackgroundJob(models.Model):
    status = models.CharField("état", max_length=12, choices=JobStatus.choices, default=QUEUED)
    # What the job is doing now (a stage name of its own), and the share of the work done, from 0 to 1.
    stage = models.CharField("étape", max_length=20, blank=True)
    progress = models.FloatField("avancement", default=0.0)
    # Attempts started so far; the one running is number `attempts`. A retry after a dead process adds one.
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    created_at = models.DateTimeField("créé le", default=timezone.now)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    # Written by the running attempt every few seconds, and when the job is queued again.
    heartbeat_at = models.DateTimeField("dernier signe de vie", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    error = models.TextField("erreur", blank=True)

    # Each concrete job sets `objects` to a manager of `JobQuerySet` (or of a subclass of it).

    # The function that does the work: `function(job, progress)`, found by its dotted path (see `runner.run_job`).
    work: ClassVar[str] = ""
    # Said when the job's process died and it is not retried (any more): French sentences.
    interrupted_message: ClassVar[str] = (
        "Le travail s'est arrêté sans finir : le processus qui le faisait ne donne plus signe de vie (serveur "
        "redémarré ou tâche arrêtée). Rien de partiel n'a été gardé : vous pouvez le relancer."
    )

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_retry(self) -> bool:
        """True while an attempt after a dead one waits or runs."""
        return self.attempts > 1 or (self.status == QUEUED and self.attempts >= 1)

    @property
    def progress_percent(self) -> int:
        return round(max(0.0, min(1.0, self.progress)) * 100)

    def last_sign_of_life(self):
        return self.heartbeat_at or self.started_at or self.created_at

    def is_dead_at(self, moment) -> bool:
        """True when the job still says queued or running but its process is gone (see `JobQuerySet.dead_at`)."""
        if self.status == RUNNING:
            return moment - self.last_sign_of_life() > dead_after()
        if self.status == QUEUED:
            return moment - self.last_sign_of_life() > queue_grace()
        return False

    def dead_message(self) -> str:
        """Why a job whose process died is failed: the model's sentence, and whether a retry died too."""
        if self.attempts >= MAX_ATTEMPTS:
            return f"{self.interrupted_message} La nouvelle tentative faite automatiquement s'est arrêtée elle aussi."
        return self.interrupted_message

    def unexpected_error_message(self, error: BaseException) -> str:
        return (
            f"Le travail a échoué à cause d'une erreur inattendue ({type(error).__name__}). Rien de partiel n'a été "
            "gardé. Le détail est dans le journal du serveur ; si l'erreur revient, signalez-la à l'équipe technique."
        )

    def discard_partial_work(self) -> None:
        """Remove what an attempt that did not finish may have written (called before a retry and on failure)."""

    def on_failed(self) -> None:
        """Release what a failed job holds (an uploaded file…). Called once, after the job is marked failed."""
