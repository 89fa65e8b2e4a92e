"""Role predicates shared by every app's rules. A role is a Django group named after `Role`."""

import rules

from .enums import Role

# `rules.predicate` keeps each one as it is; it is there for the type checker, to which django-rules announces
# `is_group_member` as a plain callable, that `|` and `&` would not combine.
is_organiser = rules.predicate(rules.is_group_member(Role.ORGANISER.value))
is_moderator = rules.predicate(rules.is_group_member(Role.MODERATOR.value))
is_mediator = rules.predicate(rules.is_group_member(Role.MEDIATOR.value))
is_working_group_member = rules.predicate(rules.is_group_member(Role.WORKING_GROUP_MEMBER.value))


@rules.predicate
def has_accepted_charter(user) -> bool:
    return bool(user.is_authenticated and user.charter_accepted_at is not None)


rules.add_perm("accounts.view_own_data", rules.is_authenticated)
rules.add_perm("accounts.delete_own_account", rules.is_authenticated)
