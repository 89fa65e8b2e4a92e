"""What training does when an account is deleted (the user model's `pre_delete`, connected in apps.py): the
audit log keeps its rows, but the person's address is erased from them. Their enrolments are freed and anonymised
by `mediane.registrations.receivers`; their staff memberships go with the account (cascade), and so do
invitations to its address."""

from __future__ import annotations

from typing import Any

from .models import StaffMember, TrainingLog

DELETED = "Compte supprimé"


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.email:
        TrainingLog.objects.filter(subject__iexact=instance.email).update(subject=DELETED)
        # Invitations made to the address before the account existed are not tied to it: erase them too.
        StaffMember.objects.filter(user__isnull=True, email__iexact=instance.email).delete()
