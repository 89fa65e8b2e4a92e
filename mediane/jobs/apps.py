"""App configuration of the background jobs: in the embedded default, a watchdog thread recovers dead jobs."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "mediane.jobs"
    label = "jobs"
    verbose_name = "Tâches de fond"

    def ready(self):
        from django.core.signals import request_started

        from . import queue

        # The first request of a web process starts the watchdog (thread mode only): after a crash and a restart,
        # the jobs the dead process was running are found and retried without anyone asking.
        request_started.connect(queue.on_request_started, dispatch_uid="mediane-jobs-watchdog")
