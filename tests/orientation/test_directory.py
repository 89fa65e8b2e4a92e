"""The public directory of places (/lieux/): a commune by name or postal code, near and farther places, filters in
plain words, help at a distance when nothing is near, « Voir plus de lieux », the map."""

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from mediane.orientation import search
from mediane.orientation.helpline import NATIONAL_HELPLINE
from mediane.structures.models import Place
from tests.structures.factories import PlaceFactory

URL = reverse("orientation:directory")
HELP = "Aide aux démarches administratives"
LEISURE = "Loisirs et créations numériques"


@pytest.fixture
def lyon(db):
    return search.resolve_commune("69003")


def names(response):
    return [r.found.place.nom for r in [*response.context["near"], *response.context["farther"]]]


def page(response):
    return unescape(response.content.decode())


def test_the_page_without_a_search_shows_the_form_with_filters_in_plain_words(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    html = page(response)
    assert "Votre commune" in html
    assert "Son nom ou son code postal" in html
    for plain in (
        "Accueil adapté",
        "Personnes avec un handicap mental ou psychique",
        "Être envoyé par un professionnel qui vous suit",
        "Comment prendre contact",
    ):
        assert plain in html
    text = re.sub(r"<[^>]+>", " ", html)  # what a person reads, not the values of the boxes
    for jargon in ("Prise en charge spécifique", "Handicaps mentaux", "fiche de prescription", "Modalités d'accès"):
        assert jargon not in text
    # The standard's labels stay the values that travel in the address.
    assert 'value="Handicaps mentaux"' in html
    assert 'id="liste-lieux"' not in html


def test_a_place_that_receives_no_public_is_not_offered_as_a_filter(client, db):
    html = page(client.get(URL))
    assert "n'accueille pas de public" not in html
    assert "ne reçoit personne sur place" not in html


def test_near_places_are_listed_nearest_first_with_their_distance(client, lyon):
    far = PlaceFactory(nom="Médiathèque lointaine", latitude=lyon.latitude + 0.1, longitude=lyon.longitude)
    near = PlaceFactory(nom="Espace numérique proche", latitude=lyon.latitude + 0.02, longitude=lyon.longitude)
    response = client.get(URL, {"commune": "69003"})
    assert names(response) == [near.nom, far.nom]
    html = page(response)
    assert "Lieux près de Lyon 3e Arrondissement (69003)" in html
    assert "À moins de 30 km : 2 lieux" in html
    assert "À 2,2 km" in html
    assert "30 boulevard Vivier-Merle, 69003 Lyon 3e Arrondissement" in html
    link = re.search(rf'href="(/lieux/{near.pk}/\?retour=[^"]+)"', response.content.decode()).group(1)
    assert parse_qs(urlsplit(unescape(link)).query) == {"retour": [f"/lieux/?commune=69003#lieu-{near.pk}"]}


@pytest.mark.parametrize("text", ["Lyon 3", "lyon 3e", "69003", "69 003"])
def test_a_town_name_or_a_postal_code_finds_the_commune(client, lyon, text):
    PlaceFactory()
    response = client.get(URL, {"commune": text})
    assert response.context["commune"].insee == "69383"


def test_a_town_name_alone_finds_the_city(client, db):
    PlaceFactory()
    response = client.get(URL, {"commune": "Lyon"})
    assert response.context["commune"].insee == "69123"
    assert names(response)


def test_places_farther_than_30_km_are_apart_and_labelled_and_none_beyond_100_km(client, lyon):
    PlaceFactory(nom="Médiathèque de Vienne", latitude=45.525, longitude=4.874)  # about 25 km
    PlaceFactory(nom="Médiathèque de Grenoble", latitude=45.1885, longitude=5.7245)  # about 93 km
    PlaceFactory(nom="Bibliothèque de Paris", latitude=48.85, longitude=2.35)  # about 390 km
    response = client.get(URL, {"commune": "69003"})
    assert [r.found.place.nom for r in response.context["near"]] == ["Médiathèque de Vienne"]
    assert [r.found.place.nom for r in response.context["farther"]] == ["Médiathèque de Grenoble"]
    html = page(response)
    assert "Plus loin : entre 30 et 100 km" in html
    assert "Bibliothèque de Paris" not in html


def test_paris_11_never_shows_a_place_330_km_away_as_near(client, db):
    PlaceFactory(nom="Médiathèque de Lyon", latitude=45.76, longitude=4.86)
    response = client.get(URL, {"commune": "75011"})
    html = page(response)
    assert response.context["commune"].name == "Paris 11e Arrondissement"
    assert "Médiathèque de Lyon" not in html
    assert "Aucun lieu à moins de 30 km de Paris 11e Arrondissement ne propose d'aide connue." in html
    assert "Être aidé sans se déplacer" in html
    assert NATIONAL_HELPLINE.phone in html
    assert f'href="{NATIONAL_HELPLINE.tel_href}"' in html


def test_when_nothing_is_near_help_at_a_distance_of_the_same_territory_is_offered(client, db):
    remote = PlaceFactory(nom="Assistance numérique à distance", modalites_accompagnement=["À distance"])
    PlaceFactory(
        nom="Case numérique de Nouméa",
        latitude=-22.27,
        longitude=166.45,
        departement="988",
        code_postal="98800",
        code_insee="98818",
        modalites_accompagnement=["À distance"],
    )
    response = client.get(URL, {"commune": "75011"})
    assert [r.found.place for r in response.context["remote"]] == [remote]
    html = page(response)
    assert "Ces lieux en France métropolitaine aident aussi à distance" in html
    assert "Nouméa" not in html


def test_a_mainland_commune_never_gets_a_place_in_noumea(client, db):
    PlaceFactory(nom="Case numérique", latitude=-22.27, longitude=166.45, departement="988", code_postal="98800")
    html = page(client.get(URL, {"commune": "Lyon"}))
    assert "Case numérique" not in html


def test_noumea_is_found_and_gets_its_own_places(client, db):
    place = PlaceFactory(
        nom="Espace connecté de Nouméa", latitude=-22.27, longitude=166.45, departement="988", code_postal="98800"
    )
    PlaceFactory()  # Lyon
    response = client.get(URL, {"commune": "98800"})
    assert response.context["commune"].name == "Nouméa"
    assert [r.found.place for r in response.context["near"]] == [place]


def test_a_shared_postal_code_offers_the_communes_to_choose_from_then_searches_the_chosen_one(client, db):
    PlaceFactory(latitude=48.72, longitude=4.59, departement="51", code_postal="51300")
    response = client.get(URL, {"commune": "51300", "services": [HELP]})
    html = page(response)
    assert "commune" not in response.context
    assert "Plusieurs communes correspondent à « 51300 »" in html
    assert 'name="insee" value="51649"' in html
    assert "Vitry-le-François (51300) — Marne" in html
    # The text typed and the filters travel with the choice.
    assert '<input type="hidden" name="commune" value="51300">' in html
    assert '<input type="hidden" name="services" value="Aide aux démarches administratives">' in html

    chosen = client.get(URL, {"commune": "51300", "insee": "51649", "services": [HELP]})
    assert chosen.context["commune"].name == "Vitry-le-François"
    assert names(chosen)
    # Filters changed from the results: the form carries the commune chosen, not the list again.
    assert '<input type="hidden" name="insee" value="51649">' in page(chosen)
    refiltered = client.get(URL, {"commune": "51300", "insee": "51649", "services": [HELP, LEISURE]})
    assert refiltered.context["commune"].name == "Vitry-le-François"


def test_a_new_text_is_a_new_search_whatever_commune_was_chosen_before(client, db):
    response = client.get(URL, {"commune": "Villeurbanne", "insee": "51649"})
    assert response.context["commune"].name == "Villeurbanne"


def test_a_common_name_offers_the_communes_of_that_name(client, db):
    html = page(client.get(URL, {"commune": "Saint-Denis"}))
    assert "Saint-Denis (93200, 93210, 93380) — Seine-Saint-Denis" in html
    assert "Saint-Denis (97400, 97417, 97490) — La Réunion" in html


def test_a_service_filter_keeps_only_the_places_that_offer_it(client, lyon):
    PlaceFactory(nom="Sans loisirs", services=[HELP], latitude=lyon.latitude, longitude=lyon.longitude)
    leisure = PlaceFactory(nom="Avec loisirs", services=[LEISURE, HELP])
    response = client.get(URL, {"commune": "69003", "services": [LEISURE]})
    assert names(response) == [leisure.nom]
    assert 'value="Loisirs et créations numériques" checked' in response.content.decode()


def test_after_filtering_the_panel_is_closed_and_says_how_many_choices_are_on(client, lyon):
    PlaceFactory(services=[LEISURE, HELP], frais_a_charge=["Gratuit"])
    html = page(client.get(URL, {"commune": "69003", "services": [LEISURE], "frais": ["Gratuit"]}))
    details = re.search(r"<details[^>]*>", html).group(0)
    assert " open" not in details
    assert "Choisir l'aide dont vous avez besoin (2 choix cochés)" in html
    assert html.index("<details") < html.index('id="liste-lieux"')


def test_a_tampered_filter_opens_the_panel_with_a_french_message(client, db):
    html = page(client.get(URL, {"commune": "69003", "frais": ["Remboursé"]}))
    assert "Frais : « Remboursé » n'existe pas." in html
    assert " open" in re.search(r"<details[^>]*>", html).group(0)


def test_places_that_declared_no_service_come_apart_after_the_others(client, lyon):
    silent = PlaceFactory(nom="Mairie annexe", services=[], latitude=lyon.latitude, longitude=lyon.longitude)
    helping = PlaceFactory(nom="Espace numérique", services=[HELP])
    response = client.get(URL, {"commune": "69003"})
    assert names(response) == [helping.nom]
    assert [r.found.place for r in response.context["undeclared"]] == [silent]
    html = page(response)
    assert html.index("Espace numérique") < html.index("qui n'ont pas dit quelle aide ils proposent")
    assert html.index("qui n'ont pas dit quelle aide ils proposent") < html.index("Mairie annexe")


def test_places_that_receive_no_public_are_never_listed(client, lyon):
    PlaceFactory(nom="Réserve fermée au public", modalites_acces=["Ce lieu n'accueille pas de public"])
    assert "Réserve fermée au public" not in page(client.get(URL, {"commune": "69003"}))


def test_an_unknown_postal_code_says_what_to_type(client, db):
    response = client.get(URL, {"commune": "00000"})
    assert response.status_code == 200
    html = page(response)
    assert "Aucune commune n'a le code postal « 00000 »." in html
    assert 'aria-invalid="true"' in html
    assert "near" not in response.context


def test_an_empty_commune_asks_for_one(client, db):
    assert "Écrivez le nom de votre commune ou son code postal" in page(client.get(URL, {"commune": ""}))


def test_no_result_suggests_removing_each_filter(client, lyon):
    PlaceFactory(services=[HELP], prise_en_charge_specifique=[])
    response = client.get(URL, {"commune": "69003", "services": [HELP], "prise_en_charge": ["Surdité"]})
    html = page(response)
    assert response.context["near"] == []
    assert "Aucun lieu à moins de 30 km de Lyon 3e Arrondissement ne propose ce que vous avez choisi." in html
    assert "Retirer « Personnes sourdes ou qui entendent mal »" in html
    assert 'href="?commune=69003&services=Aide+aux+d%C3%A9marches+administratives"' in html


def test_an_empty_directory_says_nothing_is_near_and_offers_the_helpline(client, db):
    html = page(client.get(URL, {"commune": "69003"}))
    assert "Aucun lieu à moins de 30 km de Lyon 3e Arrondissement ne propose d'aide connue." in html
    assert "Aucun lieu connu en France métropolitaine ne dit aider à distance." in html
    assert NATIONAL_HELPLINE.phone in html


def test_ten_places_are_shown_then_ten_more(client, lyon):
    PlaceFactory.create_batch(25)
    first = client.get(URL, {"commune": "69003"})
    assert len(names(first)) == 10
    html = first.content.decode()
    assert 'href="?commune=69003&amp;nombre=20#resultat-11">Voir plus de lieux</a>' in html
    assert "À moins de 30 km : les 10 lieux les plus proches" in page(first)  # not « 10 lieux », as if all
    second = client.get(URL, {"commune": "69003", "nombre": "20"})
    assert len(names(second)) == 20
    assert names(second)[:10] == names(first)
    third = client.get(URL, {"commune": "69003", "nombre": "30"})
    assert len(names(third)) == 25
    assert "Voir plus de lieux" not in third.content.decode()
    assert "À moins de 30 km : 25 lieux" in page(third)
    assert "Ce sont tous les lieux à moins de 100 km qui correspondent à vos choix" in page(third)


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


def test_names_and_addresses_are_shown_clean(client, lyon):
    PlaceFactory(
        nom="Bibliothèque Du 1er Arrdt",
        adresse="11 Petite rue du Roulet )",
        commune="VILLEURBANNE",
        code_postal="69100",
    )
    html = page(client.get(URL, {"commune": "69003"}))
    assert "Bibliothèque du 1er arrondissement" in html
    assert "11 Petite rue du Roulet, 69100 Villeurbanne" in html


def test_a_phone_number_is_a_tel_link_in_international_form(client, lyon):
    PlaceFactory(telephone="04 78 62 30 00")
    assert '<a href="tel:+33478623000">04 78 62 30 00</a>' in client.get(URL, {"commune": "69003"}).content.decode()


def test_the_search_runs_a_constant_number_of_queries(client, lyon, count_queries):
    def queries_for(total):
        PlaceFactory.create_batch(total - Place.objects.count())
        PlaceFactory(services=[])  # one that declared no service, shown apart
        client.get(URL, {"commune": "69003"})  # builds the index
        with count_queries() as queries:
            response = client.get(URL, {"commune": "69003", "nombre": "30"})
        assert len(names(response)) >= total - 1
        return len(queries)

    few = queries_for(5)
    many = queries_for(30)
    assert few == many
    assert few == 1  # every place shown, with its structure


def test_nothing_near_still_runs_one_query(client, db, count_queries):
    PlaceFactory(modalites_accompagnement=["À distance"])
    client.get(URL, {"commune": "75011"})
    with count_queries() as queries:
        client.get(URL, {"commune": "75011"})
    assert len(queries) == 1


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
    url = urlsplit(data["lieux"][0]["url"])
    assert url.path == f"/lieux/{place.pk}/"
    assert parse_qs(url.query) == {"retour": [f"/lieux/?commune=69003#lieu-{place.pk}"]}
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
