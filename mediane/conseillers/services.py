"""What every write of the programme shares: its French error, the audit log (`record`) and who acted, as the log
shows it. The writes themselves are split by concern: `services_hosts.py` (registrations, requests, statuses),
`services_committee.py` (quotas, opinions, conventions), `services_candidates.py` (profiles, CVs, pause,
deletion), `services_recruitment.py` (putting in touch and the recruitment workflow), `services_subsidy.py` (the grant),
`services_training.py` (the certifying training), `services_matching.py` (the global assignment's proposals)."""

from __future__ import annotations

from typing import Any

from .models import LOG_VALUE_MAX, HostStructure, ProgrammeLog, is_programme_team

PROGRAMME_TEAM = "l'équipe du programme"
A_MANAGER = "un·e gestionnaire de la structure"
THE_CANDIDATE = "le ou la candidat·e"


class ProgrammeError(Exception):
    """A write refused, with what to fix in French (shown as it is under the form)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def actor_role(user: Any, host: HostStructure | None = None) -> str:
    """Who acted, as the log shows it to the structure and the candidate: a role, never a name or an address."""
    if user is None or not user.is_authenticated:
        return ""
    if is_programme_team(user):
        return PROGRAMME_TEAM
    if host is not None and host.managers.filter(pk=user.pk).exists():
        return A_MANAGER
    if hasattr(user, "programme_candidate"):
        return THE_CANDIDATE
    return ""


def _fitted(value: str, field: str) -> str:
    """`value` cut to the log's column (PostgreSQL refuses a longer one where SQLite would store it)."""
    limit = LOG_VALUE_MAX
    return value if len(value) <= limit else value[: limit - 1] + "…"


def record(action: str, by: Any, *, before: str = "", after: str = "", note: str = "", **targets: Any) -> ProgrammeLog:
    """Write one entry of the programme's audit log. `targets`: `host`, `request`, `candidate`, `recruitment`
    (the ones the action concerns); `before` and `after` in their French labels, as they were."""
    return ProgrammeLog.objects.create(
        action=action,
        actor=by if by is not None and by.is_authenticated else None,
        actor_role=actor_role(by, targets.get("host")),
        before=_fitted(before, "before"),
        after=_fitted(after, "after"),
        note=note,
        **targets,
    )
