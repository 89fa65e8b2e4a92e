"""The roadmap's Celery task: the followers' digest, scheduled hourly by Celery beat (`CELERY_BEAT_SCHEDULE`).

Without Celery, the management command `send_roadmap_digests` does the same work from a scheduled task.
"""

from celery import shared_task

from .services_digests import send_action_digests


@shared_task(name="roadmap.send_digests")
def send_digests_task() -> int:
    """Send the digests that are due; returns the number of e-mails sent."""
    return send_action_digests().sent
