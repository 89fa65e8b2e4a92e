"""Background jobs of the working group: generating a meeting dossier (PDF and Markdown)."""

from celery import shared_task

from . import services


@shared_task(name="workinggroup.generate_dossier")
def generate_dossier(dossier_id: int) -> None:
    """Fill a queued dossier with its files; the dossier row records success or the French error."""
    services.generate_dossier(dossier_id)
