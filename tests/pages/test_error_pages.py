"""Error pages: French, with a way back. The 400 page explains oversize payloads; the 500 one needs no DB."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from mediane.pages import views


def test_an_unknown_address_gets_the_french_404_page(client, db):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page introuvable</h1>" in html
    assert f'href="{reverse("pages:home")}"' in html


def test_an_oversize_payload_gets_a_400_page_saying_the_text_or_file_is_too_large(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x" * 5000})

    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Envoi trop volumineux</h1>" in html
    assert "Le texte ou le fichier que vous avez envoyé est trop volumineux" in html


def test_another_bad_request_gets_the_general_400_page(db):
    response = views.bad_request(RequestFactory().get("/"), exception=ValueError())

    assert response.status_code == 400
    assert "<h1>Demande incorrecte</h1>" in response.content.decode()


def test_the_403_page_explains_and_offers_to_log_in(db):
    response = views.permission_denied(RequestFactory().get("/forum/moderation/"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Accès refusé</h1>" in html
    assert reverse("account_login") in html


def test_the_500_page_renders_without_touching_the_database():
    # No `db` fixture: pytest-django makes any database access fail this test.
    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Erreur du serveur</h1>" in html
    assert "<title>Erreur du serveur — Médiane</title>" in html
    assert 'href="/"' in html


def test_the_500_page_falls_back_to_plain_html_when_its_template_fails(monkeypatch):
    def broken(name):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(views.loader, "get_template", broken)

    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "<h1>Erreur du serveur</h1>" in response.content.decode()


@pytest.mark.parametrize("handler", ["handler400", "handler403", "handler404", "handler500"])
def test_the_error_handlers_are_the_pages_views(handler):
    from config import urls

    assert getattr(urls, handler).startswith("mediane.pages.views.")
