"""Shared fixtures: the personas every test speaks of, and a query counter.

Personas: a citizen (usager·e), a librarian, a mediator, an elected official, a moderator, a
working-group member, an organiser (programme manager), and an outsider who has no account.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mediane.accounts.enums import ParticipantCategory, Role
from tests.accounts.factories import UserFactory, verify_email


def _persona(**kwargs):
    user = UserFactory(**kwargs)
    verify_email(user)
    return user


@pytest.fixture
def citizen(db):
    return _persona(email="camille@example.org", display_name="Camille", category=ParticipantCategory.USER)


@pytest.fixture
def librarian(db):
    return _persona(email="leila@example.org", display_name="Leïla", librarian=True)


@pytest.fixture
def mediator(db):
    return _persona(email="malik@example.org", display_name="Malik", mediation_actor=True, roles=[Role.MEDIATOR])


@pytest.fixture
def elected(db):
    return _persona(email="elise@example.org", display_name="Élise", elected=True)


@pytest.fixture
def moderator(db):
    return _persona(email="mona@example.org", display_name="Mona", roles=[Role.MODERATOR])


@pytest.fixture
def wg_member(db):
    return _persona(email="gaston@example.org", display_name="Gaston", roles=[Role.WORKING_GROUP_MEMBER])


@pytest.fixture
def organiser(db):
    return _persona(email="olga@example.org", display_name="Olga", roles=[Role.ORGANISER])


@pytest.fixture
def outsider():
    return AnonymousUser()


@pytest.fixture
def count_queries():
    """`with count_queries() as ctx: ...` then `len(ctx)`: the SQL queries run inside the block."""

    def make():
        return CaptureQueriesContext(connection)

    return make


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached fragments and rate-limit counters must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files written by a test (dossiers, uploads) go to its own temporary directory, never to `var/media`."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    """Private files (`mediane/privatefiles.py`) written by a test go to its own temporary directory too."""
    private = {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path / "prive"}}
    settings.STORAGES = {**settings.STORAGES, "private": private}


@pytest.fixture(autouse=True)
def _places_start_at_part_dieu():
    """Default places are laid out from Lyon Part-Dieu northwards, 100 m apart, in the order a test creates them:
    restart the factory's sequence so that this holds whatever ran before in the same process."""
    from tests.structures.factories import PlaceFactory

    PlaceFactory.reset_sequence()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`committed(function, *args)`: call it, then run what it left for after the commit (the e-mails), as a
    real commit would; the test's own transaction never commits."""

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


class LimiterClock:
    """The rate limiter's clock, stopped 10 s into a window of every rate the platform uses (1, 5 and 15 min)."""

    def __init__(self):
        self.now = 1_700_000_100.0 + 10  # a multiple of 900 s, plus 10 s

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def limiter_clock(monkeypatch):
    """Stops the clock of `mediane.ratelimits`, so that a burst is one burst however slow the machine is."""
    from mediane import ratelimits

    clock = LimiterClock()
    monkeypatch.setattr(ratelimits, "clock", clock)
    return clock
