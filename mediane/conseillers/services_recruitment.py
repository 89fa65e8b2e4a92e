"""Every write of recruitments: putting a structure in touch with a candidate, adding one by hand, and the moves of
the workflow (`transitions.TRANSITIONS`), each audited and told to both sides by e-mail.

Two limits hold under concurrent requests: a structure recruits at most its `positions_granted` (counted under the
structure's row lock), and a candidate holds one position at a time (checked, and the database's partial unique
index refuses the second of two racing requests: its IntegrityError gives the same French message).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from mediane.french import count_phrase, plural
from mediane.jobs.queue import enqueue_email

from .enums import (
    HOLDING_STATUSES,
    INTEREST_STATUSES,
    ContractType,
    HostStatus,
    LogAction,
    RecruitmentStatus,
    RuptureReason,
)
from .models import HostStructure
from .models_candidates import Candidate
from .models_recruitment import Recruitment
from .services import ProgrammeError, record
from .signals import programme_figures_changed
from .tasks import send_recruitment_email
from .transitions import TRANSITIONS, Transition

R = RecruitmentStatus
REASON_MAX = 2_000
ALREADY_HOLDING = (
    "Cette personne occupe déjà un poste de conseiller numérique dans une autre structure : elle ne peut pas être "
    "recrutée deux fois. Elle pourra l'être quand son contrat actuel aura pris fin."
)


def _positions(count: int) -> str:
    return count_phrase(count, "poste accordé", "postes accordés")


def _filled(count: int) -> str:
    if count == 0:
        return "aucun n'est pourvu"
    return f"{count} {plural(count, 'est déjà pourvu', 'sont déjà pourvus')}"


def positions_in_words(granted: int, filled: int) -> str:
    """« 2 postes accordés, 1 est déjà pourvu » as the structure's pages say it."""
    return f"{_positions(granted)}, {_filled(filled)}"


def _notify(recruitment: Recruitment, slug: str, *, candidate_too: bool, host_too: bool = True) -> None:
    """Tell the structure's managers (and the candidate when the move concerns them), after the commit. The task
    gives each side only the link it can open, and tells the candidate nothing of a « non intéressée »."""
    enqueue_email(send_recruitment_email, recruitment.pk, slug, candidate_too, host_too)


def record_about(recruitment: Recruitment, action: str, by: Any, note: str = "", *, before: str = "") -> None:
    """One entry of the programme's log about `recruitment` (its structure and candidate too)."""
    record(
        action,
        by,
        before=R(before).label if before else "",
        after=R(recruitment.status).label if action == LogAction.RECRUITMENT else "",
        note=note,
        host=recruitment.host,
        candidate=recruitment.candidate,
        recruitment=recruitment,
    )


def _record(recruitment: Recruitment, by: Any, *, before: str = "", note: str = "") -> None:
    record_about(recruitment, LogAction.RECRUITMENT, by, note, before=before)


# --- Put in touch -------------------------------------------------------------------------------------------


def put_in_touch(
    host: HostStructure, candidate: Candidate, *, by: Any, interested: bool | None = None, by_hand: bool = False
) -> Recruitment:
    """A « nouvelle » recruitment between `host` and `candidate`, then « intéressée » or « non intéressée » when
    `interested` is given. Refused when one exists for the pair, when the structure is not validated or when the
    candidate deleted their profile. The caller checked that `by` may act for the structure (or is the team)."""
    if candidate.user_id is not None and candidate.user_id == getattr(by, "pk", None):
        raise ProgrammeError("Vous ne pouvez pas vous recruter vous-même : une autre personne de la structure le fera.")
    if host.status != HostStatus.VALIDATED:
        raise ProgrammeError(
            "Cette structure n'est pas encore validée par le programme : elle ne peut pas encore recruter."
        )
    if candidate.deleted_at is not None:
        raise ProgrammeError("Cette personne a supprimé son profil de candidat·e : elle ne peut plus être contactée.")
    exists = "Cette personne est déjà dans vos recrutements : retrouvez-la dans la liste de vos recrutements."
    if Recruitment.objects.filter(host=host, candidate=candidate).exists():
        raise ProgrammeError(exists)
    try:
        with transaction.atomic():
            recruitment = Recruitment.objects.create(
                host=host, candidate=candidate, added_by_hand=by_hand, created_by=by if by.is_authenticated else None
            )
            _record(
                recruitment,
                by,
                note="Ajoutée à la main par la structure : invitation envoyée à la personne."
                if by_hand
                else "Mise en relation.",
            )
            if by_hand:
                _notify(recruitment, "invitation", candidate_too=True, host_too=False)
            elif interested is None:
                _notify(recruitment, "nouvelle", candidate_too=False)
            else:
                target = R.INTERESTED if interested else R.NOT_INTERESTED
                recruitment.status = target
                recruitment.save(update_fields=["status", "updated_at"])
                _record(recruitment, by, before=R.NEW)
                _notify(recruitment, "interessee" if interested else "non-interessee", candidate_too=interested)
    except IntegrityError:
        # Two requests for the same pair at the same moment: the unique constraint refused the second.
        raise ProgrammeError(exists) from None
    return recruitment


def add_candidate_by_hand(host: HostStructure, email: str, *, by: Any) -> Recruitment | None:
    """A structure invites a candidate it found itself, by their e-mail address: a « nouvelle » recruitment that
    the structure does not see, and an e-mail inviting the candidate to accept or decline from their page; None
    when no available profile (not paused, not deleted) has this address or one exists already. The page answers
    the same in every case, so that it never reveals whether an address has an account."""
    candidate = (
        Candidate.objects.filter(email__iexact=email.strip(), deleted_at__isnull=True, paused=False)
        .order_by("pk")
        .first()
        if email.strip()
        else None
    )
    if candidate is None or Recruitment.objects.filter(host=host, candidate=candidate).exists():
        return None
    try:
        return put_in_touch(host, candidate, by=by, by_hand=True)
    except ProgrammeError:
        return None


def answer_invitation(recruitment: Recruitment, accept: bool, *, by: Any) -> Recruitment:
    """The candidate accepts a structure's invitation (« intéressée »: the structure is in touch) or declines it
    (« non intéressée », and the structure never sees it). Under the recruitment's row lock, audited."""
    with transaction.atomic():
        locked = Recruitment.objects.select_for_update().select_related("host", "candidate").get(pk=recruitment.pk)
        if not locked.awaits_candidate or locked.status != R.NEW:
            raise ProgrammeError("Vous avez déjà répondu à cette invitation.")
        before = locked.status
        if accept:
            locked.status = R.INTERESTED
            locked.candidate_accepted_at = timezone.now()
        else:
            locked.status = R.NOT_INTERESTED
        locked.save(update_fields=["status", "candidate_accepted_at", "updated_at"])
        _record(
            locked,
            by,
            before=before,
            note="La personne a accepté l'invitation." if accept else "La personne a décliné l'invitation.",
        )
        if accept:
            _notify(locked, "invitation-acceptee", candidate_too=True)
    return locked


# --- The workflow -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoveData:
    """What a move may carry: the contract (recruit), a reason (the team's refusal, a rupture's details)."""

    contract_type: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    reason: str = ""
    rupture_on: dt.date | None = None
    rupture_reason: str = ""


def check_contract(data: MoveData) -> None:
    if data.contract_type not in ContractType.values:
        raise ProgrammeError("Choisissez le type de contrat.")
    if data.starts_on is None:
        raise ProgrammeError("Indiquez la date de début du contrat (par exemple 01/09/2026).")
    if data.contract_type == ContractType.CDI:
        if data.ends_on is not None:
            raise ProgrammeError("Un CDI n'a pas de date de fin : laissez la date de fin vide.")
    elif data.ends_on is None:
        raise ProgrammeError("Indiquez la date de fin du contrat : seul un CDI n'en a pas.")
    elif data.ends_on <= data.starts_on:
        raise ProgrammeError("La date de fin du contrat doit être après sa date de début.")


def _check_data(transition: Transition, data: MoveData, recruitment: Recruitment) -> None:
    if transition.asks == "contract":
        check_contract(data)
    elif transition.asks == "reason":
        if not data.reason.strip():
            raise ProgrammeError("Écrivez le motif du refus : la structure le lira.")
    elif transition.asks == "rupture":
        if data.rupture_reason not in RuptureReason.values:
            raise ProgrammeError("Choisissez le motif de la rupture.")
        if data.rupture_on is None:
            raise ProgrammeError("Indiquez la date de la rupture (par exemple 15/03/2027).")
        if recruitment.starts_on is not None and data.rupture_on < recruitment.starts_on:
            raise ProgrammeError(
                f"La date de la rupture est avant le début du contrat ({recruitment.starts_on:%d/%m/%Y}) : vérifiez-la."
            )
        if recruitment.ends_on is not None and data.rupture_on > recruitment.ends_on:
            raise ProgrammeError(
                f"La date de la rupture est après la fin du contrat ({recruitment.ends_on:%d/%m/%Y}) : le contrat "
                "est alors arrivé à son terme, ce n'est pas une rupture."
            )
        if data.rupture_on > timezone.localdate():
            raise ProgrammeError(
                "La date de la rupture est dans le futur : déclarez la rupture une fois le contrat arrêté."
            )
    if len(data.reason) > REASON_MAX:
        raise ProgrammeError(f"Le texte fait plus de {REASON_MAX} caractères : raccourcissez-le.")


def _check_limits(host: HostStructure, recruitment: Recruitment) -> None:
    """Under the structure's row lock: a position left, and the candidate holding none."""
    filled = host.recruitments.holding().exclude(pk=recruitment.pk).count()
    if filled >= host.positions_granted:
        raise ProgrammeError(
            f"Votre structure a {_positions(host.positions_granted)} et {_filled(filled)} : "
            "vous ne pouvez pas recruter au-delà. Demandez un poste de plus au programme ou mettez fin à un "
            "recrutement."
        )
    if Recruitment.objects.filter(candidate_id=recruitment.candidate_id).holding().exclude(pk=recruitment.pk).exists():
        raise ProgrammeError(ALREADY_HOLDING)


def move_recruitment(recruitment: Recruitment, slug: str, data: MoveData | None = None, *, by: Any) -> Recruitment:
    """Make the move `slug` of `TRANSITIONS`: under the structure's then the recruitment's row lock, checked against
    the current status, the data it asks for, and (into a holding status) the two limits; audited, and both sides
    told. Finalising starts the grant and the training; a finalised rupture prorates the grant."""
    from . import services_subsidy, services_training

    transition = TRANSITIONS.get(slug)
    if transition is None:
        raise ProgrammeError("Cette action n'existe pas.")
    data = data or MoveData()
    try:
        with transaction.atomic():
            host = HostStructure.objects.select_for_update().get(pk=recruitment.host_id)
            locked = Recruitment.objects.select_for_update().select_related("host", "candidate").get(pk=recruitment.pk)
            if locked.status not in transition.sources:
                raise ProgrammeError(
                    f"Ce recrutement en est à l'étape « {locked.get_status_display()} » : "
                    f"l'action « {transition.button} » n'est plus possible. Rechargez la page."
                )
            _check_data(transition, data, locked)
            if transition.target in HOLDING_STATUSES and locked.status not in HOLDING_STATUSES:
                if locked.candidate.deleted_at is not None:
                    raise ProgrammeError("Cette personne a supprimé son profil : elle ne peut pas être recrutée.")
                _check_limits(host, locked)
            before = locked.status
            locked.status = transition.target
            fields = ["status", "updated_at"]
            note = ""
            if transition.asks == "contract":
                locked.contract_type, locked.starts_on, locked.ends_on = (
                    data.contract_type,
                    data.starts_on,
                    data.ends_on,
                )
                fields += ["contract_type", "starts_on", "ends_on"]
                note = f"{ContractType(data.contract_type).label}, à partir du {data.starts_on:%d/%m/%Y}"
                note += f" jusqu'au {data.ends_on:%d/%m/%Y}." if data.ends_on else "."
            elif transition.asks == "reason":
                note = data.reason.strip()
            elif transition.asks == "rupture":
                locked.rupture_on, locked.rupture_reason = data.rupture_on, data.rupture_reason
                locked.rupture_details = data.reason.strip()
                fields += ["rupture_on", "rupture_reason", "rupture_details"]
                note = f"{RuptureReason(data.rupture_reason).label} le {data.rupture_on:%d/%m/%Y}. "
                note += locked.rupture_details
            locked.save(update_fields=fields)
            _record(locked, by, before=before, note=note.strip())
            transaction.on_commit(lambda: programme_figures_changed.send(sender=Recruitment))
            if transition.target == R.FINALISED:
                services_subsidy.create_grant(locked, by=by)
                services_training.enrol_adviser(locked, by=by, quietly=True)
            elif transition.target == R.RUPTURE_FINALISED and locked.rupture_on is not None:
                services_subsidy.prorate_grant(locked, locked.rupture_on, by=by)
            elif transition.target == R.ENDED:
                # A contract (a CDD) that reached its term before two years keeps the share of the months worked.
                services_subsidy.prorate_grant(locked, locked.ends_on or timezone.localdate(), by=by)
            _notify(
                locked,
                transition.slug,
                candidate_too=transition.target in INTEREST_STATUSES or before in INTEREST_STATUSES,
            )
    except IntegrityError:
        # The partial unique index: another request made this candidate hold a position a moment ago.
        raise ProgrammeError(ALREADY_HOLDING) from None
    return locked
