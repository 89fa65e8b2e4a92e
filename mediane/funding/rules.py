"""Who may do what with funding. Every permission of the app is defined here.

Applications: organisers instruct them (take into instruction, accept or refuse, schedule and record payments,
read every application); a structure's managers create, edit, document and submit their structure's drafts and
read their structure's applications; nobody else sees any (`ApplicationQuerySet.visible_to`). Public figures are
for everyone.
"""

import rules

from mediane.accounts.rules import is_organiser


@rules.predicate
def manages_structure(user, obj) -> bool:
    """`obj` is a structure, or an application of a structure, that `user` manages."""
    if obj is None or not user.is_authenticated:
        return False
    structure = getattr(obj, "structure", obj)
    return structure.managers.filter(pk=user.pk).exists()


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.is_draft


rules.add_perm("funding.instruct", is_organiser)
rules.add_perm("funding.view_application", is_organiser | manages_structure)
rules.add_perm("funding.apply", manages_structure)
rules.add_perm("funding.edit_application", manages_structure & is_draft)
