"""The advisers' activity reports (« comptes rendus d'activité », CRA) and the programme's counters.

A report is one accompaniment of one person, or one collective session with its participants. The person stays
anonymous: an age band, a social status, a gender and a commune, each « non communiqué » unless they agree. A
collective session may give how many participants fall in each band (`participant_counts`); the rest count as
« non communiqué ».

`ActivityCounter` holds the programme's figures, kept exact in the transaction that writes a report
(`services_reports`): one row per (scope, month, dimension, value), where the scope is « FR » for the whole country
or a département's code. The dashboard reads a few hundred of these rows instead of counting a million reports.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from mediane.structures.models import Place

from .enums_reports import (
    MAX_MINUTES,
    UNKNOWN,
    ActivityType,
    AgeBand,
    Autonomie,
    Gender,
    PlaceType,
    Redirection,
    SocialStatus,
    WorkshopLevel,
)
from .models import HostStructure, is_programme_team
from .models_recruitment import Recruitment

NATIONAL = "FR"


class ActivityReportQuerySet(models.QuerySet["ActivityReport"]):
    def readable_by(self, user):
        """The programme team: all; an adviser: their own; a host structure's managers: the reports of the advisers
        they employ (made under one of their recruitments); anyone else, the public included: none (the public sees
        only the dashboard's aggregates)."""
        if is_programme_team(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(adviser=user) | Q(host__in=HostStructure.objects.managed_by(user)))

    def of_adviser(self, user):
        return self.filter(adviser=user)

    def with_labels(self):
        return self.select_related("place", "redirection_place", "host")


class ActivityReport(models.Model):
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="activity_reports",
        verbose_name="conseiller ou conseillère",
    )
    # The recruitment the adviser reported under: their structure and its département are copied from it, so that
    # a report stays counted where it was made after the adviser moves on.
    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.PROTECT, related_name="activity_reports", verbose_name="recrutement"
    )
    host = models.ForeignKey(
        HostStructure, on_delete=models.PROTECT, related_name="activity_reports", verbose_name="structure employeuse"
    )
    departement = models.CharField("département", max_length=3)
    kind = models.CharField("type", max_length=12, choices=ActivityType.choices, default=ActivityType.INDIVIDUAL)
    first_visit = models.BooleanField("premier accompagnement de la personne", default=False)
    date = models.DateField("date")
    duration = models.PositiveSmallIntegerField("durée (minutes)")
    place_type = models.CharField(
        "canal d'accompagnement", max_length=16, choices=PlaceType.choices, default=PlaceType.ACTIVITY_PLACE
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="lieu d'activité"
    )
    # For « à domicile » and « autre lieu »: the commune (and its codes) where it took place.
    place_commune = models.CharField("commune du lieu", max_length=150, blank=True)
    place_postal_code = models.CharField("code postal du lieu", max_length=5, blank=True)
    place_insee_code = models.CharField("code INSEE du lieu", max_length=5, blank=True)
    thematiques = models.JSONField("thématiques", default=list)
    procedure_name = models.CharField("nom de la démarche administrative", max_length=200, blank=True)
    materiel = models.JSONField("matériel numérique utilisé", default=list, blank=True)
    autonomie = models.CharField("niveau d'autonomie", max_length=24, choices=Autonomie.choices, blank=True)
    redirected = models.BooleanField("personne réorientée", default=False)
    redirection = models.CharField("structure de redirection", max_length=40, choices=Redirection.choices, blank=True)
    redirection_place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="lieu de redirection (annuaire)",
    )
    workshop_title = models.CharField("nom de l'atelier", max_length=200, blank=True)
    workshop_level = models.CharField("niveau de l'atelier", max_length=16, choices=WorkshopLevel.choices, blank=True)
    participants = models.PositiveSmallIntegerField("nombre de participants", default=1)
    # An individual accompaniment: the person's band, status and gender. A collective session: « non communiqué »
    # here, and its participants' counts per value in `participant_counts`.
    age_band = models.CharField("tranche d'âge", max_length=24, choices=AgeBand.choices, default=UNKNOWN)
    social_status = models.CharField("statut", max_length=16, choices=SocialStatus.choices, default=UNKNOWN)
    gender = models.CharField("genre", max_length=16, choices=Gender.choices, default=UNKNOWN)
    beneficiary_commune = models.CharField("commune de résidence", max_length=150, blank=True)
    beneficiary_postal_code = models.CharField("code postal de résidence", max_length=5, blank=True)
    beneficiary_insee_code = models.CharField("code INSEE de résidence", max_length=5, blank=True)
    # {"age_band": {"soixante_dix_plus": 3, …}, "social_status": {…}, "gender": {…}}: a collective session only.
    participant_counts = models.JSONField("répartition des participants", default=dict, blank=True)
    notes = models.TextField("notes", blank=True)
    tags = models.JSONField("étiquettes", default=list, blank=True)
    # Reports brought in from another tool (the Coop's export) keep their id there, so that a second import of the
    # same file adds nothing twice.
    external_id = models.CharField("identifiant d'origine", max_length=64, blank=True)
    created_at = models.DateTimeField("enregistré le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects: ClassVar[ActivityReportQuerySet] = ActivityReportQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "compte rendu d'activité"
        verbose_name_plural = "comptes rendus d'activité"
        ordering: ClassVar[list[str]] = ["-date", "-pk"]
        indexes: ClassVar[list] = [
            models.Index(fields=["adviser", "-date", "-id"], name="report_adviser_date"),
            models.Index(fields=["host", "-date", "-id"], name="report_host_date"),
            models.Index(fields=["date"], name="report_date"),
        ]
        constraints: ClassVar[list] = [
            models.CheckConstraint(
                condition=Q(duration__gt=0, duration__lte=MAX_MINUTES), name="report_duration_in_range"
            ),
            models.CheckConstraint(condition=Q(participants__gte=1), name="report_has_participants"),
            models.CheckConstraint(
                condition=~Q(kind=ActivityType.INDIVIDUAL) | Q(participants=1), name="report_individual_is_one"
            ),
            models.UniqueConstraint(
                fields=["adviser", "external_id"],
                condition=~Q(external_id=""),
                name="report_imported_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.date:%d/%m/%Y}"

    @property
    def is_collective(self) -> bool:
        return self.kind == ActivityType.COLLECTIVE


class ActivityCounter(models.Model):
    """One figure of the programme: the reports, people and minutes counted under (scope, month, dimension, value).

    `dimension` is « total » (value ""), « type », « mission », « thematique », « duree », « canal », « materiel »,
    « autonomie », « redirection », « age », « statut », « genre », « premier », or « conseiller » (one row per
    adviser and month, in the département's scope only: the advisers who reported that month)."""

    scope = models.CharField("périmètre", max_length=3)
    month = models.DateField("mois")
    dimension = models.CharField("dimension", max_length=12)
    value = models.CharField("valeur", max_length=40, blank=True)
    activities = models.BigIntegerField("activités", default=0)
    people = models.BigIntegerField("personnes accompagnées", default=0)
    minutes = models.BigIntegerField("minutes", default=0)

    class Meta:
        verbose_name = "compteur d'activité"
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["scope", "dimension", "month", "value"], name="counter_one_per_key"),
        ]
        # The dashboard reads a dimension over a period across every scope (the départements' totals, the advisers
        # active this month or last) from this index alone.
        indexes: ClassVar[list] = [
            models.Index(fields=["dimension", "month", "scope", "value", "activities"], name="counter_dimension_month"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.month:%Y-%m} {self.dimension}={self.value}"
