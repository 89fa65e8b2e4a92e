"""Every write of the care of places by their managers: corrections and confirmations (each a `PlaceRevision`),
requests to manage a place and their decisions, error reports and their answers, and the yearly reminder.

Check-then-do: each function checks its input with the standard and French messages, then writes inside one
transaction, and queues its e-mails (`tasks.py`) after the commit. The models are in `models_care.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import phonenumbers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from mediane.jobs.queue import enqueue_email

from . import hours, standard, tasks
from .enums import ErrorReportStatus, ManagerRequestStatus, RevisionKind, RevisionRole
from .mapping.clean import clean_phone, region_of
from .mapping.hours_fr import french_hours_to_osm
from .models import Place, PlaceErrorReport, PlaceManagerRequest, PlaceRevision, Structure

# The fields a manager completes and corrects: what a person needs to choose and reach a place.
VOCABULARY_FIELDS = (
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "modalites_acces",
    "modalites_accompagnement",
)
LINK_FIELDS = ("fiche_acces_libre", "prise_rdv")
EDITABLE_FIELDS = (*VOCABULARY_FIELDS, "horaires", "telephone", "courriels", "site_web", *LINK_FIELDS)
LIST_FIELDS = (*VOCABULARY_FIELDS, "courriels", "site_web")

MESSAGE_MIN, MESSAGE_MAX = 10, 2000
REASON_MAX = 1000
REMINDER_INTERVAL = dt.timedelta(days=365)

# A row whose required fields are valid, to check one field alone with `standard.validate_row`.
_VALID_ROW = {
    "id": "x",
    "pivot": standard.PIVOT_PLACEHOLDER,
    "nom": "x",
    "commune": "x",
    "code_postal": "69003",
    "adresse": "x",
    "date_maj": "2024-01-01",
}


class CareError(ValueError):
    """A write refused; the French message says why and what to do."""


class PlaceChangeError(CareError):
    """Values that do not fit the standard: `errors` is {field: [French messages]}."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(" ".join(message for messages in errors.values() for message in messages))


# --- Checking a place's values -----------------------------------------------------------------------------


def _standard_messages(field: str, value: str | list[str]) -> list[str]:
    raw = standard.SEPARATOR.join(value) if isinstance(value, list) else value
    return standard.validate_row({**_VALID_ROW, field: raw})[1]


def _phone(text: str, departement: str) -> tuple[str, list[str]]:
    """The number in the standard's international form (« 04 78 62 30 00 » → « +33478623000 »), read as the
    imports read it (`mapping.clean.clean_phone`, the region from the département: « 988 » is New Caledonia)."""
    if not text:
        return "", []
    number, _changed, warning = clean_phone(text, departement)
    if warning is not None or _standard_messages("telephone", number):
        return text, [
            f"Numéro de téléphone invalide : « {text} ». Écrivez un seul numéro, comme on le compose, par exemple "
            "04 78 62 30 00."
        ]
    return number, []


def phone_as_dialled(number: str, departement: str = "") -> str:
    """The stored number as a person dials it in the place's territory (« +33478623000 » → « 04 78 62 30 00 »), for
    a form: `_phone` reads it back to the same number. Anything else is given as it is."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    if phonenumbers.region_code_for_number(parsed) != region_of(departement):
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def _hours(text: str) -> tuple[str, list[str]]:
    """Opening hours typed in French (« du lundi au vendredi 9h-12h », read as the imports read them:
    `mapping.hours_fr`) or in OpenStreetMap form, in canonical OpenStreetMap form."""
    osm, _changed, warning = french_hours_to_osm(text)
    if warning is None:
        try:
            return hours.normalise(osm), []
        except hours.HoursError:
            return osm, []  # valid OpenStreetMap hours the house's parser does not write (« sur rendez-vous »)
    try:
        return hours.normalise(text), []
    except hours.HoursError:
        return text, [
            f"Horaires illisibles : « {text} ». Écrivez-les par exemple : du lundi au vendredi 9h-12h et "
            "14h-17h ; samedi 10h-12h."
        ]


def _link(text: str) -> list[str]:
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return [f"Adresse web invalide : « {text} ». Copiez l'adresse entière, qui commence par https://."]
    return []


def _email(text: str) -> list[str]:
    try:
        validate_email(text)
    except ValidationError:
        return [f"Adresse e-mail invalide : « {text} ». Elle s'écrit comme nom@exemple.fr."]
    return []


def _items(value: str | Sequence[str]) -> list[str]:
    """The values of a list field, stripped, without blanks or repeats, in the order given."""
    items = re.split(r"[\n|]", value) if isinstance(value, str) else list(value)
    kept: list[str] = []
    for item in (str(item).strip() for item in items):
        if item and item not in kept:
            kept.append(item)
    return kept


def clean_changes(changes: Mapping[str, object], *, departement: str = "") -> dict[str, str | list[str]]:
    """The values as a place stores them: labels of the standard in its order, the phone in international form, the
    hours in canonical OpenStreetMap form. Raises `PlaceChangeError` with each field's French messages."""
    cleaned: dict[str, str | list[str]] = {}
    errors: dict[str, list[str]] = {}
    for field, value in changes.items():
        if field not in EDITABLE_FIELDS:
            raise CareError(f"Le champ « {field} » ne se modifie pas ici.")
        messages: list[str] = []
        if field in VOCABULARY_FIELDS:
            items = _items(value)  # type: ignore[arg-type]
            messages = _standard_messages(field, items)
            vocabulary = standard.VOCABULARIES[field]
            result: str | list[str] = sorted(items, key=lambda label: vocabulary.index(label)) if not messages else []
        elif field in ("courriels", "site_web"):
            result = _items(value)  # type: ignore[arg-type]
            check = _email if field == "courriels" else _link
            messages = [message for item in result for message in check(item)]
        else:
            text = str(value or "").strip()
            if field == "telephone":
                text, messages = _phone(text, departement)
            elif field == "horaires" and text:
                text, messages = _hours(text)
            elif field in LINK_FIELDS and text:
                messages = _link(text)
            result = text
        if not messages:
            messages = _standard_messages(field, result) if field not in LIST_FIELDS else []
        if messages:
            errors[field] = messages
        cleaned[field] = result
    if errors:
        raise PlaceChangeError(errors)
    return cleaned


def _typed_differs(place: Place, field: str, typed: object) -> bool:
    """Whether a value sent by the form differs from what the place holds (as the form shows it): only those are
    checked and written, so that a value an import kept (free-text hours, an address the standard accepts) never
    blocks a change elsewhere."""
    stored = getattr(place, field)
    if field in LIST_FIELDS:
        return set(_items(typed)) != set(stored or [])  # type: ignore[arg-type]
    text = str(typed or "").strip()
    if field == "telephone":
        return text not in (stored or "", phone_as_dialled(stored or "", place.departement))
    return text != (stored or "").strip()


def _differs(field: str, before: object, after: object) -> bool:
    if field in LIST_FIELDS:
        return set(before or []) != set(after or [])  # type: ignore[call-overload]
    return (before or "") != (after or "")


# --- Who changes a place -----------------------------------------------------------------------------------


def revision_role(user, place: Place) -> str:
    """The role a place's history shows for `user`: its structure's manager, its approved manager, or the team."""
    if (
        place.structure_id
        and Structure.managers.through.objects.filter(structure_id=place.structure_id, user_id=user.pk).exists()
    ):
        return RevisionRole.STRUCTURE_MANAGER
    if place.manager_requests.filter(user=user, status=ManagerRequestStatus.APPROVED).exists():
        return RevisionRole.PLACE_MANAGER
    return RevisionRole.ORGANISER


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def update_place(actor, place: Place, changes: Mapping[str, object]) -> PlaceRevision | None:
    """Write the fields of `changes` that differ from the place (only those are checked, `_typed_differs`), as
    the standard wants them (`clean_changes`), and
    record who changed what (`PlaceRevision`, role only). The changed fields become the manager's
    (`Place.managed_fields`: a later import keeps them); `date_maj` becomes today and `confirmed_at` now.
    Nothing changed: no revision, None. Preconditions: `actor` may edit the place (`structures.edit_place`)."""
    _require(actor, "structures.edit_place", place)
    typed = {
        field: value
        for field, value in changes.items()
        if field not in EDITABLE_FIELDS or _typed_differs(place, field, value)
    }
    if not typed:
        return None
    cleaned = clean_changes(typed, departement=place.departement)
    role = revision_role(actor, place)
    now = timezone.now()
    with transaction.atomic():
        locked = Place.objects.select_for_update().get(pk=place.pk)
        diff = {
            field: {"avant": getattr(locked, field), "apres": value}
            for field, value in cleaned.items()
            if _differs(field, getattr(locked, field), value)
        }
        if not diff:
            return None
        for field in diff:
            setattr(locked, field, cleaned[field])
        locked.managed_fields = sorted(set(locked.managed_fields) | set(diff))
        locked.date_maj = timezone.localdate(now)
        locked.confirmed_at = now
        locked.save()  # post_save: the orientation's index of places is rebuilt
        revision = PlaceRevision.objects.create(
            place=locked, created_at=now, author=actor, author_role=role, changes=diff
        )
    for field in (*diff, "managed_fields", "date_maj", "confirmed_at", "updated_at"):
        setattr(place, field, getattr(locked, field))
    return revision


def confirm_place(actor, place: Place) -> PlaceRevision:
    """« Les informations sont à jour »: `confirmed_at` becomes now, recorded as a confirmation in the history.
    Preconditions: `actor` may edit the place."""
    _require(actor, "structures.edit_place", place)
    role = revision_role(actor, place)
    now = timezone.now()
    with transaction.atomic():
        Place.objects.filter(pk=place.pk).update(confirmed_at=now)
        revision = PlaceRevision.objects.create(
            place=place, created_at=now, author=actor, author_role=role, kind=RevisionKind.CONFIRMATION
        )
    place.confirmed_at = now
    return revision


# --- Requests to manage a place -----------------------------------------------------------------------------


def _message(text: str, *, what: str, minimum: int = MESSAGE_MIN, maximum: int = MESSAGE_MAX) -> str:
    text = (text or "").strip()
    if len(text) < minimum:
        raise CareError(f"{what} : écrivez au moins {minimum} caractères.")
    if len(text) > maximum:
        raise CareError(f"{what} : {len(text)} caractères, pour {maximum} au plus. Raccourcissez le texte.")
    return text


def ask_to_manage(user, place: Place, message: str) -> PlaceManagerRequest:
    """A signed-in person asks to manage `place`; the organisers get an e-mail. One pending or approved request per
    person and place (the constraint decides under concurrency)."""
    _require(user, "structures.ask_to_manage_place")
    message = _message(message, what="Votre message")
    if Place.objects.managed_by(user).filter(pk=place.pk).exists():
        raise CareError("Vous gérez déjà ce lieu : vous pouvez le modifier depuis sa page.")
    try:
        with transaction.atomic():
            request = PlaceManagerRequest.objects.create(place=place, user=user, message=message)
    except IntegrityError:
        raise CareError(
            "Vous avez déjà demandé à gérer ce lieu. L'équipe d'animation vous répondra par e-mail."
        ) from None
    enqueue_email(tasks.send_manager_request_email, request.pk)
    return request


def decide_manager_request(actor, request: PlaceManagerRequest, *, approve: bool, reason: str = "") -> None:
    """An organiser approves the request (the person then manages the place) or refuses it with a reason sent to
    the person; either way the person gets an e-mail. Only a pending request is decided."""
    _require(actor, "structures.decide_manager_requests")
    if not approve:
        reason = _message(reason, what="La raison du refus", minimum=3, maximum=REASON_MAX)
    with transaction.atomic():
        locked = PlaceManagerRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != ManagerRequestStatus.PENDING:
            raise CareError("Cette demande a déjà reçu une réponse.")
        locked.status = ManagerRequestStatus.APPROVED if approve else ManagerRequestStatus.REFUSED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.refusal_reason = "" if approve else reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "refusal_reason"])
        enqueue_email(tasks.send_manager_decision_email, locked.pk)
    for field in ("status", "decided_by", "decided_at", "refusal_reason"):
        setattr(request, field, getattr(locked, field))


# --- Error reports ----------------------------------------------------------------------------------------


def report_error(place: Place, message: str, contact_email: str = "", *, author=None) -> PlaceErrorReport:
    """Anyone reports what is wrong on a place page; the place's managers and the organisers each get one e-mail.
    The reporter's address, if given, is shown to them only."""
    message = _message(message, what="Ce qui est faux")
    contact_email = (contact_email or "").strip()
    if contact_email and _email(contact_email):
        raise CareError(_email(contact_email)[0])
    with transaction.atomic():
        report = PlaceErrorReport.objects.create(
            place=place,
            message=message,
            contact_email=contact_email,
            author=author if getattr(author, "is_authenticated", False) else None,
        )
        enqueue_email(tasks.send_error_report_emails, report.pk)
    return report


def handle_error_report(actor, report: PlaceErrorReport, answer: str) -> None:
    """A manager of the place, or an organiser, marks the report handled with what was done; a reporter who left an
    address gets that answer by e-mail."""
    _require(actor, "structures.handle_error_report", report)
    answer = _message(answer, what="Ce qui a été fait", minimum=3)
    with transaction.atomic():
        locked = PlaceErrorReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != ErrorReportStatus.OPEN:
            raise CareError("Ce signalement est déjà traité.")
        locked.status = ErrorReportStatus.HANDLED
        locked.handled_by = actor
        locked.handled_at = timezone.now()
        locked.answer = answer
        locked.save(update_fields=["status", "handled_by", "handled_at", "answer"])
        if locked.contact_email:
            enqueue_email(tasks.send_error_report_answer, locked.pk)
    for field in ("status", "handled_by", "handled_at", "answer"):
        setattr(report, field, getattr(locked, field))


# --- The yearly reminder ---------------------------------------------------------------------------------


def managers_of(place_ids: Sequence[int]) -> dict[int, list[int]]:
    """{user id: [place ids]} of the people who manage these places (structure managers and approved people)."""
    places: dict[int, set[int]] = defaultdict(set)
    by_structure: dict[int, list[int]] = defaultdict(list)
    for pk, structure_id in Place.objects.filter(pk__in=place_ids, structure__isnull=False).values_list(
        "pk", "structure_id"
    ):
        by_structure[structure_id].append(pk)
    for structure_id, user_id in Structure.managers.through.objects.filter(
        structure_id__in=list(by_structure)
    ).values_list("structure_id", "user_id"):
        places[user_id].update(by_structure[structure_id])
    approved = PlaceManagerRequest.objects.filter(place_id__in=place_ids, status=ManagerRequestStatus.APPROVED)
    for place_id, user_id in approved.values_list("place_id", "user_id"):
        places[user_id].add(place_id)
    return {user_id: sorted(ids) for user_id, ids in places.items()}


def places_due(now: dt.datetime):
    """Places confirmed (or, never confirmed, created) more than a year ago and not reminded for a year."""
    cutoff = now - REMINDER_INTERVAL
    stale = Q(confirmed_at__lt=cutoff) | Q(confirmed_at__isnull=True, created_at__lt=cutoff)
    return Place.objects.filter(stale).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=cutoff))


def remind_managers(now: dt.datetime) -> dict[str, int]:
    """One e-mail per manager listing all their places to check, and `reminded_at` set on those places: running it
    again the same year sends nothing. Places without a manager are skipped (the organisers' lists show them)."""
    with transaction.atomic():
        due = list(places_due(now).select_for_update().values_list("pk", flat=True))
        managers = managers_of(due)
        reminded = sorted({pk for ids in managers.values() for pk in ids})
        Place.objects.filter(pk__in=reminded).update(reminded_at=now)
        for user_id, place_ids in managers.items():
            enqueue_email(tasks.send_reminder_email, user_id, place_ids)
    return {"responsables": len(managers), "lieux": len(reminded)}
