"""The site map (`/plan-du-site/`): every section and its first pages, each link working for the person reading it."""

import re

import pytest
from django.urls import reverse

from tests.consultation.factories import ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory
from tests.workinggroup.factories import MeetingFactory

SITE_MAP = "/plan-du-site/"


def links(html: str) -> list[tuple[str, str]]:
    """(address, text) of every link of the page's main content."""
    main = html.split('<main id="contenu"', 1)[1].split("</main>", 1)[0]
    return [
        (href, re.sub(r"<[^>]+>|\s+", " ", text).strip())
        for href, text in re.findall(r'<a [^>]*href="([^"#]+)"[^>]*>(.*?)</a>', main, re.S)
    ]


@pytest.fixture
def site(db):
    theme = ThemeFactory(number=1, title="Rôle et missions des bibliothèques", closed=True)
    ThemeFactory(number=2, title="Identifier et toucher les publics", consultation=theme.consultation)
    SynthesisRunFactory(theme=theme, published=True)
    theme.synthesis_published_at = theme.consultation.created_at
    theme.save(update_fields=["synthesis_published_at"])
    MeetingFactory(theme=theme, held=True)
    return theme


def test_the_site_map_lists_every_section_of_the_site(client, site):
    html = client.get(SITE_MAP).content.decode()
    sections = re.findall(r"<h2[^>]*>(.*?)</h2>", html)

    assert sections == [
        "Me faire aider",
        "Le forum",
        "Le groupe de travail",
        "La feuille de route et la charte",
        "La formation",
        "Financements",
        "Conseillers numériques",
        "Actualités et agenda",
        "Mon compte",
        "À propos du site",
    ]
    texts = [text for _, text in links(html)]
    for expected in (
        "Me faire aider",
        "Trouver un lieu",
        "Thème 1 : Rôle et missions des bibliothèques",
        "Synthèse du thème 1",
        "Thème 2 : Identifier et toucher les publics",
        "Rechercher",
        "Données ouvertes",
        "L'agenda",
        "Réunion du thème 1 : Rôle et missions des bibliothèques",
        "La feuille de route",
        "Charte de l'inclusion numérique en bibliothèque",
        "Données ouvertes de la feuille de route",
        "Financements",
        "À quelles aides ma bibliothèque peut-elle prétendre ?",
        "Les financements en chiffres",
        "Le programme Conseillers numériques",
        "Kit de ressources",
        "Les formations",
        "Les référentiels de compétences",
        "Se connecter",
        "Créer un compte",
        "Accessibilité",
    ):
        assert expected in texts


def test_every_link_of_the_site_map_opens_a_page_for_a_visitor(client, site):
    for href, text in links(client.get(SITE_MAP).content.decode()):
        assert client.get(href).status_code == 200, (href, text)


@pytest.mark.parametrize("persona", ["citizen", "moderator", "wg_member", "organiser"])
def test_every_link_of_the_site_map_opens_a_page_for_the_person_signed_in(client, site, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for href, text in links(client.get(SITE_MAP).content.decode()):
        assert client.get(href).status_code == 200, (persona, href, text)


def test_the_organisers_pages_are_on_the_site_map_of_those_who_may_open_them(client, site, moderator, organiser):
    assert "Organisation" not in client.get(SITE_MAP).content.decode()

    client.force_login(moderator)
    texts = [text for _, text in links(client.get(SITE_MAP).content.decode())]
    assert {"Organisation", "Contributions à modérer", "Journal de modération"} <= set(texts)
    assert "Imports de lieux" not in texts

    client.force_login(organiser)
    texts = [text for _, text in links(client.get(SITE_MAP).content.decode())]
    assert {"Contributions à modérer", "Synthèses des thèmes", "Ajouter un membre", "Imports de lieux"} <= set(texts)


def test_the_site_map_runs_a_constant_number_of_queries(client, site, count_queries):
    def queries() -> int:
        with count_queries() as captured:
            assert client.get(reverse("pages:site_map")).status_code == 200
        return len(captured)

    few = queries()
    for number in range(3, 8):
        MeetingFactory(theme=ThemeFactory(number=number, consultation=site.consultation, closed=True))
    assert queries() == few
