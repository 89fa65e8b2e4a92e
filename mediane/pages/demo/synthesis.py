"""Demo syntheses: each theme of 2019, once closed, has its synthesis computed and then published on the dates of
`consultation.CALENDAR`, through the services, as an organiser would.

Idempotent: a theme that already has a succeeded run keeps it, and a published one stays as it is.
"""

from __future__ import annotations

from mediane.accounts.models import User
from mediane.consultation.models import Contribution, Theme
from mediane.pages.demo import clock
from mediane.pages.demo.consultation import CALENDAR
from mediane.synthesis import services
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisRun

# A fixed seed, like the rest of the demo: two loads give the same topics.
SEED = 2019


def synthesise(theme: Theme, organiser: User) -> tuple[int, int]:
    """Compute, then publish, the synthesis of a closed theme of 2019. Returns (runs computed, runs published)."""
    if not Contribution.objects.published().in_theme(theme).exists():
        return 0, 0
    calendar = CALENDAR[theme.number]
    computed = published = 0
    run = SynthesisRun.objects.succeeded().filter(theme=theme).first()
    if run is None:
        with clock.at(calendar.synthesis_computed):
            run = services.launch_synthesis(theme, organiser, seed=SEED)
            # At once, in this process: the demo must be complete when the command ends. The task queued at the
            # commit then finds the run done and does nothing.
            services.run_synthesis(run.pk)
        run.refresh_from_db()
        computed = 1
    if run.status == RunStatus.SUCCEEDED and run.published_at is None:
        with clock.at(calendar.synthesis_published):
            services.publish_run(organiser, run)
        published = 1
    return computed, published
