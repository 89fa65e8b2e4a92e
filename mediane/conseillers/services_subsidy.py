"""The adviser's subsidy through the funding app: the grant of a finalised recruitment (an accepted application of
the scheme « conseiller-numerique », €50,000 in 4 half-yearly tranches, `subsidy.schedule`), and its reduction when
the contract ends early (`subsidy.prorated_grant`). The money's history stays in funding (the application's log)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from mediane.french import count_phrase, euros
from mediane.funding import services_applications as funding
from mediane.funding.models import Scheme

from . import subsidy
from .enums import LogAction
from .models_recruitment import Recruitment
from .services import ProgrammeError
from .services_committee import directory_structure
from .services_recruitment import record_about

SCHEME_SLUG = "conseiller-numerique"


def create_grant(recruitment: Recruitment, *, by: Any) -> None:
    """The grant of a recruitment just finalised (called by `move_recruitment` inside its transaction)."""
    if recruitment.grant_id is not None:
        return
    scheme = Scheme.objects.filter(slug=SCHEME_SLUG).first()
    if scheme is None:
        raise ProgrammeError("Le dispositif « Conseiller numérique » manque au catalogue des financements.")
    starts_on = recruitment.starts_on or timezone.localdate()
    structure = directory_structure(recruitment.host)
    tranches = [funding.PlannedTranche(label, day, amount) for label, day, amount in subsidy.schedule(starts_on)]
    grant = funding.award_grant(
        scheme,
        structure,
        # No candidate's name: the funding app keeps its applications after a candidate deletes their profile.
        title=f"Poste de conseiller numérique n° {recruitment.pk} — {recruitment.host.name}",
        description=(
            f"Subvention du poste de conseiller numérique de {recruitment.host.name}, recrutement validé par "
            f"l'équipe du programme (contrat à partir du {starts_on:%d/%m/%Y})."
        ),
        amount=subsidy.GRANT,
        tranches=tranches,
        by=by,
        note="Recrutement validé par l'équipe du programme Conseillers numériques.",
    )
    recruitment.grant = grant
    recruitment.save(update_fields=["grant", "updated_at"])
    record_about(
        recruitment, LogAction.SUBSIDY, by, f"Subvention de {euros(subsidy.GRANT)} en {subsidy.TRANCHES} échéances."
    )


def prorate_grant(recruitment: Recruitment, ends_on: dt.date, *, by: Any) -> None:
    """Reduce the grant to the months worked until `ends_on` (never below what was paid)."""
    grant = recruitment.grant
    if grant is None or recruitment.starts_on is None:
        return
    amount = subsidy.prorated_grant(recruitment.starts_on, ends_on, grant.amount_paid)
    if amount >= (grant.amount_granted or 0):
        return
    months = subsidy.months_worked(recruitment.starts_on, ends_on)
    sentence = prorated_sentence(months, amount)
    with transaction.atomic():
        funding.end_grant_early(grant, amount, by=by, note=sentence)
        record_about(recruitment, LogAction.SUBSIDY, by, sentence)


def prorated_sentence(months: int, amount) -> str:
    worked = count_phrase(months, "mois travaillé", "mois travaillés")
    return (
        f"Le contrat a pris fin avant deux ans : la subvention est ramenée à {euros(amount)}, "
        f"pour {worked} sur {subsidy.MONTHS}."
    )
