"""Candidates to an adviser's position, and their private CV.

What a structure may read of a candidate is `CandidateQuerySet.visible_to` and the rules of `rules.py`: the
programme team reads every profile; the managers of a validated structure read the profiles of candidates who are
available (not paused, not deleted) and feasible for one of their structures (same territory, within both distance
limits: `recommendations.pair_feasible`); contact details and the CV only once the structure is in touch with the
candidate (a `Recruitment` between them in `INTEREST_STATUSES`).
"""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mediane.privatefiles import PDF, PrivateDocument, PrivateFileField
from mediane.training.models import Competence

from .enums import HOLDING_STATUSES, INTEREST_STATUSES, MAX_DISTANCE_CHOICES, EducationLevel, HostStatus, Situation
from .models import HostStructure, is_programme_team

# The real programme kept CVs six months; the candidate is told when theirs goes.
CV_RETENTION_DAYS = 183
CV_MAX_MB = 5
MOTIVATION_MAX_CHARS = 2500


class CandidateQuerySet(models.QuerySet["Candidate"]):
    def active(self):
        """Candidates a structure may consider: a profile not deleted, not paused, not holding a position."""
        return self.filter(deleted_at__isnull=True, paused=False).exclude(recruitments__status__in=HOLDING_STATUSES)

    def in_touch_with(self, user):
        """Candidates with a recruitment in `INTEREST_STATUSES` at a structure `user` manages."""
        return self.filter(
            recruitments__host__in=HostStructure.objects.managed_by(user), recruitments__status__in=INTEREST_STATUSES
        ).distinct()

    def visible_to(self, user):
        """The programme team: all; a candidate: their own; a manager of a validated structure: the active ones
        feasible for one of their validated structures, and those they are in touch with; anyone else: none."""
        if is_programme_team(user):
            return self
        if not user.is_authenticated:
            return self.none()
        from .recommendations import feasible_candidate_ids

        validated = list(HostStructure.objects.managed_by(user).filter(status=HostStatus.VALIDATED))
        if validated:
            return self.filter(
                Q(user=user)
                | Q(pk__in=feasible_candidate_ids(validated))
                | Q(pk__in=self.model.objects.in_touch_with(user).values("pk"))
            )
        return self.filter(Q(user=user) | Q(pk__in=self.model.objects.in_touch_with(user).values("pk")))


class Candidate(models.Model):
    """A person who applies to become an adviser, with what the matching and the structures read."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_candidate",
    )
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("courriel")
    phone = models.CharField("téléphone", max_length=20, blank=True)

    situation = models.CharField("situation", max_length=20, choices=Situation.choices)
    education_level = models.CharField("niveau de diplôme", max_length=10, choices=EducationLevel.choices)
    # Values of `MediationDiploma`.
    mediation_diplomas = models.JSONField("diplômes de la médiation numérique", default=list, blank=True)
    other_diplomas = models.CharField("autres diplômes", max_length=250, blank=True)
    experience_months = models.PositiveSmallIntegerField("expérience en médiation numérique (mois)", default=0)
    experience_details = models.TextField("expérience, en quelques mots", blank=True)
    available_from = models.DateField("disponible à partir du")
    max_distance_km = models.PositiveSmallIntegerField(
        "distance maximale acceptée", choices=MAX_DISTANCE_CHOICES, default=20
    )
    commune = models.CharField("commune", max_length=150)
    insee_code = models.CharField("code INSEE de la commune", max_length=5)
    postal_code = models.CharField("code postal", max_length=5, blank=True)
    departement = models.CharField("département", max_length=3, db_index=True)
    region = models.CharField("région", max_length=3, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    motivation = models.TextField("motivation", max_length=MOTIVATION_MAX_CHARS)

    pix_shared = models.BooleanField("je partage mon résultat Pix", default=False)
    pix_level = models.PositiveSmallIntegerField("niveau Pix global", null=True, blank=True)
    pix_competences = models.ManyToManyField(
        Competence, blank=True, related_name="+", verbose_name="meilleures compétences Pix"
    )

    paused = models.BooleanField("disponibilité en pause", default=False)
    created_at = models.DateTimeField("inscrit·e le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    # Set when the person deletes their profile while a recruitment must be kept: their personal data is gone.
    deleted_at = models.DateTimeField("profil supprimé le", null=True, blank=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = "candidat·e"
        verbose_name_plural = "candidat·es"
        ordering: ClassVar[list[str]] = ["last_name", "first_name", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(
                condition=Q(pix_level__isnull=True) | Q(pix_level__gte=1, pix_level__lte=8),
                name="candidate_pix_level_1_to_8",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("conseillers:candidate_detail", args=[self.pk])

    def pending_invitations(self) -> list:
        """The structures' invitations (candidates added by hand) waiting for this candidate's answer: one query."""
        from .enums import RecruitmentStatus

        return list(self.recruitments.awaiting_candidate().filter(status=RecruitmentStatus.NEW).select_related("host"))

    @property
    def full_name(self) -> str:
        if self.deleted_at:
            return "Candidat·e (profil supprimé)"
        return f"{self.first_name} {self.last_name}".strip()


def cv_token() -> str:
    return secrets.token_urlsafe(24)


class CandidateCV(PrivateDocument):
    """A candidate's CV: a PDF in the private storage, read only through `conseillers:candidate_cv` after the
    permission check (`conseillers.view_cv`), deleted `CV_RETENTION_DAYS` after it was sent."""

    ACCEPTED_TYPES = (PDF,)
    MAX_MB = CV_MAX_MB

    file = PrivateFileField("fichier", folder="cv")
    candidate = models.OneToOneField(Candidate, on_delete=models.CASCADE, related_name="cv")
    token = models.CharField(max_length=40, unique=True, default=cv_token, editable=False)
    # When the candidate was told that the CV goes soon: told once per CV.
    reminder_sent_at = models.DateTimeField("rappel de suppression envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "CV"
        verbose_name_plural = "CV"

    def __str__(self) -> str:
        return self.original_name
