"""Background jobs of structures: importing an uploaded file of places (see `mediane.tasks.enqueue`)."""

from celery import shared_task

from . import services


@shared_task(name="structures.run_import")
def run_import_task(job_id: int) -> None:
    """Run the import `job_id`; a failure is recorded on the job itself (`services.run_import`)."""
    services.run_import(job_id)
