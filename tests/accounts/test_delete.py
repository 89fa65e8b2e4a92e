"""GDPR right to erasure: the account goes, the contributions stay anonymous, no personal data remains."""

import json
from importlib import import_module

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.test import Client
from django.urls import reverse

from mediane.accounts.models import Session, User
from mediane.accounts.services import delete_account
from mediane.consultation.models import Comment, Contribution, ModerationLog, Report, Support, ThemeFollow
from mediane.consultation.services_moderation import report_contribution
from mediane.roadmap import services as roadmap_services
from mediane.roadmap.models import ActionFollow
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory
from tests.roadmap.factories import ActionFactory

PERSONAL_DATA = ["zephyrine.quilleboeuf@example.org", "Zéphyrine Q.", "Bibliothèque Zéphyr-sur-Mer", "20167"]


@pytest.fixture
def leaving(db):
    """A person who took part in every way, with personal data found nowhere else."""
    user = UserFactory(
        email="zephyrine.quilleboeuf@example.org",
        display_name="Zéphyrine Q.",
        organisation="Bibliothèque Zéphyr-sur-Mer",
        postal_code="20167",
        departement="2A",
        librarian=False,
    )
    verify_email(user)
    EmailAddress.objects.create(user=user, email="zq.pro@example.net", verified=False, primary=False)
    theme = ThemeFactory()
    ContributionFactory(author=user, theme=theme, title="Mon retour")
    someone_else = ContributionFactory(theme=theme, title="Autre contribution")
    CommentFactory(contribution=someone_else, author=user)
    Support.objects.create(contribution=someone_else, user=user)
    ThemeFollow.objects.create(theme=theme, user=user)
    roadmap_services.follow_action(user, ActionFactory())
    # The free text of a report is the person's own words, which may name them.
    report_contribution(user, someone_else, "donnees_personnelles", "Zéphyrine Q. ici : ce texte donne mon adresse.")
    # Signed in on two devices.
    for _ in range(2):
        Client().force_login(user)
    LogEntry.objects.create(
        user=UserFactory(is_staff=True),
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
    )
    return user


def rows_containing(text: str) -> list[str]:
    """Every (model, field) of the whole database whose text holds `text`, sessions decoded."""
    found = []
    for model in apps.get_models():
        if issubclass(model, AbstractBaseSession):
            # Session data is signed and compressed: read it as the site does.
            if any(text in json.dumps(session.get_decoded(), ensure_ascii=False) for session in model.objects.all()):
                found.append(f"{model._meta.label}.session_data")
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                if model._default_manager.filter(**{f"{field.name}__icontains": text}).exists():
                    found.append(f"{model._meta.label}.{field.name}")
    return found


def signed_in_as(user) -> str:
    """How a session holds the person it is signed in as."""
    return f'"_auth_user_id": "{user.pk}"'


def test_the_personal_data_is_in_the_database_before_deletion(leaving):
    for text in [*PERSONAL_DATA, signed_in_as(leaving)]:
        assert rows_containing(text), text


def test_no_personal_data_remains_anywhere_after_deletion(leaving):
    session = signed_in_as(leaving)

    delete_account(leaving)

    for text in [*PERSONAL_DATA, "zq.pro@example.net", session]:
        assert rows_containing(text) == [], text


def test_the_sessions_of_the_person_end_in_the_session_cache_too(settings, leaving):
    settings.SESSION_ENGINE = "mediane.accounts.sessions_cached"
    client = Client()
    client.force_login(leaving)
    key = client.session.session_key
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert store(session_key=key).load().get("_auth_user_id") == str(leaving.pk)

    delete_account(leaving)

    assert store(session_key=key).load() == {}
    assert not Session.objects.filter(session_key=key).exists()


def test_contributions_and_comments_stay_anonymous_with_the_category(leaving):
    delete_account(leaving)

    contribution = Contribution.objects.get(title="Mon retour")
    assert contribution.author is None
    assert contribution.display_author == "Participant·e anonyme"
    assert contribution.author_category == "usager"
    assert contribution.author_departement == ""
    comment = Comment.objects.get(author_name="")
    assert comment.author is None
    assert comment.display_author == "Participant·e anonyme"
    assert comment.author_category == "usager"


def test_supports_and_reports_stay_without_the_person(leaving):
    delete_account(leaving)

    assert Support.objects.filter(user=None).count() == 1
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.details) == (None, "donnees_personnelles", "")
    assert ModerationLog.objects.get(report=report).details == ""
    assert not ThemeFollow.objects.exists()
    assert not ActionFollow.objects.exists()
    assert not User.objects.filter(email=PERSONAL_DATA[0]).exists()


def test_deleting_one_account_leaves_other_people_untouched(leaving, citizen):
    theirs = ContributionFactory(author=citizen)

    delete_account(leaving)

    theirs.refresh_from_db()
    assert theirs.author == citizen
    assert theirs.author_name == "Camille"
    assert EmailAddress.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_the_deletion_page_asks_for_the_password_and_explains_what_stays(client, leaving):
    client.force_login(leaving)

    html = client.get(reverse("accounts:delete")).content.decode()

    assert "<title>Supprimer mon compte — Médiane</title>" in html
    assert html.count("<h1") == 1
    assert "Participant·e anonyme" in html
    assert 'type="password" name="password"' in html


@pytest.mark.django_db
def test_a_wrong_password_deletes_nothing(client, leaving):
    client.force_login(leaving)

    response = client.post(reverse("accounts:delete"), {"password": "pas-le-bon"})

    assert response.status_code == 200
    assert "Ce mot de passe n&#x27;est pas le bon." in response.content.decode()
    assert User.objects.filter(pk=leaving.pk).exists()


@pytest.mark.django_db
def test_deleting_through_the_page_signs_out_and_erases(client, leaving):
    client.force_login(leaving)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(pk=leaving.pk).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_the_deletion_form_refuses_after_five_wrong_passwords_even_the_right_one(client, leaving, limiter_clock):
    client.force_login(leaving)
    for _ in range(5):
        assert client.post(reverse("accounts:delete"), {"password": "pas-le-bon"}).status_code == 200

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d&#x27;essais de mot de passe. Par sécurité, attendez 18 minutes avant de réessayer." in html
    assert "Ce mot de passe n&#x27;est pas le bon." not in html  # the refused guess is not even checked
    assert User.objects.filter(pk=leaving.pk).exists()


@pytest.mark.django_db
def test_the_deletion_form_accepts_the_password_again_after_the_wait(client, leaving, limiter_clock):
    client.force_login(leaving)
    for _ in range(6):
        client.post(reverse("accounts:delete"), {"password": "pas-le-bon"})

    limiter_clock.advance(18 * 60)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=leaving.pk).exists()


@pytest.mark.django_db
def test_password_attempts_are_counted_per_person(client, leaving, citizen, limiter_clock):
    client.force_login(leaving)
    for _ in range(6):
        client.post(reverse("accounts:delete"), {"password": "pas-le-bon"})

    client.force_login(citizen)
    response = client.post(reverse("accounts:delete"), {"password": "pas-le-bon"})

    assert response.status_code == 200
    assert "Ce mot de passe n&#x27;est pas le bon." in response.content.decode()
