"""The header and the footer lead everywhere, with and without JavaScript (templates/components/header.html)."""

import re

import pytest
from django.templatetags.static import static

PAGES = ["/", "/plan-du-site/", "/forum/", "/accessibilite/", "/cette-page-n-existe-pas/"]


def part(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_the_stylesheet_for_browsers_without_javascript_only(client, db, path):
    head = part(client.get(path).content.decode(), "<head>", "</head>")

    assert f'<noscript><link rel="stylesheet" href="{static("css/nojs.css")}"></noscript>' in head


@pytest.mark.parametrize("path", PAGES)
def test_the_phone_menu_opens_and_closes_with_links_that_need_no_javascript(client, db, path):
    html = client.get(path).content.decode()
    navbar = part(html, '<div class="fr-header__navbar">', "</div>")
    menu = part(html, 'id="menu-principal"', "</nav>")

    assert '<a class="fr-btn--menu fr-btn" href="#menu-principal" id="lien-menu">Menu</a>' in navbar
    assert '<a class="fr-btn--close fr-btn" href="#lien-menu">Fermer</a>' in menu
    assert 'id="navigation-principale"' in menu


def test_the_phone_menu_holds_the_quick_links_without_waiting_for_the_script(client, db):
    html = client.get("/").content.decode()
    menu_links = part(html, '<div class="fr-header__menu-links">', '<nav class="fr-nav"')
    tools = part(html, '<div class="fr-header__tools-links">', '<div class="fr-header__menu')

    for label in ("Se connecter", "Créer un compte", "Plan du site"):
        assert f">{label}</a>" in menu_links
        assert f">{label}</a>" in tools


@pytest.mark.parametrize("where", ['<header role="banner"', '<footer class="fr-footer"'])
def test_the_site_map_is_linked_from_the_header_and_the_footer_of_every_page(client, db, where):
    for path in PAGES:
        html = client.get(path).content.decode()
        block = part(html, where, "</header>" if "header" in where else "</footer>")
        assert re.search(r'<a [^>]*href="/plan-du-site/"[^>]*>Plan du site</a>', block), path
