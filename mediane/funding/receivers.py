"""What funding does when an account is deleted (the user model's `pre_delete`, connected in apps.py): the
applications' history keeps its rows, but the person's name is erased from them; a role label (« l'équipe
d'instruction ») names nobody and stays."""

from __future__ import annotations

from typing import Any

from .models_applications import ApplicationLog
from .services_applications import INSTRUCTION_TEAM


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    ApplicationLog.objects.filter(actor=instance).exclude(actor_name=INSTRUCTION_TEAM).update(actor_name="")
