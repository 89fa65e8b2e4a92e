"""Funding applications (« demandes de financement ») of a structure to a scheme: their history, payment schedule
and recorded payments. Every write goes through `services_applications.py`.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Sum
from django.urls import reverse

from mediane.privatefiles import PrivateDocument
from mediane.structures.models import Structure

from .enums import ApplicationEvent, ApplicationStatus
from .models import Scheme


def is_instructor(user) -> bool:
    """Organisers instruct applications (perm `funding.instruct`); read here too so that querysets need no rules."""
    return bool(user.is_authenticated and user.has_perm("funding.instruct"))


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user):
        """Organisers see every application; a structure's managers see their structure's; nobody else any."""
        if not user.is_authenticated:
            return self.none()
        if is_instructor(user):
            return self
        return self.filter(structure__managers=user)

    def managed_by(self, user):
        """The applications of the structures `user` manages (« Mes demandes »), even for an organiser."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(structure__managers=user)

    def for_listing(self):
        return self.select_related("scheme", "structure")

    def accepted(self):
        return self.filter(status=ApplicationStatus.ACCEPTED)

    def decided_in(self, year: int | None):
        return self if year is None else self.filter(decided_at__year=year)

    def totals_by(self, *keys: str):
        """One row per value of `keys`: the number of applications, the amounts granted and paid. One query."""
        return (
            self.order_by()
            .values(*keys)
            .annotate(count=Count("pk"), granted=Sum("amount_granted"), paid=Sum("amount_paid"))
            .order_by(*keys)
        )


class Application(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="applications", verbose_name="dispositif")
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="funding_applications", verbose_name="structure"
    )
    title = models.CharField("intitulé du projet", max_length=200)
    description = models.TextField("description du projet")
    amount_requested = models.DecimalField("montant demandé (€)", max_digits=12, decimal_places=2)
    amount_granted = models.DecimalField("montant accordé (€)", null=True, blank=True, max_digits=12, decimal_places=2)
    # Denormalised under the application's row lock by `record_payment`: lists and figures read it without a sum.
    amount_paid = models.DecimalField("montant versé (€)", default=Decimal(0), max_digits=12, decimal_places=2)
    status = models.CharField(
        "état", max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField("déposée le", null=True, blank=True)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decision_note = models.TextField("motif de la décision", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créée par",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de financement"
        verbose_name_plural = "demandes de financement"
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(amount_requested__gt=0), name="application_requests_something"),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_paid__lte=models.F("amount_granted")),
                name="application_paid_within_grant",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:application", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_accepted(self) -> bool:
        return self.status == ApplicationStatus.ACCEPTED

    @property
    def amount_left(self) -> Decimal:
        return (self.amount_granted or Decimal(0)) - self.amount_paid


class ApplicationLog(models.Model):
    """One entry of an application's history: a change of state, a tranche, a payment or a document. Who acted is
    copied at writing time (`services_applications.actor_label`): a manager's display name or the role « l'équipe
    d'instruction », never an e-mail; a deleted account's name is blanked (`receivers.forget_person`)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="log")
    event = models.CharField("événement", max_length=20, choices=ApplicationEvent.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField("par", max_length=200, blank=True)
    from_status = models.CharField("état avant", max_length=12, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField("état après", max_length=12, choices=ApplicationStatus.choices, blank=True)
    note = models.TextField("note", blank=True)
    at = models.DateTimeField("le", db_index=True)

    class Meta:
        verbose_name = "entrée de l'historique d'une demande"
        verbose_name_plural = "historique des demandes"
        ordering: ClassVar[list[str]] = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_event_display()} ({self.at:%d/%m/%Y})"


class Tranche(models.Model):
    """A planned payment of an accepted application (« échéancier »)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="tranches")
    label = models.CharField("libellé", max_length=120)
    planned_on = models.DateField("date prévue")
    amount = models.DecimalField("montant (€)", max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = "échéance"
        ordering: ClassVar[list[str]] = ["planned_on", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="tranche_amount_positive"),
        ]

    def __str__(self) -> str:
        return self.label


class Payment(models.Model):
    """A payment made to the structure, recorded by an organiser."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="payments")
    tranche = models.ForeignKey(
        Tranche, on_delete=models.PROTECT, null=True, blank=True, related_name="payments", verbose_name="échéance"
    )
    paid_on = models.DateField("date du versement")
    amount = models.DecimalField("montant (€)", max_digits=12, decimal_places=2)
    reference = models.CharField("référence", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField("enregistré le", auto_now_add=True)

    class Meta:
        verbose_name = "versement"
        ordering: ClassVar[list[str]] = ["paid_on", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} € le {self.paid_on:%d/%m/%Y}"


def document_token() -> str:
    return secrets.token_urlsafe(24)


class SupportingDocument(PrivateDocument):
    """A supporting document (« pièce justificative ») of an application, in the private storage. Its address
    carries a random token, not a number, and its download checks the permission first."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    token = models.CharField(max_length=40, unique=True, default=document_token, editable=False)

    class Meta:
        verbose_name = "pièce justificative"
        verbose_name_plural = "pièces justificatives"
        ordering: ClassVar[list[str]] = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("funding:document", args=[self.application_id, self.token])


__all__ = ["Application", "ApplicationLog", "ApplicationQuerySet", "Payment", "SupportingDocument", "Tranche"]
