"""The kit: a catalogue of tools and teaching resources (links, no uploads), tagged by competence, public,
format and licence, searched in French with the forum's mechanism (`mediane.consultation.search`)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse

from mediane.consultation import search

from . import rules_kit  # noqa: F401 - the kit's permissions
from .enums_kit import KitFormat, KitLicence, KitPublic
from .models import Competence

KIT_TABLE = "training_kitresource"
# Kept after every `migrate` like the forum's index (see `search.repair_fulltext_triggers`).
search.index_table(KIT_TABLE)


class KitResourceQuerySet(models.QuerySet["KitResource"]):
    def published(self):
        """What everyone may see. Drafts are for organisers only (`training.manage_kit`)."""
        return self.filter(published=True)

    def visible_to(self, user):
        return self if user.has_perm("training.manage_kit") else self.published()

    def for_listing(self):
        """With competences (their current label) and publics: two more queries, whatever the page's size."""
        return self.prefetch_related(
            Prefetch("competences", queryset=Competence.objects.with_label().order_by("framework", "position", "pk")),
            "audiences",
        )

    def with_competence(self, competence_pk: str | None):
        """Tagged with this competence (its primary key, as a choice of the search form gives it)."""
        return self.filter(competences=competence_pk) if competence_pk else self

    def for_public(self, public: str):
        return self.filter(audiences__public=public) if public else self

    def search(self, query: str):
        """Rows matching every term of `query`, best first, and the analysed terms: `(queryset, terms)`. No term
        (empty, or only stop words) gives no row. The kit is small: every match is ranked."""
        terms = search.query_terms(query)
        if not terms:
            return self.none(), terms
        clauses = search.fulltext_clauses(search.match_expression(terms), table=KIT_TABLE)
        return self.extra(**clauses).order_by("-search_rank", "-id"), terms  # noqa: S610 - bound parameters


class KitResource(models.Model):
    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    summary = models.CharField("résumé", max_length=300)
    description = models.TextField("description", blank=True)
    link = models.URLField("lien", max_length=500, blank=True)
    author = models.CharField("auteur ou producteur", max_length=200, blank=True)
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="kit_resources", verbose_name="compétences"
    )
    format = models.CharField("format", max_length=12, choices=KitFormat.choices)
    licence = models.CharField("licence", max_length=12, choices=KitLicence.choices, default=KitLicence.UNSPECIFIED)
    published = models.BooleanField("publiée", default=False)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    # Accent-free, stemmed text that the full-text index reads (`search.search_document`), written by services.
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = KitResourceQuerySet.as_manager()

    class Meta:
        verbose_name = "ressource du kit"
        verbose_name_plural = "ressources du kit"
        ordering: ClassVar[list[str]] = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:kit_resource", args=[self.slug])

    @property
    def public_labels(self) -> list[str]:
        """The publics' labels in the order of `KitPublic` (from the prefetched rows when there are)."""
        chosen = {audience.public for audience in self.audiences.all()}
        return [label for value, label in KitPublic.choices if value in chosen]


class KitAudience(models.Model):
    """One public a resource is meant for (a resource has several)."""

    resource = models.ForeignKey(KitResource, on_delete=models.CASCADE, related_name="audiences")
    public = models.CharField("public", max_length=24, choices=KitPublic.choices)

    class Meta:
        verbose_name = "public d'une ressource"
        verbose_name_plural = "publics des ressources"
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["resource", "public"], name="kit_audience_unique_public")
        ]
        indexes: ClassVar[list] = [models.Index(fields=["public", "resource"], name="kit_audience_by_public")]

    def __str__(self) -> str:
        return self.get_public_display()
