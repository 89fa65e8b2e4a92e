"""Figures measured elsewhere that a roadmap action can take its progress from (« 4 000 conseillers numériques
recrutés »): the registry (`services_indicators` refreshes the measured actions).

The roadmap imports no app above it: an app registers its indicators in its `AppConfig.ready` (the Conseillers
numériques programme in `conseillers/indicators.py`) with a key, a French label, a function giving the current
value and the address of the page that shows the figure (its source), and calls `refresh_measured_actions` when its
figures change. An action measured by an indicator has a target: its progress is the value over the target, capped
at 100 %. An automatic progress update is written to its history only when the percentage changes; its parents
follow through the roadmap's upward refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    key: str
    # The figure's words after its number: « conseillers numériques recrutés ».
    label: str
    value: Callable[[], int]
    # The name of the URL of the page that shows the figure (its source), reversed by the templates.
    source_url_name: str = ""
    # That page's name in a link: « le tableau de bord du programme ».
    source_label: str = ""
    # What follows the page's address to land on the very line that shows the figure: « #conseillers-recrutes »
    # (and the query that asks the page for the same figure, « ?debut=2020-01#personnes-accompagnees »).
    source_suffix: str = ""


class IndicatorRegistry:
    """The indicators of the platform, by key. Registering a key again replaces it."""

    def __init__(self) -> None:
        self._indicators: dict[str, Indicator] = {}

    def register(self, indicator: Indicator) -> None:
        self._indicators[indicator.key] = indicator

    def get(self, key: str) -> Indicator | None:
        return self._indicators.get(key) if key else None

    def choices(self) -> list[tuple[str, str]]:
        return [(key, indicator.label) for key, indicator in self._indicators.items()]


INDICATORS = IndicatorRegistry()


def register_indicator(
    key: str,
    label: str,
    value: Callable[[], int],
    source_url_name: str = "",
    source_label: str = "",
    source_suffix: str = "",
) -> None:
    INDICATORS.register(Indicator(key, label, value, source_url_name, source_label, source_suffix))


def progress_of(value: int, target: int | None) -> int:
    """The percentage of `target` that `value` reaches, rounded down (100 % only once the target is reached)."""
    if not target or target <= 0:
        return 0
    return max(0, min(100, value * 100 // target))
