"""Every write of « la charte de l'inclusion numérique en bibliothèque »: organisers write versions and publish
them; a structure's manager signs the version in force for their structure.

A version is a draft until it is published; a published version never changes, and numbers follow (1, 2, 3…).
Publishing a version makes every structure whose latest signature is of an older version « à renouveler »:
nothing is written for that (it follows from the numbers), but their managers are told by e-mail, sent after
the commit by the background jobs (`mediane.jobs.queue.enqueue_email`).

Each function checks, then acts inside one transaction, and raises `CharterError` with a French message that
says what to do. Organisers' permissions are checked by the views (`roadmap.manage_charter`); signing is checked
here too, because who may sign for a structure is the heart of the signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from mediane.accounts.models import User
from mediane.consultation.markup import render_markup
from mediane.jobs.queue import enqueue_email
from mediane.structures.models import Structure

from .models import CharterSignature, CharterVersion
from .services import RoadmapError, clean_text

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 30_000
CHANGES_MAX_LENGTH = 5_000
FUNCTION_MAX_LENGTH = 200


class CharterError(RoadmapError):
    """A write of the charter was refused. The message is French and tells the person what to do."""


@dataclass(frozen=True)
class CharterDraft:
    title: str
    text: str
    changes: str = ""


def _clean(value: str, label: str, max_length: int, required: bool = True) -> str:
    """`services.clean_text`, refusing with a `CharterError` (what the charter's callers catch)."""
    try:
        return clean_text(value, label, max_length, required)
    except RoadmapError as error:
        raise CharterError(str(error)) from None


def _checked(draft: CharterDraft) -> CharterDraft:
    return CharterDraft(
        title=_clean(draft.title, "Le titre", TITLE_MAX_LENGTH),
        text=_clean(draft.text, "Le texte de la charte", TEXT_MAX_LENGTH),
        changes=_clean(draft.changes, "Ce qui change", CHANGES_MAX_LENGTH, required=False),
    )


# --- Organisers: versions ---------------------------------------------------------------------------------


def write_version(user: User, draft: CharterDraft) -> CharterVersion:
    """A new draft, numbered after the last version. One draft at a time: a second one would take the same
    number as the first once published."""
    checked = _checked(draft)
    with transaction.atomic():
        waiting = CharterVersion.objects.select_for_update().filter(published_at__isnull=True).first()
        if waiting is not None:
            raise CharterError(
                f"La version {waiting.number} est déjà en préparation : modifiez-la ou publiez-la avant d'en "
                "écrire une autre."
            )
        last = CharterVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
        try:
            with transaction.atomic():
                return CharterVersion.objects.create(
                    number=last + 1,
                    title=checked.title,
                    text=checked.text,
                    text_html=render_markup(checked.text),
                    changes=checked.changes,
                    created_by=user,
                )
        except IntegrityError:
            # Another organiser wrote a version at the same moment: theirs took the number.
            raise CharterError(
                "Une autre personne vient d'écrire une nouvelle version : rechargez la page des versions."
            ) from None


def update_version(user: User, version: CharterVersion, draft: CharterDraft) -> CharterVersion:
    """Change a draft. A published version is never changed: the signatures refer to its exact text."""
    checked = _checked(draft)
    with transaction.atomic():
        locked = CharterVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_published:
            raise CharterError(
                f"La version {locked.number} est publiée : elle ne change plus, car des structures l'ont peut-être "
                "signée telle quelle. Écrivez une nouvelle version."
            )
        locked.title = checked.title
        locked.text = checked.text
        locked.text_html = render_markup(checked.text)
        locked.changes = checked.changes
        locked.save(update_fields=["title", "text", "text_html", "changes"])
    return locked


def structures_to_renew(version: CharterVersion):
    """The structures whose latest signature is of a version older than `version`."""
    latest = CharterSignature.objects.latest_per_structure().filter(version__number__lt=version.number)
    return Structure.objects.filter(pk__in=latest.values("structure"))


def publish_version(user: User, version: CharterVersion) -> CharterVersion:
    """Publish a draft: it becomes the version in force. The managers of every structure that signed an older
    version are told by e-mail, after the commit."""
    with transaction.atomic():
        locked = CharterVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_published:
            raise CharterError(f"La version {locked.number} est déjà publiée.")
        newer = CharterVersion.objects.published().filter(number__gt=locked.number).first()
        if newer is not None:
            raise CharterError(f"La version {newer.number} est déjà publiée : écrivez une nouvelle version.")
        locked.published_at = timezone.now()
        locked.save(update_fields=["published_at"])
        if structures_to_renew(locked).exists():
            enqueue_email(_renewal_task(), locked.pk)
    return locked


def _renewal_task():
    from .tasks import send_charter_renewal_emails

    return send_charter_renewal_emails


def send_renewal_emails(version_id: int) -> int:
    """E-mail each manager of a structure that signed an older version than `version_id`: one e-mail per person,
    naming their structures. Returns the number of e-mails sent. Run by the background jobs after the commit."""
    version = CharterVersion.objects.published().filter(pk=version_id).first()
    if version is None:
        return 0
    managers: dict[int, tuple[User, list[Structure]]] = {}
    structures = structures_to_renew(version).prefetch_related("managers").order_by("name", "pk")
    for structure in structures:
        for manager in structure.managers.all():
            if manager.is_active and manager.email:
                managers.setdefault(manager.pk, (manager, []))[1].append(structure)
    base = settings.MEDIANE_BASE_URL.rstrip("/")
    url = base + version.get_absolute_url()
    charter_url = base + reverse("roadmap:charter")
    site = settings.MEDIANE_SITE_NAME
    for manager, theirs in managers.values():
        context = {
            "version": version,
            "published": date_format(timezone.localtime(version.published_at), "j F Y"),
            "structures": theirs,
            "version_url": url,
            "charter_url": charter_url,
            "site_name": site,
        }
        EmailMessage(
            subject=f"[{site}] Nouvelle version de la charte : renouvelez la signature de votre structure"[:200],
            body=render_to_string("roadmap/charter/emails/renew.txt", context),
            to=[manager.email],
        ).send()
    return len(managers)


# --- Managers: signing --------------------------------------------------------------------------------------


def sign_charter(user: User, structure: Structure, version: CharterVersion, function: str) -> CharterSignature:
    """`user` signs `version` for `structure`, saying their function (public, unlike their name).

    Refused with a French message: a person who does not manage the structure, a version that is not the one in
    force, a version the structure already signed.
    """
    if not user.has_perm("roadmap.sign_charter", structure):
        raise CharterError(
            f"Vous n'êtes pas responsable de « {structure.name} » sur ce site : seul·e un·e responsable de la "
            "structure peut signer la charte pour elle. Pour le devenir, écrivez aux organisateurs."
        )
    function = _clean(function, "Votre fonction", FUNCTION_MAX_LENGTH)
    with transaction.atomic():
        current = CharterVersion.objects.select_for_update().current()
        if current is None or current.pk != version.pk:
            in_force = f" : lisez la version {current.number} et signez-la" if current else ""
            raise CharterError(f"La version {version.number} n'est pas la version en vigueur de la charte{in_force}.")
        done = CharterSignature.objects.filter(version=current, structure=structure).first()
        if done is not None:
            raise CharterError(_already_signed(structure, current, done))
        try:
            with transaction.atomic():
                return CharterSignature.objects.create(
                    version=current, structure=structure, signed_by=user, signatory_function=function
                )
        except IntegrityError:
            # Two managers of the same structure signed at the same moment: the first one counts.
            done = CharterSignature.objects.filter(version=current, structure=structure).first()
            raise CharterError(_already_signed(structure, current, done)) from None


def _already_signed(structure: Structure, version: CharterVersion, signature: CharterSignature | None) -> str:
    when = f" le {date_format(timezone.localtime(signature.signed_at), 'j F Y')}" if signature else ""
    return f"« {structure.name} » a déjà signé la version {version.number} de la charte{when} : c'est fait."
