"""The organisers' pages of sources: the list (constant queries), a new source, a source's page with its mapping
in plain words, the mapping as a file, its replacement by a file, and who may see them."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mediane.structures import services_sources
from mediane.structures.mapping.profile import FieldRule, Profile
from mediane.structures.models import ImportJob, PlaceSource
from tests.structures.factories import PlaceFactory

pytestmark = pytest.mark.django_db

SOURCES = reverse("structures:sources")


def a_source(name="Hub numérique de l'Ain", profile: Profile | None = None) -> PlaceSource:
    source = PlaceSource.objects.create(name=name, slug=services_sources._free_slug(name))
    if profile is not None:
        source.profile = profile.as_json()
        source.save()
    return source


def a_profile() -> Profile:
    return Profile(
        source="Hub numérique de l'Ain",
        fields={
            "nom": FieldRule(columns=["Nom de la structure"]),
            "adresse": FieldRule(columns=["N°", "Voie"]),
            "services": FieldRule(
                columns=["Thématiques"],
                separator=";",
                translations={"Démarches en ligne": ["Aide aux démarches administratives"], "Café": []},
            ),
            "pivot": FieldRule(default="00000000000000"),
        },
        extra=["Nom du référent"],
        ignored=["Colonne vide"],
    )


def _urls(source: PlaceSource) -> list[str]:
    return [
        SOURCES,
        source.get_absolute_url(),
        reverse("structures:source_profile", args=[source.slug]),
        reverse("structures:mapping_upload", args=[source.slug]),
        reverse("structures:mapping_columns", args=[source.slug]),
        reverse("structures:mapping_labels", args=[source.slug]),
        reverse("structures:mapping_preview", args=[source.slug]),
        reverse("structures:mapping_start"),
    ]


def test_an_outsider_is_sent_to_log_in(client):
    for url in _urls(a_source()):
        response = client.get(url)
        assert response.status_code == 302 and "/compte/login/" in response["Location"], url


@pytest.mark.parametrize("persona", ["citizen", "mediator", "moderator"])
def test_people_who_are_not_organisers_are_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    source = a_source()

    for url in _urls(source):
        assert client.get(url).status_code == 403, url
    assert client.post(SOURCES, {"name": "Autre"}).status_code == 403
    assert client.post(reverse("structures:source_profile_upload", args=[source.slug])).status_code == 403
    assert PlaceSource.objects.count() == 1


def test_an_unknown_source_is_not_found(client, organiser):
    client.force_login(organiser)

    assert client.get(reverse("structures:source", args=["inconnue"])).status_code == 404
    assert client.get(reverse("structures:mapping_upload", args=["inconnue"])).status_code == 404


def test_the_organiser_adds_a_source_and_a_name_already_used_is_refused(client, organiser):
    client.force_login(organiser)

    response = client.post(SOURCES, {"name": "  Hub numérique   de l'Ain "})

    source = PlaceSource.objects.get()
    assert source.name == "Hub numérique de l'Ain" and source.slug == "hub-numerique-de-lain"
    assert response.status_code == 302 and response["Location"] == source.get_absolute_url()
    assert source.created_by == organiser

    again = client.post(SOURCES, {"name": "hub numérique de l'ain"})
    assert again.status_code == 200 and PlaceSource.objects.count() == 1
    assert "Une source s&#x27;appelle déjà" in again.content.decode()
    empty = client.post(SOURCES, {"name": "   "})
    assert "Écrivez le nom de la source." in empty.content.decode()


def test_two_names_with_the_same_short_form_get_two_addresses(organiser):
    first = services_sources.create_source(organiser, "Hub Ain")
    second = services_sources.create_source(organiser, "Hub : Ain !")

    assert (first.slug, second.slug) == ("hub-ain", "hub-ain-2")


def test_only_an_organiser_may_create_a_source(citizen):
    with pytest.raises(services_sources.SourceRefused):
        services_sources.create_source(citizen, "Hub")


def _list_with(count: int, client) -> int:
    for number in range(count):
        source = a_source(f"Source {count}-{number}", profile=a_profile() if number % 2 else None)
        PlaceFactory(place_source=source, id_standard=f"{count}-{number}")
        ImportJob.objects.create(file_name="a.csv", file_format="producteur", place_source=source, created_count=3)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SOURCES)
    assert response.status_code == 200
    return len(queries)


def test_the_list_of_sources_runs_a_constant_number_of_queries(client, organiser):
    client.force_login(organiser)

    few = _list_with(2, client)
    many = _list_with(6, client)

    assert few == many


def test_the_list_shows_places_last_import_and_mapping(client, organiser):
    client.force_login(organiser)
    source = a_source(profile=a_profile())
    PlaceFactory.create_batch(2, place_source=source)
    job = ImportJob.objects.create(
        file_name="a.csv", file_format="producteur", place_source=source, status="succeeded", created_count=2
    )

    page = client.get(SOURCES).content.decode()

    assert "Hub numérique de l&#x27;Ain" in page and job.get_absolute_url() in page
    assert "2 ajoutés" in page and "<td>Oui</td>" in page


def test_the_source_page_says_the_mapping_in_plain_words(client, organiser):
    client.force_login(organiser)
    source = a_source(profile=a_profile())

    page = client.get(source.get_absolute_url()).content.decode()

    assert "Champ du standard" in page and "« Nom de la structure »" in page
    assert "« N° », « Voie » (mises bout à bout)" in page
    assert "point-virgule (;)" in page
    assert "« Démarches en ligne » devient « Aide aux démarches administratives »" in page
    assert "« Café » devient rien (libellé écarté)" in page
    assert "« 00000000000000 »" in page
    assert "« Nom du référent »" in page and "« Colonne vide »" in page
    assert "Télécharger la correspondance" in page and "Refaire la correspondance" in page


def test_the_mapping_downloads_as_a_file_that_reads_back(client, organiser):
    client.force_login(organiser)
    source = a_source(profile=a_profile())

    response = client.get(reverse("structures:source_profile", args=[source.slug]))

    assert response["Content-Type"].startswith("application/json")
    assert 'filename="correspondance-hub-numerique-de-lain.json"' in response["Content-Disposition"]
    assert Profile.loads(response.content) == a_profile()


def test_a_source_without_mapping_has_nothing_to_download(client, organiser):
    client.force_login(organiser)
    source = a_source()

    response = client.get(reverse("structures:source_profile", args=[source.slug]))

    assert response.status_code == 302 and response["Location"] == source.get_absolute_url()
    assert "pas encore de correspondance" in client.get(source.get_absolute_url()).content.decode()


def _replace(client, source, data: bytes):
    upload = SimpleUploadedFile("correspondance.json", data, content_type="application/json")
    return client.post(reverse("structures:source_profile_upload", args=[source.slug]), {"file": upload})


def test_a_profile_file_replaces_the_mapping(client, organiser):
    client.force_login(organiser)
    source = a_source()

    response = _replace(client, source, a_profile().dumps().encode())

    source.refresh_from_db()
    assert response.status_code == 302
    assert Profile.from_json(source.profile) == a_profile() and source.profile_updated_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{pas du json", "n&#x27;est pas un JSON valide (ligne 1, colonne 2)"),
        (json.dumps({"fields": {"nom_lieu": {}}}).encode(), "« nom_lieu » n&#x27;est pas un champ du standard"),
        (
            json.dumps({"fields": {"services": {"columns": ["T"], "translations": {"Café": ["Boissons"]}}}}).encode(),
            "« Boissons » n&#x27;est pas un libellé du standard pour « services »",
        ),
        (b"\xff\xfe\x00", "n&#x27;est pas un texte UTF-8"),
        (b"{}", "ne dit rien des colonnes"),
    ],
)
def test_a_profile_file_with_errors_is_refused_with_what_to_fix(client, organiser, data, message):
    client.force_login(organiser)
    source = a_source(profile=a_profile())

    response = _replace(client, source, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    source.refresh_from_db()
    assert Profile.from_json(source.profile) == a_profile()


def test_a_huge_profile_file_is_refused_without_reading_it_whole(client, organiser):
    client.force_login(organiser)
    source = a_source()

    response = _replace(client, source, b" " * (2 * 1024 * 1024))

    assert response.status_code == 400 and "trop lourd" in response.content.decode()


def test_a_kept_file_expires_after_a_day_and_a_path_from_elsewhere_is_never_read(organiser, settings):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    old = services_sources.keep_draft(organiser, ContentFile(b"a;b\n1;2\n", name="vieux.csv"))
    folder = old.path.split("/")[-2]
    aged = (timezone.now() - timedelta(hours=25)).strftime("%Y%m%d%H%M%S") + folder[14:]
    default_storage.save(f"{services_sources.DRAFTS_DIR}/{aged}/vieux.csv", ContentFile(b"x"))

    fresh = services_sources.keep_draft(organiser, ContentFile(b"a;b\n1;2\n", name="../../neuf.csv"))

    assert fresh.name == "neuf.csv" and fresh.path.startswith(services_sources.DRAFTS_DIR + "/")
    assert not default_storage.exists(f"{services_sources.DRAFTS_DIR}/{aged}/vieux.csv")
    assert default_storage.exists(old.path) and services_sources.Draft.from_json(old.as_json()) == old
    outside = old.as_json() | {"path": "imports/lieux/2024/01/autre.csv"}
    assert services_sources.Draft.from_json(outside) is None
    expired = old.as_json() | {"created": (timezone.now() - timedelta(hours=25)).isoformat()}
    assert services_sources.Draft.from_json(expired) is None
    services_sources.discard_draft(old)
    assert services_sources.Draft.from_json(old.as_json()) is None
