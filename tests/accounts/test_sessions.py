"""Sessions know the person they are signed in as, so that an account's deletion can end them all."""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session as DjangoSession
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mediane.accounts.models import Session

pytestmark = pytest.mark.django_db

upgrade = import_module("mediane.accounts.migrations.0003_sessions_know_their_person")


def test_a_signed_in_session_records_its_person(citizen):
    client = Client()
    client.force_login(citizen)

    assert Session.objects.get(session_key=client.session.session_key).user == citizen


def test_a_session_without_anyone_signed_in_records_nobody(client):
    session = client.session
    session["vu"] = True
    session.save()

    assert Session.objects.get(session_key=session.session_key).user is None


def test_signing_out_ends_the_session(citizen):
    client = Client()
    client.force_login(citizen)
    client.logout()

    assert not citizen.sessions.exists()


def test_the_upgrade_moves_open_sessions_and_their_people_stay_signed_in(citizen):
    before = DjangoSessionStore()
    before.update({"_auth_user_id": str(citizen.pk), "_auth_user_backend": "django.contrib.auth.backends.ModelBackend"})
    before["_auth_user_hash"] = citizen.get_session_auth_hash()
    before.create()
    expired = DjangoSessionStore()
    expired["vu"] = True
    expired.create()
    DjangoSession.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - dt.timedelta(days=1)
    )

    upgrade.copy_open_sessions(apps, None)

    assert not DjangoSession.objects.exists()
    assert list(Session.objects.values_list("session_key", "user")) == [(before.session_key, citizen.pk)]
    client = Client()
    client.cookies["sessionid"] = before.session_key
    assert client.get(reverse("accounts:profile")).status_code == 200
