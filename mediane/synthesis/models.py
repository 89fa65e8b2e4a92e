"""Synthesis runs of a theme, their topics and memberships, and the audit log of editorial edits.

A run is written once by the background task and then only edited through `services.py` (rename, merge,
split, publish), each edit leaving a `SynthesisEdit` row. At most one run per theme is published, and at most
one is queued or running, both enforced by the database.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane.consultation.models import Contribution, Theme
from mediane.jobs.models import BackgroundJob, JobQuerySet

from .enums import STAGE_LABELS, EditAction, RunStatus, TopicKind

ACTIVE_STATUSES = [RunStatus.QUEUED, RunStatus.RUNNING]


class SynthesisRunQuerySet(JobQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def succeeded(self):
        return self.filter(status=RunStatus.SUCCEEDED)


class SynthesisRun(BackgroundJob):
    """A synthesis of a theme's published contributions: a background job (`mediane/jobs/`) whose work is
    `services.compute_run`, then the result that the working group edits and publishes."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="synthesis_runs")
    status = models.CharField("état", max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED)
    backend = models.CharField("méthode", max_length=30, default="tfidf")
    seed = models.PositiveIntegerField("graine", default=0)
    min_topics = models.PositiveSmallIntegerField("nombre minimal de sujets", default=3)
    max_topics = models.PositiveSmallIntegerField("nombre maximal de sujets", default=40)
    contributions_count = models.PositiveIntegerField("contributions analysées", default=0)
    # The engine's figures (counts, chosen number of topics and scores, timings, warnings) and the breakdowns.
    figures = models.JSONField("chiffres", default=dict, blank=True)
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("lancée le", default=timezone.now)
    started_at = models.DateTimeField("commencée le", null=True, blank=True)
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)

    objects = SynthesisRunQuerySet.as_manager()

    work: ClassVar[str] = "mediane.synthesis.services.compute_run"
    interrupted_message: ClassVar[str] = (
        "La synthèse s'est arrêtée sans finir : le processus de calcul ne donne plus signe de vie (serveur "
        "redémarré ou tâche arrêtée). Aucun résultat partiel n'a été gardé, et la synthèse publiée ne change pas : "
        "vous pouvez la relancer."
    )

    class Meta:
        verbose_name = "synthèse"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme"], condition=models.Q(published_at__isnull=False), name="one_published_run_per_theme"
            ),
            models.UniqueConstraint(
                fields=["theme"], condition=models.Q(status__in=ACTIVE_STATUSES), name="one_active_run_per_theme"
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(status=RunStatus.SUCCEEDED),
                name="only_succeeded_runs_are_published",
            ),
        ]

    def __str__(self) -> str:
        return f"Synthèse n° {self.pk} du thème {self.theme_id}"

    def get_absolute_url(self) -> str:
        return reverse("synthesis:run", kwargs={"pk": self.pk})

    def unexpected_error_message(self, error: BaseException) -> str:
        return (
            f"La synthèse a échoué à cause d'une erreur inattendue ({type(error).__name__}). Le détail est dans le "
            "journal du serveur. Vous pouvez la relancer ; si l'erreur revient, signalez-la à l'équipe technique."
        )

    def discard_partial_work(self) -> None:
        """Memberships are written in several short transactions while the run is running (nobody reads them
        then): an attempt that did not finish leaves some, removed topic by topic to keep each write short."""
        for topic_id in self.topics.values_list("pk", flat=True):
            TopicMembership.objects.filter(topic_id=topic_id).delete()
        self.topics.all().delete()

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)


class Topic(models.Model):
    run = models.ForeignKey(SynthesisRun, on_delete=models.CASCADE, related_name="topics")
    kind = models.CharField(max_length=16, choices=TopicKind.choices, default=TopicKind.TOPIC)
    position = models.PositiveIntegerField("rang", default=0)
    label = models.CharField("intitulé", max_length=200)
    # The label the engine gave; `label` may be renamed by the working group.
    generated_label = models.CharField("intitulé calculé", max_length=200, blank=True)
    terms = models.JSONField("mots distinctifs", default=list, blank=True)
    phrases = models.JSONField("expressions distinctives", default=list, blank=True)
    # One sentence of a representative contribution that says the topic best ("" when the engine found none).
    sentence = models.TextField("en une phrase", blank=True)
    # The contribution the sentence is taken from: the sentence is shown only while it is published.
    sentence_contribution = models.ForeignKey(
        Contribution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="contribution de la phrase",
    )
    # Denormalised: number of memberships, updated by the service that moves them.
    size = models.PositiveIntegerField("contributions", default=0)

    class Meta:
        verbose_name = "sujet"
        ordering = ["run", "kind", "position", "id"]
        indexes = [models.Index(fields=["run", "kind", "position"], name="topic_run_order")]

    def __str__(self) -> str:
        return self.label


class TopicMembership(models.Model):
    """A contribution in one topic of a run; each contribution appears once per run."""

    run = models.ForeignKey(SynthesisRun, on_delete=models.CASCADE, related_name="memberships")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="memberships")
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="topic_memberships")
    # 1 for the most central representative of its topic, 2 for the next…; null when not a representative.
    representative_rank = models.PositiveSmallIntegerField("rang de représentativité", null=True, blank=True)
    # Contributions sharing a number (within the run) say the same thing in (nearly) the same words.
    duplicate_group = models.PositiveIntegerField("groupe de doublons", null=True, blank=True)

    class Meta:
        verbose_name = "appartenance à un sujet"
        constraints = [
            models.UniqueConstraint(fields=["run", "contribution"], name="one_topic_per_contribution_per_run")
        ]
        indexes = [
            models.Index(fields=["topic", "representative_rank"], name="membership_topic_rank"),
            models.Index(fields=["run", "duplicate_group"], name="membership_run_duplicates"),
        ]

    def __str__(self) -> str:
        return f"Contribution {self.contribution_id} dans le sujet {self.topic_id}"


class SynthesisEdit(models.Model):
    """Audit log of the working group's editorial control over a run. Never edited, never deleted."""

    run = models.ForeignKey(SynthesisRun, on_delete=models.CASCADE, related_name="edits")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=12, choices=EditAction.choices)
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # What changed, in words a reader of the log understands (old and new labels, topics merged, sizes…).
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "modification de synthèse"
        verbose_name_plural = "journal des modifications de synthèse"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} le {self.created_at:%d/%m/%Y}"
