"""The programme's figures that the roadmap's actions can take their progress from (« 4 000 conseillers numériques
recrutés »), registered in `ConseillersConfig.ready` (the roadmap imports no app above it), and the receiver that
refreshes the measured actions when the figures change (`signals.programme_figures_changed`, sent on commit). The
refresh never breaks the request that changed the figures: an error in it is logged and the next change (or the
roadmap's own page, which reads the live figure) catches up."""

from __future__ import annotations

import logging

from django.db.models import Sum

from mediane.roadmap.indicators import register_indicator
from mediane.roadmap.services_indicators import refresh_measured_actions

from .enums import RecruitmentStatus
from .models import HostStructure
from .models_recruitment import Recruitment
from .models_reports import NATIONAL, ActivityCounter

# A recruitment counts as « recruited » once finalised, and stays so through a rupture in progress or a renewal.
RECRUITED_STATUSES = (RecruitmentStatus.FINALISED, RecruitmentStatus.RUPTURE, RecruitmentStatus.RENEWAL)


def advisers_recruited() -> int:
    return Recruitment.objects.filter(status__in=RECRUITED_STATUSES).count()


def people_helped() -> int:
    """Every person helped since the start (individual accompaniments and workshops' participants): one query over
    the national total counters."""
    total = ActivityCounter.objects.filter(scope=NATIONAL, dimension="total").aggregate(people=Sum("people"))
    return total["people"] or 0


def positions_granted() -> int:
    return HostStructure.objects.positions_granted_total()


def register() -> None:
    # Each source link lands on the dashboard's line that shows the very same figure (its `id`); people helped since
    # the start, so the dashboard is asked for every month since its first.
    from .dashboard import FIRST_MONTH  # the dashboard reads RECRUITED_STATUSES from here

    source = ("conseillers:dashboard", "le tableau de bord du programme")
    register_indicator(
        "conseillers_recrutes", "conseillers numériques recrutés", advisers_recruited, *source, "#conseillers-recrutes"
    )
    since_start = f"?debut={FIRST_MONTH:%Y-%m}#personnes-accompagnees"
    register_indicator("personnes_accompagnees", "personnes accompagnées", people_helped, *source, since_start)
    register_indicator(
        "postes_accordes", "postes de conseillers numériques accordés", positions_granted, *source, "#postes-accordes"
    )


logger = logging.getLogger(__name__)


def refresh_roadmap(sender, **kwargs) -> None:
    """Runs after the commit of the adviser's report: the report is saved whatever happens here, so an error (a lock
    timeout, a `RoadmapError`) is logged and never answers a 500 that would make the adviser send the report again."""
    try:
        refresh_measured_actions()
    except Exception:
        logger.exception("Les actions de la feuille de route mesurées par un indicateur n'ont pas été mises à jour.")
