"""The roadmap's background tasks (Celery `shared_task`s, queued with `mediane.jobs.queue.enqueue`).

- the charter: after a new version is published, e-mail the managers of the structures that signed an older one.
"""

from celery import shared_task

from . import services_charter


@shared_task(name="roadmap.send_charter_renewal_emails")
def send_charter_renewal_emails(version_id: int) -> int:
    """Ask the managers of the structures that signed an older version to renew (see `services_charter`)."""
    return services_charter.send_renewal_emails(version_id)
