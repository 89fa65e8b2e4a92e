"""Who may read and edit syntheses. Every permission of the synthesis is defined here.

- Organisers launch runs, edit their topics (rename, merge, split) and publish them.
- Working-group members read every run, published or not: the synthesis prepares their meeting.
- Everyone reads a published run: it is on the theme's public page.
"""

import rules

from mediane.accounts.rules import is_organiser, is_working_group_member


@rules.predicate
def run_is_published(user, run) -> bool:
    return run is not None and run.published_at is not None


reads_every_run = is_organiser | is_working_group_member

rules.add_perm("synthesis.view_runs", reads_every_run)
rules.add_perm("synthesis.view_run", run_is_published | reads_every_run)
rules.add_perm("synthesis.manage_synthesis", is_organiser)
