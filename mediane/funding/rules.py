"""Who may do what with funding. Every permission of the app is defined here.

Schemes and eligibility:
- Everyone reads the published schemes, their rules and the finder's explanation of what the finder does.
- Organisers (`funding.manage_schemes`) write schemes and their rules, publish and unpublish them, and read the
  unpublished ones; they may run the finder on any structure.
- A manager of a structure (`Structure.managers`) edits its funding profile and runs the finder on it; nobody
  else sees a structure's finder results (they show what it declared).
"""

import rules

from mediane.accounts.rules import is_organiser
from mediane.roadmap.rules import manages_structure


@rules.predicate
def scheme_is_published(user, scheme) -> bool:
    return scheme is not None and scheme.published


rules.add_perm("funding.manage_schemes", is_organiser)
rules.add_perm("funding.view_scheme", is_organiser | scheme_is_published)
rules.add_perm("funding.edit_profile", rules.is_authenticated & manages_structure)
rules.add_perm("funding.run_finder", is_organiser | (rules.is_authenticated & manages_structure))
