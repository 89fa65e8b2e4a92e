"""Each public page renders with its one h1 and its own <title>."""

import re

import pytest
from django.urls import reverse

from tests.consultation.factories import ThemeFactory
from tests.pages.factories import NewsItemFactory

PAGES = [
    ("pages:home", {}, "Forum « Inclusion numérique en bibliothèque »"),
    ("pages:news", {}, "Actualités et événements"),
    ("pages:news_detail", {"slug": "conseillers-numeriques"}, "4 000 Conseillers numériques"),
    ("pages:accessibility", {}, "Déclaration d'accessibilité"),
    ("pages:legal", {}, "Mentions légales"),
    ("pages:privacy", {}, "Données personnelles"),
    ("pages:charter", {}, "Charte de participation"),
    ("pages:site_map", {}, "Plan du site"),
    ("pages:api", {}, "L'API de Médiane"),
]


def h1s(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)]


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.fixture
def site_content(db):
    ThemeFactory(title="Rôle et missions des bibliothèques")
    NewsItemFactory(slug="conseillers-numeriques", title="4 000 Conseillers numériques")


@pytest.mark.parametrize(("name", "kwargs", "heading"), PAGES, ids=[page[0] for page in PAGES])
def test_each_public_page_renders_with_its_one_h1(client, site_content, name, kwargs, heading):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 200
    assert h1s(response.content.decode()) == [heading]


def test_every_public_page_has_its_own_title(client, site_content):
    titles = [title_of(client.get(reverse(name, kwargs=kwargs)).content.decode()) for name, kwargs, _ in PAGES]

    assert len(set(titles)) == len(titles)


def test_the_home_page_shows_the_themes_and_invites_to_the_open_one(client, db):
    open_theme = ThemeFactory(number=2, title="Identifier et toucher les publics")
    ThemeFactory(
        number=3,
        title="Former et professionnaliser les acteurs",
        upcoming=True,
        consultation=open_theme.consultation,
    )

    html = client.get(reverse("pages:home")).content.decode()

    assert "Thème 2 : Identifier et toucher les publics" in html
    assert "Thème 3 : Former et professionnaliser les acteurs" in html
    assert f'href="{open_theme.get_absolute_url()}">Contribuer au thème 2</a>' in html


def test_the_home_page_leads_library_teams_to_training_the_kit_and_the_funding_finder(client, db):
    html = client.get(reverse("pages:home")).content.decode()

    assert f'href="{reverse("training:catalogue")}">Se former</a>' in html
    assert f'href="{reverse("training:kit")}">Le kit de ressources</a>' in html
    assert f'href="{reverse("funding:finder")}">À quelles aides ma bibliothèque peut-elle prétendre ?</a>' in html


def test_the_home_page_without_any_consultation_still_renders(client, db):
    response = client.get(reverse("pages:home"))

    assert response.status_code == 200
    assert "Aucun thème n'est encore publié" in response.content.decode()


def test_the_legal_notice_names_the_operator_and_the_host_from_the_settings(client, db, settings):
    settings.MEDIANE_OPERATOR = "la médiathèque de Quimper"
    settings.MEDIANE_HOST_INFO = "Hébergé par Exemple SAS, 1 rue de la Paix, 75002 Paris"

    html = client.get(reverse("pages:legal")).content.decode()

    assert "Ce site est édité par la médiathèque de Quimper." in html
    assert "Hébergé par Exemple SAS, 1 rue de la Paix, 75002 Paris" in html


def test_the_accessibility_statement_says_partially_compliant_and_gives_the_recourse(client, db):
    html = client.get(reverse("pages:accessibility")).content.decode()

    assert "partiellement conforme" in html
    assert "Défenseur des droits" in html
    assert "axe-core" in html


def test_the_charter_page_shows_the_participation_charter(client, db):
    html = client.get(reverse("pages:charter")).content.decode()

    assert "Respecter les autres" in html


def test_the_api_guide_lists_every_operation_in_french_and_links_the_openapi_description(client, db):
    html = client.get(reverse("pages:api")).content.decode()

    assert "<code>GET /api/v1/themes</code> : Liste des thèmes" in html
    assert "<code>GET /api/v1/lieux</code> : Lieux de médiation numérique" in html
    assert f'href="{reverse("api:openapi-json")}"' in html
    assert f'href="{reverse("api:openapi-view")}" hreflang="en"' in html
    assert '<html lang="fr"' in html


def test_the_footer_leads_to_the_french_api_guide(client, db):
    html = client.get(reverse("pages:home")).content.decode()

    assert f'<a class="fr-footer__content-link" href="{reverse("pages:api")}">API</a>' in html
    assert 'href="/api/docs"' not in html


def test_the_home_page_counts_the_whole_forum_in_the_french_way(client, db):
    old = ThemeFactory(number=1, published_count=1)
    ThemeFactory(number=2, published_count=0, consultation=old.consultation)

    html = " ".join(client.get(reverse("pages:home")).content.decode().split())

    assert "<li><strong>1</strong> contribution publiée</li>" in html
    assert "<li><strong>2</strong> thèmes de discussion</li>" in html
