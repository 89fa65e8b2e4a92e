"""Private files (`mediane/privatefiles.py`): uploads checked by their content and size, served behind a permission
check with headers that keep the browser from showing them in the site's origin, removed with their row."""

import os
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone

from mediane.forms import Form
from mediane.privatefiles import (
    PrivateDocument,
    PrivateFileFormField,
    check_upload,
    megabytes,
    private_storage,
    purge_older_than,
    purge_orphans,
    serve_private_file,
)
from tests.accounts.factories import UserFactory

PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
WEBP_BYTES = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40
HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>%PDF-1.7</body></html>"
MB = 1024 * 1024


class SupportingDocument(PrivateDocument):
    """A document as an app declares one. Its app label is not installed: the registry's walks of every model
    (admin, forms, the accounts' deletion) never see it; its table exists only for this module."""

    label = models.CharField(max_length=50, default="")

    class Meta:
        app_label = "privatefiles_tests"


@pytest.fixture(scope="module")
def document_table(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(SupportingDocument)
        yield
        with connection.schema_editor() as editor:
            editor.delete_model(SupportingDocument)


@pytest.fixture
def documents(document_table, db):
    return SupportingDocument.objects


def upload(content: bytes, name: str = "piece.pdf", content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def saved_document(content: bytes = PDF_BYTES, name: str = "Budget prévisionnel.pdf", **fields) -> SupportingDocument:
    document = SupportingDocument(**fields)
    document.take_upload(upload(content, name))
    document.save()
    return document


# --- What is accepted ---


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(PDF_BYTES, "application/pdf"), (JPEG_BYTES, "image/jpeg"), (PNG_BYTES, "image/png"), (WEBP_BYTES, "image/webp")],
)
def test_a_pdf_or_an_image_is_told_by_its_content(content, content_type):
    assert check_upload(upload(content, name="sans-extension", content_type="text/plain")).content_type == content_type


def test_an_html_page_named_pdf_is_refused_whatever_the_browser_says():
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(HTML_BYTES, name="facture.pdf", content_type="application/pdf"))

    message = caught.value.messages[0]
    assert message.startswith("Ce fichier n'est ni un PDF ni une image (JPEG, PNG ou WebP) : ")
    assert "page web" in message


def test_an_image_named_pdf_is_accepted_as_the_image_it_is_and_given_back_under_its_true_extension():
    """Phones and scanners misname files; what counts is the content. Stored and served as a PNG (never as a PDF,
    which a reader would fail to open), its download name ends in .png."""
    document = SupportingDocument()
    document.take_upload(upload(PNG_BYTES, name="scan.pdf"))

    assert document.content_type == "image/png"
    assert document.original_name == "scan.png"


def test_a_word_document_is_refused_with_how_to_turn_it_into_a_pdf():
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(b"PK\x03\x04" + b"\x00" * 40, name="lettre.docx"))

    assert "enregistrez-le en PDF" in caught.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="Ce fichier est vide"):
        check_upload(upload(b"", name="vide.pdf"))


# --- Size limit ---


def test_a_file_of_exactly_the_limit_is_accepted(settings):
    settings.MEDIANE_PRIVATE_FILE_MAX_MB = 1

    assert check_upload(upload(PDF_BYTES + b"\x00" * (MB - len(PDF_BYTES)))).content_type == "application/pdf"


def test_one_byte_over_the_limit_is_refused_with_its_weight_and_how_to_reduce_it(settings):
    settings.MEDIANE_PRIVATE_FILE_MAX_MB = 1

    with pytest.raises(ValidationError) as caught:
        check_upload(upload(PDF_BYTES + b"\x00" * (MB + 1 - len(PDF_BYTES))))

    assert caught.value.messages == [
        "Ce fichier pèse 1,1 Mo : la limite est de 1 Mo. Réduisez-le (par exemple en le scannant en noir et blanc) "
        "ou envoyez-en une partie."
    ]


def test_weights_are_written_in_french_rounded_up_to_a_tenth():
    assert megabytes(int(12.35 * MB)) == "12,4 Mo"
    assert megabytes(10 * MB) == "10 Mo"
    assert megabytes(10 * MB + 1) == "10,1 Mo"


class UploadForm(Form):
    document = PrivateFileFormField(label="Pièce justificative")


def upload_view(request):
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        return HttpResponse(f"reçu : {form.cleaned_data['document'].private_type.label}")
    return HttpResponse(" ".join(form.errors["document"]), status=200)


def download_view(request, pk):
    document = get_object_or_404(SupportingDocument, pk=pk)
    if not (request.user.is_authenticated and request.user.is_staff):  # the caller's permission check
        return HttpResponse("Vous ne pouvez pas lire ce document.", status=403)
    return document.serve(request)


urlpatterns = [path("envoi/", upload_view), path("document/<int:pk>/", download_view)]


@pytest.mark.urls(__name__)
def test_an_upload_of_ten_megabytes_and_one_byte_gets_the_french_form_error_not_a_413(client, db, settings):
    """The whole chain at the real default limit: the body (10 MB of file) is far above DATA_UPLOAD_MAX_MEMORY_SIZE,
    which counts a multipart body's fields only, so the form gets the file and says what to do."""
    assert settings.MEDIANE_PRIVATE_FILE_MAX_MB == 10
    heavy = upload(PDF_BYTES + b"\x00" * (10 * MB + 1 - len(PDF_BYTES)))

    response = client.post("/envoi/", {"document": heavy})

    assert response.status_code == 200
    assert response.content.decode() == (
        "Ce fichier pèse 10,1 Mo : la limite est de 10 Mo. Réduisez-le (par exemple en le scannant en noir et blanc) "
        "ou envoyez-en une partie."
    )


@pytest.mark.urls(__name__)
def test_an_upload_of_exactly_ten_megabytes_is_received(client, db):
    response = client.post("/envoi/", {"document": upload(PDF_BYTES + b"\x00" * (10 * MB - len(PDF_BYTES)))})

    assert response.content.decode() == "reçu : PDF"


def test_the_form_field_is_drawn_as_a_dsfr_upload_with_its_types_its_hint_and_its_error(settings):
    from django.template.loader import render_to_string

    settings.MEDIANE_PRIVATE_FILE_MAX_MB = 1
    form = UploadForm({}, {"document": upload(HTML_BYTES, name="page.pdf")})
    form.is_valid()

    html = render_to_string("components/field.html", {"field": form["document"]})

    assert 'class="fr-upload"' in html and 'type="file"' in html
    assert 'accept="application/pdf,image/jpeg,image/png,image/webp"' in html
    assert "Un PDF ou une photo (JPEG, PNG ou WebP), de 1 Mo au plus." in html  # the hint follows the setting
    assert 'aria-describedby="id_document-messages"' in html and 'aria-invalid="true"' in html
    assert "Ce fichier n&#x27;est ni un PDF ni une image (JPEG, PNG ou WebP)" in html


# --- Storage ---


def test_the_stored_name_is_random_and_says_nothing_of_the_original(documents):
    first = saved_document(name="CV Jeanne Martin.pdf")
    second = saved_document(name="CV Jeanne Martin.pdf")

    assert first.file.name.startswith("documents/") and first.file.name.endswith(".pdf")
    assert "Jeanne" not in first.file.name
    assert first.file.name != second.file.name
    assert len(first.file.name) > len("documents/") + 30
    assert first.original_name == "CV Jeanne Martin.pdf"
    assert private_storage.exists(first.file.name)


def test_a_private_file_has_no_public_address(documents):
    document = saved_document()

    with pytest.raises(ValueError, match="pas d'adresse publique"):
        document.file.url  # noqa: B018


def test_the_original_name_loses_its_folders_and_control_characters():
    document = SupportingDocument()
    document.take_upload(upload(PDF_BYTES, name="C:\\Users\\moi\\devis\x07 2024.pdf"))

    assert document.original_name == "devis 2024.pdf"


# --- Serving ---


@pytest.mark.urls(__name__)
def test_a_permitted_download_is_an_attachment_that_the_browser_may_neither_sniff_nor_run_nor_cache(client, documents):
    document = saved_document(name="Budget prévisionnel.pdf")
    client.force_login(UserFactory(is_staff=True))

    response = client.get(f"/document/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == ("attachment; filename*=utf-8''Budget%20pr%C3%A9visionnel.pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("signed_in", [False, True])
def test_a_refused_download_sends_nothing_of_the_file(client, documents, signed_in):
    document = saved_document()
    if signed_in:
        client.force_login(UserFactory())

    response = client.get(f"/document/{document.pk}/")

    assert response.status_code == 403
    assert PDF_BYTES not in response.content


@pytest.mark.urls(__name__)
def test_a_file_missing_from_the_storage_is_a_404_not_a_500(client, documents):
    document = saved_document()
    private_storage.delete(document.file.name)
    client.force_login(UserFactory(is_staff=True))

    response = client.get(f"/document/{document.pk}/")

    assert response.status_code == 404


def test_serving_a_stored_name_without_its_type_reads_the_type_from_the_content(documents, rf):
    document = saved_document(content=JPEG_BYTES, name="photo.jpg")

    response = serve_private_file(rf.get("/"), document.file.name, "photo.jpg")

    assert response["Content-Type"] == "image/jpeg"
    response.close()


# --- Deletion ---


def test_deleting_the_row_removes_its_file_after_the_commit(documents, django_capture_on_commit_callbacks):
    document = saved_document()
    name = document.file.name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.delete()
    assert private_storage.exists(name)  # not before the commit: a rollback keeps the row and its file
    for callback in callbacks:
        callback()

    assert not private_storage.exists(name)


def test_replacing_the_file_removes_the_old_one_and_keeps_the_new(documents, django_capture_on_commit_callbacks):
    document = saved_document()
    old = document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        document.take_upload(upload(PNG_BYTES, name="nouveau.png"))
        document.save()

    assert not private_storage.exists(old)
    assert private_storage.exists(document.file.name)


def test_saving_the_row_without_changing_its_file_keeps_it(documents, django_capture_on_commit_callbacks):
    document = saved_document()

    with django_capture_on_commit_callbacks(execute=True):
        document.label = "budget"
        document.save()

    assert private_storage.exists(document.file.name)


def test_a_bulk_deletion_removes_every_file(documents, django_capture_on_commit_callbacks):
    names = [saved_document().file.name for _ in range(3)]

    with django_capture_on_commit_callbacks(execute=True):
        documents.all().delete()

    assert not any(private_storage.exists(name) for name in names)


# --- Retention ---


def test_the_purge_deletes_the_files_older_than_the_retention_and_keeps_the_others(
    documents, django_capture_on_commit_callbacks
):
    old = saved_document()
    SupportingDocument.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=400))
    recent = saved_document()

    with django_capture_on_commit_callbacks(execute=True):
        purged = purge_older_than(SupportingDocument.objects.all(), timedelta(days=365))

    assert purged == 1
    assert list(SupportingDocument.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not private_storage.exists(old.file.name)
    assert private_storage.exists(recent.file.name)


def test_the_uploader_is_kept_for_the_record(documents):
    user = UserFactory()
    document = SupportingDocument()
    document.take_upload(upload(PDF_BYTES), uploaded_by=user)
    document.save()

    assert SupportingDocument.objects.get().uploaded_by == user


def test_a_file_that_no_row_holds_is_purged_once_old_enough_and_the_held_ones_stay(documents):
    """A rolled-back upload leaves its file (it is stored before the row's INSERT)."""
    held = saved_document()
    orphan = private_storage.save("documents/orphelin.pdf", upload(PDF_BYTES))
    holders = [SupportingDocument]  # its app is not installed: named here

    assert purge_orphans("documents", holders=holders) == []  # too young: maybe an upload in progress
    assert purge_orphans("documents", older_than=timedelta(0), holders=holders) == [orphan]

    assert not private_storage.exists(orphan)
    assert private_storage.exists(held.file.name)
    assert purge_orphans("nulle-part", older_than=timedelta(0), holders=holders) == []


def test_the_purge_command_deletes_old_orphans_of_every_folder_once_and_says_how_many(db):
    orphan = private_storage.save("documents/orphelin.pdf", upload(PDF_BYTES))
    young = private_storage.save("documents/en-cours.pdf", upload(PDF_BYTES))
    two_days_ago = time.time() - 2 * 86400
    os.utime(private_storage.path(orphan), (two_days_ago, two_days_ago))

    first, second = StringIO(), StringIO()
    call_command("purge_private_files", stdout=first)
    call_command("purge_private_files", stdout=second)  # idempotent: nothing more to delete

    assert "documents : 1 fichier(s) supprimé(s)." in first.getvalue()
    assert "1 fichier(s) orphelin(s) supprimé(s) en tout." in first.getvalue()
    assert "0 fichier(s) orphelin(s) supprimé(s) en tout." in second.getvalue()
    assert not private_storage.exists(orphan) and private_storage.exists(young)


def test_celery_beat_purges_the_private_files_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["jobs-purge-private-files"]
    assert entry == {"task": "jobs.purge_private_files", "schedule": 86400.0}
    from mediane.jobs.tasks import purge_private_files_task

    assert purge_private_files_task.name == "jobs.purge_private_files"


def test_a_use_may_narrow_the_accepted_types_and_the_size():
    from mediane.privatefiles import PDF

    with pytest.raises(ValidationError, match="Ce fichier n'est pas un PDF : c'est une image"):
        check_upload(upload(PNG_BYTES, "photo.png"), accepted=(PDF,))
    with pytest.raises(ValidationError, match="Ce fichier pèse 2,1 Mo : la limite est de 2 Mo"):
        check_upload(upload(PDF_BYTES + b"0" * (2 * MB + 50_000)), accepted=(PDF,), max_mb=2)
    assert check_upload(upload(PDF_BYTES), accepted=(PDF,), max_mb=2) == PDF
    field = PrivateFileFormField(accepted=(PDF,), max_mb=2)
    assert field.widget.attrs["accept"] == "application/pdf"
    assert str(field.help_text) == "Un PDF, de 2 Mo au plus."
    assert "JPEG" in str(PrivateFileFormField().help_text)
