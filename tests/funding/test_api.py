"""The API of funding schemes: published schemes only, with their rules in data form and in plain words; a
constant number of queries."""

import pytest

from tests.funding.factories import EligibilityRuleFactory, SchemeFactory

pytestmark = pytest.mark.django_db


def test_the_list_gives_the_published_schemes_with_their_rules(client):
    SchemeFactory(slug="cachee", unpublished=True)
    schemes = client.get("/api/v1/financements/dispositifs").json()
    slugs = [scheme["identifiant"] for scheme in schemes]
    assert "cachee" not in slugs
    adviser = next(scheme for scheme in schemes if scheme["identifiant"] == "conseiller-numerique")
    assert adviser["montant_par_unite_euros"] == 50_000
    assert adviser["chiffres_illustratifs"] is False
    assert adviser["regles"][0]["critere"] == "structure_kind"
    assert adviser["regles"][0]["condition"] == "in"
    assert "commune" in adviser["regles"][0]["valeur"]
    assert adviser["regles"][0]["en_clair"].startswith("Ce dispositif est ouvert aux collectivités")


def test_one_scheme_by_its_slug(client):
    scheme = SchemeFactory(slug="aide-test")
    EligibilityRuleFactory(scheme=scheme, fact="population", operator="between", value=[2000, 10000])
    data = client.get("/api/v1/financements/dispositifs/aide-test").json()
    assert data["regles"] == [
        {
            "position": data["regles"][0]["position"],
            "critere": "population",
            "critere_libelle": "population (commune ou territoire desservi)",
            "condition": "between",
            "valeur": [2000, 10000],
            "en_clair": "Ce dispositif est réservé aux territoires de 2\u202f000 à 10\u202f000 habitants.",
        }
    ]


@pytest.mark.parametrize("slug", ["cachee", "inconnu"])
def test_an_unpublished_or_unknown_scheme_is_not_found(client, slug):
    SchemeFactory(slug="cachee", unpublished=True)
    response = client.get(f"/api/v1/financements/dispositifs/{slug}")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_slug_that_cannot_be_one_is_refused_in_french(client):
    response = client.get("/api/v1/financements/dispositifs/" + "x" * 61)
    assert response.status_code == 422
    assert response.json()["erreurs"]


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/api/v1/financements/dispositifs")
    for _ in range(5):
        EligibilityRuleFactory.create_batch(2, scheme=SchemeFactory())
    with django_assert_num_queries(2):
        client.get("/api/v1/financements/dispositifs")
