"""The roadmap's rows: stages, axes, statuses, actions (a tree), their milestones and history, who follows them,
and the charter's versions and signatures.

Every write goes through `services.py` (actions, milestones, links, follows) or `services_charter.py` (the
charter). An action's progress is stored: typed on a leaf (or taken from its status' default), computed from the
children on a parent, and written again up the tree by the service that changes a child, in the same transaction.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane.consultation.models import Contribution
from mediane.structures.models import Structure
from mediane.synthesis.models import Topic
from mediane.workinggroup.models import Decision

from .enums import FollowOrigin, UpdateKind

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Stage(models.Model):
    """A period of the roadmap (« 2020 : Élaboration de la feuille de route »)."""

    title = models.CharField("intitulé", max_length=200)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "étape"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.year} : {self.title}" if self.year else self.title


class Axis(models.Model):
    """A line of work that runs through the stages (« Formation »)."""

    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "axe"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Status(models.Model):
    """A status the organisers define (« En cours »), with the progress an action takes by default, as in Decidim."""

    name = models.CharField("nom", max_length=100, unique=True)
    description = models.CharField("description", max_length=300, blank=True)
    default_progress = models.PositiveSmallIntegerField(
        "avancement par défaut (%)", null=True, blank=True, validators=PERCENT
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "statut"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class ActionQuerySet(models.QuerySet["Action"]):
    def readable_by(self, user):
        """Every action is public: the roadmap is the group's commitment, shown as soon as it is written."""
        return self

    def roots(self):
        return self.filter(parent__isnull=True)

    def with_labels(self):
        return self.select_related("stage", "axis", "status", "parent")


class Action(models.Model):
    """Something the roadmap commits to do, nested to any depth, traced back to what inspired it."""

    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name="action parente"
    )
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="actions", verbose_name="étape")
    axis = models.ForeignKey(Axis, on_delete=models.PROTECT, related_name="actions", verbose_name="axe")
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    description_html = models.TextField(editable=False, blank=True)
    owners = models.ManyToManyField(
        Structure, blank=True, related_name="roadmap_actions", verbose_name="structures partenaires"
    )
    start_date = models.DateField("début", null=True, blank=True)
    end_date = models.DateField("fin", null=True, blank=True)
    status = models.ForeignKey(
        Status, on_delete=models.PROTECT, null=True, blank=True, related_name="actions", verbose_name="statut"
    )
    progress = models.PositiveSmallIntegerField("avancement (%)", default=0, validators=PERCENT)
    # An action measured by a figure of the platform (`roadmap.indicators`): its progress is the indicator's value
    # over the target, refreshed when the figure changes; empty: typed by the organisers.
    indicator = models.CharField("indicateur", max_length=40, blank=True)
    indicator_target = models.PositiveIntegerField("cible de l'indicateur", null=True, blank=True)
    # How much this action counts in its parent's progress, next to its siblings.
    weight = models.DecimalField("poids", max_digits=7, decimal_places=2, default=1)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    contributions = models.ManyToManyField(
        Contribution, blank=True, related_name="roadmap_actions", verbose_name="contributions à l'origine"
    )
    decisions = models.ManyToManyField(
        Decision, blank=True, related_name="roadmap_actions", verbose_name="décisions à l'origine"
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="roadmap_actions", verbose_name="sujets de la synthèse"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[ActionQuerySet] = ActionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "action"
        ordering = ["stage", "axis", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="action_progress_at_most_100"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="action_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="action_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap:action", kwargs={"pk": self.pk})


class Milestone(models.Model):
    """A dated entry of an action's public timeline (« Charte adoptée par le groupe de travail »)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField("date")
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "étape franchie"
        ordering = ["action", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} : {self.title}"


class ActionUpdate(models.Model):
    """One change of an action that the public sees in its history and followers receive in their digest.

    Names and values are copied at writing time, so the history reads the same after a status is renamed.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=12, choices=UpdateKind.choices)
    old_status = models.CharField(max_length=100, blank=True)
    new_status = models.CharField(max_length=100, blank=True)
    old_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    new_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    milestone = models.ForeignKey(Milestone, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "évolution d'une action"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} le {self.created_at:%d/%m/%Y}"


class ActionFollowQuerySet(models.QuerySet["ActionFollow"]):
    def active(self):
        return self.filter(stopped_at__isnull=True)


class ActionFollow(models.Model):
    """Someone who follows an action. A follow they stopped stays, stopped, so that it is never added back."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_follows")
    origin = models.CharField(max_length=12, choices=FollowOrigin.choices, default=FollowOrigin.CHOSEN)
    stopped_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[ActionFollowQuerySet] = ActionFollowQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "suivi d'une action"
        constraints = [models.UniqueConstraint(fields=["action", "user"], name="action_follow_unique")]

    def __str__(self) -> str:
        return f"{self.user} suit « {self.action} »"


# --- The charter ------------------------------------------------------------------------------------------


class CharterVersionQuerySet(models.QuerySet["CharterVersion"]):
    def published(self):
        return self.filter(published_at__isnull=False)

    def readable_by(self, user):
        """Drafts are for the organisers who write them; published versions are public."""
        if user.has_perm("roadmap.manage_charter"):
            return self
        return self.published()

    def current(self) -> CharterVersion | None:
        """The version in force: the published one with the highest number (None before the first)."""
        return self.published().order_by("-number").first()


class CharterVersion(models.Model):
    """One version of « la charte de l'inclusion numérique en bibliothèque ». Published, it is never changed."""

    number = models.PositiveSmallIntegerField("version", unique=True)
    title = models.CharField("titre", max_length=200)
    text = models.TextField("texte")
    text_html = models.TextField(editable=False, blank=True)
    changes = models.TextField("ce qui change par rapport à la version précédente", blank=True)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[CharterVersionQuerySet] = CharterVersionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "version de la charte"
        verbose_name_plural = "versions de la charte"
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def get_absolute_url(self) -> str:
        return reverse("roadmap:charter_version", kwargs={"number": self.number})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class CharterSignatureQuerySet(models.QuerySet["CharterSignature"]):
    def latest_per_structure(self):
        """Each structure's latest signature (of its highest version), with its structure and version: one query."""
        newer = CharterSignature.objects.filter(
            structure=models.OuterRef("structure"), version__number__gt=models.OuterRef("version__number")
        )
        return self.exclude(models.Exists(newer)).select_related("structure", "version")


class CharterSignature(models.Model):
    """A structure's signature of one version, given online by one of its managers."""

    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="signatures")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="charter_signatures")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The signatory's function as they gave it (« Directrice de la médiathèque »): public, unlike their name.
    signatory_function = models.CharField("fonction de la personne qui signe", max_length=200, blank=True)
    signed_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[CharterSignatureQuerySet] = CharterSignatureQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "signature de la charte"
        ordering = ["-signed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "structure"], name="charter_signature_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.structure} : version {self.version.number}"
