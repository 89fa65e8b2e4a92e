"""Writes of the host structures: registration (with the duplicate SIRET check), edit by their managers, the
programme team's status changes, and position requests (to add positions or give some back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from django.db import IntegrityError, transaction

from mediane.french import count_phrase
from mediane.jobs.queue import enqueue_email
from mediane.structures.communes import Commune
from mediane.structures.models import Structure
from mediane.structures.standard import siret_is_valid

from .enums import HostKind, HostStatus, LogAction, RequestKind, RequestStatus
from .models import DEFAULT_HOST_DISTANCE_KM, HostStructure, PositionRequest
from .services import ProgrammeError, record
from .tasks import send_host_status_email

MAX_ADVISERS = 50
MOTIVATION_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 2000

# Where the programme team may move a structure. Only the committee's numbered opinion makes it « validée »
# (`services_committee.record_opinion`), so that every position granted has its opinion and its convention.
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    HostStatus.CREATED: (
        HostStatus.FURTHER_EXAMINATION,
        HostStatus.REFUSED,
        HostStatus.ABANDONED,
        HostStatus.CANCELLED,
    ),
    HostStatus.FURTHER_EXAMINATION: (
        HostStatus.REFUSED,
        HostStatus.ABANDONED,
        HostStatus.CANCELLED,
    ),
    HostStatus.VALIDATED: (HostStatus.ABANDONED, HostStatus.CANCELLED),
    HostStatus.REFUSED: (HostStatus.CREATED,),  # a new examination, on new information
    HostStatus.ABANDONED: (),
    HostStatus.CANCELLED: (),
    HostStatus.DUPLICATE: (HostStatus.CREATED, HostStatus.CANCELLED),
}
# Statuses in which nothing more happens: the managers can no longer edit nor request.
FINAL_STATUSES = (HostStatus.ABANDONED, HostStatus.CANCELLED, HostStatus.REFUSED)
# A structure that gives up hands its positions back to its département's quota.
GIVING_UP_STATUSES = (HostStatus.ABANDONED, HostStatus.CANCELLED)

# What happens next, for the structure's page.
NEXT_STEP: dict[str, str] = {
    HostStatus.CREATED: "Votre inscription est enregistrée. Le comité de sélection de votre département l'examinera "
    "et rendra un avis ; vous recevrez un courriel.",
    HostStatus.FURTHER_EXAMINATION: "Le comité de sélection a besoin d'en savoir plus. L'équipe du programme "
    "peut vous contacter ; le comité rendra un nouvel avis.",
    HostStatus.VALIDATED: "Votre structure est retenue. Vous pouvez consulter les candidatures proches de chez vous "
    "et recruter dans la limite des postes accordés.",
    HostStatus.REFUSED: "Le comité de sélection n'a pas retenu votre demande. Lisez son avis plus bas.",
    HostStatus.ABANDONED: "Votre structure a renoncé à accueillir un conseiller numérique.",
    HostStatus.CANCELLED: "Cette inscription est annulée.",
    HostStatus.DUPLICATE: "Une autre inscription existe pour ce SIRET. L'équipe du programme vérifie s'il s'agit "
    "bien d'une autre demande ; elle vous contactera.",
}


class SiretError(ProgrammeError):
    """A SIRET refused: the form shows the message under the SIRET field."""


class DuplicateSiret(SiretError):
    """A SIRET already registered (`existing`): the form offers to confirm another request for that structure."""

    def __init__(self, existing: HostStructure):
        super().__init__(duplicate_message(existing))
        self.existing = existing


@dataclass
class HostData:
    """What a manager types to register a structure (the form's cleaned data)."""

    kind: str
    name: str
    siret: str
    commune: Commune
    address: str
    contact_name: str
    contact_job: str
    contact_email: str
    contact_phone: str
    advisers_wished: int
    start_date: dt.date
    motivation: str
    charter_commitment: bool
    cofunding: bool = False
    cofunding_details: str = ""
    rural_revitalisation_zone: bool = False
    priority_district: bool = False
    france_services: bool = False
    max_distance_km: int = DEFAULT_HOST_DISTANCE_KM

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HostData:
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def clean_siret(text: str) -> str:
    """The SIRET without its spaces, or a French error."""
    siret = "".join(str(text or "").split())
    if not siret_is_valid(siret):
        raise SiretError(
            "Ce SIRET n'est pas valide : il compte 14 chiffres, et sa clé de contrôle doit être juste. Recopiez-le "
            "depuis l'avis de situation de l'INSEE ou annuaire-entreprises.data.gouv.fr, par exemple 213 901 032 00016."
        )
    return siret


def duplicate_message(existing: HostStructure) -> str:
    """What a person typing a registered SIRET reads: the name and commune, so that they recognise their
    structure (public facts of the SIRET), but not when nor by whom it was registered."""
    return (
        f"Ce SIRET est déjà inscrit au programme : « {existing.name} » ({existing.commune}). Si c'est votre "
        "structure, demandez à son gestionnaire de vous ajouter, ou écrivez à l'équipe du programme. S'il s'agit "
        "bien d'une autre demande pour cette structure, cochez la case « Il s'agit bien d'une autre demande pour "
        "cette structure » : l'équipe du programme l'examinera."
    )


def _validate(data: HostData) -> None:
    if data.kind not in HostKind.values:
        raise ProgrammeError("Choisissez le type de votre structure dans la liste.")
    if not data.name.strip():
        raise ProgrammeError("Écrivez le nom de la structure.")
    if not 1 <= data.advisers_wished <= MAX_ADVISERS:
        raise ProgrammeError(f"Le nombre de conseillers souhaités va de 1 à {MAX_ADVISERS}.")
    if not data.charter_commitment:
        raise ProgrammeError(
            "Cochez l'engagement à respecter la charte : le programme finance seulement les structures qui s'engagent "
            "à offrir un accompagnement gratuit, neutre et sans démarche commerciale."
        )
    if data.cofunding and not data.cofunding_details.strip():
        raise ProgrammeError("Vous prévoyez un cofinancement : écrivez qui cofinance (par exemple « Département »).")
    if len(data.motivation) > MOTIVATION_MAX_LENGTH:
        raise ProgrammeError(f"La motivation compte au plus {MOTIVATION_MAX_LENGTH} caractères.")


def _apply(host: HostStructure, data: HostData) -> None:
    commune = data.commune
    host.kind = data.kind
    host.name = data.name.strip()
    host.address = data.address.strip()
    host.commune = commune.name
    host.insee_code = commune.insee
    host.postal_code = commune.postal_codes[0] if commune.postal_codes else ""
    host.departement = commune.departement
    host.region = commune.region
    host.latitude = commune.latitude
    host.longitude = commune.longitude
    for name in (
        "contact_name",
        "contact_job",
        "contact_email",
        "contact_phone",
        "advisers_wished",
        "start_date",
        "motivation",
        "charter_commitment",
        "cofunding",
        "cofunding_details",
        "rural_revitalisation_zone",
        "priority_district",
        "france_services",
        "max_distance_km",
    ):
        setattr(host, name, getattr(data, name))
    if not host.cofunding:
        host.cofunding_details = ""


def _request_words(request: PositionRequest) -> str:
    """« Demande de postes : 2 postes », as the log keeps a request (its structure is the entry's own)."""
    return f"{request.get_kind_display()} : {count_phrase(request.positions, 'poste', 'postes')}"


def register_host(
    data: HostData, *, by: Any, other_request: bool = False, structure: Structure | None = None
) -> HostStructure:
    """Register a structure and its first request (positions = advisers wished). A SIRET already registered is
    refused with what to do, unless `other_request` (the person confirmed): then it is saved as « doublon ».
    `structure`: the directory's structure it is for, when known (else the first convention finds or makes it)."""
    siret = clean_siret(data.siret)
    _validate(data)
    with transaction.atomic():
        existing = HostStructure.objects.with_siret(siret).select_for_update().order_by("created_at", "pk").first()
        if existing is not None and not other_request:
            raise DuplicateSiret(existing)
        host = HostStructure(siret=siret, structure=structure)
        _apply(host, data)
        if existing is not None:
            host.status = HostStatus.DUPLICATE
            host.duplicate_of = existing
        try:
            with transaction.atomic():  # the lock above finds no row when none exists: the unique index decides
                host.save()
        except IntegrityError:
            existing = HostStructure.objects.with_siret(siret).order_by("created_at", "pk").first()
            if existing is None:
                raise
            raise DuplicateSiret(existing) from None
        if by is not None and by.is_authenticated:
            host.managers.add(by)
        record(LogAction.HOST_REGISTERED, by, host=host, after=host.get_status_display())
        first = PositionRequest.objects.create(
            host=host, kind=RequestKind.ADD, positions=host.advisers_wished, created_by=by
        )
        record(LogAction.REQUEST_CREATED, by, host=host, request=first, after=_request_words(first))
    return host


def can_edit(host: HostStructure) -> bool:
    return host.status not in FINAL_STATUSES


def update_host(host: HostStructure, data: HostData, *, by: Any) -> HostStructure:
    """A manager's edit of their registration while it is not final. The SIRET does not change."""
    _validate(data)
    with transaction.atomic():
        host = HostStructure.objects.select_for_update().get(pk=host.pk)
        if not can_edit(host):
            raise ProgrammeError(
                f"Cette inscription est « {host.get_status_display().lower()} » : elle ne peut plus être modifiée."
            )
        moved = data.commune.insee != host.insee_code
        if moved and (host.positions_granted > 0 or host.conventions.exists()):
            # The positions were granted within the département's quota: moving would take them to another one.
            raise ProgrammeError(
                f"Votre structure a des postes accordés dans le département {host.departement} : sa commune ne "
                "change plus. Si elle a vraiment déménagé, écrivez à l'équipe du programme."
            )
        _apply(host, data)
        host.save()
        record(LogAction.HOST_UPDATED, by, host=host)
    return host


def change_host_status(host: HostStructure, to: str, *, by: Any, note: str = "") -> HostStructure:
    """The programme team moves a structure along `ALLOWED_TRANSITIONS`, audited with its note."""
    with transaction.atomic():
        host = HostStructure.objects.select_for_update().get(pk=host.pk)
        before = host.status
        if to not in ALLOWED_TRANSITIONS.get(before, ()):
            allowed = ", ".join(f"« {HostStatus(s).label.lower()} »" for s in ALLOWED_TRANSITIONS.get(before, ()))
            raise ProgrammeError(
                f"Une structure « {host.get_status_display().lower()} » ne peut pas passer à ce statut."
                + (f" Statuts possibles : {allowed}." if allowed else " Son statut est définitif.")
            )
        granted_before = host.positions_granted
        if to in GIVING_UP_STATUSES:
            held = positions_held(host)
            if held:
                raise ProgrammeError(
                    f"La structure a encore {count_phrase(held, 'poste occupé', 'postes occupés')} par un "
                    "recrutement : terminez d'abord ces recrutements, puis changez son statut."
                )
            host.positions_granted = 0  # back to the département's quota
        host.status = to
        # A duplicate that is another request after all keeps `duplicate_of`: the SIRET's unique index lets a second
        # registration be active only once the team has looked at it.
        host.save(update_fields=["status", "positions_granted", "updated_at"])
        record(
            LogAction.HOST_STATUS,
            by,
            host=host,
            before=HostStatus(before).label,
            after=host.get_status_display(),
            note=note[:REASON_MAX_LENGTH],
        )
        if granted_before != host.positions_granted:
            record(
                LogAction.HOST_STATUS,
                by,
                host=host,
                before=count_phrase(granted_before, "poste accordé", "postes accordés"),
                after="0 poste accordé",
                note="Postes rendus au quota du département.",
            )
        enqueue_email(send_host_status_email, host.pk, note[:REASON_MAX_LENGTH])
    return host


def positions_held(host: HostStructure) -> int:
    return host.recruitments.holding().count()


def request_positions(host: HostStructure, kind: str, positions: int, reason: str = "", *, by: Any) -> PositionRequest:
    """Ask for more positions, or give some back (at most those granted and not held by a recruitment)."""
    if kind not in RequestKind.values:
        raise ProgrammeError("Choisissez s'il s'agit de demander des postes ou d'en rendre.")
    if not 1 <= positions <= MAX_ADVISERS:
        raise ProgrammeError(f"Le nombre de postes va de 1 à {MAX_ADVISERS}.")
    with transaction.atomic():
        host = HostStructure.objects.select_for_update().get(pk=host.pk)
        if not can_edit(host):
            raise ProgrammeError(
                f"Cette inscription est « {host.get_status_display().lower()} » : elle ne reçoit plus de demande."
            )
        if kind == RequestKind.GIVE_BACK:
            pending = sum(
                host.requests.filter(kind=RequestKind.GIVE_BACK, status=RequestStatus.PENDING).values_list(
                    "positions", flat=True
                )
            )
            held = positions_held(host)
            free = max(host.positions_granted - held - pending, 0)
            if positions > free:
                raise ProgrammeError(
                    f"Vous pouvez rendre au plus {count_phrase(free, 'poste')} : votre structure en a "
                    f"{count_phrase(host.positions_granted, 'accordé')}, dont "
                    f"{count_phrase(held, 'occupé par un recrutement', 'occupés par un recrutement')}"
                    + (
                        f" et {count_phrase(pending, 'déjà en cours de rendu', 'déjà en cours de rendu')}"
                        if pending
                        else ""
                    )
                    + "."
                )
        request = PositionRequest.objects.create(
            host=host, kind=kind, positions=positions, reason=reason[:REASON_MAX_LENGTH], created_by=by
        )
        record(
            LogAction.REQUEST_CREATED,
            by,
            host=host,
            request=request,
            after=_request_words(request),
            note=request.reason,
        )
    return request
