"""The orientation API: GET /api/v1/orientation?commune=&services=&limit= gives the nearest places, nearest first."""

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
    response = client.get(URL, {"commune": "69003"})
    assert response.status_code == 200
    [item] = response.json()
    assert item == {
        "id": "bm-lyon-part-dieu",
        "pk": place.pk,
        "nom": "Médiathèque de la Part-Dieu",
        "latitude": place.latitude,
        "longitude": place.longitude,
        "distance_km": round(haversine_km(lyon.latitude, lyon.longitude, place.latitude, place.longitude), 2),
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
    items = client.get(URL, {"commune": "69003", "limit": 4}).json()
    assert len(items) == 4
    distances = [item["distance_km"] for item in items]
    assert distances == sorted(distances)
    assert distances[0] == pytest.approx(1.11, abs=0.01)
    assert len(client.get(URL, {"commune": "69003"}).json()) == 5


def test_an_insee_code_works_like_a_postal_code(client, lyon):
    PlaceFactory()
    assert client.get(URL, {"commune": "69383"}).json() == client.get(URL, {"commune": "69003"}).json()


@pytest.mark.parametrize(
    "params",
    [{"services": [HELP, SAFE]}, {"services": f"{HELP}|{SAFE}"}],
    ids=["repeated", "pipe-separated"],
)
def test_services_are_all_required_and_given_either_way(client, lyon, params):
    PlaceFactory(nom="Une seule aide", services=[HELP], latitude=lyon.latitude, longitude=lyon.longitude)
    both = PlaceFactory(nom="Les deux aides", services=[HELP, SAFE, LEISURE])
    items = client.get(URL, {"commune": "69003", **params}).json()
    assert [item["pk"] for item in items] == [both.pk]


def test_an_unknown_service_is_refused_with_the_closest_label(client, lyon):
    response = client.get(URL, {"commune": "69003", "services": "Aide aux demarches administratives"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "« Aide aux demarches administratives » n'est pas une valeur connue." in detail
    assert "Vouliez-vous dire « Aide aux démarches administratives » ?" in detail


def test_an_unknown_commune_is_a_404_with_a_french_message(client, db):
    response = client.get(URL, {"commune": "00000"})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Code postal ou code INSEE inconnu : « 00000 »")


def test_a_missing_commune_is_named_in_the_errors(client, db):
    response = client.get(URL)
    assert response.status_code == 422
    assert response.json()["erreurs"] == [{"champ": "commune", "message": "Ce champ est obligatoire."}]
    assert response.json()["detail"] == "La requête n'est pas valable. « commune » : ce champ est obligatoire."


@pytest.mark.parametrize(("limit", "bound"), [(0, "au moins 1"), (51, "au plus 50"), (-3, "au moins 1")])
def test_the_limit_stays_between_1_and_50(client, lyon, limit, bound):
    response = client.get(URL, {"commune": "69003", "limit": limit})
    assert response.status_code == 422
    assert response.json()["erreurs"] == [{"champ": "limit", "message": f"Ce nombre doit valoir {bound}."}]


def test_no_matching_place_gives_an_empty_list(client, lyon):
    PlaceFactory(services=[HELP])
    response = client.get(URL, {"commune": "69003", "services": LEISURE})
    assert response.status_code == 200
    assert response.json() == []


def test_one_query_whatever_the_number_of_places(client, lyon, count_queries):
    counts = []
    for total, new in ((5, 5), (30, 25)):
        PlaceFactory.create_batch(new)
        client.get(URL, {"commune": "69003"})  # builds the index
        with count_queries() as queries:
            items = client.get(URL, {"commune": "69003", "limit": 50}).json()
        assert len(items) == total
        counts.append(len(queries))
    assert counts == [1, 1]


def test_the_endpoint_is_described_in_the_openapi(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/orientation"]["get"]
    assert operation["summary"] == "Les lieux les plus proches d'une commune"
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"commune", "services", "limit"} <= parameters
    assert {"200", "404", "422"} <= set(operation["responses"])
