"""The roadmap's background tasks (Celery `shared_task`s).

- the followers' digest, scheduled hourly by Celery beat (`CELERY_BEAT_SCHEDULE`); without Celery, the management
  command `send_roadmap_digests` does the same work from a scheduled task;
- the charter: after a new version is published, e-mail the managers of the structures that signed an older one
  (queued with `mediane.jobs.queue.enqueue`).
"""

from celery import shared_task

from . import services_charter
from .services_digests import send_action_digests


@shared_task(name="roadmap.send_digests")
def send_digests_task() -> int:
    """Send the digests that are due; returns the number of e-mails sent."""
    return send_action_digests().sent


@shared_task(name="roadmap.send_charter_renewal_emails")
def send_charter_renewal_emails(version_id: int) -> int:
    """Ask the managers of the structures that signed an older version to renew (see `services_charter`)."""
    return services_charter.send_renewal_emails(version_id)
