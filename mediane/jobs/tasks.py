"""The Celery tasks of the background jobs: one task runs any job row, another recovers dead jobs (Celery beat)."""

from celery import shared_task
from django.apps import apps

from . import runner


@shared_task(name="jobs.run", acks_late=True, reject_on_worker_lost=True)
def run_job_task(model_label: str, job_id: int) -> None:
    """Run the job `job_id` of the model `model_label` (« synthesis.SynthesisRun »…); the job records its outcome."""
    runner.run_job(apps.get_model(model_label), job_id)


@shared_task(name="jobs.recover_dead")
def recover_dead_jobs_task() -> int:
    """Retry once, or fail, every job whose process died (scheduled every 15 seconds by Celery beat)."""
    return runner.recover_dead_jobs()
