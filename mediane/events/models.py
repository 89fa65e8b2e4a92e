"""Events of the agenda and their registrations (the mechanism of `mediane.registrations`)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from mediane.registrations.models import Registrable, Registration
from mediane.structures.models import Place, Structure

from .dates import when_phrase
from .enums import PUBLIC_STATUSES, EventKind, EventStatus


class EventQuerySet(models.QuerySet["Event"]):
    def public(self):
        """What everyone may see: published events, and cancelled ones (shown « Annulé »). Drafts never."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def upcoming(self, now=None):
        """Not over yet, the soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Over, the most recent first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_listing(self):
        return self.select_related("place", "structure")

    def in_departement(self, code: str):
        """Events at a place of the département, and every online event (anyone can join them)."""
        return self.filter(Q(place__departement=code) | Q(online=True))


class Event(Registrable):
    title = models.CharField("titre", max_length=200)
    kind = models.CharField("type d'événement", max_length=12, choices=EventKind.choices)
    description = models.TextField("description")
    starts_at = models.DateTimeField("début", db_index=True)
    ends_at = models.DateTimeField("fin", db_index=True)
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name="lieu"
    )
    online = models.BooleanField("en ligne", default=False)
    online_url = models.URLField(
        "lien de connexion", max_length=500, blank=True, help_text="Donné seulement aux personnes inscrites."
    )
    structure = models.ForeignKey(
        Structure,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="structure organisatrice",
    )
    status = models.CharField("état", max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "événement"
        ordering: ClassVar[list[str]] = ["starts_at", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(online=True, place__isnull=True) | Q(online=False, place__isnull=False),
                name="event_at_a_place_or_online",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def accepts_registrations(self) -> bool:
        return self.status == EventStatus.PUBLISHED and self.registration_open and not self.is_past

    @property
    def moves_waiting_people(self) -> bool:
        return self.status == EventStatus.PUBLISHED and not self.is_past

    @property
    def when(self) -> str:
        return when_phrase(self.starts_at, self.ends_at)

    def where(self) -> str:
        if self.online:
            return "En ligne"
        place = self.place
        if place is None:
            return ""
        return f"{place.nom}, {place.adresse}, {place.code_postal} {place.commune}"

    def registration_summary(self) -> str:
        return f"{self.when}, {self.where()}"

    def for_registered_only(self) -> str:
        if self.online and self.online_url:
            return f"Le lien pour participer en ligne : {self.online_url}"
        return ""


class EventRegistration(Registration):
    registrable = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name="événement"
    )

    class Meta(Registration.Meta):
        verbose_name = "inscription à un événement"
        verbose_name_plural = "inscriptions aux événements"

    def confirm_path(self) -> str:
        return reverse("events:registration_confirm", args=[self.token])

    def leave_path(self) -> str:
        return reverse("events:registration_leave", args=[self.token])
