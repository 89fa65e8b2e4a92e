"""The one background-job mechanism (`mediane/jobs/`): claimed once, signs of life, a dead process seen within a
minute, one automatic retry, then a clear failure; an attempt that was replaced writes nothing more."""

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from mediane.jobs import queue, runner
from mediane.jobs.models import MAX_ATTEMPTS
from mediane.structures.enums import ImportStatus
from mediane.structures.models import ImportJob
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisRun
from mediane.workinggroup.enums import DossierStatus
from tests.synthesis.factories import SynthesisRunFactory, seed_subjects
from tests.workinggroup.factories import DossierFactory

ROOT = Path(__file__).resolve().parents[2]


def _ago(seconds: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=seconds)


@pytest.mark.django_db
def test_a_queued_job_is_claimed_by_one_delivery_only():
    run = SynthesisRunFactory(queued=True)
    first = runner.claim(SynthesisRun, run.pk)
    assert first is not None and first.status == RunStatus.RUNNING and first.attempts == 1
    assert runner.claim(SynthesisRun, run.pk) is None  # a second delivery of the same task


@pytest.mark.django_db
def test_a_job_is_dead_after_its_silence_not_before(settings):
    settings.MEDIANE_JOBS_DEAD_AFTER = 45
    run = SynthesisRunFactory(running=True, heartbeat_at=_ago(40))
    assert not run.is_dead_at(timezone.now())
    assert list(SynthesisRun.objects.dead_at(timezone.now())) == []
    SynthesisRun.objects.filter(pk=run.pk).update(heartbeat_at=_ago(50))
    assert list(SynthesisRun.objects.dead_at(timezone.now())) == [run]


@pytest.mark.django_db
def test_every_kind_of_dead_job_is_retried_once_then_failed_with_a_french_message(monkeypatch):
    started = []
    monkeypatch.setattr(queue, "start", started.append)
    run = SynthesisRunFactory(running=True, heartbeat_at=_ago(120))
    dossier = DossierFactory(status=DossierStatus.RUNNING, attempts=1, heartbeat_at=_ago(120))
    job = ImportJob.objects.create(
        file_name="a.csv", file_format="standard_csv", status=ImportStatus.RUNNING, attempts=1, heartbeat_at=_ago(120)
    )
    alive = SynthesisRunFactory(running=True, heartbeat_at=timezone.now())

    assert runner.recover_dead_jobs() == 3
    for dead in (run, dossier, job):
        dead.refresh_from_db()
        assert (dead.status, dead.attempts) == ("queued", 1)
    assert {type(item) for item in started} == {SynthesisRun, type(dossier), ImportJob}
    alive.refresh_from_db()
    assert alive.status == RunStatus.RUNNING

    # The second attempt starts, then its process dies too.
    for dead in (run, dossier, job):
        claimed = runner.claim(type(dead), dead.pk)
        assert claimed.attempts == MAX_ATTEMPTS
        type(dead).objects.filter(pk=dead.pk).update(heartbeat_at=_ago(120))
    assert runner.recover_dead_jobs() == 3
    run.refresh_from_db()
    dossier.refresh_from_db()
    job.refresh_from_db()
    assert run.status == dossier.status == job.status == "failed"
    assert run.error.startswith("La synthèse s'est arrêtée sans finir")
    assert "La nouvelle tentative faite automatiquement s'est arrêtée elle aussi." in run.error
    assert job.error.startswith("L'import s'est arrêté sans finir") and "Rien n'a été enregistré" in job.error
    assert dossier.error.startswith("La génération du dossier a été interrompue")


@pytest.mark.django_db
def test_a_job_queued_but_never_started_is_sent_again(monkeypatch):
    started = []
    monkeypatch.setattr(queue, "start", started.append)
    run = SynthesisRunFactory(queued=True, created_at=_ago(600))
    assert runner.recover_dead_jobs() == 1
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and started == [run]


@pytest.mark.django_db
def test_in_celery_mode_a_queued_job_may_wait_for_a_busy_worker(settings, monkeypatch):
    settings.TASKS_MODE = "celery"
    monkeypatch.setattr(queue, "start", lambda job: pytest.fail("sent again"))
    SynthesisRunFactory(queued=True, created_at=_ago(600))
    assert runner.recover_dead_jobs() == 0


@pytest.mark.django_db
def test_an_attempt_that_was_replaced_writes_nothing_more():
    run = SynthesisRunFactory(queued=True)
    first = runner.claim(SynthesisRun, run.pk)
    progress = runner.ProgressWriter(first)
    progress("prepare", 0.2)
    # Its process was taken for dead: a second attempt claimed the job meanwhile.
    SynthesisRun.objects.filter(pk=run.pk).update(heartbeat_at=_ago(120))
    second = runner.claim(SynthesisRun, run.pk)
    assert second.attempts == 2

    with pytest.raises(runner.JobAbandoned):
        progress("cluster", 0.6)
    with pytest.raises(runner.JobAbandoned):
        runner.finish(first)
    runner.fail(first, "ne doit pas s'écrire")
    run.refresh_from_db()
    assert (run.status, run.attempts, run.stage, run.error) == (RunStatus.RUNNING, 2, "", "")


@pytest.mark.django_db
def test_a_page_that_shows_a_live_job_asks_nothing_more(django_assert_num_queries):
    run = SynthesisRunFactory(running=True)
    with django_assert_num_queries(0):
        assert runner.check_alive(run) is run


@pytest.mark.django_db(transaction=True)
def test_the_watchdog_of_the_embedded_default_retries_a_dead_job(settings, monkeypatch):
    from mediane.jobs import queue as job_queue

    settings.TASKS_MODE = "thread"
    settings.MEDIANE_JOBS_WATCHDOG = True
    monkeypatch.setattr(job_queue, "WATCHDOG_SECONDS", 0.05)
    monkeypatch.setattr(job_queue, "_watchdog", None)
    run = SynthesisRunFactory(running=True, heartbeat_at=_ago(120))
    seed_subjects(run.theme, subjects=("horaires",))
    job_queue.ensure_watchdog()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status == RunStatus.SUCCEEDED:
            break
        time.sleep(0.1)
    settings.MEDIANE_JOBS_WATCHDOG = False  # the watchdog stops once its loop sees this
    job_queue._watchdog.join(timeout=5)
    assert run.status == RunStatus.SUCCEEDED and run.attempts == 2


# --- A real process, killed ---------------------------------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import os, sys, time
    import django
    django.setup()
    from mediane.jobs import runner
    from mediane.synthesis.models import SynthesisRun

    job = runner.claim(SynthesisRun, int(sys.argv[1]))
    print("claimed", flush=True)
    # The work hangs (a long clustering); only the heartbeat thread shows that the process lives.
    runner.execute(job, runner.ProgressWriter(job), work=lambda job, progress: time.sleep(600))
    """
)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_when_the_process_running_a_synthesis_is_killed_it_is_retried_and_finishes(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("Un second processus ne voit pas la base SQLite en mémoire des tests : test fait sur PostgreSQL.")
    settings.MEDIANE_JOBS_DEAD_AFTER = 2
    run = SynthesisRunFactory(queued=True)
    seed_subjects(run.theme, subjects=("horaires", "tablettes"))
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MEDIANE_ENV": "development",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "MEDIANE_JOBS_DEAD_AFTER": "2",
        "TASKS_MODE": "thread",
        "MEDIANE_JOBS_WATCHDOG": "false",
    }
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, str(script), str(run.pk)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert worker.stdout.readline().strip() == "claimed"
        time.sleep(1.5)  # it beats while it lives
        run.refresh_from_db()
        assert run.status == RunStatus.RUNNING and not run.is_dead_at(timezone.now())
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        worker.stdout.close()

    # Silence: within `dead_after` the watchdog (or Celery beat) finds it, and the retry runs to the end.
    deadline = time.monotonic() + 30
    while not runner.recover_dead_jobs():
        assert time.monotonic() < deadline, "le processus tué n'a jamais été vu mort"
        time.sleep(0.2)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED and run.attempts == 2 and run.contributions_count == 12


def test_celery_acknowledges_late_and_gives_a_lost_workers_task_to_another():
    from config.celery import app
    from mediane.jobs.tasks import run_job_task

    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert run_job_task.acks_late and run_job_task.reject_on_worker_lost
    assert app.conf.beat_schedule["jobs-recover-dead"]["task"] == "jobs.recover_dead"


def test_the_watchdog_thread_starts_once(settings, monkeypatch):
    from mediane.jobs import queue as job_queue

    settings.TASKS_MODE = "thread"
    settings.MEDIANE_JOBS_WATCHDOG = True
    started = []
    monkeypatch.setattr(job_queue, "_watchdog", None)
    monkeypatch.setattr(job_queue, "_watch", lambda: started.append(1) or threading.Event().wait(0.5))
    job_queue.on_request_started()
    job_queue.on_request_started()
    assert started == [1]
