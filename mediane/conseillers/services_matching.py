"""The writes of the matching: the programme team turns the global assignment's suggested pairs into « nouvelle »
recruitments (through `services_recruitment.put_in_touch`, which audits and notifies each one)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .matching import Pair
from .models import HostStructure
from .models_candidates import Candidate
from .services import ProgrammeError


def propose_pairs(pairs: list[Pair], *, by: Any) -> tuple[int, int]:
    """Put each suggested structure in touch with its candidate; (made, skipped): a pair is skipped when the write
    is refused (a recruitment appeared since, the candidate took a position…), the others still go through.
    Precondition: `by` is the programme team (the view checks `conseillers.manage_programme`)."""
    from .services_recruitment import put_in_touch  # helper D's service: the one way a recruitment starts

    hosts = HostStructure.objects.in_bulk([p.host_id for p in pairs])
    candidates = Candidate.objects.in_bulk([p.candidate_id for p in pairs])
    made = skipped = 0
    for pair in pairs:
        host, candidate = hosts.get(pair.host_id), candidates.get(pair.candidate_id)
        if host is None or candidate is None:
            skipped += 1
            continue
        try:
            with transaction.atomic():
                put_in_touch(host, candidate, by=by)
        except ProgrammeError:
            skipped += 1
        else:
            made += 1
    return made, skipped
