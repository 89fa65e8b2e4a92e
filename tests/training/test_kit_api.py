"""The kit's API (/api/v1/formation/kit): published resources only, with their tags in words, in a constant
number of queries."""

import json

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


# --- Open data ---


def test_the_open_data_lists_published_resources_only_in_csv_and_json(client, settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"
    KitResourceFactory(
        title="Jeu « =SOMME » des données",
        slug="jeu-donnees",
        format=KitFormat.GAME,
        publics=[KitPublic.YOUTH, KitPublic.PARENTS],
        competences=[pix_competence("4.2", "Protéger les données")],
    )
    KitResourceFactory(title="Brouillon", draft=True)

    csv = b"".join(client.get(reverse("training:kit_csv")).streaming_content).decode()
    [row] = json.loads(b"".join(client.get(reverse("training:kit_json")).streaming_content))

    assert csv.splitlines()[0].startswith("adresse,titre,resume,lien,auteur,format,licence,publics")
    assert "Brouillon" not in csv and len(csv.splitlines()) == 2
    assert row["titre"] == "Jeu « =SOMME » des données"
    assert (row["format"], row["publics"], row["competences"]) == ("Jeu", "Jeunes ; Parents", "4.2")
    assert row["page"] == "https://mediane.example.org/formation/kit/jeu-donnees/"


@pytest.mark.parametrize("count", [1, 20])
def test_the_open_data_runs_three_queries_whatever_its_size(client, django_assert_num_queries, count):
    for _ in range(count):
        KitResourceFactory(publics=[KitPublic.PARENTS])

    with django_assert_num_queries(3):
        body = b"".join(client.get(reverse("training:kit_json")).streaming_content)
    assert len(json.loads(body)) == count
