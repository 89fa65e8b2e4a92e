"""The followers' digest: one e-mail per person with all their followed actions' changes, idempotent, sent by the
Celery task and the management command alike."""

import datetime as dt
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mediane.roadmap import services
from mediane.roadmap.models import ActionFollow
from mediane.roadmap.services_digests import send_action_digests
from mediane.roadmap.tasks import send_digests_task
from tests.accounts.factories import UserFactory
from tests.roadmap.factories import ActionFactory, StatusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower():
    return UserFactory(email="suzanne@example.org", display_name="Suzanne")


def _follow(user, action, minutes_ago=10):
    services.follow_action(user, action)
    ActionFollow.objects.filter(user=user, action=action).update(
        last_digest_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


def test_one_email_groups_every_followed_action(follower):
    first, second, quiet = ActionFactory(title="Outils et charte"), ActionFactory(title="Formation"), ActionFactory()
    for action in (first, second, quiet):
        _follow(follower, action)
    services.change_progress(None, first, status=None, progress=45)
    services.add_milestone(None, second, date=dt.date(2020, 11, 1), title="Appel Conseillers numériques")
    services.change_progress(None, second, status=StatusFactory(name="Lancée"), progress=None)
    summary = send_action_digests()
    assert (summary.people, summary.sent) == (1, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["suzanne@example.org"]
    assert "2 actions que vous suivez" in message.subject
    assert "l'avancement passe de 0 % à 45 %" in message.body
    assert "nouvelle étape franchie : « Appel Conseillers numériques » (1 novembre 2020)" in message.body
    assert "le statut passe à « Lancée »" in message.body
    assert quiet.title not in message.body
    assert "Ne plus suivre" in message.body and "/feuille-de-route/mes-propositions/" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://testserver{first.get_absolute_url()}"' in html or first.get_absolute_url() in html


def test_digests_are_idempotent_and_only_send_what_is_new(follower):
    action = ActionFactory()
    _follow(follower, action)
    services.change_progress(None, action, status=None, progress=20)
    now = timezone.now()
    assert send_action_digests(now).sent == 1
    assert send_action_digests(now).sent == 0
    assert send_action_digests().sent == 0
    services.change_progress(None, action, status=None, progress=30)
    assert send_action_digests().sent == 1
    assert "de 20 % à 30 %" in mail.outbox[-1].body and "de 0 % à 20 %" not in mail.outbox[-1].body


def test_stopped_follows_and_inactive_people_receive_nothing(follower):
    action = ActionFactory()
    _follow(follower, action)
    inactive = UserFactory(is_active=False)
    _follow(inactive, action)
    services.unfollow_action(follower, action)
    services.change_progress(None, action, status=None, progress=50)
    assert send_action_digests().sent == 0
    assert mail.outbox == []


def test_a_failing_email_is_sent_again_next_time(follower, monkeypatch):
    action = ActionFactory()
    _follow(follower, action)
    services.change_progress(None, action, status=None, progress=60)

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr("mediane.roadmap.services_digests._send", broken)
    with pytest.raises(ConnectionError):
        send_action_digests()
    monkeypatch.undo()
    assert send_action_digests().sent == 1


def test_the_task_and_the_command_send_the_digest(follower, settings):
    action = ActionFactory()
    _follow(follower, action)
    services.change_progress(None, action, status=None, progress=70)
    assert send_digests_task() == 1
    services.change_progress(None, action, status=None, progress=80)
    call_command("send_roadmap_digests")
    assert len(mail.outbox) == 2
    assert "roadmap-send-digests" in settings.CELERY_BEAT_SCHEDULE
