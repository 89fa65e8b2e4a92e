"""The session engine (`SESSION_ENGINE`): Django's database sessions, each row knowing whose session it is.

`accounts.Session` keeps the signed-in person beside the session data, so that `services.delete_account` ends
all of a person's sessions. `sessions_cached.py` is the same with a cache in front (Redis in production).
The class keeps Django's name, `SessionStore`: the signature of a session's data depends on it, so the sessions
written before this engine stay readable.
"""

from django.contrib.sessions.backends import db


class PersonSessionMixin:
    """Store `accounts.Session` rows, with `user` read from the session's own « signed in as » key."""

    @classmethod
    def get_model_class(cls):
        from .models import Session  # the engine is imported before the apps are ready

        return Session

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)  # type: ignore[misc]
        instance.user_id = signed_in_user_id(data)
        return instance


def signed_in_user_id(data: dict) -> int | None:
    """The id of the person a session's data is signed in as, or None."""
    raw = str(data.get("_auth_user_id", ""))
    return int(raw) if raw.isascii() and raw.isdigit() else None


class SessionStore(PersonSessionMixin, db.SessionStore):
    pass
