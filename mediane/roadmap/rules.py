"""Who may do what with the roadmap and the charter. Every permission of the app is defined here.

- Everyone reads the roadmap: stages, axes, actions, milestones, history and the chain each action comes from
  (only published contributions in it), and the charter's published versions and signatories.
- Organisers write the roadmap (stages, axes, statuses, actions, milestones, links, CSV import) and the charter.
- A signed-in person follows or stops following an action; their follows are theirs alone.
- Only a manager of a structure (`Structure.managers`) signs the charter for it.
"""

import rules

from mediane.accounts.rules import is_organiser


@rules.predicate
def manages_structure(user, structure) -> bool:
    if not user.is_authenticated or structure is None:
        return False
    return structure.managers.filter(pk=user.pk).exists()


rules.add_perm("roadmap.manage", is_organiser)
rules.add_perm("roadmap.manage_charter", is_organiser)
rules.add_perm("roadmap.follow", rules.is_authenticated)
rules.add_perm("roadmap.sign_charter", rules.is_authenticated & manages_structure)
