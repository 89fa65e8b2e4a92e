"""When an account is deleted (GDPR), the person's registrations of every app are closed and anonymised: a seat they
held is freed for the first person waiting (told by e-mail, as when anyone leaves), and their name and address are
erased from every registration, past ones included. Connected in `apps.py` to the user model's `pre_delete`."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from . import services
from .models import Registration

DELETED_NAME = "Compte supprimé"


def registration_models() -> list[type[Registration]]:
    return [model for model in apps.get_models() if issubclass(model, Registration)]


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    for model in registration_models():
        rows = model.objects.filter(user=instance)
        for registration in rows.active():
            services.leave(registration)
        rows.update(name=DELETED_NAME, email="", user=None)
