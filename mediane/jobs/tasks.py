"""The Celery tasks of the background jobs: one task runs any job row, another recovers dead jobs (Celery beat);
and the platform's daily upkeep of private files (`mediane.privatefiles.purge_all_orphans`)."""

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


@shared_task(name="jobs.purge_private_files")
def purge_private_files_task() -> int:
    """Delete the private files no row holds (scheduled daily by Celery beat); the number deleted."""
    from mediane import privatefiles

    return sum(len(names) for names in privatefiles.purge_all_orphans().values())
