"""The synthesis as a background task: a real Celery worker, the embedded thread, failures and killed runs."""

import time
import uuid

import pytest
from django.utils import timezone

from mediane.consultation.models import Theme
from mediane.jobs.tasks import run_job_task
from mediane.synthesis import reports, services
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisRun, TopicMembership
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory, build_run, seed_subjects

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"
WAIT_SECONDS = 90


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def wait_until_finished(run_id: int) -> SynthesisRun:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        run = SynthesisRun.objects.get(pk=run_id)
        if not run.is_active:
            return run
        time.sleep(0.2)
    pytest.fail(f"La synthèse n° {run_id} n'a pas fini en {WAIT_SECONDS} s.")


@pytest.mark.parametrize(
    "broker",
    [
        pytest.param("memory://", id="memoire"),
        pytest.param(
            REDIS_TEST_URL,
            id="redis",
            marks=pytest.mark.skipif(
                not redis_answers(), reason=f"Redis ne répond pas sur {REDIS_TEST_URL} : test Celery + Redis sauté."
            ),
        ),
    ],
)
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_runs_a_launched_synthesis(organiser, settings, broker):
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    from config.celery import app as project_app

    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))
    settings.TASKS_MODE = "celery"
    # A queue of its own, so that a worker of another test process never takes this task.
    app = Celery("mediane-test", broker=broker, set_as_current=True)
    app.conf.update(
        task_default_queue=f"mediane-test-{uuid.uuid4().hex}",
        task_ignore_result=True,
        task_acks_late=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    try:
        with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
            run = services.launch_synthesis(theme, organiser)  # no transaction here: sent at once
            finished = wait_until_finished(run.pk)
    finally:
        project_app.set_current()
        project_app.set_default()
    assert finished.status == RunStatus.SUCCEEDED, finished.error
    assert finished.contributions_count == 12
    assert TopicMembership.objects.filter(run=finished).count() == 12


@pytest.mark.django_db(transaction=True)
def test_the_embedded_default_runs_the_synthesis_in_a_thread_of_the_web_process(organiser, settings):
    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))
    settings.TASKS_MODE = "thread"
    run = services.launch_synthesis(theme, organiser)
    finished = wait_until_finished(run.pk)
    assert finished.status == RunStatus.SUCCEEDED, finished.error
    assert finished.topics.exists()


@pytest.mark.django_db
def test_a_failed_run_leaves_the_published_synthesis_untouched(
    organiser, monkeypatch, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(closed=True)
    contributions = [ContributionFactory(theme=theme) for _ in range(3)]
    published = build_run(theme, [("Horaires", contributions, 2)], published=True)
    Theme.objects.filter(pk=theme.pk).update(synthesis_published_at=published.published_at)
    before = list(
        TopicMembership.objects.filter(run=published).values_list("topic_id", "contribution_id", "representative_rank")
    )

    def explode(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("mediane.synthesis.engine.synthesise", explode)
    with django_capture_on_commit_callbacks(execute=True):
        failed = services.launch_synthesis(theme, organiser)

    failed.refresh_from_db()
    assert failed.status == RunStatus.FAILED
    assert failed.error.startswith("La synthèse a échoué à cause d'une erreur inattendue (MemoryError).")
    assert failed.finished_at is not None and failed.published_at is None
    assert not failed.topics.exists()
    assert reports.published_run(theme) == published
    assert Theme.objects.get(pk=theme.pk).synthesis_published_at == published.published_at
    after = list(
        TopicMembership.objects.filter(run=published).values_list("topic_id", "contribution_id", "representative_rank")
    )
    assert after == before


@pytest.mark.django_db
def test_a_killed_run_is_declared_failed_and_the_published_one_stays(organiser, django_capture_on_commit_callbacks):
    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))
    published = build_run(theme, [("Ancienne", list(theme.contributions.all()[:3]), 1)], published=True)
    # The worker died in the middle: the run still says « running », with no sign of life for an hour.
    killed = SynthesisRunFactory(theme=theme, stale=True)

    with django_capture_on_commit_callbacks(execute=True):
        fresh = services.launch_synthesis(theme, organiser)

    killed.refresh_from_db()
    fresh.refresh_from_db()
    assert killed.status == RunStatus.FAILED and "ne donne plus signe de vie" in killed.error
    assert not killed.topics.exists()
    assert fresh.status == RunStatus.SUCCEEDED
    assert reports.published_run(theme) == published


@pytest.mark.django_db
def test_a_task_delivered_again_for_a_killed_run_runs_it_to_the_end():
    # Celery acknowledges late: the broker gives the task of a dead worker to another one.
    killed = SynthesisRunFactory(stale=True, theme=ThemeFactory(closed=True))
    seed_subjects(killed.theme, subjects=("horaires",))
    run_job_task.run("synthesis.SynthesisRun", killed.pk)
    killed.refresh_from_db()
    assert killed.status == RunStatus.SUCCEEDED and killed.contributions_count == 6
    assert killed.attempts == 2


@pytest.mark.django_db
def test_a_task_delivered_again_for_a_live_run_does_nothing(monkeypatch):
    alive = SynthesisRunFactory(running=True, heartbeat_at=timezone.now())
    monkeypatch.setattr("mediane.synthesis.engine.synthesise", lambda *a, **k: pytest.fail("ran twice"))
    run_job_task.run("synthesis.SynthesisRun", alive.pk)
    alive.refresh_from_db()
    assert alive.status == RunStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_a_long_engine_stage_still_gives_signs_of_life(monkeypatch):
    from mediane.synthesis.engine import SynthesisResult

    run = SynthesisRunFactory(queued=True, theme=ThemeFactory(closed=True))
    ContributionFactory(theme=run.theme)
    monkeypatch.setattr("mediane.jobs.runner.heartbeat_seconds", lambda: 0.05)
    seen = []

    def slow_stage(documents, **kwargs):
        first = SynthesisRun.objects.get(pk=run.pk).heartbeat_at
        time.sleep(0.5)  # one long stage, no progress callback
        seen.append((first, SynthesisRun.objects.get(pk=run.pk).heartbeat_at))
        return SynthesisResult(topics=[], duplicates=[], non_informative_ids=[], figures={})

    monkeypatch.setattr("mediane.synthesis.engine.synthesise", slow_stage)
    services.run_synthesis(run.pk)
    ((first, later),) = seen
    assert later > first
    assert SynthesisRun.objects.get(pk=run.pk).status == RunStatus.SUCCEEDED
