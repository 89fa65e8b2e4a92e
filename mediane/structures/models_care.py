"""The care of places by the people who run them: the history of every change (`PlaceRevision`), the requests to
manage a place (`PlaceManagerRequest`) and the errors anyone reports on a place page (`PlaceErrorReport`).

Imported at the end of `models.py`. Every write goes through `services_care.py`; every read through the
QuerySets' `visible_to` and `rules.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .enums import ErrorReportStatus, ManagerRequestStatus, RevisionKind, RevisionRole

__all__ = ["PlaceErrorReport", "PlaceManagerRequest", "PlaceRevision"]


class PlaceRevision(models.Model):
    """One change of a place by a person (or a confirmation that nothing changed), public with its role and date.

    `changes` is {field of the standard: {"avant": old value, "apres": new value}}, values as stored (text or list).
    """

    place = models.ForeignKey("structures.Place", on_delete=models.CASCADE, related_name="revisions")
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_role = models.CharField("rôle de l'auteur", max_length=20, choices=RevisionRole.choices)
    kind = models.CharField("nature", max_length=20, choices=RevisionKind.choices, default=RevisionKind.CORRECTION)
    changes = models.JSONField("changements", default=dict, blank=True)

    class Meta:
        verbose_name = "modification d'un lieu"
        verbose_name_plural = "modifications de lieux"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du lieu n° {self.place_id} ({self.get_author_role_display()})"


class ManagerRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisers see every request; a person sees their own; nobody else any."""
        from mediane.accounts.rules import is_organiser

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_organiser(user):
            return self
        return self.filter(user=user)


class PlaceManagerRequest(models.Model):
    """A person asks to manage a place; once an organiser approves it, they manage it like a structure manager."""

    place = models.ForeignKey("structures.Place", on_delete=models.CASCADE, related_name="manager_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="place_requests")
    message = models.TextField("message", max_length=2000, blank=True)
    status = models.CharField(
        "état", max_length=12, choices=ManagerRequestStatus.choices, default=ManagerRequestStatus.PENDING
    )
    created_at = models.DateTimeField("demandée le", default=timezone.now, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    refusal_reason = models.TextField("raison du refus", max_length=1000, blank=True)

    objects = ManagerRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de gestion d'un lieu"
        verbose_name_plural = "demandes de gestion de lieux"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "user"],
                condition=models.Q(status__in=["en_attente", "acceptee"]),
                name="place_request_one_open_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Demande de gestion du lieu n° {self.place_id} ({self.get_status_display()})"


class ErrorReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisers see every report; a place's managers those of their places; nobody else any."""
        from mediane.accounts.rules import is_organiser

        from .models import Place

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_organiser(user):
            return self
        return self.filter(place__in=Place.objects.managed_by(user).values("pk"))


class PlaceErrorReport(models.Model):
    """An error on a place page, reported by anyone, with or without an account."""

    place = models.ForeignKey("structures.Place", on_delete=models.CASCADE, related_name="error_reports")
    message = models.TextField("ce qui est faux", max_length=2000)
    contact_email = models.EmailField("adresse e-mail pour vous répondre", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("signalée le", default=timezone.now, db_index=True)
    status = models.CharField("état", max_length=8, choices=ErrorReportStatus.choices, default=ErrorReportStatus.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField("traitée le", null=True, blank=True)
    answer = models.TextField("ce qui a été fait", max_length=2000, blank=True)

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        verbose_name = "signalement d'erreur sur un lieu"
        verbose_name_plural = "signalements d'erreurs sur des lieux"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Signalement n° {self.pk} sur le lieu n° {self.place_id} ({self.get_status_display()})"
