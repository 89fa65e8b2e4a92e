"""Host structures of the Conseillers numériques programme, their position requests, the selection committee's
quotas, opinions and conventions, and the programme's audit log.

A host structure is a registration to the programme, not the directory's `Structure`: two registrations may share
a SIRET (the second one is a « doublon » until the programme team sorts it out), while the directory holds one
structure per SIRET. A convention links the registration to the directory's structure, which the funding app's
grants need. Candidates are in `models_candidates.py`, recruitments in `models_recruitment.py`.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from mediane.structures.models import Structure

from .enums import HostKind, HostStatus, LogAction, Opinion, QuotaIndex, RequestKind, RequestStatus

# The programme-wide number of funded positions; the quotas of the départements add up to it.
PROGRAMME_POSITIONS = 4000
# The length of `ProgrammeLog.before` and `after`: `services.record` cuts a longer value.
LOG_VALUE_MAX = 60
# How far a structure looks for candidates by default (km); the candidate's own limit applies too.
DEFAULT_HOST_DISTANCE_KM = 40


def is_programme_team(user) -> bool:
    """The programme team (`Role.PROGRAMME`) reads everything of the programme; for QuerySets (rules.py has the
    predicate)."""
    from .rules import is_programme_team as predicate

    return bool(user is not None and user.is_authenticated and predicate(user))


class QuotaSet(models.Model):
    """How the quotas were last set: by hand, or computed from an index (and which), with the total."""

    index = models.CharField("calculés à partir de", max_length=24, choices=QuotaIndex.choices, blank=True)
    total = models.PositiveIntegerField("total du programme", default=PROGRAMME_POSITIONS)
    updated_at = models.DateTimeField("modifiés le", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "répartition des quotas"

    def __str__(self) -> str:
        return f"Quotas ({self.total} postes)"


class DepartementQuota(models.Model):
    """The positions a département's committee may grant; all quotas add up to the programme's total."""

    departement = models.CharField("département", max_length=3, unique=True)
    positions = models.PositiveIntegerField("postes")
    index_value = models.PositiveBigIntegerField("valeur de l'indice", null=True, blank=True)

    class Meta:
        verbose_name = "quota d'un département"
        verbose_name_plural = "quotas des départements"
        ordering: ClassVar[list[str]] = ["departement"]

    def __str__(self) -> str:
        return f"{self.departement} : {self.positions} postes"


class HostStructureQuerySet(models.QuerySet["HostStructure"]):
    def managed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(managers=user)

    def visible_to(self, user):
        """The programme team sees every structure; a manager sees the ones they manage; nobody else any."""
        if is_programme_team(user):
            return self
        return self.managed_by(user)

    def in_departement(self, departement: str):
        return self.filter(departement=departement)

    def positions_granted_total(self) -> int:
        """The positions granted to these structures, counted against their départements' quotas. A structure
        that gives up is set back to 0 (`change_host_status`), so the sum needs no status filter."""
        return self.aggregate(total=models.Sum("positions_granted"))["total"] or 0

    def granted_by_departement(self) -> dict[str, int]:
        """`positions_granted_total` per département, in one query (no join: the sum counts each structure once)."""
        rows = self.order_by().values_list("departement").annotate(granted=models.Sum("positions_granted"))
        return {departement: granted or 0 for departement, granted in rows}

    def validated(self):
        return self.filter(status=HostStatus.VALIDATED)

    def with_siret(self, siret: str):
        return self.filter(siret=siret).exclude(status__in=[HostStatus.CANCELLED, HostStatus.DUPLICATE])


class HostStructure(models.Model):
    """A structure registered to host advisers, with what the committee weighs."""

    name = models.CharField("nom de la structure", max_length=200)
    kind = models.CharField("type de structure", max_length=24, choices=HostKind.choices)
    siret = models.CharField("SIRET", max_length=14, db_index=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    postal_code = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=150)
    insee_code = models.CharField("code INSEE de la commune", max_length=5)
    departement = models.CharField("département", max_length=3, db_index=True)
    region = models.CharField("région", max_length=3, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)

    contact_name = models.CharField("nom et prénom du contact", max_length=150)
    contact_job = models.CharField("fonction du contact", max_length=150, blank=True)
    contact_email = models.EmailField("courriel du contact")
    contact_phone = models.CharField("téléphone du contact", max_length=20, blank=True)

    advisers_wished = models.PositiveSmallIntegerField("nombre de conseillers souhaités")
    start_date = models.DateField("date de prise de poste souhaitée")
    motivation = models.TextField("motivation")
    charter_commitment = models.BooleanField("engagement à respecter la charte du dispositif", default=False)
    cofunding = models.BooleanField("cofinancement prévu", default=False)
    cofunding_details = models.CharField("cofinanceurs", max_length=250, blank=True)
    rural_revitalisation_zone = models.BooleanField("en zone de revitalisation rurale (ZRR)", default=False)
    priority_district = models.BooleanField("en quartier prioritaire de la politique de la ville (QPV)", default=False)
    france_services = models.BooleanField("labellisée France Services", default=False)
    max_distance_km = models.PositiveSmallIntegerField(
        "distance maximale des candidats (km)", default=DEFAULT_HOST_DISTANCE_KM
    )

    status = models.CharField(
        "statut", max_length=24, choices=HostStatus.choices, default=HostStatus.CREATED, db_index=True
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates", verbose_name="doublon de"
    )
    # The directory's structure, found or made by SIRET when the first convention is established.
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, null=True, blank=True, related_name="programme_hosts"
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="programme_hosts", verbose_name="gestionnaires"
    )
    # Denormalised by the committee's services under the row lock: favourable opinions minus positions given back.
    positions_granted = models.PositiveIntegerField("postes accordés", default=0)
    created_at = models.DateTimeField("inscrite le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = HostStructureQuerySet.as_manager()

    class Meta:
        verbose_name = "structure d'accueil"
        verbose_name_plural = "structures d'accueil"
        ordering: ClassVar[list[str]] = ["name", "pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(advisers_wished__gte=1), name="host_wishes_an_adviser"),
            # One registration per SIRET, but for those the team has examined (`duplicate_of`) or closed: two
            # registrations at the same time cannot both be « créée » (`register_host`'s lock finds no row to lock).
            models.UniqueConstraint(
                fields=["siret"],
                condition=Q(duplicate_of__isnull=True) & ~Q(status__in=[HostStatus.DUPLICATE, HostStatus.CANCELLED]),
                name="host_siret_registered_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("conseillers:host_detail", args=[self.pk])


class PositionRequestQuerySet(models.QuerySet["PositionRequest"]):
    def visible_to(self, user):
        if is_programme_team(user):
            return self
        return self.filter(host__in=HostStructure.objects.managed_by(user))

    def pending(self):
        return self.filter(status=RequestStatus.PENDING)


class PositionRequest(models.Model):
    """A request to add positions, or to give some back."""

    host = models.ForeignKey(HostStructure, on_delete=models.CASCADE, related_name="requests")
    kind = models.CharField("type de demande", max_length=8, choices=RequestKind.choices, default=RequestKind.ADD)
    positions = models.PositiveSmallIntegerField("nombre de postes")
    reason = models.TextField("motif", blank=True)
    status = models.CharField(
        "statut", max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField("déposée le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PositionRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de postes"
        verbose_name_plural = "demandes de postes"
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list] = [
            models.CheckConstraint(condition=Q(positions__gte=1), name="request_asks_for_a_position"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.positions} ({self.host})"


class CommitteeDecisionQuerySet(models.QuerySet["CommitteeDecision"]):
    def visible_to(self, user):
        if is_programme_team(user):
            return self
        return self.filter(request__host__in=HostStructure.objects.managed_by(user))


class CommitteeDecision(models.Model):
    """An opinion of a département's selection committee on a request: dated, numbered (« CS-2021-69-0004 »),
    never edited (a new opinion follows an « examen complémentaire »)."""

    number = models.CharField("numéro", max_length=24, unique=True)
    request = models.ForeignKey(PositionRequest, on_delete=models.PROTECT, related_name="decisions")
    departement = models.CharField("département", max_length=3, db_index=True)
    opinion = models.CharField("avis", max_length=24, choices=Opinion.choices)
    positions_granted = models.PositiveSmallIntegerField("postes accordés", default=0)
    note = models.TextField("motivation de l'avis", blank=True)
    decided_on = models.DateField("date du comité")
    recorded_at = models.DateTimeField("enregistré le", auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CommitteeDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "avis du comité de sélection"
        verbose_name_plural = "avis du comité de sélection"
        ordering: ClassVar[list[str]] = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} : {self.get_opinion_display()}"


class ConventionQuerySet(models.QuerySet["Convention"]):
    def visible_to(self, user):
        if is_programme_team(user):
            return self
        return self.filter(host__in=HostStructure.objects.managed_by(user))


class Convention(models.Model):
    """What a favourable opinion yields: the funded positions of a structure, numbered (« CN-69-0012 »)."""

    number = models.CharField("numéro", max_length=24, unique=True)
    host = models.ForeignKey(HostStructure, on_delete=models.PROTECT, related_name="conventions")
    decision = models.OneToOneField(CommitteeDecision, on_delete=models.PROTECT, related_name="convention")
    positions = models.PositiveSmallIntegerField("postes financés")
    starts_on = models.DateField("début")
    created_at = models.DateTimeField("établie le", auto_now_add=True)

    objects = ConventionQuerySet.as_manager()

    class Meta:
        verbose_name = "convention"
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.number


class ProgrammeLog(models.Model):
    """The programme's audit log: who did what, when, on which structure, request, candidate or recruitment (the
    values in their French labels, as they were). Never edited, never deleted; a deleted candidate's entries keep
    no name."""

    action = models.CharField("action", max_length=24, choices=LogAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    actor_role = models.CharField("en tant que", max_length=60, blank=True)
    host = models.ForeignKey(HostStructure, on_delete=models.SET_NULL, null=True, blank=True, related_name="log")
    request = models.ForeignKey(PositionRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    candidate = models.ForeignKey(
        "conseillers.Candidate", on_delete=models.SET_NULL, null=True, blank=True, related_name="log"
    )
    recruitment = models.ForeignKey(
        "conseillers.Recruitment", on_delete=models.SET_NULL, null=True, blank=True, related_name="log"
    )
    before = models.CharField("avant", max_length=LOG_VALUE_MAX, blank=True)
    after = models.CharField("après", max_length=LOG_VALUE_MAX, blank=True)
    note = models.TextField("note", blank=True)
    at = models.DateTimeField("le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "journal du programme"
        ordering: ClassVar[list[str]] = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({timezone.localtime(self.at):%d/%m/%Y})"


from .models_candidates import Candidate, CandidateCV  # noqa: E402  (one models module for Django)
from .models_recruitment import Recruitment  # noqa: E402
from .models_reports import ActivityCounter, ActivityReport  # noqa: E402

__all__ = [
    "ActivityCounter",
    "ActivityReport",
    "Candidate",
    "CandidateCV",
    "CommitteeDecision",
    "Convention",
    "DepartementQuota",
    "HostStructure",
    "PositionRequest",
    "ProgrammeLog",
    "QuotaSet",
    "Recruitment",
]
