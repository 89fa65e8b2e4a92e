"""The place page's part in the care of places: when its information was checked, its recent changes, « Signaler une
erreur » for everyone, and editing or asking to edit depending on who reads it; a place without street address."""

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.structures import services_care
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory


@pytest.fixture
def place(db):
    return PlaceFactory(nom="Médiathèque du Bachut", services=[], date_maj=dt.date(2024, 9, 1))


@pytest.fixture
def manager(place):
    person = UserFactory(display_name="Nadège")
    place.structure.managers.add(person)
    return person


def page(client, place) -> str:
    response = client.get(reverse("orientation:place", args=[place.pk]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_anyone_can_report_an_error_and_read_where_the_information_comes_from(client, place):
    html = page(client, place)
    assert f'href="{reverse("structures:report_error", args=[place.pk])}"' in html
    assert "Informations de la source, mises à jour le 1 septembre 2024" in html
    assert "Historique des modifications" in html
    assert "Modifier ce lieu" not in html
    assert "Vous gérez ce lieu ?" not in html


def test_a_signed_in_person_who_does_not_manage_the_place_may_ask_to(client, place, citizen):
    client.force_login(citizen)
    html = page(client, place)
    assert f'href="{reverse("structures:ask_to_manage", args=[place.pk])}"' in html
    assert "Vous gérez ce lieu ? Demandez à le modifier" in html
    assert "Modifier ce lieu" not in html


@pytest.mark.parametrize("who", ["manager", "organiser"])
def test_a_manager_or_an_organiser_edits_and_confirms_from_the_page(client, place, manager, organiser, who):
    client.force_login(manager if who == "manager" else organiser)
    html = page(client, place)
    assert f'href="{reverse("structures:place_edit", args=[place.pk])}"' in html
    assert f'action="{reverse("structures:place_confirm", args=[place.pk])}"' in html
    assert "Confirmer que tout est à jour" in html
    assert "Vous gérez ce lieu ?" not in html


def test_the_page_says_when_the_place_confirmed_its_information_and_shows_the_change_by_role(client, place, manager):
    services_care.update_place(manager, place, {"services": ["Aide aux démarches administratives"]})
    html = page(client, place)
    today = timezone.localdate()
    assert f"Informations vérifiées par le lieu le {today.day} " in html
    assert "par responsable de la structure" in html
    assert "L'aide proposée : avant « (vide) », maintenant « Faire ses démarches en ligne" in html
    assert "Nadège" not in html


def test_a_long_history_links_to_its_own_page(client, place, manager):
    for _ in range(6):
        services_care.confirm_place(manager, place)
    assert f'href="{reverse("structures:place_history", args=[place.pk])}"' in page(client, place)


def test_a_place_without_street_address_is_shown_with_its_commune(client, db):
    place = PlaceFactory(adresse="", complement_adresse="", commune="Lyon 3e Arrondissement")
    html = page(client, place)
    assert '<address class="fr-mb-3w">\n        \n        69003 Lyon 3e Arrondissement\n' in html
    assert "<br>\n        69003" not in html
    assert ", , 69003" not in html
    assert f"{place.nom}, 69003 Lyon 3e Arrondissement : aide proposée" in html


def test_an_address_complement_alone_has_no_stray_comma(client, db):
    place = PlaceFactory(adresse="", complement_adresse="2e étage")
    html = page(client, place)
    assert "2e étage<br>" in html
    assert ">, 2e étage" not in html and ", , 2e étage" not in html
    assert ", 2e étage, 69003 Lyon 3e Arrondissement : aide proposée" in html


@pytest.mark.parametrize("who", ["anonymous", "manager"])
def test_the_page_runs_a_constant_number_of_queries_whatever_its_history(client, place, manager, count_queries, who):
    if who == "manager":
        client.force_login(manager)
    services_care.confirm_place(manager, place)
    url = reverse("orientation:place", args=[place.pk])
    with count_queries() as first:
        client.get(url)
    for number in range(8):
        services_care.update_place(manager, place, {"telephone": f"04786230{number:02d}"})
    with count_queries() as second:
        client.get(url)
    assert len(second) == len(first)


def _sourced_place(**extra):
    from tests.structures.factories import PlaceSourceFactory

    source = PlaceSourceFactory(
        name="Hub de l'Ain", profile={"extra": ["Nom du référent", "Accès PMR"], "published": ["Accès PMR"]}
    )
    return PlaceFactory(nom="Médiathèque de Bourg", place_source=source, extra=extra)


@pytest.mark.parametrize("who", ["manager", "organiser"])
def test_the_team_and_the_managers_see_the_sources_kept_columns_the_public_does_not(
    client, organiser, citizen, count_queries, who
):
    place = _sourced_place(**{"Nom du référent": "Mme Martin", "Accès PMR": "oui"})
    manager = UserFactory(display_name="Nadège")
    place.structure.managers.add(manager)
    summary = "Données de la source (visibles de l'équipe et des responsables du lieu)"

    assert summary not in page(client, place) and "Mme Martin" not in page(client, place)
    client.force_login(citizen)
    assert "Mme Martin" not in page(client, place)
    client.force_login(manager if who == "manager" else organiser)
    with count_queries() as few:
        html = page(client, place)
    assert summary in html and "Nom du référent" in html and "Mme Martin" in html
    assert "Accès PMR publiée" in " ".join(re.sub(r"<[^>]+>", " ", html).split())

    place.extra = {f"Colonne {i}": str(i) for i in range(30)}
    place.save()
    with count_queries() as many:
        page(client, place)
    assert len(many) == len(few)
