"""The e-mail confirmation of a new account, between sign-up (or a login before confirming) and the click on the link.

allauth keeps the person's pending login in the session while the address is not confirmed (its « verify e-mail »
login stage). This module reads it, so that the page « Confirmez votre adresse e-mail » can say where the e-mail
went and when, send it again through allauth's own flow (allauth's `confirm_email` limit: one e-mail per address
every `MEDIANE_CONFIRMATION_PAUSE` seconds), and let the person fix a mistyped address.

An address that belongs to another account is never revealed: as at sign-up, its owner gets allauth's « an account
already exists » e-mail, and the page reads as for any address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from allauth.account.internal.flows.email_verification import (
    send_verification_email_at_login,
    send_verification_email_to_address,
)
from allauth.account.internal.stagekit import stash_login
from allauth.account.models import EmailAddress
from allauth.account.stages import EmailVerificationStage, LoginStageController
from allauth.core import ratelimit
from django.utils import timezone

from . import services

# allauth's message after each confirmation e-mail it sends: the page says it instead, with the address and the time.
SENT_MESSAGE_TEMPLATE = "account/messages/email_confirmation_sent.txt"
# Where the last e-mail sent from this browser went, and when (session).
LAST_SENT_KEY = "accounts_confirmation_sent"
# In the pending login's own state (allauth's stash), the address the page is about, once the person changed it.
SHOWN_EMAIL_STATE = "mediane_confirmation_email"
CHANGES_STATE = "mediane_confirmation_changes"
# A pending sign-up may fix its address this many times; after that, the person starts again.
MAX_ADDRESS_CHANGES = 3


@dataclass
class PendingConfirmation:
    login: Any  # allauth's Login
    email: str  # where this page's e-mails go
    account_email: str | None  # the unconfirmed address of the account, when there is an account
    confirmed: bool
    sent_at: dt.datetime | None

    @property
    def is_login(self) -> bool:
        """The person signed in before confirming (rather than just signed up)."""
        return not self.login.signup

    @property
    def can_change(self) -> bool:
        return self.login.state.get(CHANGES_STATE, 0) < MAX_ADDRESS_CHANGES


def record_sent(request, email: str) -> None:
    """Remember the confirmation e-mail allauth just sent (called by the adapter instead of its message)."""
    request.session[LAST_SENT_KEY] = {"email": email.lower(), "at": timezone.now().isoformat()}


def pending(request) -> PendingConfirmation | None:
    """The confirmation this browser is waiting for, or None (nothing pending, or allauth's 15 minutes are over)."""
    if request.user.is_authenticated:
        return None
    stage = LoginStageController.enter(request, EmailVerificationStage.key)
    if stage is None:
        return None
    login = stage.login
    address = None
    if login.user is not None:
        address = (
            EmailAddress.objects.filter(user=login.user).order_by("-primary", "-verified").first()
            if not login.email
            else EmailAddress.objects.filter(user=login.user, email__iexact=login.email).first()
        )
    account_email = address.email if address else None
    email = (login.state.get(SHOWN_EMAIL_STATE) or login.email or account_email or "").lower()
    last = request.session.get(LAST_SENT_KEY) or {}
    sent_at = dt.datetime.fromisoformat(last["at"]) if last.get("email") == email else None
    return PendingConfirmation(
        login=login,
        email=email,
        account_email=account_email,
        confirmed=bool(address and address.verified),
        sent_at=sent_at,
    )


def _is_the_account_address(confirmation: PendingConfirmation) -> bool:
    return confirmation.login.user is not None and confirmation.email == confirmation.account_email


def resend(request, confirmation: PendingConfirmation) -> bool:
    """Send the e-mail again, as allauth does at a new login. False when allauth's pause is not over yet."""
    if _is_the_account_address(confirmation):
        return send_verification_email_at_login(request, confirmation.login)
    return _send_without_account(request, confirmation.email)


def _send_without_account(request, email: str) -> bool:
    """No account of this browser behind `email`: allauth writes to it that an account already exists there (and
    how to get it back), or, when none does, that none does and how to create one. The page reads the same."""
    address = EmailAddress(user=None, email=email)
    return send_verification_email_to_address(request, address, signup=services.email_in_use(email))


def change_address(request, confirmation: PendingConfirmation, email: str) -> bool:
    """Give the pending account `email` instead of its mistyped address, and send the confirmation there.

    Precondition: `confirmation.can_change`, and `email` is cleaned by the adapter. Counted like a sign-up
    (allauth's `signup` limit: `ratelimit.RateLimited` past it). Returns False when allauth's pause for that
    address is not over yet.
    """
    ratelimit.consume(request, action="signup", raise_exception=True)
    login = confirmation.login
    login.state[CHANGES_STATE] = login.state.get(CHANGES_STATE, 0) + 1
    login.state[SHOWN_EMAIL_STATE] = email
    if login.user is not None and not services.email_in_use(email, except_user=login.user):
        try:
            address = services.change_unconfirmed_email(login.user, email)
        except services.AddressTaken:
            address = None  # taken meanwhile: answered as any address of another account
        if address is not None:
            login.email = email
            stash_login(request, login)
            return send_verification_email_to_address(request, address, signup=login.signup)
    stash_login(request, login)
    return _send_without_account(request, email)
