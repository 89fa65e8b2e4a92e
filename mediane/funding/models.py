"""Funding schemes (« dispositifs de financement »): who funds, what, when and how much.

Eligibility rules, applications and payments belong to the same app and refer to `Scheme`.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from .enums import FunderKind


class SchemeQuerySet(models.QuerySet["Scheme"]):
    def public(self):
        """What everyone may see: published schemes."""
        return self.filter(published=True)


class Scheme(models.Model):
    slug = models.SlugField("identifiant", max_length=60, unique=True)
    name = models.CharField("nom", max_length=200)
    short_name = models.CharField("nom court", max_length=60, blank=True)
    funder = models.CharField("financeur", max_length=200)
    funder_kind = models.CharField("type de financeur", max_length=12, choices=FunderKind.choices)
    summary = models.CharField("en une phrase", max_length=300)
    description = models.TextField("description", help_text="Le texte du dispositif, dans le Markdown du forum.")
    source_url = models.URLField("source officielle", max_length=300, blank=True)
    period_start = models.DateField("ouvert à partir du", null=True, blank=True)
    period_end = models.DateField("ouvert jusqu'au", null=True, blank=True)
    # How much: a rate of the eligible spending, a ceiling, or a fixed amount per unit (Conseiller numérique:
    # €50,000 per adviser over two years). `amount_text` says it in words for the public page.
    amount_text = models.CharField("montant, en clair", max_length=300)
    rate_percent = models.PositiveSmallIntegerField("taux maximal de la dépense (%)", null=True, blank=True)
    ceiling_euros = models.PositiveIntegerField("plafond (€)", null=True, blank=True)
    unit_amount_euros = models.PositiveIntegerField("montant par unité (€)", null=True, blank=True)
    unit_name = models.CharField("unité", max_length=60, blank=True, help_text="Par exemple « poste de conseiller ».")
    figures_are_illustrative = models.BooleanField(
        "chiffres illustratifs",
        default=False,
        help_text="Cochez si les montants de cette fiche sont des exemples et non des chiffres officiels.",
    )
    published = models.BooleanField("publié", default=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = "dispositif de financement"
        verbose_name_plural = "dispositifs de financement"
        ordering = ["position", "name", "pk"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:scheme", args=[self.slug])


from .models_applications import *  # noqa: E402, F403 - applications and payments live in their own module
