"""Writes of the selection committee: the départements' quotas (set by hand or computed from an index by largest
remainder), the committee's numbered opinions on position requests, and the conventions that favourable ones yield
(linked to the directory's structure)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction

from mediane.french import count_phrase
from mediane.jobs.queue import enqueue_email
from mediane.structures.communes import COMMUNE, load_communes
from mediane.structures.enums import StructureKind
from mediane.structures.models import Structure

from . import quotas as arithmetic
from .enums import HostKind, HostStatus, LogAction, Opinion, QuotaIndex, RequestKind, RequestStatus
from .models import (
    PROGRAMME_POSITIONS,
    CommitteeDecision,
    Convention,
    DepartementQuota,
    HostStructure,
    PositionRequest,
    QuotaSet,
)
from .services import ProgrammeError, record
from .tasks import send_decision_email

NOTE_MAX_LENGTH = 4000
# The statuses of a structure on whose requests the committee no longer gives an opinion.
CLOSED_HOST_STATUSES = (HostStatus.ABANDONED, HostStatus.CANCELLED, HostStatus.DUPLICATE)

KIND_IN_DIRECTORY = {
    HostKind.COMMUNE: StructureKind.COMMUNE,
    HostKind.EPCI: StructureKind.EPCI,
    HostKind.DEPARTEMENT: StructureKind.DEPARTEMENT,
    HostKind.ASSOCIATION: StructureKind.ASSOCIATION,
}


# --- Quotas ----------------------------------------------------------------------------------------------------


@functools.cache
def departements() -> tuple[str, ...]:
    """Every département of the communes reference, in order (101 with the overseas ones)."""
    return tuple(sorted({commune.departement for commune in load_communes() if commune.departement}))


@functools.cache
def population_by_departement() -> dict[str, int]:
    """The legal population of each département: its communes' (not their arrondissements', counted in them)."""
    totals: dict[str, int] = dict.fromkeys(departements(), 0)
    for commune in load_communes():
        if commune.kind == COMMUNE and commune.departement:
            totals[commune.departement] = totals.get(commune.departement, 0) + commune.population
    return totals


def compute_index(kind: str) -> dict[str, int]:
    """The index `kind` per département that the platform can compute: the population, from the communes reference.
    Any other index (`QuotaIndex.GIVEN`) is typed or uploaded by the team."""
    if kind != QuotaIndex.POPULATION:
        raise ProgrammeError("Seule la population est calculée par la plateforme : donnez les autres indices.")
    return dict(population_by_departement())


def programme_total() -> int:
    quota_set = QuotaSet.objects.order_by("pk").first()
    return quota_set.total if quota_set is not None else PROGRAMME_POSITIONS


def compute_quotas(index: Mapping[str, int], total: int | None = None) -> dict[str, int]:
    """The quotas that share the programme's total in proportion to `index` (largest remainder); nothing saved."""
    return arithmetic.largest_remainder(index, programme_total() if total is None else total)


def granted_by_departement() -> dict[str, int]:
    return HostStructure.objects.granted_by_departement()


def set_quotas(
    positions: Mapping[str, int], *, by: Any, index: str = "", index_values: Mapping[str, int] | None = None
) -> QuotaSet:
    """Replace every département's quota. They must add up to the programme's total, and none may fall below the
    positions its committee has already granted."""
    unknown = sorted(set(positions) - set(departements()))
    if unknown:
        raise ProgrammeError(f"Ces codes ne sont pas des départements : {', '.join(unknown[:10])}.")
    if any(value < 0 for value in positions.values()):
        raise ProgrammeError("Un quota est un nombre de postes, 0 ou plus.")
    with transaction.atomic():
        quota_set = QuotaSet.objects.select_for_update().order_by("pk").first() or QuotaSet.objects.create()
        list(DepartementQuota.objects.select_for_update().order_by("pk"))  # no opinion is recorded meanwhile
        total = sum(positions.values())
        if total != quota_set.total:
            gap = quota_set.total - total
            raise ProgrammeError(
                f"Les quotas font {count_phrase(total, 'poste')} au total, le programme en compte {quota_set.total} : "
                + (f"il manque {count_phrase(gap, 'poste')}." if gap > 0 else f"il y en a {-gap} de trop.")
                + " Corrigez les quotas pour que leur somme fasse exactement le total."
            )
        granted = granted_by_departement()
        below = [code for code, value in sorted(positions.items()) if value < granted.get(code, 0)]
        if below:
            details = ", ".join(f"{code} ({granted[code]} accordés)" for code in below[:10])
            raise ProgrammeError(
                f"Un quota ne peut pas être plus petit que les postes déjà accordés par le comité : {details}."
            )
        for code in departements():
            value = positions.get(code, 0)
            DepartementQuota.objects.update_or_create(
                departement=code,
                defaults={
                    "positions": value,
                    "index_value": index_values.get(code) if index_values is not None else None,
                },
            )
        quota_set.index = index
        quota_set.updated_by = by if by is not None and by.is_authenticated else None
        quota_set.save()
        label = QuotaIndex(index).label.lower() if index else "à la main"
        record(LogAction.QUOTAS, by, after=f"{total} postes", note=f"Quotas calculés : {label}.")
    return quota_set


# --- Opinions --------------------------------------------------------------------------------------------------


def _next_number(model: type[CommitteeDecision] | type[Convention], prefix: str) -> str:
    """`prefix` + the next 4-digit number of that series; called under the département's quota lock."""
    last = model.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    return f"{prefix}{int(last.removeprefix(prefix)) + 1 if last else 1:04d}"


def _locked_quota(departement: str) -> DepartementQuota:
    quota, _ = DepartementQuota.objects.get_or_create(departement=departement, defaults={"positions": 0})
    return DepartementQuota.objects.select_for_update().get(pk=quota.pk)


def directory_structure(host: HostStructure) -> Structure:
    """The directory's structure of `host`, linked to it (and saved): the one already linked, else the one with its
    SIRET, else one made now. Call inside a transaction. The host's managers become the directory structure's
    managers only when it has none (made now, or never claimed): whoever registers an existing structure's SIRET
    must not gain its funding applications and places through the committee's opinion."""
    structure = host.structure if host.structure_id is not None else None
    if structure is None:
        structure = Structure.objects.filter(siret=host.siret).first()
    if structure is None:
        kind = KIND_IN_DIRECTORY.get(HostKind(host.kind), StructureKind.OTHER)
        if host.kind == HostKind.COMMUNE and host.name.lower().startswith(("médiathèque", "bibliothèque")):
            kind = StructureKind.MUNICIPAL_LIBRARY
        try:
            with transaction.atomic():
                structure = Structure.objects.create(
                    name=host.name,
                    kind=kind,
                    siret=host.siret,
                    address=host.address,
                    postal_code=host.postal_code,
                    commune=host.commune,
                    insee_code=host.insee_code,
                    departement=host.departement,
                    region=host.region,
                )
        except IntegrityError:  # made meanwhile by another request
            structure = Structure.objects.get(siret=host.siret)
    if not structure.managers.exists():
        structure.managers.add(*host.managers.all())
    if host.structure_id != structure.pk:
        host.structure = structure
        host.save(update_fields=["structure"])
    return structure


def directory_managers_kept(host: HostStructure) -> bool:
    """Whether a favourable opinion would leave the directory structure's managers as they are (it has some, and
    the host's managers are not added), for the opinion page to say so."""
    structure = host.structure if host.structure_id is not None else Structure.objects.filter(siret=host.siret).first()
    return structure is not None and structure.managers.exists()


def record_opinion(
    request: PositionRequest,
    opinion: str,
    positions_granted: int = 0,
    decided_on: dt.date | None = None,
    note: str = "",
    *,
    by: Any,
) -> CommitteeDecision:
    """The committee's opinion on a pending request, numbered `CS-<year>-<dép>-<NNNN>`; a favourable one on a
    request for positions yields a convention within the département's quota."""
    if opinion not in Opinion.values:
        raise ProgrammeError("Choisissez l'avis du comité : favorable, examen complémentaire ou défavorable.")
    if decided_on is None:
        raise ProgrammeError("Écrivez la date du comité, par exemple 15/03/2021.")
    note = note.strip()[:NOTE_MAX_LENGTH]
    with transaction.atomic():
        request = PositionRequest.objects.select_for_update().select_related("host").get(pk=request.pk)
        departement = request.host.departement
        quota = _locked_quota(departement)  # first: every opinion of the département waits here
        host = HostStructure.objects.select_for_update().get(pk=request.host_id)
        if request.status != RequestStatus.PENDING:
            raise ProgrammeError(
                f"Cette demande est déjà « {request.get_status_display().lower()} » : le comité ne rend plus d'avis."
            )
        if host.status in CLOSED_HOST_STATUSES:
            raise ProgrammeError(
                f"La structure est « {host.get_status_display().lower()} » : changez d'abord son statut."
            )
        if opinion == Opinion.FAVOURABLE:
            if not 1 <= positions_granted <= request.positions:
                raise ProgrammeError(
                    f"Un avis favorable accorde de 1 à {count_phrase(request.positions, 'poste')} (le nombre demandé)."
                )
            if request.kind == RequestKind.ADD:
                granted = HostStructure.objects.in_departement(departement).positions_granted_total()
                if granted + positions_granted > quota.positions:
                    left = max(quota.positions - granted, 0)
                    raise ProgrammeError(
                        f"Le quota du département {departement} est de {count_phrase(quota.positions, 'poste')}, dont "
                        f"{count_phrase(granted, 'déjà accordé', 'déjà accordés')} : il en reste {left}. Accordez au "
                        f"plus {count_phrase(left, 'poste')}, ou "
                        "demandez à l'équipe du programme de revoir les quotas."
                    )
            else:
                held = host.recruitments.holding().count()
                if host.positions_granted - positions_granted < held:
                    free = max(host.positions_granted - held, 0)
                    raise ProgrammeError(
                        f"La structure a {count_phrase(host.positions_granted, 'poste accordé', 'postes accordés')}, "
                        f"dont {count_phrase(held, 'occupé', 'occupés')} par un recrutement : elle peut en rendre au "
                        f"plus {free}. Accordez un rendu plus petit."
                    )
        else:
            positions_granted = 0
        year = decided_on.year
        decision = CommitteeDecision.objects.create(
            number=_next_number(CommitteeDecision, f"CS-{year}-{departement}-"),
            request=request,
            departement=departement,
            opinion=opinion,
            positions_granted=positions_granted,
            note=note,
            decided_on=decided_on,
            recorded_by=by if by is not None and by.is_authenticated else None,
        )
        before_host = host.get_status_display()
        before_request = request.get_status_display()
        if opinion == Opinion.FURTHER_EXAMINATION:
            if host.status != HostStatus.VALIDATED:
                host.status = HostStatus.FURTHER_EXAMINATION
        elif opinion == Opinion.UNFAVOURABLE:
            request.status = RequestStatus.REFUSED
            if host.positions_granted == 0 and request.kind == RequestKind.ADD:
                host.status = HostStatus.REFUSED
        else:
            request.status = RequestStatus.VALIDATED
            if request.kind == RequestKind.ADD:
                host.positions_granted += positions_granted
                host.status = HostStatus.VALIDATED
            else:
                host.positions_granted -= positions_granted
        request.save(update_fields=["status"])
        host.save(update_fields=["status", "positions_granted", "updated_at"])
        record(
            LogAction.DECISION,
            by,
            host=host,
            request=request,
            before=before_request,
            after=f"{decision.number} : {decision.get_opinion_display()}",
            note=note,
        )
        if host.get_status_display() != before_host:
            record(LogAction.HOST_STATUS, by, host=host, before=before_host, after=host.get_status_display())
        if opinion == Opinion.FAVOURABLE and request.kind == RequestKind.ADD:
            directory_structure(host)
            convention = Convention.objects.create(
                number=_next_number(Convention, f"CN-{departement}-"),
                host=host,
                decision=decision,
                positions=positions_granted,
                starts_on=max(host.start_date, decided_on),
            )
            record(LogAction.CONVENTION, by, host=host, request=request, after=convention.number)
        enqueue_email(send_decision_email, decision.pk)
    return decision
