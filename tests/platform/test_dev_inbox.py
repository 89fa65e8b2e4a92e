"""`mediane/dev_inbox.py`: on `make run`, e-mails land in a local inbox whose page shows their links; the page
exists in development only, never in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from mediane import dev_inbox
from tests.accounts.test_signup import signup_data

ROOT = Path(__file__).resolve().parents[2]
INBOX = reverse("dev_inbox")


@pytest.fixture
def development_inbox(settings, tmp_path):
    """What `MEDIANE_ENV=development` sets: the inbox backend, its folder, and the page."""
    settings.EMAIL_BACKEND = settings.DEV_INBOX_BACKEND
    settings.EMAIL_FILE_PATH = str(tmp_path / "courriels")
    settings.MEDIANE_DEV_INBOX = True
    return tmp_path / "courriels"


def test_each_e_mail_is_printed_and_kept_as_a_file(development_inbox, capsys):
    mail.send_mail("Premier", "Bonjour, voici un lien : http://localhost:8000/a/", None, ["a@example.org"])
    mail.send_mail("Second", "Texte", None, ["b@example.org"])

    assert len(list(development_inbox.glob("*.eml"))) == 2
    assert "Subject: Premier" in capsys.readouterr().out  # the console still shows it, as before
    messages = dev_inbox.read_inbox(development_inbox)
    assert [(message.subject, message.to) for message in messages] == [
        ("Second", "b@example.org"),
        ("Premier", "a@example.org"),
    ]
    assert messages[1].text.strip() == "Bonjour, voici un lien : http://localhost:8000/a/"
    assert messages[1].sent_at is not None and messages[1].sent_at.tzinfo is not None


def test_the_folder_keeps_only_the_most_recent_messages(development_inbox, monkeypatch, capsys):
    monkeypatch.setattr(dev_inbox, "KEPT", 3)

    for number in range(5):
        mail.send_mail(f"Message {number}", "Texte", None, ["a@example.org"])

    assert [message.subject for message in dev_inbox.read_inbox(development_inbox)] == [
        "Message 4",
        "Message 3",
        "Message 2",
    ]


@pytest.mark.django_db
def test_a_newcomer_finds_the_confirmation_e_mail_and_its_link_in_the_inbox(client, development_inbox, capsys):
    page = client.post(reverse("account_signup"), signup_data(email="nadia@example.org"), follow=True)
    assert f'href="{INBOX}">Ouvrir la boîte de réception de développement</a>' in page.content.decode()

    inbox = client.get(INBOX).content.decode()

    assert inbox.count("[Médiane] Confirmez votre adresse e-mail") == 1  # once, in its card (not as a site message)
    assert "fr-alert" not in inbox
    assert "À : nadia@example.org" in inbox
    assert '<a href="http://testserver/compte/confirm-email/' in inbox


@pytest.mark.django_db
def test_the_inbox_answers_only_the_machine_itself(client, development_inbox, capsys):
    assert client.get(INBOX, REMOTE_ADDR="::1").status_code == 200
    assert client.get(INBOX, REMOTE_ADDR="203.0.113.5").status_code == 404  # a development instance left open


@pytest.mark.django_db
def test_outside_development_the_inbox_is_absent_and_never_linked(client, settings):
    assert settings.MEDIANE_DEV_INBOX is False  # the tests run as MEDIANE_ENV=test

    assert client.get(INBOX).status_code == 404
    page = client.post(reverse("account_signup"), signup_data(email="nadia@example.org"), follow=True)
    assert INBOX not in page.content.decode()


PRODUCTION = {
    "MEDIANE_ENV": "production",
    "SECRET_KEY": "k" * 30 + "-production-key-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "mediane.example.org",
}
PROBE = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve
view = resolve("/dev/courriels/").func
try:
    status = view(RequestFactory().get("/dev/courriels/")).status_code
except Http404:
    status = 404
print(settings.MEDIANE_DEV_INBOX, settings.EMAIL_BACKEND, status)
"""


def run_with(environment: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    variables = {key: value for key, value in os.environ.items() if key not in {"EMAIL_BACKEND", "DATABASE_URL"}}
    # A database of its own (never the developer's), and no watchdog thread reading it.
    variables.update(SQLITE_PATH=str(tmp_path / "probe.sqlite3"), MEDIANE_JOBS_WATCHDOG="false", TASKS_MODE="inline")
    return subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**variables, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_in_production_the_inbox_does_not_exist_and_e_mails_go_by_smtp(tmp_path):
    result = run_with(PRODUCTION, tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.core.mail.backends.smtp.EmailBackend", "404"]


def test_production_refuses_to_start_with_the_inbox_backend(tmp_path):
    result = run_with({**PRODUCTION, "EMAIL_BACKEND": "mediane.dev_inbox.InboxBackend"}, tmp_path)

    assert result.returncode != 0
    assert "La boîte de réception de développement ne sert jamais en production" in result.stderr


def test_in_development_the_inbox_is_the_default(tmp_path):
    result = run_with({"MEDIANE_ENV": "development"}, tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["True", "mediane.dev_inbox.InboxBackend"]
