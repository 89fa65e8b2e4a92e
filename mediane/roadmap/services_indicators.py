"""The roadmap's actions measured by an indicator (`indicators`): their live figure, and the refresh of their stored
progress when the figures change (the app that owns the figures calls `refresh_measured_actions`, on commit)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import services
from .indicators import INDICATORS, Indicator, progress_of
from .models import Action


@dataclass(frozen=True)
class Measure:
    """What an action's public page shows: « 2 345 conseillers numériques recrutés sur 4 000 » and the source."""

    indicator: Indicator
    value: int
    target: int
    progress: int

    @property
    def shown(self) -> str:
        """The progress in words: « moins de 1 % » rather than « 0 % » once the figure is above 0."""
        return "moins de 1\u00a0%" if self.value > 0 and self.progress == 0 else f"{self.progress}\u00a0%"


def attach_measures(actions: Iterable[Action]) -> None:
    """Set `measure` (a `Measure` or None) on each of `actions` and their `child_list` (a tree of `reads`): each
    indicator is read once, and not at all when no action is measured."""
    values: dict[str, int] = {}

    def walk(nodes: Iterable[Action]) -> None:
        for action in nodes:
            indicator = INDICATORS.get(action.indicator)
            found = None
            if indicator is not None and action.indicator_target:
                if action.indicator not in values:
                    values[action.indicator] = indicator.value()
                value = values[action.indicator]
                found = Measure(indicator, value, action.indicator_target, progress_of(value, action.indicator_target))
            action.measure = found  # type: ignore[attr-defined]
            walk(getattr(action, "child_list", ()))

    walk(actions)


def measure(action: Action) -> Measure | None:
    """The live figure of an action measured by an indicator (one query, the indicator's), else None."""
    indicator = INDICATORS.get(action.indicator)
    if indicator is None or not action.indicator_target:
        return None
    value = indicator.value()
    return Measure(indicator, value, action.indicator_target, progress_of(value, action.indicator_target))


def refresh_measured_actions(actor=None) -> int:
    """Take again the progress of every action measured by an indicator from its current value; returns how many
    changed. Each indicator is read once, whatever the number of actions that follow it."""
    measured = list(Action.objects.exclude(indicator="").filter(indicator_target__gt=0).order_by("pk"))
    values: dict[str, int] = {}
    changed = 0
    for action in measured:
        indicator = INDICATORS.get(action.indicator)
        if indicator is None:
            continue
        if action.indicator not in values:
            values[action.indicator] = indicator.value()
        progress = progress_of(values[action.indicator], action.indicator_target)
        if progress != action.progress and services.set_measured_progress(actor, action.pk, progress):
            changed += 1
    return changed
