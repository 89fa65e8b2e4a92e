"""The kit's pages: the catalogue with its search and filters (GET, without JavaScript), a resource's page, and the
organisers' pages. Lists run a constant number of queries."""

import pytest
from django.urls import reverse

from mediane.training.enums_kit import KitFormat, KitLicence, KitPublic
from mediane.training.models_kit import KitResource
from tests.training.factories_kit import KitResourceFactory, pix_competence

pytestmark = pytest.mark.django_db

KIT = reverse("training:kit")


def test_the_kit_lists_published_resources_with_their_tags_and_never_drafts(client):
    KitResourceFactory(title="Les Bons Clics", format=KitFormat.COURSE, publics=[KitPublic.SENIORS])
    KitResourceFactory(title="Brouillon caché", draft=True)

    html = client.get(KIT).content.decode()

    assert "Les Bons Clics" in html and "Parcours en ligne" in html and "Seniors" in html
    assert "Brouillon caché" not in html
    assert "<title>Kit de ressources" in html


def test_a_search_finds_the_plural_and_accented_word_and_highlights_it(client):
    KitResourceFactory(title="Démarches en ligne", summary="Accompagner les démarches administratives.")
    KitResourceFactory(title="Jeu de cartes", summary="Un jeu sur les données personnelles.")

    html = client.get(KIT, {"q": "demarche"}).content.decode()

    assert "<mark>Démarches</mark> en ligne" in html
    assert "Jeu de cartes" not in html
    assert "1 ressource pour cette recherche" in html


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"public": KitPublic.PARENTS}, "Pour les parents"),
        ({"format": KitFormat.GAME}, "Un jeu"),
        ({"licence": KitLicence.OPEN_LICENCE}, "Sous licence ouverte"),
    ],
)
def test_each_filter_keeps_only_the_matching_resources(client, filters, expected):
    KitResourceFactory(title="Pour les parents", publics=[KitPublic.PARENTS])
    KitResourceFactory(title="Un jeu", format=KitFormat.GAME)
    KitResourceFactory(title="Sous licence ouverte", licence=KitLicence.OPEN_LICENCE)

    html = client.get(KIT, filters).content.decode()

    titles = [title for title in ("Pour les parents", "Un jeu", "Sous licence ouverte") if title in html]
    assert titles == [expected]


def test_the_competence_filter_shows_its_current_label_and_keeps_tagged_resources(client):
    competence = pix_competence("4.2", "Protéger les données personnelles et la vie privée")
    KitResourceFactory(title="Données et vie privée", competences=[competence])
    KitResourceFactory(title="Autre chose")

    html = client.get(KIT, {"competence": str(competence.pk)}).content.decode()

    assert "Données et vie privée" in html and "Autre chose" not in html
    assert "4.2 Protéger les données personnelles et la vie privée" in html


def test_an_unknown_filter_value_is_said_and_ignored_never_an_error_page(client):
    KitResourceFactory(title="Les Bons Clics")

    response = client.get(KIT, {"format": "n'importe-quoi", "competence": "99999999999999999999", "page": "²"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Les Bons Clics" in html
    assert "Sélectionnez un choix valide" in html


def test_twenty_resources_a_page_and_the_filters_follow_the_pages(client):
    for number in range(23):
        KitResourceFactory(title=f"Fiche {number:02d}", format=KitFormat.SHEET)

    first = client.get(KIT, {"format": KitFormat.SHEET}).content.decode()
    second = client.get(KIT, {"format": KitFormat.SHEET, "page": "2"}).content.decode()

    assert first.count("fr-card__title") == 20 and second.count("fr-card__title") == 3
    assert "?format=fiche&amp;page=2" in first


@pytest.mark.parametrize("count", [1, 25])
def test_the_kit_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    competence = pix_competence("1.1", "Mener une recherche et une veille d'information")
    for _ in range(count):
        KitResourceFactory(competences=[competence], publics=[KitPublic.SENIORS, KitPublic.YOUTH])

    # competences of the filter, count, page, the page's competences, the page's publics
    with django_assert_num_queries(5):
        client.get(KIT)
    with django_assert_num_queries(5):
        client.get(KIT, {"q": "fiche", "public": KitPublic.SENIORS, "competence": str(competence.pk)})


def test_a_resource_page_shows_everything_with_competences_under_their_current_label(client):
    competence = pix_competence("3.1", "Développer des documents textuels")
    resource = KitResourceFactory(
        title="Atelier traitement de texte",
        description="**Durée** : une heure.",
        author="Médiathèque Exemple",
        licence=KitLicence.CC_BY,
        publics=[KitPublic.EVERYONE],
        competences=[competence],
    )

    html = client.get(resource.get_absolute_url()).content.decode()

    assert "<strong>Durée</strong>" in html
    assert "Médiathèque Exemple" in html and "CC BY" in html and "Tout public" in html
    assert "<strong>3.1</strong> Développer des documents textuels" in html
    assert f'href="/formation/?competence={competence.pk}">formations pour la compétence 3.1</a>' in html
    assert 'href="https://ressources.example.org/fiche"' in html
    assert "Gérer cette ressource" not in html


def test_a_draft_is_not_found_but_by_organisers(client, organiser):
    resource = KitResourceFactory(draft=True)

    assert client.get(resource.get_absolute_url()).status_code == 404
    client.force_login(organiser)
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "Brouillon : pas encore publiée" in html and "Publier" in html


# --- Organisers ---


def _form(**overrides):
    values = {
        "title": "Pix Orga",
        "summary": "L'espace de Pix pour suivre les progrès d'un groupe.",
        "description": "",
        "link": "https://orga.pix.fr/",
        "author": "Pix",
        "format": KitFormat.TOOL,
        "licence": KitLicence.UNSPECIFIED,
        "publics": [KitPublic.MEDIATORS],
    }
    return {**values, **overrides}


def test_an_organiser_publishes_a_new_resource_from_the_form(client, organiser):
    competence = pix_competence("1.1", "Mener une recherche")
    client.force_login(organiser)

    response = client.post(reverse("training:kit_create"), {**_form(competences=[competence.pk]), "publish": "1"})

    resource = KitResource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.published and list(resource.competences.all()) == [competence]
    assert resource.public_labels == ["Médiateurs et médiatrices numériques"]


def test_a_form_with_errors_says_what_to_fix_and_writes_nothing(client, organiser):
    client.force_login(organiser)

    response = client.post(reverse("training:kit_create"), _form(title="", link="pas un lien", format="x"))

    assert response.status_code == 400
    assert not KitResource.objects.exists()
    html = response.content.decode()
    assert "Donnez un titre à la ressource." in html
    assert "Saisissez une URL valide." in html
    assert "Sélectionnez un choix valide" in html


def test_an_organiser_edits_then_unpublishes_then_publishes_again(client, organiser):
    resource = KitResourceFactory(title="Ancien titre", publics=[KitPublic.SENIORS])
    client.force_login(organiser)

    edit = client.get(reverse("training:kit_edit", args=[resource.slug])).content.decode()
    assert 'value="Ancien titre"' in edit and 'value="seniors" checked' in edit
    client.post(reverse("training:kit_edit", args=[resource.slug]), _form(title="Nouveau titre"))
    client.post(reverse("training:kit_unpublish", args=[resource.slug]))

    resource.refresh_from_db()
    assert resource.title == "Nouveau titre" and not resource.published
    assert resource.slug.startswith("fiche-pratique")  # the address never changes
    client.post(reverse("training:kit_publish", args=[resource.slug]))
    resource.refresh_from_db()
    assert resource.published


@pytest.mark.parametrize("count", [1, 15])
def test_the_organisers_list_shows_drafts_in_a_constant_number_of_queries(
    client, organiser, django_assert_num_queries, count
):
    for _ in range(count):
        KitResourceFactory(draft=True, publics=[KitPublic.SENIORS])
    client.force_login(organiser)

    # session, user, groups (the permission), resources, their publics
    with django_assert_num_queries(5):
        html = client.get(reverse("training:kit_manage")).content.decode()
    assert html.count("Brouillon") >= count
