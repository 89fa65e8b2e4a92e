"""The organisers' import pages: upload, dry run then import, report, progress, history, and who may see them."""

import html
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mediane.structures import services
from mediane.structures.enums import ImportStatus
from mediane.structures.models import ImportJob, Place
from tests.structures.files import WRONG_SIRET, csv_bytes, place

pytestmark = pytest.mark.django_db

NEW = reverse("structures:new_import")
LIST = reverse("structures:imports")


def _post(client, data: bytes, action="verifier", name="lieux.csv", file_format="standard_csv", **extra):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    payload = {"file": upload, "file_format": file_format, "action": action, **extra}
    return client.post(NEW, payload)


def _job(file_name="a.csv", **kwargs):
    return ImportJob.objects.create(file_name=file_name, file_format="standard_csv", **kwargs)


@pytest.mark.parametrize("url", [LIST, NEW])
def test_an_outsider_is_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302 and "/compte/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["citizen", "mediator", "moderator"])
def test_people_who_are_not_organisers_are_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    job = _job()

    for url in (LIST, NEW, job.get_absolute_url(), reverse("structures:import_progress", args=[job.pk])):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("structures:import_checked", args=[job.pk])).status_code == 403
    assert "Imports de lieux" not in client.get("/").content.decode()


def test_the_organiser_finds_the_imports_from_the_menu(client, organiser):
    """Through the menu's one item for the organisers' pages, « Organisation »."""
    client.force_login(organiser)

    assert f'href="{reverse("pages:organisation")}"' in client.get("/").content.decode()
    assert f'href="{LIST}"' in client.get(reverse("pages:organisation")).content.decode()


def test_a_dry_run_reports_every_rejected_line_and_then_imports_the_same_file(
    client, organiser, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    data = csv_bytes(place(), place(id="b", code_postal="5110"), place(id="c", pivot=WRONG_SIRET))

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, data)

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert not Place.objects.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Vérification n° " in page and "Lieux à ajouter" in page
    assert "Code postal invalide : « 5110 »" in page and "SIRET invalide : « 43493312300028 »" in page
    assert '<th scope="row">3</th>' in page and '<th scope="row">4</th>' in page
    assert "Importer ce fichier" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("structures:import_checked", args=[job.pk]))

    real = ImportJob.objects.exclude(pk=job.pk).get()
    assert response["Location"] == real.get_absolute_url()
    assert real.status == ImportStatus.SUCCEEDED and real.created_count == 1
    assert list(Place.objects.values_list("id_standard", flat=True)) == ["lieu-1"]
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Importer ce fichier" not in page and f"import n° {real.pk}" in page


def test_importing_directly_writes_the_places(client, organiser, django_capture_on_commit_callbacks):
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, csv_bytes(place(), place(id="b")), action="importer")

    assert Place.objects.count() == 2
    page = client.get(ImportJob.objects.get().get_absolute_url()).content.decode()
    assert "Lieux ajoutés" in page and "Aucune ligne rejetée." in page


def test_a_file_not_in_the_standard_says_so_in_one_sentence_and_offers_a_mapping(
    client, organiser, django_capture_on_commit_callbacks
):
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, b"nom_lieu,cp,ville\nMediatheque,1000,Bourg\n")

    page = html.unescape(client.get(ImportJob.objects.get().get_absolute_url()).content.decode())
    assert "La vérification a échoué" in page
    assert page.count("Ce fichier n'est pas au standard : 0 des 7 champs obligatoires trouvés") == 1
    assert "Créer une correspondance pour ce fichier" in page


def test_the_form_explains_a_missing_file_and_a_too_large_one(client, organiser, monkeypatch):
    client.force_login(organiser)

    response = client.post(NEW, {"file_format": "standard_csv", "action": "verifier"})
    assert "Choisissez le fichier à importer." in response.content.decode()

    monkeypatch.setattr("mediane.structures.import_jobs.MAX_UPLOAD_BYTES", 10)
    response = _post(client, csv_bytes(place()))
    assert "Le fichier est trop lourd" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_libraries_format_takes_a_publication_date(client, organiser, django_capture_on_commit_callbacks):
    client.force_login(organiser)
    text = "Code_bib,nom_de_l_etablissement,Adresse,CP,Ville\nLI1,Médiathèque,1 place,51100,Reims\n"

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, text.encode(), file_format="bibliotheques", action="importer", published="01/06/2024")

    assert str(Place.objects.get().date_maj) == "2024-06-01"


def test_the_rejections_are_paginated(client, organiser, monkeypatch):
    client.force_login(organiser)
    monkeypatch.setattr("mediane.structures.views.REJECTIONS_PAGE_SIZE", 2)
    rejections = [{"line": n, "id": f"l{n}", "messages": [f"Erreur {n}"]} for n in range(2, 7)]
    job = _job(status=ImportStatus.SUCCEEDED, rejected_count=5, report={"rejections": rejections, "warnings": []})

    page = client.get(job.get_absolute_url(), {"page": 3}).content.decode()

    assert "Erreur 6" in page and "Erreur 2" not in page and "page 3 sur 3" in page


def test_the_progress_fragment_polls_while_running_and_reloads_at_the_end(client, organiser):
    client.force_login(organiser)
    job = _job(status=ImportStatus.RUNNING, stage="plan", progress=0.3, heartbeat_at=services.timezone.now())
    url = reverse("structures:import_progress", args=[job.pk])

    running = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in running.content.decode() and 'value="30"' in running.content.decode()
    assert "HX-Refresh" not in running
    assert client.get(url).status_code == 302  # without htmx: the page itself

    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.SUCCEEDED)
    assert client.get(url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"


def test_a_dead_job_is_retried_once_then_failed_when_the_list_is_read(client, organiser):
    client.force_login(organiser)
    old = services.timezone.now() - timedelta(minutes=30)
    job = _job(status=ImportStatus.RUNNING, attempts=1, heartbeat_at=old, created_at=old)

    client.get(LIST)
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED and job.attempts == 1  # queued again for a second attempt

    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, attempts=2, heartbeat_at=old)
    client.get(LIST)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and "s'est arrêtée elle aussi" in job.error


def test_the_list_of_imports_runs_a_constant_number_of_queries(client, organiser, count_queries):
    client.force_login(organiser)
    _job()
    client.get(LIST)  # warm up (session, permissions)
    with count_queries() as few:
        client.get(LIST)
    for n in range(40):
        _job(file_name=f"f{n}.csv", created_by=organiser, status=ImportStatus.SUCCEEDED)

    with count_queries() as many:
        response = client.get(LIST)

    assert response.status_code == 200 and "Page suivante" in response.content.decode()
    assert len(many) == len(few) == 6, [q["sql"] for q in many.captured_queries]


def test_the_report_page_runs_a_constant_number_of_queries(client, organiser, count_queries):
    client.force_login(organiser)
    small = _job(status=ImportStatus.SUCCEEDED, dry_run=True, report={"rejections": [], "warnings": []})
    rejections = [{"line": n, "id": f"l{n}", "messages": ["Erreur"]} for n in range(500)]
    large = _job(status=ImportStatus.SUCCEEDED, dry_run=True, report={"rejections": rejections, "warnings": ["w"]})
    client.get(small.get_absolute_url())

    with count_queries() as few:
        client.get(small.get_absolute_url())
    with count_queries() as many:
        client.get(large.get_absolute_url())

    assert len(many) == len(few)


def test_a_standard_file_may_name_its_source_and_the_job_page_says_it(
    client, organiser, django_capture_on_commit_callbacks
):
    from mediane.structures.models import PlaceSource

    client.force_login(organiser)
    source = PlaceSource.objects.create(name="Hub numérique de l'Ain", slug="hub-ain")
    page = client.get(NEW).content.decode()
    assert "Fichier d&#x27;un producteur, lu avec sa correspondance" in page and "Aucune source" in page

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, csv_bytes(place()), place_source="hub-ain")

    job = ImportJob.objects.get()
    assert job.place_source == source
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'Source : <a href="/structures/sources/hub-ain/">Hub numérique de l&#x27;Ain</a>' in page
    assert "Les lignes valides sont importées" in page


def test_an_unknown_source_is_refused_with_a_french_message(client, organiser):
    client.force_login(organiser)

    response = _post(client, csv_bytes(place()), place_source="inconnue")

    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert response.context["form"].errors["place_source"]
