"""The public directory of places (/lieux/): search by postal code, filters, « Voir plus de lieux », the map."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from mediane.orientation import search
from mediane.structures.models import Place
from tests.structures.factories import PlaceFactory

URL = reverse("orientation:directory")
HELP = "Aide aux démarches administratives"
LEISURE = "Loisirs et créations numériques"


@pytest.fixture
def lyon(db):
    return search.resolve_commune("69003")


def names(response):
    return [r.found.place.nom for r in response.context["results"]]


def test_the_page_without_a_search_shows_the_form_only(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Code postal de la commune" in html
    assert "Prise en charge spécifique" in html
    assert "Aucun lieu" not in html
    assert 'id="liste-lieux"' not in html


def test_places_are_listed_nearest_first_with_their_distance(client, lyon):
    far = PlaceFactory(nom="Médiathèque lointaine", latitude=lyon.latitude + 0.1, longitude=lyon.longitude)
    near = PlaceFactory(nom="Espace numérique proche", latitude=lyon.latitude + 0.02, longitude=lyon.longitude)
    response = client.get(URL, {"commune": "69003"})
    assert names(response) == [near.nom, far.nom]
    html = response.content.decode()
    assert "Les 2 lieux les plus proches" in html
    assert "À 2,2 km" in html
    assert "30 boulevard Vivier-Merle, 69003 Lyon 3e Arrondissement" in html
    assert f'href="/lieux/{near.pk}/?commune=69003"' in html


def test_a_service_filter_keeps_only_the_places_that_offer_it(client, lyon):
    PlaceFactory(nom="Sans loisirs", services=[HELP], latitude=lyon.latitude, longitude=lyon.longitude)
    leisure = PlaceFactory(nom="Avec loisirs", services=[LEISURE, HELP])
    response = client.get(URL, {"commune": "69003", "services": [LEISURE]})
    assert names(response) == [leisure.nom]
    assert 'value="Loisirs et créations numériques" checked' in response.content.decode()


def test_an_unknown_postal_code_says_what_to_type(client, db):
    response = client.get(URL, {"commune": "00000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Code postal ou code INSEE inconnu : « 00000 »" in html
    assert 'aria-invalid="true"' in html
    assert "results" not in response.context


def test_text_instead_of_a_postal_code_says_what_to_type(client, db):
    response = client.get(URL, {"commune": "Lyon"})
    assert "« Lyon » n'est pas un code postal" in unescape(response.content.decode())


def test_an_empty_postal_code_asks_for_one(client, db):
    response = client.get(URL, {"commune": ""})
    assert "Ce champ est obligatoire." in response.content.decode()


def test_a_tampered_filter_is_refused_with_a_french_message(client, db):
    response = client.get(URL, {"commune": "69003", "frais": ["Remboursé"]})
    assert "Frais : « Remboursé » n'existe pas." in unescape(response.content.decode())


def test_no_result_suggests_removing_each_filter(client, lyon):
    PlaceFactory(services=[HELP], prise_en_charge_specifique=[])
    response = client.get(URL, {"commune": "69003", "services": [HELP], "prise_en_charge": ["Surdité"]})
    html = response.content.decode()
    assert response.context["results"] == []
    assert "Aucun lieu ne propose tout ce que vous avez coché." in html
    assert "Retirer « Surdité »" in html
    assert 'href="?commune=69003&amp;services=Aide+aux+d%C3%A9marches+administratives"' in html


def test_an_empty_directory_says_so(client, db):
    response = client.get(URL, {"commune": "69003"})
    assert "Aucun lieu n'est encore connu dans l'annuaire." in response.content.decode()


def test_ten_places_are_shown_then_ten_more(client, lyon):
    PlaceFactory.create_batch(25)
    first = client.get(URL, {"commune": "69003"})
    assert len(first.context["results"]) == 10
    html = first.content.decode()
    assert 'href="?commune=69003&amp;nombre=20#resultat-11">Voir plus de lieux</a>' in html
    second = client.get(URL, {"commune": "69003", "nombre": "20"})
    assert len(second.context["results"]) == 20
    assert names(second)[:10] == names(first)
    third = client.get(URL, {"commune": "69003", "nombre": "30"})
    assert len(third.context["results"]) == 25
    assert "Voir plus de lieux" not in third.content.decode()
    assert "Ce sont tous les lieux qui correspondent à vos critères" in third.content.decode()


@pytest.mark.parametrize(("raw", "shown"), [("abc", 10), ("-5", 10), ("11", 20), ("100000", 100)])
def test_the_number_of_places_shown_is_kept_within_bounds(client, lyon, raw, shown):
    PlaceFactory.create_batch(3)
    response = client.get(URL, {"commune": "69003", "nombre": raw})
    assert response.status_code == 200
    assert response.context["form"].shown() == shown


def test_the_opening_status_is_shown_when_hours_are_known(client, lyon):
    PlaceFactory(horaires="Mo-Su 00:00-24:00", nom="Toujours ouvert")
    PlaceFactory(horaires="", nom="Sans horaires")
    html = client.get(URL, {"commune": "69003"}).content.decode()
    assert "Ouvert 24 h sur 24" in html


def test_the_search_runs_a_constant_number_of_queries(client, lyon, count_queries):
    def queries_for(total):
        PlaceFactory.create_batch(total - Place.objects.count())
        client.get(URL, {"commune": "69003"})  # builds the index
        with count_queries() as queries:
            response = client.get(URL, {"commune": "69003", "nombre": "30"})
        assert len(response.context["results"]) == total
        return len(queries)

    few = queries_for(5)
    many = queries_for(30)
    assert few == many
    assert few == 1  # the places with their structures


def test_there_is_no_map_without_a_tile_server(client, lyon, settings):
    settings.MEDIANE_MAP_TILES_URL = ""
    PlaceFactory()
    response = client.get(URL, {"commune": "69003"})
    html = response.content.decode()
    assert "carte-lieux-donnees" not in html
    assert "leaflet" not in html
    assert "tiles.example.org" not in response.headers["Content-Security-Policy"]


def test_the_map_gets_its_places_from_a_json_island_and_its_tiles_through_the_csp(client, lyon, settings):
    settings.MEDIANE_MAP_TILES_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    settings.MEDIANE_MAP_ATTRIBUTION = "© Exemple"
    place = PlaceFactory(nom="Médiathèque <Part-Dieu>")
    response = client.get(URL, {"commune": "69003"})
    html = response.content.decode()
    island = re.search(r'<script id="carte-lieux-donnees" type="application/json">(.*?)</script>', html, re.S)
    data = json.loads(island.group(1))
    assert data["tuiles"] == settings.MEDIANE_MAP_TILES_URL
    assert data["attribution"] == "© Exemple"
    assert data["lieux"][0]["nom"] == "Médiathèque <Part-Dieu>"
    assert data["lieux"][0]["url"] == f"/lieux/{place.pk}/?commune=69003"
    assert "<Part-Dieu>" not in island.group(1)  # escaped inside the script element
    assert "vendor/leaflet/leaflet.js" in html
    assert "<script>" not in html  # no inline script
    csp = response.headers["Content-Security-Policy"]
    img_src = next(part for part in csp.split(";") if part.strip().startswith("img-src"))
    assert "https://*.tiles.example.org" in img_src


def test_the_tile_host_is_never_allowed_when_no_place_is_found(client, db, settings):
    settings.MEDIANE_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get(URL, {"commune": "69003"})
    assert "tiles.example.org" not in response.headers["Content-Security-Policy"]


def test_the_tile_source_of_the_csp_is_the_scheme_and_host():
    from mediane.orientation.views import tiles_source

    assert tiles_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tiles_source("https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png") == "https://*.tile.openstreetmap.fr"
