"""Sign-in security: failed logins are limited per address and account and per address, so that guessing is
stopped without letting anyone lock an owner out; and CSRF is enforced on every form."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

ATTACKER = "198.51.100.66"
OWNER = "203.0.113.5"


def login(client, password, email="camille@example.org", address="127.0.0.1", **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address, **extra)


def refused(response) -> bool:
    return response.status_code == 200 and "Trop de tentatives de connexion ont échoué" in response.content.decode()


def assert_the_owner_signs_in(owner, **where):
    """The citizen, with the right password, from a browser of their own."""
    client = Client()
    response = login(client, PASSWORD, **where)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


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
def test_after_five_failures_from_one_address_that_address_cannot_try_the_account_again(client, citizen, limiter_clock):
    for _ in range(5):
        assert not refused(login(client, "essai-au-hasard", address=ATTACKER))

    response = login(client, PASSWORD, address=ATTACKER)

    # Even the right password: otherwise a guesser would learn which guess was right.
    assert refused(response)
    assert "attendez 6 minutes avant de réessayer" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failures_from_one_address_do_not_lock_the_owner_out_from_another(citizen, limiter_clock):
    attacker = Client()
    for _ in range(20):  # allauth refuses a 31st login form in a minute from one address (its own "login" limit)
        login(attacker, "essai-au-hasard", address=ATTACKER)
    assert refused(login(attacker, PASSWORD, address=ATTACKER))

    assert_the_owner_signs_in(citizen, address=OWNER)


def direct(address):
    return {"address": address}


def behind_the_proxy(address):
    """As nginx of docs/deployment.md forwards it: every connection comes from the proxy."""
    return {"address": "127.0.0.1", "HTTP_X_FORWARDED_FOR": address}


@pytest.mark.django_db
@pytest.mark.parametrize("where", [direct, behind_the_proxy])
def test_twenty_failures_on_twenty_accounts_from_one_address_do_not_stop_a_different_address(
    citizen, settings, limiter_clock, where
):
    settings.MEDIANE_TRUSTED_PROXIES = 1 if where is behind_the_proxy else 0
    attacker = Client()
    for number in range(20):
        account = UserFactory(email=f"cible{number}@example.org")
        assert not refused(login(attacker, "essai-au-hasard", email=account.email, **where(ATTACKER)))
    assert refused(login(attacker, "essai-au-hasard", email="encore-une@example.org", **where(ATTACKER)))

    assert_the_owner_signs_in(citizen, **where(OWNER))


@pytest.mark.django_db
def test_failures_on_one_account_do_not_lock_another_account_from_the_same_address(client, citizen, librarian):
    for _ in range(5):
        login(client, "essai-au-hasard")

    response = login(client, PASSWORD, email="leila@example.org")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(librarian.pk)


@pytest.mark.django_db
def test_a_forged_x_forwarded_for_gives_no_fresh_attempts(client, citizen, settings, limiter_clock):
    settings.MEDIANE_TRUSTED_PROXIES = 0
    for number in range(5):
        login(client, "essai-au-hasard", address=ATTACKER, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")

    assert refused(login(client, PASSWORD, address=ATTACKER, HTTP_X_FORWARDED_FOR="10.0.0.99"))


@pytest.mark.django_db
def test_behind_the_trusted_proxy_people_are_told_apart_by_the_hop_it_wrote(citizen, settings, limiter_clock):
    settings.MEDIANE_TRUSTED_PROXIES = 1
    attacker = Client()
    for number in range(5):
        # Whatever the attacker puts first, nginx appends the address it saw last.
        login(attacker, "essai-au-hasard", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, {ATTACKER}")
    assert refused(login(attacker, PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER))

    assert_the_owner_signs_in(citizen, HTTP_X_FORWARDED_FOR=OWNER)  # same REMOTE_ADDR: the proxy's


@pytest.mark.django_db
def test_signing_in_clears_the_failures_of_that_address_and_account(citizen, limiter_clock):
    client = Client()
    for _ in range(4):
        login(client, "essai-au-hasard")
    assert login(client, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert not refused(login(client, "essai-au-hasard"))
    assert login(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_the_announced_wait(client, citizen, limiter_clock):
    for _ in range(5):
        login(client, "essai-au-hasard", address=ATTACKER)
    assert refused(login(client, PASSWORD, address=ATTACKER))

    limiter_clock.advance(6 * 60)

    assert login(client, PASSWORD, address=ATTACKER).status_code == 302


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
