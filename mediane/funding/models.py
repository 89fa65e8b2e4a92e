"""Funding schemes (« dispositifs de financement »): who funds, what, when and how much; their eligibility rules
as data (`EligibilityRule`, checked by the pure `eligibility.py`), and what a structure declares for the finder
(`StructureProfile`).

Applications and payments belong to the same app and refer to `Scheme` (`models_applications.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane import french
from mediane.structures.models import Structure

from . import eligibility
from .enums import FunderKind


class SchemeQuerySet(models.QuerySet["Scheme"]):
    def public(self):
        """What everyone may see: published schemes."""
        return self.filter(published=True)

    def visible_to(self, user):
        """Organisers (`funding.manage_schemes`) also see unpublished schemes; everyone else the published ones."""
        if user.has_perm("funding.manage_schemes"):
            return self
        return self.public()


class Scheme(models.Model):
    slug = models.SlugField("identifiant", max_length=60, unique=True)
    name = models.CharField("nom", max_length=200)
    short_name = models.CharField("nom court", max_length=60, blank=True)
    funder = models.CharField("financeur", max_length=200)
    funder_kind = models.CharField("type de financeur", max_length=12, choices=FunderKind.choices)
    summary = models.CharField("en une phrase", max_length=300)
    description = models.TextField("description", help_text="Le texte du dispositif, dans le Markdown du forum.")
    source_url = models.URLField("source officielle", max_length=300, blank=True)
    period_text = models.CharField(
        "période, en clair", max_length=200, blank=True, help_text="Par exemple « Chaque année depuis 1986 »."
    )
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

    @property
    def closed_on(self):
        """The last day of the period when it is over (today, in Paris), else None: a closed scheme takes no
        application."""
        return eligibility.closed_on(self.period_end, timezone.localdate())

    @property
    def closed_text(self) -> str:
        last = self.closed_on
        return eligibility.closed_sentence(last) if last else ""

    @property
    def ceiling_text(self) -> str:
        return french.euros(self.ceiling_euros) if self.ceiling_euros is not None else ""

    @property
    def unit_amount_text(self) -> str:
        return french.euros(self.unit_amount_euros) if self.unit_amount_euros is not None else ""


FACT_CHOICES = [(fact.key, fact.label) for fact in eligibility.FACTS.values()]
OPERATOR_CHOICES = [(op.key, op.label) for op in eligibility.OPERATORS.values()]


class EligibilityRule(models.Model):
    """One condition of a scheme, as data: a fact of the structure, an operator, a value (JSON).

    `clean` refuses a rule that `eligibility.check_rule` cannot evaluate; the services check every rule of a scheme
    before writing any, so the finder never meets one.
    """

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="rules", verbose_name="dispositif")
    position = models.PositiveSmallIntegerField("ordre", default=0)
    fact = models.CharField("critère", max_length=40, choices=FACT_CHOICES)
    operator = models.CharField("condition", max_length=12, choices=OPERATOR_CHOICES)
    value = models.JSONField("valeur", null=True, blank=True)
    wording = models.CharField(
        "ce que demande le dispositif, en clair",
        max_length=300,
        blank=True,
        help_text="Par exemple « ce dispositif est ouvert aux communes et intercommunalités ». Vide : une phrase "
        "est écrite à partir de la règle.",
    )

    class Meta:
        verbose_name = "règle d'éligibilité"
        verbose_name_plural = "règles d'éligibilité"
        ordering = ["scheme", "position", "pk"]

    def __str__(self) -> str:
        return eligibility.requirement(self.as_rule()) if self.is_valid() else f"{self.fact} {self.operator}"

    @property
    def name(self) -> str:
        return f"Règle {self.position}" if self.position else "Cette règle"

    def is_valid(self) -> bool:
        try:
            eligibility.check_rule(self.fact, self.operator, self.value)
        except eligibility.RuleError:
            return False
        return True

    def clean(self) -> None:
        try:
            eligibility.check_rule(self.fact, self.operator, self.value, name=self.name)
        except eligibility.RuleError as error:
            raise ValidationError({"value": str(error)}) from None

    def as_rule(self) -> eligibility.Rule:
        return eligibility.Rule(self.fact, self.operator, self.value, self.wording, self.position)

    @property
    def sentence(self) -> str:
        """The rule in plain words, for the scheme's public page."""
        text = eligibility.requirement(self.as_rule())
        return f"{text[:1].upper()}{text[1:]}."


class StructureProfile(models.Model):
    """What a structure declares for the eligibility finder, beside what Médiane knows from its own data (kind,
    commune, labels of its places, charter signature). A blank answer (None) is « not declared »: the rules on it
    are « à confirmer »."""

    structure = models.OneToOneField(
        Structure, on_delete=models.CASCADE, related_name="funding_profile", verbose_name="structure"
    )
    rural_area = models.BooleanField(
        "commune rurale",
        null=True,
        blank=True,
        help_text="D'après la grille communale de densité de l'Insee : une commune « peu dense » ou « très peu "
        "dense » est rurale.",
    )
    priority_neighbourhood = models.BooleanField(
        "lieu en quartier prioritaire de la politique de la ville", null=True, blank=True
    )
    population_served = models.PositiveIntegerField(
        "population desservie",
        null=True,
        blank=True,
        help_text="Pour une intercommunalité ou un département : le nombre d'habitants du territoire desservi. "
        "Vide : la population de la commune est prise dans le référentiel des communes.",
    )
    staff_trained = models.PositiveIntegerField("personnes formées à la médiation numérique", null=True, blank=True)
    updated_at = models.DateTimeField("déclaré le", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "profil de financement d'une structure"
        verbose_name_plural = "profils de financement des structures"

    def __str__(self) -> str:
        return f"Profil de {self.structure}"


from .models_applications import *  # noqa: E402, F403 - applications and payments live in their own module
