"""The e-mail digest of followed themes: what it sends, to whom, and that a second run sends nothing."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from mediane.consultation.models import ThemeFollow
from mediane.consultation.services import follow_theme, send_digests
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(citizen):
    theme = ThemeFactory(title="Rôle des bibliothèques")
    follow_theme(citizen, theme)
    ThemeFollow.objects.update(last_digest_at=timezone.now() - dt.timedelta(days=1))
    return theme


def test_a_follower_gets_the_new_contributions_with_links(followed, citizen, mailoutbox, settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"
    new = ContributionFactory(theme=followed, title="Un atelier le samedi")
    summary = send_digests()
    assert summary.sent == 1
    (mail,) = mailoutbox
    assert mail.to == [citizen.email]
    assert "Nouvelles contributions au thème" in mail.subject
    assert "Un atelier le samedi" in mail.body
    assert f"https://mediane.example.org{new.get_absolute_url()}" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="https://mediane.example.org{new.get_absolute_url()}"' in html


def test_only_published_contributions_since_the_last_digest_are_sent(followed, mailoutbox):
    ContributionFactory(theme=followed, title="Trop ancienne", published_at=timezone.now() - dt.timedelta(days=2))
    ContributionFactory(theme=followed, title="Masquée", hidden=True)
    ContributionFactory(theme=followed, title="En attente", pending=True)
    ContributionFactory(theme=ThemeFactory(), title="Autre thème")
    ContributionFactory(theme=followed, title="Toute fraîche")
    send_digests()
    (mail,) = mailoutbox
    assert "Toute fraîche" in mail.body
    for absent in ("Trop ancienne", "Masquée", "En attente", "Autre thème"):
        assert absent not in mail.body


def test_nothing_new_means_no_e_mail(followed, mailoutbox):
    assert send_digests().sent == 0
    assert mailoutbox == []


def test_a_second_run_sends_nothing_more(followed, mailoutbox):
    ContributionFactory(theme=followed)
    now = timezone.now()
    send_digests(now)
    assert ThemeFollow.objects.get().last_digest_at == now
    send_digests(now)
    send_digests()
    assert len(mailoutbox) == 1


def test_a_title_with_html_is_escaped_in_the_html_e_mail(followed, mailoutbox):
    ContributionFactory(theme=followed, title="<script>alert(1)</script>")
    send_digests()
    html = mailoutbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_command_prints_a_summary(followed, mailoutbox, capsys):
    ContributionFactory(theme=followed)
    call_command("send_theme_digests")
    assert "1 e-mail(s) envoyé(s) pour 1 abonnement(s)" in capsys.readouterr().out
    assert len(mailoutbox) == 1
