"""The platform's e-mails: one message rendered from a pair of templates (`<name>.txt` and `<name>.html`), with
the site's name in its subject, and absolute links to the site. Every app's background e-mail task sends through
here, after the commit (`mediane.jobs.queue.enqueue_email`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

SUBJECT_MAX = 180


def absolute_url(path: str) -> str:
    """`path` on the site, as a link in an e-mail needs it (`MEDIANE_BASE_URL`)."""
    return settings.MEDIANE_BASE_URL.rstrip("/") + path


def send_templated_email(template: str, subject: str, to: str, context: dict[str, Any]) -> None:
    """Send one e-mail to `to`: the text of `<template>.txt`, its HTML alternative `<template>.html`, both given
    `context` and `site_name`; the subject prefixed with « [site] » and cut to a length mail clients show."""
    site = settings.MEDIANE_SITE_NAME
    context = {**context, "site_name": site}
    message = EmailMultiAlternatives(
        subject=f"[{site}] " + subject[:SUBJECT_MAX],
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
