"""Sign-in security: brute force is rate-limited, and CSRF is enforced on every form."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD


def login(client, password, email="camille@example.org"):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.django_db
def test_a_wrong_password_gets_a_french_error_and_no_session(client, citizen):
    response = login(client, "pas-le-bon-mot-de-passe")

    assert response.status_code == 200
    assert "L&#x27;adresse e-mail ou le mot de passe n&#x27;est pas le bon." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_signs_in(client, citizen):
    response = login(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


@pytest.mark.django_db
def test_after_five_failed_logins_even_the_right_password_is_refused(client, citizen):
    for _ in range(5):
        assert login(client, "essai-au-hasard").status_code == 200

    response = login(client, PASSWORD)

    assert response.status_code == 200
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_failed_login_limit_counts_per_address(client, citizen, librarian):
    for _ in range(5):
        login(client, "essai-au-hasard")

    response = login(client, PASSWORD, email="leila@example.org")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(librarian.pk)


@pytest.mark.django_db
def test_a_login_post_without_csrf_token_is_refused(citizen):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("account_login"), {"login": "camille@example.org", "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_signed_in_post_without_csrf_token_changes_nothing(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 403
    citizen.refresh_from_db()
    assert citizen.is_active


@pytest.mark.django_db
def test_the_rate_limit_page_is_french_and_uses_the_site_layout(rf):
    from allauth.core.internal.ratelimit import handler429

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = handler429(request)

    assert response.status_code == 429
    html = response.content.decode()
    assert "<title>Trop de tentatives — Médiane</title>" in html
    assert html.count("<h1") == 1
