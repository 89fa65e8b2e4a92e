"""Training: competence frameworks (Pix's 16 competences in 5 domains, the digital-mediation framework), the
« socle minimal » of library staff, courses and their sessions (registrations through `mediane.registrations`),
attendance and results with their audit log, and the staff of structures.

A competence keeps its code for ever; its name may change (5.2 was renamed), so the names are
`CompetenceLabel` rows, each valid from a date: the label of a day is the latest one that started on or before it.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from mediane.registrations.models import Registrable, Registration
from mediane.structures.models import Place, Structure

from .enums import Attendance, FrameworkKind, LogAction, Modality, Result


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

    def for_listing(self):
        """With the current label and the framework, in one query."""
        return self.with_label().select_related("framework", "domain")


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


# --- The socle minimal ---------------------------------------------------------------------------------------


class Socle(models.Model):
    """A selection of competences, each with the minimum level expected (the « socle minimal » of library staff)."""

    slug = models.SlugField("identifiant", max_length=40, unique=True)
    name = models.CharField("nom", max_length=200)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "socle de compétences"
        verbose_name_plural = "socles de compétences"
        ordering: ClassVar[list[str]] = ["pk"]

    def __str__(self) -> str:
        return self.name


class SocleRequirement(models.Model):
    socle = models.ForeignKey(Socle, on_delete=models.CASCADE, related_name="requirements")
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="socle_requirements", verbose_name="compétence"
    )
    level = models.PositiveSmallIntegerField("niveau minimum")
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "exigence du socle"
        ordering: ClassVar[list[str]] = ["socle", "position", "pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["socle", "competence"], name="socle_requirement_once"),
            models.CheckConstraint(condition=Q(level__gte=1), name="socle_requirement_level_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.competence.code}, niveau {self.level}"


# --- Courses -------------------------------------------------------------------------------------------------


class Provider(models.Model):
    """Who gives a course: CNFPT, Enssib, a regional library agency, a département's library…"""

    name = models.CharField("nom", max_length=200, unique=True)
    description = models.CharField("présentation", max_length=500, blank=True)
    website = models.URLField("site", max_length=300, blank=True)

    class Meta:
        verbose_name = "organisme de formation"
        verbose_name_plural = "organismes de formation"
        ordering: ClassVar[list[str]] = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CourseQuerySet(models.QuerySet["Course"]):
    def published(self):
        return self.filter(published=True)

    def visible_to(self, user):
        """Organisers see drafts too; everyone else, published courses only."""
        if user.has_perm("training.manage"):
            return self.all()
        return self.published()

    def for_listing(self):
        """With the provider and the competences covered (current labels): three queries for any number."""
        coverages = CourseCompetence.objects.select_related("competence__framework").order_by(
            "competence__framework__position", "competence__position", "pk"
        )
        return self.select_related("provider").prefetch_related(
            Prefetch("coverages", queryset=coverages.annotate(label=_label_of("competence")))
        )

    def covering(self, competence_id: int, level: int = 1):
        """Courses that cover the competence at the level or above."""
        return self.filter(coverages__competence_id=competence_id, coverages__level__gte=level).distinct()


def _label_of(prefix: str):
    """The current label of the competence at `prefix`, as a subquery (for rows that point at a competence)."""
    labels = CompetenceLabel.objects.filter(competence=OuterRef(prefix), valid_from__lte=timezone.localdate()).order_by(
        "-valid_from"
    )
    return Subquery(labels.values("label")[:1])


class Course(models.Model):
    title = models.CharField("titre", max_length=200)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="courses", verbose_name="organisme de formation"
    )
    description = models.TextField("description", help_text="Le sous-ensemble Markdown du forum.")
    hours = models.DecimalField("durée (heures)", max_digits=5, decimal_places=1)
    modality = models.CharField("modalité", max_length=12, choices=Modality.choices)
    certifying = models.BooleanField("certifiante", default=False)
    certification = models.CharField("certification", max_length=200, blank=True)
    price = models.DecimalField("prix (euros)", max_digits=8, decimal_places=2, default=0)
    published = models.BooleanField("publiée", default=False)
    # Set by the demonstration data only: every page of the course says it is an example, not a real offer.
    is_example = models.BooleanField("formation donnée à titre d'exemple", default=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = "formation"
        ordering: ClassVar[list[str]] = ["title", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(price__gte=0), name="course_price_not_negative"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="course_hours_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:course", args=[self.pk])

    @property
    def is_free(self) -> bool:
        return self.price == 0


class CourseCompetence(models.Model):
    """A competence a course covers, and the level it brings a person to."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="coverages")
    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="coverages", verbose_name="compétence"
    )
    level = models.PositiveSmallIntegerField("niveau visé")

    class Meta:
        verbose_name = "compétence couverte"
        verbose_name_plural = "compétences couvertes"
        ordering: ClassVar[list[str]] = ["course", "pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["course", "competence"], name="course_competence_once"),
            models.CheckConstraint(condition=Q(level__gte=1), name="course_competence_level_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.competence.code}, niveau {self.level}"


# --- Sessions and enrolments ---------------------------------------------------------------------------------


class TrainingSessionQuerySet(models.QuerySet["TrainingSession"]):
    def public(self):
        """Sessions of published courses."""
        return self.filter(course__published=True)

    def visible_to(self, user):
        if user.has_perm("training.manage"):
            return self.all()
        return self.public()

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def for_listing(self):
        return self.select_related("course", "course__provider", "place")


class TrainingSession(Registrable):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions", verbose_name="formation")
    starts_at = models.DateTimeField("début", db_index=True)
    ends_at = models.DateTimeField("fin")
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="training_sessions", verbose_name="lieu"
    )
    online = models.BooleanField("à distance", default=False)
    online_url = models.URLField(
        "lien de connexion", max_length=500, blank=True, help_text="Donné seulement aux personnes inscrites."
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = "session de formation"
        verbose_name_plural = "sessions de formation"
        ordering: ClassVar[list[str]] = ["starts_at", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="training_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(online=True, place__isnull=True) | Q(online=False, place__isnull=False),
                name="training_session_at_a_place_or_online",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.title}, le {timezone.localtime(self.starts_at):%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("training:session", args=[self.pk])

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def accepts_enrolments(self) -> bool:
        return self.course.published and self.registration_open and not self.is_past

    @property
    def moves_waiting_people(self) -> bool:
        return not self.is_past

    def where(self) -> str:
        if self.online:
            return "À distance"
        place = self.place
        if place is None:
            return ""
        return f"{place.nom}, {place.adresse}, {place.code_postal} {place.commune}"

    def registration_summary(self) -> str:
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"du {starts:%d/%m/%Y à %H:%M} au {ends:%d/%m/%Y à %H:%M}, {self.where()}"

    def for_registered_only(self) -> str:
        if self.online and self.online_url:
            return f"Le lien pour suivre la session à distance : {self.online_url}"
        return ""


class Enrolment(Registration):
    """A person's enrolment in a session (a `Registration`), with their attendance and their result."""

    registrable = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="registrations", verbose_name="session"
    )
    attendance = models.CharField("présence", max_length=8, choices=Attendance.choices, blank=True, default="")
    result = models.CharField("résultat", max_length=12, choices=Result.choices, blank=True, default="")

    class Meta(Registration.Meta):
        verbose_name = "inscription à une session de formation"
        verbose_name_plural = "inscriptions aux sessions de formation"

    def confirm_path(self) -> str:
        return reverse("training:registration_confirm", args=[self.token])

    def leave_path(self) -> str:
        return reverse("training:registration_leave", args=[self.token])


class TrainingLog(models.Model):
    """Audit log of attendance, results and staff changes: who wrote what, and when (values in their French
    labels, as they were). Never edited, never deleted."""

    action = models.CharField("action", max_length=16, choices=LogAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.SET_NULL, null=True, blank=True, related_name="logs")
    structure = models.ForeignKey(Structure, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    subject = models.CharField("concerne", max_length=254, blank=True)
    before = models.CharField("avant", max_length=40, blank=True)
    after = models.CharField("après", max_length=40, blank=True)
    created_at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "journal de la formation"
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} : {self.subject}"


# --- Staff of structures -------------------------------------------------------------------------------------


class StaffMemberQuerySet(models.QuerySet["StaffMember"]):
    def of_structure(self, structure):
        """Members who accepted the invitation: only they share their training record with the managers."""
        return (
            self.filter(structure=structure, accepted_at__isnull=False)
            .select_related("user")
            .order_by("user__display_name", "pk")
        )

    def pending_of_structure(self, structure):
        return self.filter(structure=structure, accepted_at__isnull=True).order_by("email", "pk")

    def invitations_for(self, user):
        """The invitations a person has not answered yet: made to their account, or to their address before
        the account existed."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(user=user) | Q(user__isnull=True, email__iexact=user.email), accepted_at__isnull=True
        ).select_related("structure")

    def accepted_by(self, user):
        return self.filter(user=user, accepted_at__isnull=False).select_related("structure")


class StaffMember(models.Model):
    """A person who works in a structure: the structure's managers follow their training against the socle."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="staff_members")
    # Empty until the invited person accepts: an invitation may name an address that has no account, and the
    # manager is never told whether it has one.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_memberships",
        verbose_name="personne",
        null=True,
        blank=True,
    )
    email = models.EmailField("adresse invitée", max_length=254, blank=True)
    job_title = models.CharField("fonction", max_length=150, blank=True)
    added_at = models.DateTimeField("invitée le", auto_now_add=True)
    accepted_at = models.DateTimeField("invitation acceptée le", null=True, blank=True)

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        verbose_name = "membre de l'équipe"
        verbose_name_plural = "membres de l'équipe"
        ordering: ClassVar[list[str]] = ["structure", "pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["structure", "user"], name="staff_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.email} ({self.structure})"


from .models_kit import KitAudience, KitResource  # noqa: E402, F401 - the kit's models, in their own module
