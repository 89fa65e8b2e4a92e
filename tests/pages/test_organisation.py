"""The organisers' hub (`/organisation/`) and its one item in the main menu: each role sees the pages it may open."""

import re

import pytest

from mediane.accounts.enums import Role
from mediane.pages.organisation import SECTIONS, has_organisation_pages, sections_for
from tests.accounts.factories import UserFactory

HUB = "/organisation/"


def menu(html: str) -> list[str]:
    nav = html.split('id="navigation-principale"', 1)[1].split("</nav>", 1)[0]
    return [text.strip() for text in re.findall(r'<a class="fr-nav__link"[^>]*>(.*?)</a>', nav, re.S)]


def hub_tasks(html: str) -> list[str]:
    return re.findall(r'<h3 class="fr-tile__title"><a href="[^"]+">(.*?)</a></h3>', html)


@pytest.mark.parametrize(
    ("persona", "tasks"),
    [
        ("moderator", ["Contributions à modérer", "Journal de modération"]),
        ("wg_member", ["Synthèses des thèmes"]),
        (
            "organiser",
            [
                "Contributions à modérer",
                "Journal de modération",
                "Synthèses des thèmes",
                "Ajouter un membre",
                "Programmer une réunion",
                "Journal des décisions",
                "Actions de la feuille de route",
                "Créer une action depuis une décision",
                "Importer ou exporter les actions",
                "Étapes, axes et statuts",
                "Versions de la charte",
                "Gérer les événements",
                "Créer un événement",
                "Dispositifs de financement",
                "Créer un dispositif",
                "Instruction des demandes de financement",
                "Gérer le kit",
                "Ajouter une ressource au kit",
                "Imports de lieux",
                "Sources et correspondances",
                "Signalements d&#x27;erreurs",  # as the page escapes it
                "Demandes de gestion de lieux",
                "Gérer les formations",
                "Créer une formation",
            ],
        ),
    ],
)
def test_the_hub_lists_the_pages_of_each_role_and_each_one_opens(client, request, persona, tasks):
    client.force_login(request.getfixturevalue(persona))
    html = client.get(HUB).content.decode()

    assert hub_tasks(html) == tasks
    for href in re.findall(r'<h3 class="fr-tile__title"><a href="([^"]+)">', html):
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("persona", ["citizen", "mediator", "librarian"])
def test_someone_without_an_organisers_role_is_refused_the_hub_and_has_no_menu_item(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(HUB).status_code == 403
    assert "Organisation" not in menu(client.get("/").content.decode())


def test_a_visitor_is_asked_to_sign_in_first(client, db):
    response = client.get(HUB)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


@pytest.mark.parametrize("persona", ["moderator", "wg_member", "organiser"])
def test_the_main_menu_has_one_item_for_every_organisers_page(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert menu(client.get("/").content.decode()) == [
        "Accueil",
        "Me faire aider",
        "Trouver un lieu",
        "Le forum",
        "Rechercher",
        "Groupe de travail",
        "Feuille de route",
        "Actualités",
        "Agenda",
        "Organisation",
    ]


def test_the_hub_and_the_menu_read_the_same_list(citizen, moderator, wg_member, organiser):
    for person in (citizen, moderator, wg_member, organiser):
        assert has_organisation_pages(person) is bool(sections_for(person))
    # The Conseillers numériques programme is its own team's (Role.PROGRAMME), not the platform's organisers'.
    programme = "Conseillers numériques"
    assert [section.title for section in sections_for(organiser)] == [
        section.title for section in SECTIONS if section.title != programme
    ]
    team = UserFactory(roles=[Role.PROGRAMME])
    assert [section.title for section in sections_for(team)] == [programme]
