"""The abstract rows of registrations: what can be registered for (`Registrable`) and a registration.

A concrete registrable (an event, a training session) inherits `Registrable`. Its registration model inherits
`Registration` and declares the agreed field:

    registrable = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")

and the addresses of the pages behind its e-mails' links (`confirm_path`, `leave_path`). The services find one
from the other through these two names only.
"""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from .enums import RegistrationStatus

REGISTRABLE_FIELD = "registrable"  # the agreed name of the concrete registration's foreign key
TOKEN_BYTES = 32  # `secrets.token_urlsafe(32)`: 43 characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class Registrable(models.Model):
    """Something people register for. Seats and waiting people are counted here (denormalised, written by the
    services under this row's lock), so that a list of events shows « Complet » without counting rows."""

    capacity = models.PositiveIntegerField(
        "nombre de places", null=True, blank=True, help_text="Laissez vide si le nombre de places n'est pas limité."
    )
    registration_open = models.BooleanField("inscriptions ouvertes", default=True)
    seats_taken = models.PositiveIntegerField("places prises", default=0, editable=False)
    waiting_count = models.PositiveIntegerField("personnes en liste d'attente", default=0, editable=False)

    class Meta:
        abstract = True

    @property
    def is_unlimited(self) -> bool:
        return self.capacity is None

    @property
    def seats_left(self) -> int | None:
        """Free seats, or None when the capacity is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_taken >= self.capacity

    @property
    def moves_waiting_people(self) -> bool:
        """Whether a freed seat goes to the first person waiting (a cancelled event says no)."""
        return True

    def registration_summary(self) -> str:
        """What the e-mails say about it after its name (date, place): redefined by the concrete model."""
        return ""

    def for_registered_only(self) -> str:
        """What only people with a seat are told (an online meeting's link), in their e-mail and on their
        registration's page: redefined by the concrete model."""
        return ""


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def seated(self):
        """People who have a seat: the participants. Waiting and pending people never are."""
        return self.filter(status=RegistrationStatus.REGISTERED).order_by("moved_in_at", "confirmed_at", "pk")

    def waiting(self):
        """The waiting list, first come first served: in the order the registrations were confirmed."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("confirmed_at", "pk")

    def pending(self):
        return self.filter(status=RegistrationStatus.PENDING).order_by("created_at", "pk")


class Registration(models.Model):
    """One person's registration. The public registers with a name and an e-mail address (then confirms by the
    e-mail's link); a person with an account is confirmed at once.

    `token` is the secret of the e-mails' links (confirm, « Je ne peux plus venir »). It is kept as it is, not
    hashed: a later e-mail (« vous avez une place ») must carry the same link again.
    """

    # The concrete model declares `registrable = models.ForeignKey(..., related_name="registrations")`
    # (`REGISTRABLE_FIELD`): the abstract model cannot, since it does not know what is registered for.

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name="compte",
    )
    name = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse e-mail", max_length=254)
    status = models.CharField(
        "état", max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    # The order of the waiting list: a registration counts from its confirmation, not from its request.
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    moved_in_at = models.DateTimeField("passée de la liste d'attente aux inscrits le", null=True, blank=True)
    cancelled_at = models.DateTimeField("annulée le", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints: ClassVar[list] = [
            # Nobody twice: one registration per address that is not cancelled. Someone who left may come back.
            models.UniqueConstraint(
                fields=["registrable", "email"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="%(app_label)s_%(class)s_once_per_email",
            ),
        ]
        indexes: ClassVar[list] = [
            models.Index(fields=["registrable", "status", "confirmed_at"], name="%(app_label)s_%(class)s_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == RegistrationStatus.PENDING

    @property
    def is_registered(self) -> bool:
        return self.status == RegistrationStatus.REGISTERED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    def waiting_position(self) -> int | None:
        """1 for the first person waiting; None when not waiting. One query."""
        if not self.is_waiting or self.confirmed_at is None:
            return None
        same_list = {f"{REGISTRABLE_FIELD}_id": getattr(self, f"{REGISTRABLE_FIELD}_id")}
        ahead = (
            type(self)
            .objects.filter(status=RegistrationStatus.WAITING, **same_list)
            .filter(Q(confirmed_at__lt=self.confirmed_at) | Q(confirmed_at=self.confirmed_at, pk__lt=self.pk))
        )
        return ahead.count() + 1

    def confirm_path(self) -> str:
        raise NotImplementedError("A concrete registration gives the address of its confirmation page.")

    def leave_path(self) -> str:
        raise NotImplementedError("A concrete registration gives the address of its « Je ne peux plus venir » page.")
