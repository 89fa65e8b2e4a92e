"""What orientation offers a person of a commune: places near, places farther (labelled so), places that declared
no service (apart), and, when nothing is near, help at a distance. Index only; the places come in one query.

« Near » is `search.NEAR_KM`; places up to `search.FARTHER_KM` are shown apart as farther; nothing beyond is
offered as a place to go to. Every search stays in the commune's territory (`search.nearest_matches`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import search
from .search import FARTHER_KM, NEAR_KM, REMOTE, Found, Match

REMOTE_SHOWN = 5
# The filters that say how a place helps on site; help at a distance replaces them.
_ON_SITE = ("access", "modalities")


@dataclass(frozen=True)
class Reach:
    located: bool  # False: the commune's position is unknown, no distance can be measured from it
    near: list[Found]
    farther: list[Found]
    undeclared: list[Found]  # near places that declared no service at all
    remote: list[Found]  # help at a distance, offered when nothing is near
    has_more: bool

    @property
    def nothing_near(self) -> bool:
        return not self.near


def remote_matches(commune, filters: Mapping[str, Sequence[str]], limit: int = REMOTE_SHOWN) -> list[Match]:
    """Places of the commune's territory that help at a distance (the standard's « À distance ») with the other
    filters, nearest first (any distance: no trip is needed)."""
    kept: dict[str, Any] = {keyword: labels for keyword, labels in filters.items() if keyword not in _ON_SITE}
    return search.nearest_matches(commune, limit=limit, modalities=[REMOTE], **kept)


def split(found: list[Found]) -> tuple[list[Found], list[Found]]:
    """Places within NEAR_KM, and the others."""
    near = [item for item in found if item.near]
    return near, [item for item in found if not item.near]


def directory_reach(commune, filters: Mapping[str, Sequence[str]], shown: int, undeclared_shown: int) -> Reach:
    """The directory's answer: up to `shown` places within FARTHER_KM that declared services matching the filters,
    nearest first; apart, up to `undeclared_shown` near places that declared no service (only when no service is
    asked for: they cannot match one); help at a distance when none is near."""
    located = search.position_of(commune) is not None
    main: list[Match] = []
    undeclared: list[Match] = []
    if located:
        main = search.nearest_matches(commune, limit=shown + 1, max_km=FARTHER_KM, declared=True, **filters)
        if not filters.get("services"):
            undeclared = search.nearest_matches(
                commune, limit=undeclared_shown, max_km=NEAR_KM, declared=False, **filters
            )
    has_more = len(main) > shown
    main = main[:shown]
    nothing_near = not any(distance is not None and distance <= NEAR_KM for _, distance in main)
    remote = remote_matches(commune, filters) if nothing_near else []
    places, undeclared_places, remote_places = search.load_groups(main, undeclared, remote)
    near, farther = split(places)
    return Reach(located, near, farther, undeclared_places, remote_places, has_more)
