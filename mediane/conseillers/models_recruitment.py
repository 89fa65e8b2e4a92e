"""Recruitments: a candidate's application to a host structure, from « nouvelle » to « terminée », with the
contract, its end, the adviser's subsidy (a grant of the funding app) and their certifying training (an
enrolment of the training app).

Two rules hold under concurrent requests (`services_recruitment`): a structure holds at most its
`positions_granted` recruitments in `HOLDING_STATUSES` (checked under the structure's row lock), and a candidate
holds at most one (a partial unique index, so the database refuses the second even if two requests race).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mediane.funding.models import Application
from mediane.training.models import Enrolment

from .enums import HOLDING_STATUSES, INTEREST_STATUSES, ContractType, RecruitmentStatus, RuptureReason
from .models import HostStructure, is_programme_team
from .models_candidates import Candidate
from .transitions import FOR_THE_CANDIDATE


class RecruitmentQuerySet(models.QuerySet["Recruitment"]):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def held_by(self, user):
        """The position `user` holds as an adviser (at most one: a partial unique index)."""
        if not user.is_authenticated:
            return self.none()
        return self.holding().filter(candidate__user=user)

    def showing_interest(self):
        return self.filter(status__in=INTEREST_STATUSES)

    def visible_to(self, user):
        """The programme team: all; a structure's managers: their structure's, except a candidate added by hand who
        has not accepted (the structure must not learn whether an address has a profile); a candidate: the ones where
        a structure showed interest in them (a « nouvelle » or « non intéressée » one is the structure's own
        business) and the invitations waiting for their answer; anyone else: none."""
        if is_programme_team(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            (Q(host__in=HostStructure.objects.managed_by(user)) & ~self.awaiting_q())
            | Q(candidate__user=user, status__in=INTEREST_STATUSES)
            | (Q(candidate__user=user, status=RecruitmentStatus.NEW) & self.awaiting_q())
        )

    @staticmethod
    def awaiting_q() -> Q:
        """Added by hand by a structure, and not (yet) accepted by the candidate."""
        return Q(added_by_hand=True, candidate_accepted_at__isnull=True)

    def awaiting_candidate(self):
        return self.filter(self.awaiting_q())


class Recruitment(models.Model):
    host = models.ForeignKey(HostStructure, on_delete=models.PROTECT, related_name="recruitments")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="recruitments")
    status = models.CharField(
        "statut", max_length=20, choices=RecruitmentStatus.choices, default=RecruitmentStatus.NEW, db_index=True
    )
    added_by_hand = models.BooleanField("ajoutée à la main par la structure", default=False)
    # A structure that adds a candidate by hand is in touch only once the candidate accepts its invitation.
    candidate_accepted_at = models.DateTimeField("invitation acceptée le", null=True, blank=True)
    contract_type = models.CharField("type de contrat", max_length=20, choices=ContractType.choices, blank=True)
    starts_on = models.DateField("début du contrat", null=True, blank=True)
    ends_on = models.DateField("fin du contrat", null=True, blank=True)
    rupture_on = models.DateField("date de la rupture", null=True, blank=True)
    rupture_reason = models.CharField("motif de la rupture", max_length=24, choices=RuptureReason.choices, blank=True)
    rupture_details = models.TextField("précisions sur la rupture", blank=True)
    grant = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programme_recruitment",
        verbose_name="subvention",
    )
    training_enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inscription à la formation certifiante",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = RecruitmentQuerySet.as_manager()

    class Meta:
        verbose_name = "recrutement"
        ordering: ClassVar[list[str]] = ["-updated_at", "-pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["host", "candidate"], name="recruitment_one_per_pair"),
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(status__in=[status.value for status in HOLDING_STATUSES]),
                name="recruitment_one_position_per_candidate",
                violation_error_message="Ce·tte candidat·e occupe déjà un poste de conseiller numérique.",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gt=models.F("starts_on")),
                name="recruitment_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} chez {self.host}"

    def get_absolute_url(self) -> str:
        return reverse("conseillers:recruitment_detail", args=[self.pk])

    @property
    def for_the_candidate(self) -> str:
        """Where it stands, as the candidate's page says it (`transitions.FOR_THE_CANDIDATE`)."""
        return FOR_THE_CANDIDATE.get(self.status, self.get_status_display())

    @property
    def holds_position(self) -> bool:
        return self.status in HOLDING_STATUSES

    @property
    def awaits_candidate(self) -> bool:
        """Added by hand by the structure and not accepted by the candidate: the structure is not in touch."""
        return self.added_by_hand and self.candidate_accepted_at is None
