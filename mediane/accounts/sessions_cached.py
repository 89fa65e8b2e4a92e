"""The session engine with a cache in front (`SESSION_ENGINE` when Redis is configured): see `sessions.py`."""

from django.contrib.sessions.backends import cached_db

from .sessions import PersonSessionMixin


class SessionStore(PersonSessionMixin, cached_db.SessionStore):
    pass
