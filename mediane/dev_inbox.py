"""The development inbox: on `make run` no e-mail leaves the machine, so every e-mail is printed on the console and
kept as a file under `EMAIL_FILE_PATH` (var/courriels/), and `/dev/courriels/` lists them with their links
clickable. A newcomer can then confirm an account, or reset a password, without a mail server.

It exists only in development (`settings.MEDIANE_DEV_INBOX`: `MEDIANE_ENV=development` with this backend); in any
other environment the page answers 404, and the settings refuse this backend in production. It does not depend on
DEBUG: `make run` may serve the site as production does.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import cast

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from mediane.client_address import client_address

# The page shows the most recent messages; the folder keeps a few more, and forgets the oldest.
SHOWN = 30
KEPT = 200
SUFFIX = ".eml"


class InboxBackend(ConsoleBackend):
    """The console backend, which also writes each message to a file of the inbox folder."""

    def write_message(self, message) -> None:
        super().write_message(message)
        folder = Path(settings.EMAIL_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        # The name sorts by time: the newest is last, whatever the clock's resolution.
        name = f"{timezone.now():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}{SUFFIX}"
        partial = folder / f".{name}.part"
        partial.write_bytes(message.message().as_bytes())
        partial.replace(folder / name)  # whole or absent: the page never reads half a message
        for old in sorted(folder.glob(f"*{SUFFIX}"))[:-KEPT]:
            old.unlink(missing_ok=True)


@dataclass(frozen=True)
class InboxMessage:
    subject: str
    to: str
    sent_at: dt.datetime | None
    text: str


def _text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    return body.get_content() if body is not None else ""


def read_inbox(folder: Path, limit: int = SHOWN) -> list[InboxMessage]:
    """The `limit` most recent messages of `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}"), reverse=True)[:limit]:
        # The default policy builds an EmailMessage (typeshed only knows Message).
        message = cast(EmailMessage, email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
        date = message.get("Date")
        sent_at = parsedate_to_datetime(str(date)) if date else None
        if sent_at is not None and timezone.is_naive(sent_at):
            sent_at = sent_at.replace(tzinfo=dt.UTC)  # « -0000 »: Django writes UTC without saying so
        found.append(
            InboxMessage(
                subject=str(message.get("Subject", "")),
                to=str(message.get("To", "")),
                sent_at=sent_at,
                text=_text_of(message),
            )
        )
    return found


def _from_this_machine(request) -> bool:
    address = client_address(request)
    return address is not None and ipaddress.ip_address(address).is_loopback


def inbox(request):
    """The e-mails sent by this development instance, newest first, with their links clickable. Only to the machine
    itself: a development instance left reachable from elsewhere must not show its password-reset links."""
    if not settings.MEDIANE_DEV_INBOX or not _from_this_machine(request):
        raise Http404("La boîte de réception de développement n'existe qu'en développement, sur cette machine.")
    messages = read_inbox(Path(settings.EMAIL_FILE_PATH))
    # Not « messages »: that name is the messages framework's, shown at the top of every page.
    context = {"inbox": messages, "folder": settings.EMAIL_FILE_PATH, "shown": SHOWN}
    return render(request, "dev_inbox/inbox.html", context)
