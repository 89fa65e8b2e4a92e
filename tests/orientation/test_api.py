"""The orientation API: GET /api/v1/orientation?code_insee=|code_postal=&services=&limit= gives the commune used
and the places near it, nearest first, within 100 km and the commune's territory."""

import random

import pytest

from mediane.orientation import search
from mediane.orientation.geo import haversine_km
from tests.structures.factories import PlaceFactory

URL = "/api/v1/orientation"
HELP = "Aide aux démarches administratives"
LEISURE = "Loisirs et créations numériques"
SAFE = "Utilisation sécurisée du numérique"


@pytest.fixture
def lyon(db):
    return search.resolve_commune("69003")


def test_the_answer_follows_the_contract(client, lyon):
    place = PlaceFactory(
        id_standard="bm-lyon-part-dieu",
        nom="Médiathèque de la Part-Dieu",
        latitude=lyon.latitude + 0.01,
        longitude=lyon.longitude,
        services=[HELP],
    )
    response = client.get(URL, {"code_postal": "69003"})
    assert response.status_code == 200
    body = response.json()
    assert body["commune"] == {"code_insee": "69383", "nom": "Lyon 3e Arrondissement", "codes_postaux": ["69003"]}
    [item] = body["lieux"]
    assert item == {
        "id": "bm-lyon-part-dieu",
        "pk": place.pk,
        "nom": "Médiathèque de la Part-Dieu",
        "latitude": place.latitude,
        "longitude": place.longitude,
        "distance_km": round(haversine_km(lyon.latitude, lyon.longitude, place.latitude, place.longitude), 2),
        "proche": True,
        "services": [HELP],
        "adresse": "30 boulevard Vivier-Merle",
        "code_postal": "69003",
        "commune": "Lyon 3e Arrondissement",
        "url": f"http://testserver/lieux/{place.pk}/",
    }
    assert item["distance_km"] == 1.11


def test_places_come_nearest_first_up_to_the_limit(client, lyon):
    for offset in (0.05, 0.01, 0.03, 0.02, 0.04, 0.06):
        PlaceFactory(latitude=lyon.latitude + offset, longitude=lyon.longitude)
    items = client.get(URL, {"code_postal": "69003", "limit": 4}).json()["lieux"]
    assert len(items) == 4
    distances = [item["distance_km"] for item in items]
    assert distances == sorted(distances)
    assert distances[0] == pytest.approx(1.11, abs=0.01)
    assert len(client.get(URL, {"code_postal": "69003"}).json()["lieux"]) == 5


def test_an_insee_code_and_the_postal_code_of_the_same_commune_give_the_same_answer(client, lyon):
    PlaceFactory()
    assert client.get(URL, {"code_insee": "69383"}).json() == client.get(URL, {"code_postal": "69003"}).json()


def test_five_hundred_random_insee_codes_each_answer_for_their_own_commune(client, db, settings):
    settings.MEDIANE_API_RATE_ANON = "100000/m"
    codes = sorted(commune.insee for commune in search.load_communes())
    for code in random.Random(9).sample(codes, 500):
        response = client.get(URL, {"code_insee": code})
        assert response.status_code == 200, code
        assert response.json()["commune"]["code_insee"] == code


@pytest.mark.parametrize(
    ("code", "name"), [("75056", "Paris"), ("69123", "Lyon"), ("13055", "Marseille"), ("98818", "Nouméa")]
)
def test_the_cities_and_noumea_are_known_by_their_insee_code(client, db, code, name):
    assert client.get(URL, {"code_insee": code}).json()["commune"]["nom"] == name


def test_an_insee_code_that_is_another_communes_postal_code_is_read_as_an_insee_code(client, db):
    # 64160 is Cambo-les-Bains' INSEE code and Morlaàs' postal code, 100 km apart.
    assert client.get(URL, {"code_insee": "64160"}).json()["commune"]["nom"] == "Cambo-les-Bains"
    choices = client.get(URL, {"code_postal": "64160"}).json()["communes"]
    assert "Morlaàs" in [c["nom"] for c in choices]


def test_a_shared_postal_code_answers_300_with_the_communes_to_choose_from(client, db):
    response = client.get(URL, {"code_postal": "51300"})
    assert response.status_code == 300
    body = response.json()
    assert body["detail"].startswith("Plusieurs communes correspondent à « 51300 »")
    assert {"code_insee": "51649", "nom": "Vitry-le-François", "codes_postaux": ["51300"]} in body["communes"]


def test_the_deprecated_commune_parameter_reads_a_name_or_a_postal_code_never_an_insee_code(client, db):
    assert client.get(URL, {"commune": "Lyon"}).json()["commune"]["code_insee"] == "69123"
    assert client.get(URL, {"commune": "69003"}).json()["commune"]["code_insee"] == "69383"
    assert client.get(URL, {"commune": "Saint-Denis"}).status_code == 300


def test_places_beyond_100_km_or_in_another_territory_are_never_given(client, lyon):
    PlaceFactory(nom="Grenoble", latitude=45.1885, longitude=5.7245)  # about 93 km
    PlaceFactory(nom="Paris", latitude=48.85, longitude=2.35)
    PlaceFactory(nom="Nouméa", latitude=-22.27, longitude=166.45, departement="988", code_postal="98800")
    items = client.get(URL, {"code_postal": "69003", "limit": 50}).json()["lieux"]
    assert [(item["nom"], item["proche"]) for item in items] == [("Grenoble", False)]


@pytest.mark.parametrize(
    "params",
    [{"services": [HELP, SAFE]}, {"services": f"{HELP}|{SAFE}"}],
    ids=["repeated", "pipe-separated"],
)
def test_services_are_all_required_and_given_either_way(client, lyon, params):
    PlaceFactory(nom="Une seule aide", services=[HELP], latitude=lyon.latitude, longitude=lyon.longitude)
    both = PlaceFactory(nom="Les deux aides", services=[HELP, SAFE, LEISURE])
    items = client.get(URL, {"code_postal": "69003", **params}).json()["lieux"]
    assert [item["pk"] for item in items] == [both.pk]


def test_an_unknown_service_is_refused_with_the_closest_label(client, lyon):
    response = client.get(URL, {"code_postal": "69003", "services": "Aide aux demarches administratives"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "« Aide aux demarches administratives » n'est pas une valeur connue." in detail
    assert "Vouliez-vous dire « Aide aux démarches administratives » ?" in detail


def test_an_unknown_commune_is_a_404_with_a_french_message(client, db):
    response = client.get(URL, {"code_postal": "00000"})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Aucune commune n'a le code postal « 00000 »")
    response = client.get(URL, {"code_insee": "99999"})
    assert response.status_code == 404
    assert response.json()["detail"] == "Code INSEE inconnu : « 99999 »."


def test_without_a_commune_there_is_nothing_to_measure_from(client, db):
    response = client.get(URL)
    assert response.status_code == 404
    assert response.json()["detail"] == "Aucune commune demandée : donnez `code_insee` (exact) ou `code_postal`."


def test_the_insee_code_wins_over_a_looser_parameter(client, db):
    answer = client.get(URL, {"code_insee": "64160", "code_postal": "64160", "commune": "Morlaàs"}).json()
    assert answer["commune"]["nom"] == "Cambo-les-Bains"


@pytest.mark.parametrize(("limit", "bound"), [(0, "au moins 1"), (51, "au plus 50"), (-3, "au moins 1")])
def test_the_limit_stays_between_1_and_50(client, lyon, limit, bound):
    response = client.get(URL, {"code_postal": "69003", "limit": limit})
    assert response.status_code == 422
    assert response.json()["erreurs"] == [{"champ": "limit", "message": f"Ce nombre doit valoir {bound}."}]


def test_no_matching_place_gives_an_empty_list(client, lyon):
    PlaceFactory(services=[HELP])
    response = client.get(URL, {"code_postal": "69003", "services": LEISURE})
    assert response.status_code == 200
    assert response.json()["lieux"] == []


def test_one_query_whatever_the_number_of_places(client, lyon, count_queries):
    counts = []
    for total, new in ((5, 5), (30, 25)):
        PlaceFactory.create_batch(new)
        client.get(URL, {"code_postal": "69003"})  # builds the index
        with count_queries() as queries:
            items = client.get(URL, {"code_postal": "69003", "limit": 50}).json()["lieux"]
        assert len(items) == total
        counts.append(len(queries))
    assert counts == [1, 1]


def test_the_endpoint_is_described_in_the_openapi(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/orientation"]["get"]
    assert operation["summary"] == "Les lieux proches d'une commune"
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert {"code_insee", "code_postal", "commune", "services", "limit"} <= set(parameters)
    assert parameters["commune"]["deprecated"] is True
    assert {"200", "300", "404", "422"} <= set(operation["responses"])
