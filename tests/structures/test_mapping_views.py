"""The mapping journey of a source: the file, its columns, its labels, the preview, the import with the saved
mapping; the next file of the source straight to the preview; a producer's file from the upload page; the verdict
« Ce fichier n'est pas au standard » leading to a mapping of that same file; the job page's report per column."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mediane.structures.enums import ImportFormat, ImportStatus
from mediane.structures.mapping.profile import Profile
from mediane.structures.models import ImportJob, Place, PlaceSource
from tests.structures.producer_files import NEXT, producer_csv
from tests.structures.test_sources_views import a_source

pytestmark = pytest.mark.django_db


def _url(name: str, source: PlaceSource) -> str:
    return reverse(f"structures:{name}", args=[source.slug])


def _send(client, source, data: bytes, name="hub-ain.csv", **extra):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(_url("mapping_upload", source), {"file": upload, **extra})


def _token(client, source) -> str:
    """The token of the file kept for the source's journey, as every step's form carries it."""
    return client.session[f"correspondance:{source.slug}"]["draft"]["path"].split("/")[-2]


def _step_post(client, step: str, source, data: dict):
    """A step's form sent from the page of the file the journey holds (its hidden token)."""
    return client.post(_url(step, source), {"fichier": _token(client, source), **data})


def _as_posted(form) -> dict:
    """What the browser sends for a form left as it is shown (its preselected choices)."""
    return {name: form[name].value() or "" for name in form.fields}


def _map_as_proposed(client, source, **changes):
    columns = client.get(_url("mapping_columns", source))
    return _step_post(client, "mapping_columns", source, _as_posted(columns.context["form"]) | changes)


def _to_the_preview(client, organiser):
    """Log in, send the producer's file to a new source, map it as proposed: the source, its journey at the
    preview."""
    client.force_login(organiser)
    source = a_source()
    _send(client, source, producer_csv())
    _map_as_proposed(client, source)
    labels = client.get(_url("mapping_labels", source)).context["form"]
    _step_post(client, "mapping_labels", source, _as_posted(labels))
    return source


def _columns_of_a_sent_file(client, organiser):
    """Log in, send the producer's file to a new source: the source, and each column's number on the page."""
    client.force_login(organiser)
    source = a_source()
    _send(client, source, producer_csv())
    form = client.get(_url("mapping_columns", source)).context["form"]
    return source, {column: i for i, column in enumerate(form.columns)}


def test_a_file_that_cannot_be_read_is_refused_in_one_sentence(client, organiser):
    client.force_login(organiser)
    source = a_source()

    response = _send(client, source, b"%PDF-1.4 binaire\x00\x01", name="lieux.pdf")

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith("Ce fichier n'a pas pu être lu : ")
    assert not PlaceSource.objects.get().profile


def test_no_file_or_a_file_too_large_is_refused(client, organiser, settings, monkeypatch):
    client.force_login(organiser)
    source = a_source()
    monkeypatch.setattr("mediane.structures.forms_mapping.check_upload_size", _too_large)

    assert "Choisissez le fichier à envoyer." in client.post(_url("mapping_upload", source)).content.decode()
    assert "trop lourd" in _send(client, source, producer_csv()).content.decode()


def _too_large(size):
    from mediane.structures.services import ImportRefused

    raise ImportRefused("Le fichier est trop lourd.")


def test_the_columns_page_proposes_a_field_for_each_column_with_its_reason(client, organiser):
    client.force_login(organiser)
    source = a_source()

    response = _send(client, source, producer_csv())

    assert response["Location"] == _url("mapping_columns", source)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Colonne « Code postal »" in html and "« 1000 »" in html
    assert "Proposé : Code postal car 100" in html
    assert "Proposé : Services car 100" in html
    form = page.context["form"]
    targets = {form.columns[i]: form[f"c{i}"].value() for i in range(len(form.columns))}
    assert targets["Ville"] == "commune" and targets["Nom du référent"] == "__garder__"
    assert form["d_pivot"].value() == "00000000000000" and form["d_source"].value() == source.name


def test_a_single_valued_field_taken_by_two_columns_is_an_error_on_both(client, organiser):
    source, index = _columns_of_a_sent_file(client, organiser)

    response = _map_as_proposed(client, source, **{f"c{index['Nom du référent']}": "nom"})

    errors = response.context["form"].errors
    assert "n'a qu'une valeur" in errors[f"c{index['Nom du référent']}"][0]
    assert "n'a qu'une valeur" in errors[f"c{index['Nom de la structure']}"][0]


def test_an_address_may_join_two_columns(client, organiser):
    source, index = _columns_of_a_sent_file(client, organiser)

    response = _map_as_proposed(client, source, **{f"c{index['Nom du référent']}": "adresse"})

    assert response.status_code == 302


def test_a_required_field_without_column_nor_default_is_named(client, organiser):
    source, index = _columns_of_a_sent_file(client, organiser)

    response = _map_as_proposed(client, source, **{f"c{index['Ville']}": "__ignorer__", "d_pivot": ""})

    html = response.content.decode()
    assert "n&#x27;ont ni colonne ni valeur par défaut : SIRET ou RNA ou RIDET, Commune" in html


def test_the_whole_journey_saves_the_mapping_and_imports_then_the_next_file_goes_straight_to_the_preview(
    client, organiser, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    source = a_source()
    _send(client, source, producer_csv())

    response = _map_as_proposed(client, source)
    assert response["Location"] == _url("mapping_labels", source)
    labels = client.get(response["Location"])
    html = labels.content.decode()
    assert "« Démarches en ligne »" in html and "Proposé : Aide aux démarches administratives" in html
    form = labels.context["form"]
    posted = _as_posted(form)
    wifi = next(i for i, row in enumerate(form.labels) if row.label == "Accès wifi")
    posted[f"l{wifi}"] = "Accès internet et matériel informatique"
    posted[f"m{wifi}"] = "Maîtrise des outils numériques du quotidien"
    response = _step_post(client, "mapping_labels", source, posted)
    assert response["Location"] == _url("mapping_preview", source)

    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert "Médiathèque Elisabeth et Roger Vailland" in html and "01000 Bourg-en-Bresse" in html
    assert "Mo-Fr 09:00-12:00" in html
    assert "Ce qui arrive à chaque colonne du fichier" in html
    assert not Place.objects.exists() and not PlaceSource.objects.get().profile

    refused = _step_post(client, "mapping_preview", source, {"action": "importer"})
    assert "Choisissez ce qu&#x27;il faut faire des lignes rejetées." in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = _step_post(client, "mapping_preview", source, {"action": "importer", "mode": "tout"})

    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.file_format == ImportFormat.MAPPED and job.place_source == source and job.all_or_nothing
    assert job.status == ImportStatus.SUCCEEDED and job.created_count == 3, job.error
    source.refresh_from_db()
    saved = Profile.from_json(source.profile)
    assert saved.fields["services"].translations["Accès wifi"] == [
        "Accès internet et matériel informatique",
        "Maîtrise des outils numériques du quotidien",
    ]
    assert Place.objects.filter(place_source=source).count() == 3
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Chaque colonne du fichier" in page and "Tout ou rien" in page and "Hub numérique de l&#x27;Ain" in page
    assert client.get(_url("mapping_preview", source))["Location"] == _url("mapping_upload", source)

    # The next file of the source: every column and label is known, straight to the preview.
    response = _send(client, source, producer_csv(NEXT), name="hub-ain-2.csv")
    assert response["Location"] == _url("mapping_preview", source)
    with django_capture_on_commit_callbacks(execute=True):
        _step_post(client, "mapping_preview", source, {"action": "importer", "mode": "valides"})
    second = ImportJob.objects.latest("pk")
    assert (second.created_count, second.updated_count, second.unchanged_count) == (1, 1, 2), second.error


def test_a_new_column_and_a_new_label_send_the_next_file_back_to_the_columns_highlighted(client, organiser):
    source = _to_the_preview(client, organiser)
    _step_post(client, "mapping_preview", source, {"action": "importer", "mode": "valides"})
    assert PlaceSource.objects.get().profile

    rows = [row + ("oui",) for row in NEXT]
    rows[3] = rows[3][:7] + ("Café numérique",) + rows[3][8:]
    data = producer_csv(rows).replace(b"Nom du r\xc3\xa9f\xc3\xa9rent\n", b"Nom du r\xc3\xa9f\xc3\xa9rent;Wifi\n")
    response = _send(client, source, data)

    assert response["Location"] == _url("mapping_columns", source)
    html = client.get(response["Location"]).content.decode()
    assert html.count("Nouvelle colonne") == 1
    response = _map_as_proposed(client, source)
    assert response["Location"] == _url("mapping_labels", source)
    html = client.get(response["Location"]).content.decode()
    assert "« Café numérique »" in html and html.count("Nouveau libellé") == 1


def test_a_producer_file_from_the_upload_page_goes_to_its_source_or_to_the_choice_of_one(client, organiser):
    client.force_login(organiser)
    source = a_source()
    new = reverse("structures:new_import")

    def send(**extra):
        upload = SimpleUploadedFile("hub.csv", producer_csv(), content_type="text/csv")
        return client.post(new, {"file": upload, "file_format": "producteur", "action": "verifier", **extra})

    assert send(place_source=source.slug)["Location"] == _url("mapping_columns", source)

    response = send()
    assert response["Location"] == reverse("structures:mapping_start")
    page = client.get(response["Location"])
    assert "hub.csv" in page.content.decode()
    both = client.post(response["Location"], {"source": source.slug, "name": "Autre"})
    assert "pas les deux" in both.content.decode()
    response = client.post(reverse("structures:mapping_start"), {"name": "Département de l'Ain"})
    created = PlaceSource.objects.get(name="Département de l'Ain")
    assert response["Location"] == _url("mapping_columns", created)
    assert client.get(response["Location"]).status_code == 200
    assert not ImportJob.objects.exists()


def test_a_file_not_in_the_standard_says_so_and_leads_to_a_mapping_of_that_same_file(
    client, organiser, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    upload = SimpleUploadedFile("hub.csv", producer_csv(), content_type="text/csv")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("structures:new_import"), {"file": upload, "file_format": "standard_csv", "action": "verifier"}
        )

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    page = client.get(job.get_absolute_url()).content.decode()
    assert page.count("Ce fichier n&#x27;est pas au standard : 0 des 7 champs obligatoires trouvés") == 1
    assert page.count("Créer une correspondance pour ce fichier") == 1

    response = client.get(reverse("structures:mapping_start") + f"?import={job.pk}")
    assert response.status_code == 200 and "hub.csv" in response.content.decode()
    response = client.post(reverse("structures:mapping_start"), {"name": "Hub de l'Ain"})
    source = PlaceSource.objects.get()
    assert response["Location"] == _url("mapping_columns", source)
    assert "Colonne « Thématiques »" in client.get(response["Location"]).content.decode()


def test_a_failed_import_keeps_its_rejected_rows_browsable(client, organiser):
    client.force_login(organiser)
    job = ImportJob.objects.create(
        file_name="a.csv",
        file_format="standard_csv",
        status=ImportStatus.FAILED,
        error="Aucune ligne n'a pu être importée.",
        rejected_count=1,
        report={"rejections": [{"line": 2, "id": "x", "messages": ["Code postal invalide : « 5110 »."]}]},
    )

    page = client.get(job.get_absolute_url()).content.decode()

    assert "Aucune ligne n&#x27;a pu être importée." in page
    assert "Code postal invalide : « 5110 »." in page


def test_the_journey_without_a_file_sends_back_to_the_upload(client, organiser):
    client.force_login(organiser)
    source = a_source()

    for step in ("mapping_columns", "mapping_labels", "mapping_preview"):
        response = client.get(_url(step, source))
        assert response["Location"] == _url("mapping_upload", source), step
    session = client.session
    session[f"correspondance:{source.slug}"] = {"draft": {"path": "../../etc/passwd", "name": "x", "size": 1}}
    session.save()
    assert client.get(_url("mapping_columns", source))["Location"] == _url("mapping_upload", source)


def test_a_saved_mapping_that_knows_the_file_goes_to_the_preview_unless_it_is_remade(client, organiser):
    from mediane.structures.mapping.propose import propose_profile
    from mediane.structures.mapping.tabular import read_table

    client.force_login(organiser)
    source = a_source(profile=propose_profile(read_table(producer_csv(), "hub.csv"), source="Hub").profile)
    assert "Refaire la correspondance" in client.get(source.get_absolute_url()).content.decode()

    assert _send(client, source, producer_csv())["Location"] == _url("mapping_preview", source)
    preview = client.get(_url("mapping_preview", source)).content.decode()
    assert "place chaque colonne et connaît chaque libellé" in preview

    assert _send(client, source, producer_csv(), refaire="1")["Location"] == _url("mapping_columns", source)
    html = client.get(_url("mapping_columns", source)).content.decode()
    assert "Nouvelle colonne" not in html and "Médiane a fait une proposition" in html


def test_a_kept_column_is_published_only_when_its_box_is_ticked(client, organiser, django_capture_on_commit_callbacks):
    source, index = _columns_of_a_sent_file(client, organiser)
    html = client.get(_url("mapping_columns", source)).content.decode()
    assert "visible des organisateurs et des responsables du lieu ; publiée seulement si vous cochez" in html
    form = client.get(_url("mapping_columns", source)).context["form"]
    assert not any(form[f"p{i}"].value() for i in range(len(form.columns)))

    _map_as_proposed(client, source, **{f"p{index['Nom du référent']}": ""})
    assert _profile_in_session(client, source).published == []
    _map_as_proposed(client, source, **{f"p{index['Nom du référent']}": "on", f"p{index['Ville']}": "on"})

    profile = _profile_in_session(client, source)
    assert profile.extra == ["Nom du référent"] and profile.published == ["Nom du référent"]


def _profile_in_session(client, source) -> Profile:
    return Profile.from_json(client.session[f"correspondance:{source.slug}"]["profile"])


def test_the_source_page_says_which_kept_columns_are_published(client, organiser):
    client.force_login(organiser)
    profile = Profile(source="Hub", extra=["Nom du référent", "Accès PMR"], published=["Accès PMR"])
    html = client.get(a_source(profile=profile).get_absolute_url()).content.decode()

    assert "Publiées dans l'export ouvert : « Accès PMR »" in html
    bare = a_source(name="Autre hub", profile=Profile(source="Autre", extra=["Nom du référent"]))
    assert "Publiées dans l'export ouvert : aucune" in client.get(bare.get_absolute_url()).content.decode()


def test_a_form_of_another_file_is_refused_and_nothing_is_imported(client, organiser):
    source, _index = _columns_of_a_sent_file(client, organiser)
    columns = client.get(_url("mapping_columns", source))
    assert f'name="fichier" value="{_token(client, source)}"' in columns.content.decode()
    stale = _as_posted(columns.context["form"]) | {"fichier": _token(client, source)}
    _map_as_proposed(client, source)
    labels = client.get(_url("mapping_labels", source)).context["form"]
    _step_post(client, "mapping_labels", source, _as_posted(labels))
    old_token = _token(client, source)

    _send(client, source, producer_csv(NEXT), name="autre.csv")  # another tab
    for step, data in (
        ("mapping_columns", stale),
        ("mapping_preview", {"action": "importer", "mode": "valides", "fichier": old_token}),
        ("mapping_preview", {"action": "importer", "mode": "valides"}),
    ):
        response = client.post(_url(step, source), data)
        assert response["Location"] == _url("mapping_upload", source), step
    page = client.get(response["Location"]).content.decode()
    assert "Le fichier de cette correspondance a changé" in page and "« autre.csv »" in page
    assert not ImportJob.objects.exists() and not PlaceSource.objects.get().profile


def test_a_check_keeps_the_mapping_it_checked_on_the_job_without_saving_it(
    client, organiser, django_capture_on_commit_callbacks
):
    source = _to_the_preview(client, organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = _step_post(client, "mapping_preview", source, {"action": "verifier", "mode": "valides"})

    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url() and job.dry_run
    assert Profile.from_json(job.profile).extra == ["Nom du référent"]
    assert not PlaceSource.objects.get().profile and not Place.objects.exists()


def test_a_file_of_more_than_a_thousand_columns_is_refused_in_french(client, organiser):
    client.force_login(organiser)
    source = a_source()
    header = ";".join(f"Colonne {i}" for i in range(1001))
    data = (header + "\n" + ";".join("x" for _ in range(1001)) + "\n").encode()

    response = _send(client, source, data)

    assert response.status_code == 200
    assert "Ce fichier a 1 001 colonnes" in response.context["form"].errors["file"][0].replace("\u202f", " ")
    assert not PlaceSource.objects.get().profile


def test_a_wide_file_maps_without_reaching_djangos_field_limit(client, organiser, settings):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 5000
    client.force_login(organiser)
    source = a_source()
    header = ["Nom", "Ville", "Code postal"] + [f"Colonne {i}" for i in range(600)]
    row = ["Médiathèque", "Bourg-en-Bresse", "01000"] + ["x"] * 600
    _send(client, source, (";".join(header) + "\n" + ";".join(row) + "\n").encode())

    response = _map_as_proposed(client, source)

    assert response.status_code in (200, 302)
