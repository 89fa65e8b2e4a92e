"""Demo of the programme: recruitments at several states (see conseillers.py), between the structures and candidates
that the hosts' and candidates' parts made: the Bron library interested in Yasmine (both demo accounts see it), and
others « nouvelle », « intéressée », « recrutée », « finalisée » (its grant and a first payment) and « rupture
finalisée » (its prorated grant). Does nothing when those parts made no structure or candidate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from mediane.accounts.models import User
from mediane.conseillers.enums import ContractType, RecruitmentStatus, RuptureReason
from mediane.conseillers.models import Candidate, HostStructure, Recruitment
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_recruitment import MoveData, move_recruitment, put_in_touch
from mediane.conseillers.subsidy import add_months
from mediane.funding import services_applications as funding
from mediane.jobs.queue import without_emails

from . import clock
from .conseillers_hosts import moment

R = RecruitmentStatus


def _contract(starts_on: dt.date) -> MoveData:
    return MoveData(contract_type=ContractType.CDD, starts_on=starts_on, ends_on=add_months(starts_on, 24))


def load(people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    team = people.get("programme")
    if team is None:
        return {}
    step("Conseillers numériques : recrutements")
    today = timezone.localdate()
    made = 0
    with without_emails():
        responsable, yasmine = people.get("responsable"), people.get("candidate")
        bron = HostStructure.objects.validated().managed_by(responsable).first() if responsable else None
        yasmine_profile = Candidate.objects.filter(user=yasmine).first() if yasmine else None
        if bron and yasmine_profile and not Recruitment.objects.filter(candidate=yasmine_profile).exists():
            with clock.at(moment(today - dt.timedelta(days=6))):
                put_in_touch(bron, yasmine_profile, by=responsable, interested=True)
            made += 1
        hosts = [
            host
            for host in HostStructure.objects.validated()
            .filter(positions_granted__gt=0)
            .exclude(pk=getattr(bron, "pk", None))
            if not host.recruitments.exists()
        ]
        candidates = list(
            Candidate.objects.active().exclude(user=yasmine).filter(recruitments__isnull=True).order_by("pk")[:12]
        )
        # (final status, months since the contract started)
        plans = [(R.NEW, 0), (R.INTERESTED, 0), (R.RECRUITED, -1), (R.FINALISED, 4), (R.RUPTURE_FINALISED, 10)]
        for number, ((target, months), host, candidate) in enumerate(zip(plans, hosts, candidates, strict=False)):
            by = host.managers.order_by("pk").first() or team
            # Each step at its own date, after the committee: in touch three weeks before the contract starts,
            # recruited ten days before, finalised a week after it starts, first paid ten days later.
            starts_on = add_months(today, -months)
            touched_on = min(starts_on - dt.timedelta(days=25), today - dt.timedelta(days=12 - 2 * number))
            try:
                with clock.at(moment(touched_on)):
                    recruitment = put_in_touch(host, candidate, by=by, interested=True if target != R.NEW else None)
                if target in (R.RECRUITED, R.FINALISED, R.RUPTURE_FINALISED):
                    with clock.at(moment(min(starts_on - dt.timedelta(days=10), today - dt.timedelta(days=2)))):
                        move_recruitment(recruitment, "recruter", _contract(starts_on), by=by)
                if target in (R.FINALISED, R.RUPTURE_FINALISED):
                    finalised_on = starts_on + dt.timedelta(days=7)
                    with clock.at(moment(finalised_on)):
                        recruitment = move_recruitment(recruitment, "finaliser", by=team)
                    grant = recruitment.grant
                    first = grant.tranches.order_by("planned_on").first()
                    paid_on = finalised_on + dt.timedelta(days=10)
                    with clock.at(moment(paid_on, 11)):
                        funding.record_payment(
                            grant, funding.PaymentData(paid_on, first.amount, "Premier versement", first), by=team
                        )
                if target == R.RUPTURE_FINALISED:
                    rupture_on = add_months(today, -2)
                    rupture = MoveData(
                        rupture_on=rupture_on,
                        rupture_reason=RuptureReason.RESIGNATION,
                        reason="Le conseiller a trouvé un emploi plus près de chez lui.",
                    )
                    with clock.at(moment(rupture_on + dt.timedelta(days=2))):
                        move_recruitment(recruitment, "rupture", rupture, by=by)
                    with clock.at(moment(rupture_on + dt.timedelta(days=9))):
                        move_recruitment(recruitment, "finaliser-rupture", by=team)
            except (ProgrammeError, funding.ApplicationError):
                # A structure or candidate of the other parts that cannot take this state: the demo goes on.
                continue
            made += 1
    return {"conseillers_recrutements": made}
