"""Who may do what with funding. Every permission of the app is defined here.

Schemes and eligibility:
- Everyone reads the published schemes, their rules and the finder's explanation of what the finder does.
- Organisers (`funding.manage_schemes`) write schemes and their rules, publish and unpublish them, and read the
  unpublished ones; they may run the finder on any structure.
- A manager of a structure (`Structure.managers`) edits its funding profile and runs the finder on it; nobody
  else sees a structure's finder results (they show what it declared).

Applications: organisers instruct them (take into instruction, accept or refuse, schedule and record payments,
read every application); a structure's managers create, edit, document and submit their structure's drafts and
read their structure's applications; nobody else sees any (`ApplicationQuerySet.visible_to`). Public figures are
for everyone.
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


# --- Applications ---


@rules.predicate
def manages_applicant(user, application) -> bool:
    """`application` belongs to a structure that `user` manages."""
    return application is not None and manages_structure(user, application.structure)


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.is_draft


rules.add_perm("funding.instruct", is_organiser)
rules.add_perm("funding.view_application", is_organiser | manages_applicant)
rules.add_perm("funding.apply", manages_applicant)
rules.add_perm("funding.edit_application", manages_applicant & is_draft)
