"""The demo of the Conseillers numériques programme, in the Rhône: host structures (libraries among them) with
requests at every stage and a committee decision, candidates across the département, and recruitments at several
states with their subsidy schedules, and four months of the advisers' activity reports. Written through the programme's services, part by part."""

from collections.abc import Callable

from mediane.accounts.models import User

from . import conseillers_candidates, conseillers_hosts, conseillers_recruitment, conseillers_reports


def load_conseillers(people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    """`people`: the demo's personas by key (« programme », « responsable », « candidate », « conseiller »)."""
    counts: dict[str, int] = {}
    counts |= conseillers_hosts.load(people, step)
    counts |= conseillers_candidates.load(people, step)
    counts |= conseillers_recruitment.load(people, step)
    counts |= conseillers_reports.load(people, step)
    return counts
