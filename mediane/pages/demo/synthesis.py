"""Demo syntheses: every demo theme with published contributions gets one, run at once through the services;
theme 1's (closed, its meeting held) is published on its public page.

Idempotent: a theme that already has a succeeded run is left as it is.
"""

from __future__ import annotations

from mediane.accounts.models import User
from mediane.consultation.models import Contribution, Theme
from mediane.synthesis import services
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisRun

PUBLISHED_THEME = 1
# A fixed seed, like the rest of the demo: two loads give the same topics.
SEED = 2019


def load_syntheses(themes: dict[int, Theme], organiser: User) -> dict[str, int]:
    """Run the synthesis of each theme in `themes` that has contributions, and publish theme 1's."""
    runs = 0
    published = 0
    for number, theme in sorted(themes.items()):
        if not Contribution.objects.published().in_theme(theme).exists():
            continue
        run = SynthesisRun.objects.succeeded().filter(theme=theme).first()
        if run is None:
            run = services.launch_synthesis(theme, organiser, seed=SEED)
            # At once, in this process: the demo must be complete when the command ends. The task queued at the
            # commit then finds the run done and does nothing.
            services.run_synthesis(run.pk)
            run.refresh_from_db()
            runs += 1
        if number == PUBLISHED_THEME and run.status == RunStatus.SUCCEEDED and run.published_at is None:
            services.publish_run(organiser, run)
            published += 1
    return {"synthèses calculées": runs, "synthèses publiées": published}
