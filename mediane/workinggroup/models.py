"""The working group: its members, one meeting per theme, the decisions taken, and the meeting dossiers.

Every write goes through `services.py`. Decisions are audited in `DecisionLog`; a dossier is a row that the
background task fills with its two files (PDF and Markdown, in the default storage).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane.consultation.models import Contribution, Theme
from mediane.jobs.models import BackgroundJob, JobQuerySet
from mediane.synthesis.models import SynthesisRun, Topic

from .enums import (
    DecisionAction,
    DecisionStatus,
    DossierStage,
    DossierStatus,
    MeetingStatus,
    OrganisationKind,
)

DOSSIER_ACTIVE_STATUSES = [DossierStatus.QUEUED, DossierStatus.RUNNING]
DOSSIER_READY_STATUSES = [DossierStatus.SUCCEEDED, DossierStatus.PARTIAL]


class MemberQuerySet(models.QuerySet["Member"]):
    def active(self):
        return self.filter(is_active=True)

    def in_display_order(self):
        return self.order_by("organisation_kind", "position", "organisation", "name", "pk")


class Member(models.Model):
    """A person sitting in the working group, and the organisation they represent."""

    name = models.CharField(
        "nom", max_length=120, help_text="Le nom de la personne, ou sa fonction si elle ne souhaite pas être nommée."
    )
    title = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.CharField("organisation représentée", max_length=200)
    organisation_kind = models.CharField("type d'organisation", max_length=16, choices=OrganisationKind.choices)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_group_member",
        verbose_name="compte",
    )
    is_active = models.BooleanField("membre actif", default=True)
    position = models.PositiveSmallIntegerField("ordre d'affichage", default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "membre du groupe de travail"
        verbose_name_plural = "membres du groupe de travail"
        ordering = ["organisation_kind", "position", "organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def with_theme(self):
        return self.select_related("theme", "theme__consultation")


class Meeting(models.Model):
    """The meeting of the working group that closes a theme: agenda before, minutes and decisions after."""

    theme = models.OneToOneField(Theme, on_delete=models.PROTECT, related_name="meeting", verbose_name="thème")
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=200, blank=True)
    status = models.CharField("état", max_length=8, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    # Both texts use the forum's Markdown subset, rendered and sanitised once, at write time.
    agenda = models.TextField("ordre du jour", blank=True)
    agenda_html = models.TextField(editable=False, blank=True)
    minutes = models.TextField("compte rendu", blank=True)
    minutes_html = models.TextField(editable=False, blank=True)
    attendees = models.ManyToManyField(Member, blank=True, related_name="meetings", verbose_name="présents")
    held_at = models.DateTimeField("compte rendu enregistré le", null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "réunion"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"Réunion du {self.date:%d/%m/%Y} (thème {self.theme.number})"

    def get_absolute_url(self) -> str:
        return reverse("workinggroup:meeting", kwargs={"pk": self.pk})

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD


class DecisionQuerySet(models.QuerySet["Decision"]):
    def with_links(self):
        """Decisions with what they are linked to, in three queries whatever their number.

        Only published contributions: one hidden by moderation since the decision no longer shows, anywhere.
        """
        return self.select_related("meeting__theme").prefetch_related(
            models.Prefetch("contributions", queryset=Contribution.objects.published().order_by("pk")),
            models.Prefetch("topics", queryset=Topic.objects.order_by("position", "pk")),
        )


class Decision(models.Model):
    """What the working group decided at a meeting, and the contributions and topics that led to it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions", verbose_name="réunion")
    number = models.PositiveSmallIntegerField("numéro")
    title = models.CharField("intitulé", max_length=200)
    text = models.TextField("texte")
    text_html = models.TextField(editable=False)
    status = models.CharField("état", max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.ADOPTED)
    contributions = models.ManyToManyField(
        Contribution, blank=True, related_name="inspired_decisions", verbose_name="contributions à l'origine"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="decisions", verbose_name="sujets de la synthèse")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "décision"
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="decision_unique_number")]

    def __str__(self) -> str:
        return f"Décision n° {self.reference} : {self.title}"

    def get_absolute_url(self) -> str:
        return f"{reverse('workinggroup:meeting', kwargs={'pk': self.meeting_id})}#{self.anchor}"

    @property
    def reference(self) -> str:
        """« 1.2 »: the second decision of the meeting of theme 1. Reads `meeting.theme` (select it)."""
        return f"{self.meeting.theme.number}.{self.number}"

    @property
    def anchor(self) -> str:
        return f"decision-{self.number}"


class DecisionLog(models.Model):
    """Audit log of decisions: who recorded or changed what, and when. Never edited, never deleted."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="logs")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=DecisionAction.choices)
    # What changed: {"field": [old, new]}, and for links {"contributions": {"added": [..], "removed": [..]}}.
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "modification de décision"
        verbose_name_plural = "journal des décisions"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} le {self.created_at:%d/%m/%Y}"

    @property
    def change_lines(self) -> list[str]:
        """The changes in French, one line each, for the log page."""
        lines = []
        for name, change in self.changes.items():
            label = LOG_FIELD_LABELS.get(name, name)
            if name == "status":
                values = change if isinstance(change, list) else [change]
                lines.append(f"{label} : " + " → ".join(_status_label(value) for value in values))
            elif isinstance(change, dict):
                parts = [f"{verb} n° {', '.join(map(str, change[key]))}" for key, verb in LINK_VERBS if change.get(key)]
                lines.append(f"{label} : " + " ; ".join(parts))
            elif isinstance(change, list) and name in {"contributions", "topics"}:
                lines.append(f"{label} : " + (", ".join(f"n° {pk}" for pk in change) or "aucun"))
            elif isinstance(change, list):
                lines.append(f"{label} : « {change[0]} » → « {change[1]} »")
            else:
                lines.append(f"{label} : « {change} »")
        return lines


LOG_FIELD_LABELS = {
    "title": "Intitulé",
    "text": "Texte",
    "status": "État",
    "contributions": "Contributions",
    "topics": "Sujets",
}
LINK_VERBS = (("added", "ajout"), ("removed", "retrait"))


def _status_label(value: str) -> str:
    return DecisionStatus(value).label if value in DecisionStatus.values else value


def dossier_path(dossier: Dossier, filename: str) -> str:
    return f"dossiers/reunion-{dossier.meeting_id}/{filename}"


class DossierQuerySet(JobQuerySet):
    def ready(self):
        return self.filter(status__in=DOSSIER_READY_STATUSES)


class Dossier(BackgroundJob):
    """One generation of a meeting's dossier, from a synthesis run: a background job (`mediane/jobs/`) whose work,
    `services.build_dossier_files`, writes its two files."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="dossiers", verbose_name="réunion")
    run = models.ForeignKey(
        SynthesisRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name="synthèse utilisée",
    )
    status = models.CharField("état", max_length=10, choices=DossierStatus.choices, default=DossierStatus.QUEUED)
    stage = models.CharField("étape", max_length=10, choices=DossierStage.choices, blank=True)
    pdf = models.FileField("PDF", upload_to=dossier_path, blank=True)
    markdown = models.FileField("Markdown", upload_to=dossier_path, blank=True)
    pdf_pages = models.PositiveIntegerField("pages du PDF", null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("demandé le", default=timezone.now)

    objects = DossierQuerySet.as_manager()

    work: ClassVar[str] = "mediane.workinggroup.services.build_dossier_files"
    interrupted_message: ClassVar[str] = (
        "La génération du dossier a été interrompue : le processus qui la faisait ne donne plus signe de vie "
        "(serveur redémarré ou tâche arrêtée). Relancez-la ; si l'échec se répète, prévenez l'équipe technique."
    )

    class Meta:
        verbose_name = "dossier de réunion"
        verbose_name_plural = "dossiers de réunion"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=models.Q(status__in=DOSSIER_ACTIVE_STATUSES),
                name="one_active_dossier_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"Dossier n° {self.pk} de la réunion {self.meeting_id}"

    @property
    def is_ready(self) -> bool:
        return self.status in DOSSIER_READY_STATUSES

    def unexpected_error_message(self, error: BaseException) -> str:
        return (
            "La génération du dossier a échoué à cause d'une erreur inattendue. Relancez-la ; si l'échec se "
            "répète, prévenez l'équipe technique (le détail est dans le journal du serveur)."
        )

    def discard_partial_work(self) -> None:
        """An attempt that did not finish may have stored the Markdown file: it goes, with the PDF."""
        for stored in (self.markdown, self.pdf):
            if stored and stored.name:
                stored.storage.delete(stored.name)
        type(self).objects.filter(pk=self.pk).update(markdown="", pdf="", pdf_pages=None)
