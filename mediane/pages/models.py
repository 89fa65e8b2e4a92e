"""Editorial pages: news and events (« actualités »)."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from mediane.consultation.markup import render_markup


class NewsQuerySet(models.QuerySet["NewsItem"]):
    def published(self):
        return self.filter(published_at__lte=timezone.now())


class NewsItem(models.Model):
    class Kind(models.TextChoices):
        NEWS = "actualite", "Actualité"
        EVENT = "evenement", "Événement"

    kind = models.CharField("type", max_length=12, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse courte", max_length=100, unique=True)
    summary = models.CharField("chapô", max_length=300)
    body = models.TextField("texte", help_text="Texte simple ou Markdown léger.")
    event_date = models.DateField("date de l'événement", null=True, blank=True)
    published_at = models.DateTimeField("publiée le", default=timezone.now, db_index=True)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = "actualité"
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:news_detail", kwargs={"slug": self.slug})

    @property
    def body_html(self) -> SafeString:
        """The body through the forum's Markdown subset: render_markup escapes and sanitises it."""
        return mark_safe(render_markup(self.body))  # noqa: S308
