"""Sources of places and their mappings: create a source, save or replace its profile, and keep the file an
organiser is mapping between the pages of the mapping journey.

Every write of the sources' pages goes through here. Refusals raise `SourceRefused` with a French message that says
what to do. The file being mapped is kept in the default storage under `DRAFTS_DIR`, in a folder whose name the
server chooses (never the client); it is deleted once imported, or after `DRAFT_KEPT`.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from .import_jobs import check_upload_size
from .mapping.profile import Profile, ProfileError
from .models import PlaceSource
from .services import ImportRefused

if TYPE_CHECKING:
    from django.core.files import File

    from mediane.accounts.models import User

logger = logging.getLogger(__name__)

DRAFTS_DIR = "imports/lieux/correspondances"
DRAFT_KEPT = timedelta(hours=24)
_STAMP = "%Y%m%d%H%M%S"
SLUG_LENGTH = 60


class SourceRefused(ImportRefused):
    """A refusal of the sources' services; the message is French and tells the person what to do."""


def _check_can_manage(actor: User | None) -> None:
    if actor is None or not actor.has_perm("structures.manage_sources"):
        raise SourceRefused("Seul·e un·e organisateur·rice peut gérer les sources de lieux et leurs correspondances.")


def _free_slug(name: str) -> str:
    base = (slugify(name) or "source")[: SLUG_LENGTH - 4].strip("-") or "source"
    taken = set(PlaceSource.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _new_source(name: str, actor: User | None) -> PlaceSource:
    try:
        with transaction.atomic():
            return PlaceSource.objects.create(name=name, slug=_free_slug(name), created_by=actor)
    except IntegrityError:
        raise SourceRefused(
            f"Une source s'appelle déjà « {name} » : choisissez-la dans la liste, ou changez le nom."
        ) from None


def create_source(actor: User | None, name: str) -> PlaceSource:
    """A new source named `name` (its address is the name in short, unique). A name already used is refused."""
    _check_can_manage(actor)
    name = " ".join((name or "").split())[:200]
    if not name:
        raise SourceRefused("Écrivez le nom de la source, par exemple « Hub numérique Occitanie ».")
    if PlaceSource.objects.filter(name__iexact=name).exists():
        raise SourceRefused(f"Une source s'appelle déjà « {name} » : choisissez-la dans la liste, ou changez le nom.")
    return _new_source(name, actor)


def source_named(name: str, *, actor: User | None = None) -> tuple[PlaceSource, bool]:
    """For the command line (`import_lieux --source`): the source of this name (compared without case), created
    when there is none, and whether it was created."""
    name = " ".join((name or "").split())[:200]
    if not name:
        raise SourceRefused("Donnez le nom de la source des lieux.")
    existing = PlaceSource.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing, False
    return _new_source(name, actor), True


def save_profile(actor: User | None, source: PlaceSource, profile: Profile) -> PlaceSource:
    """Record `profile` as the source's mapping, reused for its next files."""
    _check_can_manage(actor)
    if not profile.source:
        profile.source = source.name
    source.profile = profile.as_json()
    source.profile_updated_at = timezone.now()
    source.save(update_fields=["profile", "profile_updated_at", "updated_at"])
    return source


def import_profile_file(actor: User | None, source: PlaceSource, data: bytes) -> Profile:
    """Replace the source's mapping by a profile file (« Télécharger la correspondance » of this or another
    Médiane). Raises `ProfileError` with what to fix; nothing changes then."""
    _check_can_manage(actor)
    profile = Profile.loads(data)
    if profile.is_empty:
        raise ProfileError("Ce fichier de correspondance ne dit rien des colonnes : il n'y a rien à enregistrer.")
    profile.source = source.name
    save_profile(actor, source, profile)
    return profile


# --- The file being mapped -------------------------------------------------------------------------------------


@dataclass
class Draft:
    """The file an organiser is mapping, kept between the pages of the journey (its JSON form is in the session)."""

    path: str
    name: str
    size: int
    created: str  # ISO moment, to expire it

    def as_json(self) -> dict:
        return {"path": self.path, "name": self.name, "size": self.size, "created": self.created}

    @classmethod
    def from_json(cls, data: object) -> Draft | None:
        """The draft a session holds, or None when it is missing, malformed, outside `DRAFTS_DIR` or expired."""
        if not isinstance(data, dict):
            return None
        try:
            draft = cls(str(data["path"]), str(data["name"]), int(data["size"]), str(data["created"]))
            created = datetime.fromisoformat(draft.created)
        except (KeyError, TypeError, ValueError):
            return None
        if not draft.path.startswith(DRAFTS_DIR + "/") or ".." in draft.path:
            return None
        if timezone.now() - created > DRAFT_KEPT or not default_storage.exists(draft.path):
            return None
        return draft

    @property
    def token(self) -> str:
        """The name of the draft's folder, given by the server when the file came: every step's form carries it,
        so that a form of another file (two tabs, a replayed form) is refused."""
        return self.path.split("/")[-2] if self.path.count("/") >= 2 else self.path

    def read(self) -> bytes:
        with default_storage.open(self.path, "rb") as stored:
            return stored.read()

    def open(self) -> File:
        opened = default_storage.open(self.path, "rb")
        opened.name = self.name
        return opened


def keep_draft(actor: User | None, upload: File) -> Draft:
    """Store an uploaded file for the mapping journey, in a folder named by the server."""
    if actor is None or not (actor.has_perm("structures.manage_sources") or actor.has_perm("structures.import_places")):
        raise SourceRefused("Seul·e un·e organisateur·rice peut envoyer un fichier de lieux.")
    try:
        check_upload_size(upload.size or 0)
    except ImportRefused as refused:
        raise SourceRefused(str(refused)) from refused
    discard_expired_drafts()
    now = timezone.now()
    name = (upload.name or "fichier").replace("\\", "/").rsplit("/", 1)[-1][:200] or "fichier"
    folder = f"{DRAFTS_DIR}/{now.strftime(_STAMP)}-{secrets.token_hex(8)}"
    stored = default_storage.save(f"{folder}/{name}", upload)
    return Draft(path=stored, name=name, size=upload.size or 0, created=now.isoformat())


def copy_draft(actor: User | None, draft: Draft) -> Draft:
    """A copy of a kept file (the same file mapped for another source, or kept beyond its job)."""
    with draft.open() as opened:
        return keep_draft(actor, opened)


def discard_draft(draft: Draft | None) -> None:
    if draft is None:
        return
    try:
        default_storage.delete(draft.path)
    except OSError:
        logger.warning("Fichier de correspondance impossible à supprimer : %s", draft.path)


def discard_expired_drafts() -> None:
    """Delete the kept files older than `DRAFT_KEPT` (their folder's name starts with the moment they came)."""
    try:
        folders, _files = default_storage.listdir(DRAFTS_DIR)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
    limit = (timezone.now() - DRAFT_KEPT).strftime(_STAMP)
    for folder in folders:
        if folder[: len(limit)] >= limit:
            continue
        try:
            _dirs, files = default_storage.listdir(f"{DRAFTS_DIR}/{folder}")
            for file in files:
                default_storage.delete(f"{DRAFTS_DIR}/{folder}/{file}")
        except OSError:
            logger.warning("Dossier de correspondance impossible à vider : %s", folder)
