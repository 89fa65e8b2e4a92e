"""The kit's writes (`services_kit`) and its French search, which is the forum's (`consultation.search`): accents
and plurals folded, every term required, best match first. Runs on SQLite and, with DATABASE_URL, PostgreSQL."""

import pytest

from mediane.training import services_kit
from mediane.training.enums_kit import KitFormat, KitLicence, KitPublic
from mediane.training.models_kit import KitResource
from mediane.training.services_kit import KitError, KitResourceData
from tests.training.factories_kit import pix_competence

pytestmark = pytest.mark.django_db


def data(**overrides) -> KitResourceData:
    values = {
        "title": "Les Bons Clics",
        "summary": "Des parcours pour apprendre les bases et les démarches en ligne.",
        "format": KitFormat.COURSE,
        "licence": KitLicence.UNSPECIFIED,
        "description": "Des modules **courts**, à suivre seul ou en atelier.",
        "link": "https://www.lesbonsclics.fr/",
        "author": "WeTechCare",
        "publics": [KitPublic.SENIORS, KitPublic.MEDIATORS],
    }
    return KitResourceData(**{**values, **overrides})


def test_a_new_resource_is_a_draft_with_an_address_made_from_its_title():
    resource = services_kit.create_resource(data())

    assert not resource.published and resource.published_at is None
    assert resource.slug == "les-bons-clics"
    assert resource.public_labels == ["Seniors", "Médiateurs et médiatrices numériques"]


def test_two_resources_with_the_same_title_get_two_addresses_and_none_takes_the_organisers_one():
    first = services_kit.create_resource(data())
    second = services_kit.create_resource(data())
    management = services_kit.create_resource(data(title="Gestion"))

    assert (first.slug, second.slug) == ("les-bons-clics", "les-bons-clics-2")
    assert management.slug == "gestion-2"


def test_publishing_then_unpublishing_moves_the_resource_in_and_out_of_the_kit():
    resource = services_kit.create_resource(data(), publish=True)
    assert list(KitResource.objects.published()) == [resource]

    services_kit.unpublish_resource(resource)
    assert not KitResource.objects.published().exists()

    services_kit.publish_resource(resource)
    assert KitResource.objects.published().get().published_at is not None


def test_an_edit_replaces_the_publics_and_the_competences():
    first, second = pix_competence("1.1", "Mener une recherche"), pix_competence("4.2", "Protéger les données")
    resource = services_kit.create_resource(data(competences=[first]))

    services_kit.update_resource(resource, data(publics=[KitPublic.PARENTS], competences=[second]))

    resource.refresh_from_db()
    assert resource.public_labels == ["Parents"]
    assert list(resource.competences.all()) == [second]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "  "}, "Donnez un titre"),
        ({"summary": ""}, "Écrivez un résumé"),
        ({"title": "x" * 201}, "Le titre est trop long : 200 caractères au plus."),
        ({"link": "javascript:alert(1)"}, "commence par https://"),
        ({"format": "pdf"}, "Choisissez le format"),
        ({"licence": "cc0"}, "Non précisée"),
        ({"publics": ["martiens"]}, "Choisissez les publics"),
        ({"description": "texte\x00caché"}, "La description"),
    ],
)
def test_bad_data_is_refused_in_french_and_nothing_is_written(overrides, message):
    with pytest.raises(KitError, match=message):
        services_kit.create_resource(data(**overrides))

    assert not KitResource.objects.exists()


def test_a_refused_edit_leaves_the_resource_as_it_was():
    resource = services_kit.create_resource(data())

    with pytest.raises(KitError):
        services_kit.update_resource(resource, data(title="", publics=[]))

    resource.refresh_from_db()
    assert resource.title == "Les Bons Clics" and len(resource.public_labels) == 2


# --- Search, on both databases ---


def _published(title, summary, **overrides):
    return services_kit.create_resource(data(title=title, summary=summary, **overrides), publish=True)


def _found(query):
    rows, terms = KitResource.objects.published().search(query)
    return [row.title for row in rows], terms


def test_accents_and_plurals_do_not_count():
    _published("Démarches en ligne", "Accompagner les démarches administratives.")
    _published("Jeu des données", "Un jeu de cartes sur la vie privée.", author="", description="")

    assert _found("demarche")[0] == ["Démarches en ligne"]
    assert _found("DONNÉE")[0] == ["Jeu des données"]


def test_every_word_of_the_query_must_be_found():
    _published("Démarches en ligne", "Accompagner les démarches administratives.", description="")
    _published("Démarches et sécurité", "Protéger ses comptes pendant les démarches.", description="")

    assert _found("démarches sécurité")[0] == ["Démarches et sécurité"]


def test_drafts_are_never_found_and_stop_words_alone_find_nothing():
    services_kit.create_resource(data(title="Brouillon sur les démarches"))

    assert _found("démarches") == ([], ["demarch"])
    assert _found("les de la") == ([], [])


def test_an_edit_is_found_under_its_new_words_only():
    resource = _published("Fiche mot de passe", "Choisir un mot de passe solide.", description="")

    services_kit.update_resource(resource, data(title="Fiche phishing", summary="Reconnaître un faux message.",
                                                description=""))  # fmt: skip

    assert _found("passe")[0] == []
    assert _found("phishing")[0] == ["Fiche phishing"]


def test_query_syntax_is_never_read_from_people_s_words():
    _published("Démarches en ligne", "Accompagner les démarches.")

    for query in ('démarches" OR "x', "démarches NEAR(x)", "démarches & !x", "-démarches*", "démarches:*"):
        titles, _ = _found(query)
        assert titles in ([], ["Démarches en ligne"]), query


@pytest.mark.postgres
def test_on_postgresql_the_kit_is_searched_through_its_stored_indexed_tsvector():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL seulement : DATABASE_URL n'y mène pas.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT is_generated FROM information_schema.columns "
            "WHERE table_name = 'training_kitresource' AND column_name = 'search_vector'"
        )
        assert cursor.fetchone() == ("ALWAYS",)
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'kit_search_vector_gin'")
        assert "gin (search_vector)" in cursor.fetchone()[0]


def test_a_lost_sqlite_trigger_of_the_kit_is_recreated_after_migrate_and_the_index_rebuilt():
    from django.db import connection

    from mediane.consultation.search import repair_fulltext_triggers

    if connection.vendor != "sqlite":
        pytest.skip("SQLite seulement : PostgreSQL garde son index.")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER training_kitresource_fts_ai")
    _published("Créé sans déclencheur", "Un titre que l'index ne connaît pas encore.")
    assert _found("déclencheur")[0] == []

    assert repair_fulltext_triggers() == ["training_kitresource_fts_ai"]

    assert _found("déclencheur")[0] == ["Créé sans déclencheur"]
    _published("Après réparation", "Un autre déclencheur.")
    assert len(_found("déclencheur")[0]) == 2


def test_managing_the_kit_is_granted_by_the_rules_only_not_by_an_admin_permission():
    from django.contrib.auth.models import Permission

    assert not Permission.objects.filter(content_type__app_label="training", codename="manage_kit").exists()
