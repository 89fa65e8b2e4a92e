"""What training does when an account is deleted (the user model's `pre_delete`, connected in apps.py): the
audit log keeps its rows, but the person's address is erased from them. Their enrolments are freed and anonymised
by `mediane.registrations.receivers`; their staff memberships go with the account (cascade)."""

from __future__ import annotations

from typing import Any

from .models import TrainingLog

DELETED = "Compte supprimé"


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.email:
        TrainingLog.objects.filter(subject__iexact=instance.email).update(subject=DELETED)
