"""Competence frameworks: Pix's 16 competences in 5 domains and the digital-mediation framework.

A competence keeps its code for ever; its name may change (Pix renamed 4.3 and 5.2), so the names are
`CompetenceLabel` rows, each valid from a date: the label of a day is the latest one that started on or before it.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from .enums import FrameworkKind


class Framework(models.Model):
    slug = models.SlugField("identifiant", max_length=40, unique=True)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type de référentiel", max_length=12, choices=FrameworkKind.choices)
    description = models.TextField("description", blank=True)
    source_url = models.URLField("source", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "référentiel de compétences"
        verbose_name_plural = "référentiels de compétences"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Domain(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    code = models.CharField("code", max_length=10)
    name = models.CharField("nom", max_length=200)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "domaine"
        ordering = ["framework", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="domain_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Level(models.Model):
    """A level of a framework (Pix: 1 to 8), with what it means in plain words."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField("niveau")
    name = models.CharField("nom", max_length=100)
    description = models.CharField("description", max_length=300, blank=True)

    class Meta:
        verbose_name = "niveau"
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="level_unique_number")]

    def __str__(self) -> str:
        return f"Niveau {self.number} : {self.name}"


class CompetenceQuerySet(models.QuerySet["Competence"]):
    def with_label(self, day: datetime.date | None = None):
        """Each competence with `label`, its name on that day (today by default), in one query."""
        day = day or timezone.localdate()
        labels = CompetenceLabel.objects.filter(competence=OuterRef("pk"), valid_from__lte=day).order_by("-valid_from")
        return self.annotate(label=Subquery(labels.values("label")[:1]))


class Competence(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competences")
    domain = models.ForeignKey(
        Domain, on_delete=models.CASCADE, null=True, blank=True, related_name="competences", verbose_name="domaine"
    )
    code = models.CharField("code", max_length=10)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    objects = CompetenceQuerySet.as_manager()

    class Meta:
        verbose_name = "compétence"
        ordering = ["framework", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="competence_unique_code")]

    def __str__(self) -> str:
        label = getattr(self, "label", None) or self.label_on(timezone.localdate())
        return f"{self.code} {label}"

    def label_on(self, day: datetime.date) -> str:
        """The competence's name on a day (one query; use `with_label()` for lists)."""
        entry = self.labels.filter(valid_from__lte=day).order_by("-valid_from").first()
        return entry.label if entry else ""


class CompetenceLabel(models.Model):
    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="labels")
    label = models.CharField("intitulé", max_length=200)
    valid_from = models.DateField("en usage depuis")

    class Meta:
        verbose_name = "intitulé de compétence"
        ordering = ["competence", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["competence", "valid_from"], name="competence_label_unique_start")
        ]

    def __str__(self) -> str:
        return f"{self.label} (depuis le {self.valid_from:%d/%m/%Y})"


from .models_kit import KitAudience, KitResource  # noqa: E402, F401 - the kit's models, in their own module
