"""The kit's API (/api/v1/formation/kit): published resources only, with their tags in words, in a constant
number of queries."""

import pytest
from django.urls import reverse

from mediane.training.enums_kit import KitFormat, KitLicence, KitPublic
from tests.training.factories_kit import KitResourceFactory, pix_competence

pytestmark = pytest.mark.django_db


def test_a_resource_comes_with_its_tags_in_words_and_its_page(client, settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"
    competence = pix_competence("2.1", "Interagir")
    KitResourceFactory(
        title="Les Bons Clics",
        slug="les-bons-clics",
        format=KitFormat.COURSE,
        licence=KitLicence.UNSPECIFIED,
        publics=[KitPublic.SENIORS],
        competences=[competence],
    )

    [row] = client.get(reverse("api:list_kit_resources")).json()

    assert row["titre"] == "Les Bons Clics"
    assert (row["format"], row["format_libelle"]) == ("parcours", "Parcours en ligne")
    assert row["licence_libelle"] == "Non précisée"
    assert row["publics"] == ["Seniors"]
    assert row["competences"] == [{"code": "2.1", "intitule": "Interagir"}]
    assert row["url"] == "https://mediane.example.org/formation/kit/les-bons-clics/"
    assert client.get(reverse("api:get_kit_resource", kwargs={"slug": "les-bons-clics"})).json() == row


def test_an_unknown_or_draft_resource_is_a_french_404(client):
    KitResourceFactory(slug="brouillon", draft=True)

    for slug in ("brouillon", "inconnue"):
        response = client.get(reverse("api:get_kit_resource", kwargs={"slug": slug}))
        assert response.status_code == 404
        assert response.json()["detail"]


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_runs_three_queries_whatever_its_size(client, django_assert_num_queries, count):
    competence = pix_competence("1.1", "Mener une recherche")
    for _ in range(count):
        KitResourceFactory(competences=[competence], publics=[KitPublic.PARENTS])

    with django_assert_num_queries(3):
        assert len(client.get(reverse("api:list_kit_resources")).json()) == count
