"""An event's date and time in plain French, in Paris time: « le samedi 12 mars 2022 de 9 h à 17 h ». Pure."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mediane.structures.hours import DAY_NAMES, MONTH_NAMES

PARIS = ZoneInfo("Europe/Paris")


def day_phrase(moment: dt.datetime) -> str:
    """« samedi 12 mars 2022 » (« 1er » for the first of the month)."""
    local = moment.astimezone(PARIS)
    day = "1er" if local.day == 1 else str(local.day)
    return f"{DAY_NAMES[local.weekday()]} {day} {MONTH_NAMES[local.month - 1]} {local.year}"


def time_phrase(moment: dt.datetime) -> str:
    """« 9 h », « 14 h 30 »."""
    local = moment.astimezone(PARIS)
    return f"{local.hour} h" if local.minute == 0 else f"{local.hour} h {local.minute:02d}"


def when_phrase(starts: dt.datetime, ends: dt.datetime) -> str:
    """« le samedi 12 mars 2022 de 9 h à 17 h », or over several days « du … à 9 h au … à 17 h »."""
    if starts.astimezone(PARIS).date() == ends.astimezone(PARIS).date():
        return f"le {day_phrase(starts)} de {time_phrase(starts)} à {time_phrase(ends)}"
    return f"du {day_phrase(starts)} à {time_phrase(starts)} au {day_phrase(ends)} à {time_phrase(ends)}"
