"""Statuses of a registration, with their French labels."""

from django.db import models


class RegistrationStatus(models.TextChoices):
    PENDING = "a_confirmer", "à confirmer"
    REGISTERED = "inscrit", "inscrit·e"
    WAITING = "attente", "en liste d'attente"
    CANCELLED = "annulee", "annulée"


# The only moves a registration makes; services check every transition against this table.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    RegistrationStatus.PENDING: frozenset(
        {RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED}
    ),
    RegistrationStatus.WAITING: frozenset({RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED}),
    RegistrationStatus.REGISTERED: frozenset({RegistrationStatus.CANCELLED}),
    RegistrationStatus.CANCELLED: frozenset(),
}
