"""Who may do what with the kit. Everyone reads published resources; organisers write, publish and unpublish them
and see drafts (`training.manage_kit`). Imported by `models_kit`, so that the rules exist wherever the models do."""

import rules

from mediane.accounts.rules import is_organiser


@rules.predicate
def resource_is_published(user, resource) -> bool:
    return resource is not None and resource.published


rules.add_perm("training.manage_kit", is_organiser)
rules.add_perm("training.view_kit_resource", is_organiser | resource_is_published)
