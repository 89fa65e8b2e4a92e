"""Background jobs of the synthesis: running a launched synthesis (see `mediane.tasks.enqueue`)."""

from celery import shared_task

from . import services


@shared_task(name="synthesis.run_synthesis")
def run_synthesis_task(run_id: int) -> None:
    """Run the synthesis `run_id`; a failure is recorded on the run itself (`services.run_synthesis`)."""
    services.run_synthesis(run_id)
