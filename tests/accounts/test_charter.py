"""Charter acceptance: the page, the safe return address, and the `charter_required` decorator."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from mediane.accounts.decorators import charter_required
from tests.accounts.factories import UserFactory, verify_email


@pytest.fixture
def newcomer(db):
    user = UserFactory(email="noe@example.org", display_name="Noé", without_charter=True)
    verify_email(user)
    return user


def charter_url(next_url=None):
    url = reverse("accounts:charter")
    return f"{url}?next={next_url}" if next_url else url


@pytest.mark.django_db
def test_the_charter_page_shows_the_charter_and_a_required_checkbox(client, newcomer):
    client.force_login(newcomer)

    html = client.get(charter_url("/forum/")).content.decode()

    assert "<title>Charte de participation — Médiane</title>" in html
    assert html.count("<h1") == 1
    assert "Licence Ouverte" in html
    assert "Protéger la vie privée des autres" in html
    assert 'type="checkbox" name="accept"' in html
    assert 'value="/forum/"' in html


@pytest.mark.django_db
def test_accepting_the_charter_records_it_and_returns_to_the_page_asked(client, newcomer):
    client.force_login(newcomer)

    response = client.post(charter_url(), {"accept": "on", "next": "/forum/theme/ecrire/"})

    assert response.status_code == 302
    assert response["Location"] == "/forum/theme/ecrire/"
    newcomer.refresh_from_db()
    assert newcomer.has_accepted_charter


@pytest.mark.django_db
def test_the_charter_is_not_accepted_without_ticking_the_box(client, newcomer):
    client.force_login(newcomer)

    response = client.post(charter_url(), {"next": "/forum/"})

    assert response.status_code == 200
    assert "Cochez la case pour accepter la charte" in response.content.decode()
    assert "fr-checkbox-group--error" in response.content.decode()
    newcomer.refresh_from_db()
    assert not newcomer.has_accepted_charter


@pytest.mark.django_db
@pytest.mark.parametrize(
    "unsafe_next",
    [
        "https://evil.example.com/",
        "//evil.example.com/",
        "javascript:alert(1)",
        "https:///evil.example.com",
        # A plain word is not an address: redirect() would take it for the name of a view, and fail (500).
        "profil",
        "/forum/\x1b[31m",
    ],
)
def test_the_charter_never_redirects_to_another_site(client, newcomer, unsafe_next):
    client.force_login(newcomer)

    response = client.post(charter_url(), {"accept": "on", "next": unsafe_next})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")


@pytest.mark.django_db
def test_the_charter_page_asks_to_sign_in_first(client):
    response = client.get(charter_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_accepting_again_keeps_the_first_date(client, citizen):
    first = citizen.charter_accepted_at
    client.force_login(citizen)

    client.post(charter_url(), {"accept": "on"})

    citizen.refresh_from_db()
    assert citizen.charter_accepted_at == first


@charter_required
def write_view(request):
    return HttpResponse("formulaire")


def test_charter_required_sends_a_newcomer_to_the_charter_then_back(newcomer):
    request = RequestFactory().get("/forum/ecrire/?theme=2")
    request.user = newcomer

    response = write_view(request)

    assert response.status_code == 302
    assert response["Location"] == "/compte/charte/?next=%2Fforum%2Fecrire%2F%3Ftheme%3D2"


def test_charter_required_lets_a_person_who_accepted_through(citizen):
    request = RequestFactory().get("/forum/ecrire/")
    request.user = citizen

    assert write_view(request).content == b"formulaire"


def test_charter_required_sends_a_visitor_to_the_login_page(outsider):
    request = RequestFactory().get("/forum/ecrire/")
    request.user = outsider

    response = write_view(request)

    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/forum/ecrire/"
