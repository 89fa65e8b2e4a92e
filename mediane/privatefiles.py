"""Private files (funding applications' supporting documents, candidates' CVs): one storage that no URL serves,
unguessable stored names, uploads checked by their content, a download behind the caller's permission check, and
files removed with their row. Below every app: an app declares a `PrivateDocument` or a `PrivateFileField`.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.core.signals import setting_changed
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from django.utils.functional import LazyObject, empty, lazy

from mediane.text import find_control_character

STORAGE_ALIAS = "private"
# How many bytes of a file are read to tell its type: the longest signature below fits in them.
SNIFF_BYTES = 16


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str


PDF = FileType("application/pdf", ".pdf", "PDF")
JPEG = FileType("image/jpeg", ".jpg", "image JPEG")
PNG = FileType("image/png", ".png", "image PNG")
WEBP = FileType("image/webp", ".webp", "image WebP")
ACCEPTED = (PDF, JPEG, PNG, WEBP)
ACCEPT_ATTRIBUTE = ",".join(kind.content_type for kind in ACCEPTED)


def detect_type(head: bytes) -> FileType | None:
    """The accepted type that the first bytes of a file announce, whatever its name says (pure). A PDF must start
    with its signature: readers tolerate a prefix, but a file that starts with something else (a web page that
    mentions « %PDF- ») is not taken for one."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def _what_it_seems(head: bytes, *, pdf_only: bool = False) -> str:
    """What a refused file probably is, and how to make it acceptable, in plain words (pure). `pdf_only`: a photo
    is not accepted either, so the advice never suggests one."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"PK\x03\x04"):
        return (
            "il ressemble à un document Word, LibreOffice ou Excel, ou à une archive ZIP. "
            "Ouvrez-le et enregistrez-le en PDF (menu Fichier, puis « Exporter en PDF » ou « Enregistrer sous »)."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "il ressemble à un ancien document Word ou Excel. "
            "Ouvrez-le et enregistrez-le en PDF (menu Fichier, puis « Enregistrer sous »)."
        )
    if pdf_only and detect_type(head) in (JPEG, PNG, WEBP):
        return (
            "c'est une image. Insérez-la dans un document et enregistrez-le en PDF, ou scannez votre document en PDF."
        )
    if pdf_only and head[4:12] in {b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"}:
        return (
            "c'est une photo (iPhone). Scannez votre document en PDF, "
            "ou enregistrez-le en PDF depuis votre traitement de texte."
        )
    if pdf_only and start.startswith((b"<!doctype", b"<html", b"<?xml", b"<svg")):
        return "c'est une page web. Enregistrez-la en PDF (menu Imprimer, puis « PDF »)."
    if pdf_only:
        return (
            "enregistrez votre document en PDF depuis votre traitement de texte "
            "(menu Fichier, puis « Exporter en PDF »)."
        )
    if head[4:12] in {b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"}:
        return (
            "c'est une photo au format HEIC (iPhone). Envoyez-la en JPEG : sur l'iPhone, choisissez "
            "Réglages, Appareil photo, Formats, « Le plus compatible », puis reprenez la photo."
        )
    if start.startswith((b"<!doctype", b"<html", b"<?xml", b"<svg")):
        return "c'est une page web ou un dessin SVG. Enregistrez la page en PDF (menu Imprimer, puis « PDF »)."
    return "enregistrez votre document en PDF, ou prenez-le en photo, puis envoyez ce PDF ou cette photo."


def max_bytes(max_mb: int | None = None) -> int:
    return (max_mb or settings.MEDIANE_PRIVATE_FILE_MAX_MB) * 1024 * 1024


def types_label(accepted: tuple[FileType, ...]) -> str:
    """« un PDF », « un PDF ou une image (JPEG, PNG ou WebP) »: what a use accepts, in words (pure)."""
    images = [kind.label.removeprefix("image ") for kind in accepted if kind.content_type.startswith("image/")]
    parts = ["un PDF"] if PDF in accepted else []
    if images:
        listed = images[0] if len(images) == 1 else ", ".join(images[:-1]) + " ou " + images[-1]
        parts.append(f"une image ({listed})")
    return " ou ".join(parts)


def accept_attribute(accepted: tuple[FileType, ...]) -> str:
    return ",".join(kind.content_type for kind in accepted)


def megabytes(size: int) -> str:
    """« 12,4 Mo »: rounded UP to a tenth, so that a file just over the limit never reads as the limit itself."""
    tenths = math.ceil(size * 10 / (1024 * 1024))
    whole, tenth = divmod(tenths, 10)
    return f"{whole} Mo" if tenth == 0 else f"{whole},{tenth} Mo"


def check_upload(
    upload: UploadedFile, accepted: tuple[FileType, ...] = ACCEPTED, max_mb: int | None = None
) -> FileType:
    """The type of an uploaded file, read from its content; `ValidationError` in French, saying what to do, when it
    is empty, too heavy (`max_mb`, by default `MEDIANE_PRIVATE_FILE_MAX_MB`) or not of an `accepted` type."""
    size = upload.size
    if not size:
        raise ValidationError("Ce fichier est vide : choisissez le bon fichier et envoyez-le de nouveau.", "empty")
    limit_mb = max_mb or settings.MEDIANE_PRIVATE_FILE_MAX_MB
    if size > max_bytes(limit_mb):
        raise ValidationError(
            f"Ce fichier pèse {megabytes(size)} : la limite est de {limit_mb} Mo. "
            "Réduisez-le (par exemple en le scannant en noir et blanc) ou envoyez-en une partie.",
            "too_large",
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = detect_type(head)
    if kind is None or kind not in accepted:
        if accepted == (PDF,):
            raise ValidationError(f"Ce fichier n'est pas un PDF : {_what_it_seems(head, pdf_only=True)}", "wrong_type")
        raise ValidationError(
            f"Ce fichier n'est ni un PDF ni une image (JPEG, PNG ou WebP) : {_what_it_seems(head)}", "wrong_type"
        )
    return kind


def clean_original_name(name: str, kind: FileType) -> str:
    """The name the person's file had, kept for the download: no folder, no control character, at most 200
    characters, and the extension of its real type (a PNG sent as « scan.pdf » is given back as « scan.png »,
    so that it opens)."""
    base = PurePath(name.replace("\\", "/")).name
    while (char := find_control_character(base)) is not None:
        base = base.replace(char, "")
    stem = PurePath(base).stem.strip(" .") or "document"
    return stem[: 200 - len(kind.extension)] + kind.extension


# --- Storage ---


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on a disk that no web server serves: asking for a URL is a programming error, since a private file
    is only ever sent by `serve_private_file` after a permission check."""

    def url(self, name: str | None) -> str:
        raise ValueError("Un fichier privé n'a pas d'adresse publique : servez-le avec serve_private_file.")


class _PrivateStorage(LazyObject):
    def _setup(self) -> None:
        self._wrapped = storages[STORAGE_ALIAS]


private_storage: Storage = _PrivateStorage()  # type: ignore[assignment]


@receiver(setting_changed)
def _storage_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty  # type: ignore[attr-defined]  # set up again at the next use


def get_private_storage() -> Storage:
    """The private storage, as a callable: migrations name this function, never a storage instance."""
    return private_storage


# --- Model field and abstract model ---


class PrivateFileField(models.FileField):
    """A file in the private storage, under `<folder>/<random token><extension of its type>`: the stored name says
    nothing of the person or the document and cannot be guessed. The row's deletion, or a new file in its place,
    removes the file from the storage once the transaction commits."""

    def __init__(self, *args: Any, folder: str = "documents", **kwargs: Any) -> None:
        self.folder = folder
        kwargs["storage"] = get_private_storage
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        kwargs.pop("upload_to", None)
        if self.folder != "documents":
            kwargs["folder"] = self.folder
        return name, path, args, kwargs

    def generate_filename(self, instance: Any, filename: Any) -> str:
        suffix = PurePath(str(filename or "")).suffix.lower()
        extension = suffix if suffix in {kind.extension for kind in ACCEPTED} else ""
        return f"{self.folder}/{secrets.token_urlsafe(24)}{extension}"

    def contribute_to_class(self, cls: type[models.Model], name: str, **kwargs: Any) -> None:  # type: ignore[override]
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            pre_save.connect(_delete_replaced_file, sender=cls, weak=False, dispatch_uid=f"{cls._meta.label}.{name}")
            post_delete.connect(_delete_removed_file, sender=cls, weak=False, dispatch_uid=f"{cls._meta.label}.{name}")


def _private_fields(instance: models.Model) -> list[PrivateFileField]:
    return [field for field in instance._meta.concrete_fields if isinstance(field, PrivateFileField)]


def delete_stored_file(name: str) -> None:
    """Removes a stored file after the transaction commits (never before: a rollback would leave a row without
    its file). A file already gone is not an error."""
    if name:
        transaction.on_commit(lambda: private_storage.delete(name))


def _delete_replaced_file(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    fields = _private_fields(instance)
    before = sender._default_manager.filter(pk=instance.pk).values(*(field.attname for field in fields)).first()
    if before is None:
        return
    for field in fields:
        old = before[field.attname]
        if old and old != getattr(instance, field.attname).name:
            delete_stored_file(old)


def _delete_removed_file(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for field in _private_fields(instance):
        delete_stored_file(getattr(instance, field.attname).name)


class PrivateDocument(models.Model):
    """A private file with what the download needs: the name it had on the person's computer, its type read
    from its content, its size, when and by whom it was sent. An app's model inherits it (with its own foreign
    key to what the document belongs to) and sets the file with `take_upload`."""

    # What a subclass accepts (`check_upload`): every type and the site's limit unless it narrows them.
    ACCEPTED_TYPES: tuple[FileType, ...] = ACCEPTED
    MAX_MB: int | None = None

    file = PrivateFileField("fichier")
    original_name = models.CharField("nom du fichier", max_length=200)
    content_type = models.CharField("type", max_length=50)
    size = models.PositiveBigIntegerField("taille (octets)")
    uploaded_at = models.DateTimeField("envoyé le", default=timezone.now)
    # The file stays when the account that sent it is deleted: it belongs to the application, not to the person.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="envoyé par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def take_upload(self, upload: UploadedFile, uploaded_by: Any = None) -> None:
        """Sets the file and its description from an upload (checked again here: a service may receive one that
        no form saw); `ValidationError` in French. The caller saves the row, which writes the file."""
        kind = check_upload(upload, self.ACCEPTED_TYPES, self.MAX_MB)
        self.original_name = clean_original_name(upload.name or "", kind)
        self.content_type = kind.content_type
        self.size = upload.size or 0
        self.uploaded_at = timezone.now()
        self.uploaded_by = uploaded_by
        upload.name = f"document{kind.extension}"
        self.file = upload

    def serve(self, request: HttpRequest) -> FileResponse:
        """The download; the caller's view has checked the permission."""
        return serve_private_file(request, self.file, self.original_name, content_type=self.content_type)


# --- Form field ---


def _hint(accepted: tuple[FileType, ...] = ACCEPTED, max_mb: int | None = None) -> str:
    limit = max_mb or settings.MEDIANE_PRIVATE_FILE_MAX_MB
    if accepted == ACCEPTED:
        return f"Un PDF ou une photo (JPEG, PNG ou WebP), de {limit} Mo au plus."
    return f"{types_label(accepted)[0].upper()}{types_label(accepted)[1:]}, de {limit} Mo au plus."


# Lazy: a form's fields are built when its class is defined, before a test or a deployment changes the setting.
_upload_hint = lazy(_hint, str)


class PrivateFileFormField(forms.FileField):
    """A file input that accepts, by content, the `accepted` types (a PDF or an image by default) of at most
    `max_mb` (by default `MEDIANE_PRIVATE_FILE_MAX_MB`); the help text and the `accept` attribute follow. The
    cleaned value is the upload, with `private_type` (a `FileType`) set on it."""

    def __init__(self, *, accepted: tuple[FileType, ...] = ACCEPTED, max_mb: int | None = None, **kwargs: Any) -> None:
        self.accepted = accepted
        self.max_mb = max_mb
        kwargs.setdefault("help_text", _upload_hint(accepted, max_mb))
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept_attribute(accepted)}))
        super().__init__(**kwargs)
        self.error_messages.setdefault("required", "Choisissez le fichier à envoyer.")
        self.error_messages["empty"] = "Ce fichier est vide : choisissez le bon fichier et envoyez-le de nouveau."
        self.error_messages["invalid"] = "Aucun fichier n'a été reçu : choisissez-le de nouveau."

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            upload.private_type = check_upload(upload, self.accepted, self.max_mb)
        return upload


# --- Serving ---


def serve_private_file(
    request: HttpRequest, stored_file: Any, download_name: str, *, content_type: str | None = None
) -> FileResponse:
    """A private file as a download named `download_name` (RFC 6266, as `mediane.downloads`). The CALLER checks the
    permission before calling. The browser must never display it in the site's origin: attachment, no type
    sniffing, a sandbox CSP in case it is opened anyway, and no copy kept by a cache. A file missing from the
    storage is a 404 (French page), not a 500."""
    name = getattr(stored_file, "name", stored_file)
    if not name:
        raise Http404("Ce document n'existe plus.")
    try:
        handle = private_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Ce document n'existe plus.") from exc
    if content_type is None:
        kind = detect_type(handle.read(SNIFF_BYTES))
        handle.seek(0)
        content_type = kind.content_type if kind else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=download_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Retention ---


def purge_older_than(queryset: models.QuerySet, retention: timedelta, *, field: str = "uploaded_at") -> int:
    """Deletes the rows of `queryset` whose `field` is older than `retention`, and so their files (after the
    commit). Returns how many rows went. Rows are deleted one query for all; their files follow through the
    deletion signal of `PrivateFileField`."""
    cutoff = timezone.now() - retention
    with transaction.atomic():
        deleted, per_model = queryset.filter(**{f"{field}__lt": cutoff}).delete()
    return per_model.get(queryset.model._meta.label, 0)


def purge_orphans(
    folder: str, *, older_than: timedelta = timedelta(days=1), holders: list[type[models.Model]] | None = None
) -> list[str]:
    """Deletes the files of a storage folder that no row holds any more, and returns their names: a file written
    by an upload whose transaction then rolled back (the file is stored before the row's INSERT). Every model's
    `PrivateFileField` of that folder counts, so models that share a folder never lose each other's files; files
    younger than `older_than` are left, so an upload in progress is never taken for an orphan. `holders`: where to
    look for the names held (every installed model by default)."""
    from django.apps import apps

    held: set[str] = set()
    for model in holders if holders is not None else apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, PrivateFileField) and field.folder == folder:
                held.update(model._default_manager.exclude(**{field.attname: ""}).values_list(field.attname, flat=True))
    try:
        _, files = private_storage.listdir(folder)
    except FileNotFoundError:
        return []
    cutoff = timezone.now() - older_than
    purged = []
    for file_name in files:
        name = f"{folder}/{file_name}"
        if name not in held and private_storage.get_modified_time(name) < cutoff:
            private_storage.delete(name)
            purged.append(name)
    return purged


def private_folders() -> list[str]:
    """Every folder a `PrivateFileField` of an installed model writes to, sorted."""
    from django.apps import apps

    return sorted(
        {
            field.folder
            for model in apps.get_models()
            for field in model._meta.concrete_fields
            if isinstance(field, PrivateFileField)
        }
    )


def purge_all_orphans(*, older_than: timedelta = timedelta(days=1)) -> dict[str, list[str]]:
    """`purge_orphans` on every folder of `private_folders()`: the names deleted, by folder. Idempotent: a second
    run finds nothing more. Run daily by Celery beat (`jobs.purge_private_files`) or `manage.py
    purge_private_files`."""
    return {folder: purge_orphans(folder, older_than=older_than) for folder in private_folders()}
