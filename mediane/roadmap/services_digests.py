"""The followers' e-mail digest: once per run, each person who follows actions receives ONE e-mail with the changes
of all of them (new status, new progress, new milestone) since their last digest.

Run by the one job mechanism: the Celery task `roadmap.send_digests` (`tasks.py`, scheduled hourly by Celery
beat in `CELERY_BEAT_SCHEDULE`), or the management command `send_roadmap_digests` by a scheduled task where the
embedded default runs (see docs/deployment.md). Idempotent like the forum's `consultation.services.send_digests`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from mediane.consultation.services import absolute_url

from .enums import UpdateKind
from .models import ActionFollow, ActionUpdate

# What a digest tells: the creation of an action is not news to someone who follows it afterwards.
DIGEST_KINDS = [UpdateKind.STATUS, UpdateKind.PROGRESS, UpdateKind.MILESTONE]
# Beyond this many changes for one action, the e-mail says « et d'autres » and links to the action.
DIGEST_MAX_CHANGES = 20


@dataclass(frozen=True)
class DigestSummary:
    people: int
    sent: int


def _changes(follows: list[ActionFollow], now) -> dict[int, list[ActionUpdate]]:
    """The changes of each followed action since its follow's last digest: one query for all of a person's follows."""
    condition = Q()
    for follow in follows:
        condition |= Q(action_id=follow.action_id, created_at__gt=follow.last_digest_at)
    updates = (
        ActionUpdate.objects.filter(condition, kind__in=DIGEST_KINDS, created_at__lte=now)
        .select_related("milestone")
        .order_by("created_at", "pk")
    )
    changes: dict[int, list[ActionUpdate]] = defaultdict(list)
    for update in updates:
        changes[update.action_id].append(update)
    return changes


def _send(user, items: list[dict]) -> None:
    context = {
        "user": user,
        "items": items,
        "my_proposals_url": absolute_url(reverse("roadmap:my_proposals")),
        "site_name": settings.MEDIANE_SITE_NAME,
    }
    count = len(items)
    subject = f"[{settings.MEDIANE_SITE_NAME}] Du nouveau dans la feuille de route : " + (
        f"« {items[0]['action'].title} »" if count == 1 else f"{count} actions que vous suivez"
    )
    message = EmailMultiAlternatives(
        subject=subject[:200],
        body=render_to_string("roadmap/emails/digest.txt", context),
        to=[user.email],
    )
    message.attach_alternative(render_to_string("roadmap/emails/digest.html", context), "text/html")
    message.send()


def send_action_digests(now=None) -> DigestSummary:
    """E-mail each active person the changes of the actions they follow since their last digest, in one e-mail.

    Idempotent: a follow's `last_digest_at` moves to `now` once the e-mail is sent (or when there was nothing to
    send), so a second run at the same moment sends nothing. A failing e-mail leaves the person's follows untouched,
    and the next run tries again.
    """
    now = now or timezone.now()
    follows = (
        ActionFollow.objects.active()
        .filter(last_digest_at__lt=now, user__is_active=True)
        .select_related("user", "action")
        .order_by("user_id", "action__position", "action_id")
    )
    by_user: dict[int, list[ActionFollow]] = defaultdict(list)
    for follow in follows:
        by_user[follow.user_id].append(follow)
    sent = 0
    for user_follows in by_user.values():
        user = user_follows[0].user
        changes = _changes(user_follows, now)
        items = [
            {
                "action": follow.action,
                "url": absolute_url(follow.action.get_absolute_url()),
                "changes": changes[follow.action_id][:DIGEST_MAX_CHANGES],
                "more": len(changes[follow.action_id]) > DIGEST_MAX_CHANGES,
            }
            for follow in user_follows
            if changes.get(follow.action_id)
        ]
        if items and user.email:
            _send(user, items)
            sent += 1
        ActionFollow.objects.filter(pk__in=[follow.pk for follow in user_follows]).update(last_digest_at=now)
    return DigestSummary(people=len(by_user), sent=sent)
