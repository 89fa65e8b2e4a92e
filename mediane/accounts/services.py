"""Writes on people: profile, charter acceptance, roles, and the GDPR rights (export, deletion).

The forum's rows are reached through the reverse relations it declares on the user (`user.contributions`,
`user.comments`, `user.supports`, `user.theme_follows`, `user.reports`): accounts never imports a higher app.
Registrations (events, training sessions) are read through `mediane.registrations`, which sits below every app.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from mediane.registrations import receivers as registrations

from .enums import Role
from .models import User
from .territories import departement_from_postal_code

EXPORT_FORMAT_VERSION = 1


def update_profile(user: User, *, display_name: str, category: str, organisation: str, postal_code: str) -> User:
    """Set the participant profile. The form has checked the postal code; the département follows from it."""
    user.display_name = display_name.strip()
    user.category = category
    user.organisation = organisation.strip()
    user.postal_code = postal_code.strip()
    user.departement = departement_from_postal_code(user.postal_code) if user.postal_code else ""
    user.save(update_fields=["display_name", "category", "organisation", "postal_code", "departement"])
    return user


def accept_charter(user: User) -> None:
    """Record that `user` accepted the participation charter (once; later calls keep the first date)."""
    if user.charter_accepted_at is None:
        with transaction.atomic():
            user.charter_accepted_at = timezone.now()
            user.save(update_fields=["charter_accepted_at"])


# --- The address of an account not confirmed yet --------------------------------------------------------


class AddressTaken(Exception):
    """Another account uses this e-mail address."""


def email_in_use(email: str, except_user: User | None = None) -> bool:
    """Whether an account (other than `except_user`) signs in with, or has added, `email`."""
    from allauth.account.models import EmailAddress

    users = User.objects.filter(email__iexact=email)
    addresses = EmailAddress.objects.filter(email__iexact=email)
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
        addresses = addresses.exclude(user=except_user)
    return users.exists() or addresses.exists()


def change_unconfirmed_email(user: User, email: str):
    """Replace the address of an account that has not confirmed one yet (a typing mistake at sign-up), and return
    its new, unconfirmed `EmailAddress`. Sending the confirmation is the caller's: it needs the request.

    Preconditions: `email` is cleaned (lower-case) and `email_in_use(email, except_user=user)` is false; `AddressTaken`
    if another account took it meanwhile. Refused (`AddressTaken` too) when the account has a confirmed address:
    that one is changed from « Mes adresses e-mail », signed in. The confirmation links sent to the old address stop
    working: their row is gone.
    """
    from allauth.account.models import EmailAddress

    try:
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=user.pk)
            if EmailAddress.objects.filter(user=locked, verified=True).exists():
                raise AddressTaken(email)
            EmailAddress.objects.filter(user=locked).delete()
            locked.email = email
            locked.save(update_fields=["email"])
            address = EmailAddress.objects.create(user=locked, email=email, primary=True, verified=False)
    except IntegrityError as error:  # another account took it between the check and the write
        raise AddressTaken(email) from error
    user.email = email
    return address


# --- Roles ---------------------------------------------------------------------------------------------


def grant_role(user: User, role: Role | str) -> None:
    """Give `user` a role: the Django group named after its `Role` value, created if missing."""
    role = Role(role)
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=role.value)
        user.groups.add(group)


def revoke_role(user: User, role: Role | str) -> None:
    """Take a role back. Revoking a role the person does not hold does nothing."""
    role = Role(role)
    user.groups.remove(*Group.objects.filter(name=role.value))


def roles_of(user: User) -> list[Role]:
    names = {group.name for group in user.groups.all()}
    return [role for role in Role if role.value in names]


# --- GDPR: export ---------------------------------------------------------------------------------------


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_personal_data(user: User) -> dict[str, Any]:
    """Everything Médiane holds about `user`, as JSON-ready data (right of access and portability)."""
    from allauth.account.models import EmailAddress

    contributions = user.contributions.select_related("theme").order_by("created_at", "id")
    comments = user.comments.select_related("contribution").order_by("created_at", "id")
    supports = user.supports.select_related("contribution").order_by("created_at", "id")
    follows = user.theme_follows.select_related("theme").order_by("created_at", "id")
    reports = user.reports.select_related("contribution", "comment").order_by("created_at", "id")
    action_follows = user.action_follows.select_related("action").order_by("created_at", "id")
    return {
        "format": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "category": user.category,
            "category_label": user.get_category_display(),
            "organisation": user.organisation,
            "postal_code": user.postal_code,
            "departement": user.departement,
            "departement_label": user.departement_label,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "charter_accepted_at": _when(user.charter_accepted_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "roles": [{"role": role.value, "label": role.label} for role in roles_of(user)],
        # Events, training sessions…: the one registration mechanism, below every app, finds them all.
        "registrations": registrations.export_rows(user),
        "contributions": [
            {
                "id": contribution.pk,
                "title": contribution.title,
                "body": contribution.body,
                "kind": contribution.kind,
                "kind_label": contribution.get_kind_display(),
                "theme": str(contribution.theme),
                "status": contribution.status,
                "status_label": contribution.get_status_display(),
                "created_at": _when(contribution.created_at),
                "published_at": _when(contribution.published_at),
            }
            for contribution in contributions
        ],
        "comments": [
            {
                "id": comment.pk,
                "contribution_id": comment.contribution_id,
                "contribution": comment.contribution.title,
                "in_reply_to": comment.parent_id,
                "body": comment.body,
                "status": comment.status,
                "created_at": _when(comment.created_at),
            }
            for comment in comments
        ],
        "supports": [
            {
                "contribution_id": support.contribution_id,
                "contribution": support.contribution.title,
                "created_at": _when(support.created_at),
            }
            for support in supports
        ],
        "follows": [{"theme": str(follow.theme), "created_at": _when(follow.created_at)} for follow in follows],
        "roadmap_follows": [
            {
                "action_id": follow.action_id,
                "action": follow.action.title,
                "origin": follow.origin,
                "created_at": _when(follow.created_at),
                "stopped_at": _when(follow.stopped_at),
            }
            for follow in action_follows
        ],
        "reports": [
            {
                "contribution_id": report.contribution_id,
                "comment_id": report.comment_id,
                "reason": report.reason,
                "details": report.details,
                "created_at": _when(report.created_at),
                "resolved_at": _when(report.resolved_at),
            }
            for report in reports
        ],
    }


# --- GDPR: deletion -------------------------------------------------------------------------------------


def delete_account(user: User) -> None:
    """Erase `user` and every piece of personal data about them, keeping what they said, anonymously.

    - Contributions and comments stay (the debate must not lose its content) and keep the author's category,
      but lose the author link and the displayed name: they show « Participant·e anonyme ».
    - The département of their contributions is cleared as well: with the category and the date, a
      département can single a person out (the only elected official of a small département).
    - Supports stay with no user, so the counts shown stay true; reports stay with no reporter and lose the
      free text the person wrote in them (the moderation log shows that text from the report: no copy stays).
    - Every session signed in as the person ends, on every device (and in the session cache), then theme
      follows and roadmap action follows, e-mail addresses and admin history about the person are deleted, then
      the user.

    The caller logs the current session out.
    """
    from allauth.account.models import EmailAddress

    with transaction.atomic():
        user.contributions.update(author=None, author_name="", author_departement="")
        user.comments.update(author=None, author_name="")
        user.supports.update(user=None)
        user.reports.update(reporter=None, details="")
        end_sessions(user)
        user.theme_follows.all().delete()
        user.action_follows.all().delete()
        EmailAddress.objects.filter(user=user).delete()
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).delete()
        user.delete()


def end_sessions(user: User) -> None:
    """End every session signed in as `user`: its row, and its cached copy when the engine keeps one."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in user.sessions.values_list("session_key", flat=True):
        store(session_key=key).delete()
