"""Roles are Django groups named after `Role`: the migration creates them, services grant and revoke them."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from mediane.accounts.enums import Role
from mediane.accounts.services import grant_role, revoke_role, roles_of


@pytest.mark.django_db
def test_the_migration_creates_one_group_per_role():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


@pytest.mark.django_db(transaction=True)
def test_the_role_groups_come_back_after_the_database_is_flushed():
    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}


def test_granting_a_role_gives_its_permissions(citizen):
    assert not citizen.has_perm("consultation.moderate")

    grant_role(citizen, Role.MODERATOR)

    citizen = type(citizen).objects.get(pk=citizen.pk)  # django-rules caches group names per instance
    assert roles_of(citizen) == [Role.MODERATOR]
    assert citizen.has_perm("consultation.moderate")


def test_granting_twice_keeps_one_membership(citizen):
    grant_role(citizen, Role.MEDIATOR)
    grant_role(citizen, "mediateur")

    assert citizen.groups.count() == 1


def test_revoking_a_role_takes_it_back(moderator):
    revoke_role(moderator, Role.MODERATOR)

    moderator = type(moderator).objects.get(pk=moderator.pk)
    assert roles_of(moderator) == []
    assert not moderator.has_perm("consultation.moderate")


def test_revoking_a_role_not_held_does_nothing(citizen):
    revoke_role(citizen, Role.ORGANISER)

    assert roles_of(citizen) == []


def test_an_unknown_role_is_refused(citizen):
    with pytest.raises(ValueError):
        grant_role(citizen, "administrateur")
