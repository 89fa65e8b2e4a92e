"""The demo's clock: each step of the story is written at its own date.

The demo writes through the services, as people would, and the services stamp their rows with Django's clock:
contributions, supports, comments, moderation, synthesis runs and their log, the theme's publication of its
synthesis, minutes, decisions, the meeting dossier and the dates printed inside it. To tell 2019 as it happened,
`load_demo` runs each step under `at(moment)`: inside the block, `django.utils.timezone.now()` (and everything built
on it: `localtime`, `localdate`, field defaults) reads `moment`, advancing with real time so that rows keep the order
in which they were written.

Only `load_demo` uses it (a development command, refused in production), and only in its own process: the clock is
the module-level one of `django.utils.timezone`, put back when the block ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone


class _AnyDatetime(type):
    """`isinstance(value, <story clock class>)` must stay true of every datetime: Django's timezone module checks it."""

    def __instancecheck__(cls, instance) -> bool:
        return isinstance(instance, dt.datetime)


@contextmanager
def at(moment: dt.datetime) -> Iterator[None]:
    """Django's clock reads `moment` (an aware datetime) at the start of the block, and advances from there."""
    if timezone.is_naive(moment):
        raise ValueError("The demo's clock needs an aware datetime.")
    offset = moment - dt.datetime.now(dt.UTC)

    class StoryDatetime(dt.datetime, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime.now(tz) + offset

    real = timezone.datetime  # type: ignore[attr-defined]
    timezone.datetime = StoryDatetime  # type: ignore[attr-defined]
    try:
        yield
    finally:
        timezone.datetime = real  # type: ignore[attr-defined]
