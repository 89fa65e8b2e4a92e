"""A person's registrations in every app, for the GDPR rights (`mediane.accounts.services`, below which this sits):
`of_person` (by account, or by the account's verified address, used without an account before) for the export,
and `forget_person`: when an account is deleted, its registrations are closed and anonymised — a seat it held goes
to the first person waiting (told by e-mail, as when anyone leaves) —, past ones included. `forget_person` is
connected in `apps.py` to the user model's `pre_delete`."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Q

from . import services
from .models import REGISTRABLE_FIELD, Registration

DELETED_NAME = "Compte supprimé"


def registration_models() -> list[type[Registration]]:
    return [model for model in apps.get_models() if issubclass(model, Registration)]


def of_person(model: type[Registration], user: Any):
    return model.objects.filter(Q(user=user) | Q(email=user.email.lower()))


def export_rows(user: Any) -> list[dict[str, Any]]:
    """Every registration of the person, as JSON-ready data."""
    rows = []
    for model in registration_models():
        for registration in of_person(model, user).select_related(REGISTRABLE_FIELD).order_by("created_at", "pk"):
            rows.append(
                {
                    "kind": str(model._meta.verbose_name),
                    "title": str(getattr(registration, REGISTRABLE_FIELD)),
                    "name": registration.name,
                    "email": registration.email,
                    "status": registration.status,
                    "status_label": registration.get_status_display(),
                    **{
                        field: value.isoformat() if value else None
                        for field in ("created_at", "confirmed_at", "moved_in_at", "cancelled_at")
                        for value in [getattr(registration, field)]
                    },
                }
            )
    return rows


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    for model in registration_models():
        rows = of_person(model, instance)
        for registration in rows.active():
            services.leave(registration)
        rows.update(name=DELETED_NAME, email="", user=None)
