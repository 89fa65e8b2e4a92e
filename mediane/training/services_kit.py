"""Every write of the kit: create, edit, publish, unpublish a resource. Errors are `KitError` with a French message
that says what to fix; nothing is written when one is raised. The search text is written here, with the row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mediane import text
from mediane.consultation.search import search_document

from .enums_kit import KitFormat, KitLicence, KitPublic
from .models import Competence
from .models_kit import KitAudience, KitResource

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 300
DESCRIPTION_MAX_LENGTH = 10_000
AUTHOR_MAX_LENGTH = 200
LINK_MAX_LENGTH = 500
SLUG_MAX_LENGTH = 80
# Addresses of the organisers' pages under /formation/kit/: a resource never takes them.
RESERVED_SLUGS = frozenset({"gestion"})


class KitError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class KitResourceData:
    title: str
    summary: str
    format: str
    licence: str = KitLicence.UNSPECIFIED
    description: str = ""
    link: str = ""
    author: str = ""
    publics: Sequence[str] = ()
    competences: Sequence[Competence] = field(default_factory=tuple)


def check_resource(data: KitResourceData) -> None:
    """Raise `KitError` with a French message when the data cannot make a resource."""
    if not data.title.strip():
        raise KitError("Donnez un titre à la ressource.")
    if not data.summary.strip():
        raise KitError("Écrivez un résumé d'une ou deux phrases : il s'affiche dans la liste du kit.")
    for value, label, limit in (
        (data.title, "Le titre", TITLE_MAX_LENGTH),
        (data.summary, "Le résumé", SUMMARY_MAX_LENGTH),
        (data.description, "La description", DESCRIPTION_MAX_LENGTH),
        (data.author, "L'auteur", AUTHOR_MAX_LENGTH),
        (data.link, "Le lien", LINK_MAX_LENGTH),
    ):
        if len(value) > limit:
            raise KitError(f"{label} est trop long : {limit} caractères au plus.")
        message = text.control_character_message(value, label)
        if message:
            raise KitError(message)
    if data.link and not data.link.startswith(("https://", "http://")):
        raise KitError("Le lien doit être une adresse web qui commence par https://.")
    if data.format not in KitFormat.values:
        raise KitError("Choisissez le format de la ressource dans la liste.")
    if data.licence not in KitLicence.values:
        raise KitError("Choisissez la licence dans la liste, ou « Non précisée » si le producteur ne la donne pas.")
    unknown = [public for public in data.publics if public not in KitPublic.values]
    if unknown:
        raise KitError("Choisissez les publics dans la liste.")


def _search_text(data: KitResourceData) -> str:
    publics = [KitPublic(public).label for public in data.publics]
    return search_document(
        data.title, data.summary, data.description, data.author, KitFormat(data.format).label, *publics
    )


def _unique_slug(title: str) -> str:
    base = slugify(title)[: SLUG_MAX_LENGTH - 4].strip("-") or "ressource"
    taken = set(KitResource.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _write(resource: KitResource, data: KitResourceData) -> KitResource:
    resource.title = data.title.strip()
    resource.summary = data.summary.strip()
    resource.description = data.description
    resource.link = data.link
    resource.author = data.author.strip()
    resource.format = data.format
    resource.licence = data.licence
    resource.search_text = _search_text(data)
    resource.save()
    resource.competences.set(data.competences)
    wanted = set(data.publics)
    resource.audiences.exclude(public__in=wanted).delete()
    present = set(resource.audiences.values_list("public", flat=True))
    KitAudience.objects.bulk_create(
        KitAudience(resource=resource, public=public) for public in KitPublic.values if public in wanted - present
    )
    return resource


def create_resource(data: KitResourceData, *, publish: bool = False) -> KitResource:
    """A new resource, a draft unless `publish`. Its address (slug) comes from its title and never changes."""
    check_resource(data)
    with transaction.atomic():
        resource = KitResource(slug=_unique_slug(data.title))
        if publish:
            resource.published, resource.published_at = True, timezone.now()
        return _write(resource, data)


def update_resource(resource: KitResource, data: KitResourceData) -> KitResource:
    check_resource(data)
    with transaction.atomic():
        locked = KitResource.objects.select_for_update().get(pk=resource.pk)
        return _write(locked, data)


def publish_resource(resource: KitResource) -> KitResource:
    """Shown to everyone from now on; publishing a published resource changes nothing."""
    with transaction.atomic():
        locked = KitResource.objects.select_for_update().get(pk=resource.pk)
        if not locked.published:
            locked.published, locked.published_at = True, timezone.now()
            locked.save(update_fields=["published", "published_at", "updated_at"])
        return locked


def unpublish_resource(resource: KitResource) -> KitResource:
    """Back to a draft: its page answers « introuvable » to everyone but organisers."""
    with transaction.atomic():
        locked = KitResource.objects.select_for_update().get(pk=resource.pk)
        if locked.published:
            locked.published = False
            locked.save(update_fields=["published", "updated_at"])
        return locked
