"""The writes of a candidate's profile: creation and changes (checked here, whatever the form said), the private CV
(sent, replaced, deleted, purged after `CV_RETENTION_DAYS` with the candidate told), the pause, and the deletion
of the profile (personal data removed; recruitments kept, anonymised, for the subsidies)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from mediane import privatefiles
from mediane.jobs.queue import enqueue_email
from mediane.numbers import NumberError, parse_int
from mediane.structures.communes import Commune, CommuneNotFound, load_communes
from mediane.training.models import Competence

from .enums import MAX_DISTANCE_CHOICES, EducationLevel, LogAction, MediationDiploma, Situation
from .models_candidates import CV_RETENTION_DAYS, MOTIVATION_MAX_CHARS, Candidate, CandidateCV
from .services import ProgrammeError, record

PIX_FRAMEWORK = "pix"
PIX_MAX_COMPETENCES = 3
# How long before its deletion the candidate is reminded that their CV goes.
CV_REMINDER_DAYS = 14
MAX_EXPERIENCE_MONTHS = 600


def count_characters(text: str) -> int:
    """The motivation's length as the form's counter shows it: a line break is one character, whatever the
    browser sends (« \\r\\n ») (pure)."""
    return len(text.replace("\r\n", "\n"))


def cv_deletion_date(uploaded_at: dt.datetime) -> dt.date:
    """The day a CV is deleted, as the candidate is told: its local upload day + `CV_RETENTION_DAYS`. The purge
    (00:30 each night) deletes it that very day."""
    return timezone.localdate(uploaded_at) + dt.timedelta(days=CV_RETENTION_DAYS)


def _uploaded_before(days_ago: int) -> dt.datetime:
    """The instant a CV must have been sent before to have been sent `days_ago` local days or more ago."""
    start = timezone.localdate() - dt.timedelta(days=days_ago - 1)
    return timezone.make_aware(dt.datetime.combine(start, dt.time.min))


def french_date(day: dt.date) -> str:
    return date_format(day, "j F Y")


def pix_competences():
    """The 16 competences of the Pix framework (training's seeded one), in their order, with their label."""
    return Competence.objects.filter(framework__slug=PIX_FRAMEWORK).with_label().order_by("position", "pk")


def _commune(value: Any) -> Commune:
    if isinstance(value, Commune):
        return value
    text = str(value or "").strip()
    if not text:
        raise ProgrammeError("Écrivez le nom de votre commune ou son code postal.")
    try:
        matches = load_communes().find(text)
    except CommuneNotFound as error:
        raise ProgrammeError(str(error)) from error
    if len(matches) != 1:
        raise ProgrammeError(f"Plusieurs communes correspondent à « {text[:60]} » : écrivez aussi le code postal.")
    return matches[0]


def _choice(data: Mapping[str, Any], key: str, choices: Any, label: str) -> str:
    value = str(data.get(key) or "")
    if value not in choices.values:
        raise ProgrammeError(f"Choisissez {label} dans la liste.")
    return value


def _clean(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[Competence]]:
    """The profile's fields from `data` (a form's cleaned data or a plain dict), each checked; `ProgrammeError`
    saying what to fix."""
    fields: dict[str, Any] = {}
    for key, label in (("first_name", "votre prénom"), ("last_name", "votre nom")):
        value = str(data.get(key) or "").strip()
        if not value:
            raise ProgrammeError(f"Écrivez {label}.")
        if len(value) > 100:
            raise ProgrammeError(f"Écrivez {label} en 100 caractères au plus.")
        fields[key] = value
    fields["situation"] = _choice(data, "situation", Situation, "votre situation")
    fields["education_level"] = _choice(data, "education_level", EducationLevel, "votre niveau de diplôme")
    diplomas = list(data.get("mediation_diplomas") or [])
    unknown = [d for d in diplomas if d not in MediationDiploma.values]
    if unknown:
        raise ProgrammeError("Choisissez vos diplômes de la médiation numérique dans la liste.")
    fields["mediation_diplomas"] = [d for d in MediationDiploma.values if d in diplomas]
    fields["other_diplomas"] = str(data.get("other_diplomas") or "").strip()[:250]
    experience = data.get("experience_months")
    if isinstance(experience, int):
        experience = str(experience)
    try:
        fields["experience_months"] = (
            parse_int(experience, minimum=0, maximum=MAX_EXPERIENCE_MONTHS, label="Votre expérience (en mois)")
            if str(experience or "").strip()
            else 0
        )
    except NumberError as error:
        raise ProgrammeError(str(error)) from error
    fields["experience_details"] = str(data.get("experience_details") or "").strip()[:2000]
    available = data.get("available_from")
    if not isinstance(available, dt.date):
        raise ProgrammeError("Écrivez la date à partir de laquelle vous êtes disponible, par exemple 01/09/2027.")
    fields["available_from"] = available
    try:
        distance = int(data.get("max_distance_km") or 0)
    except (TypeError, ValueError):
        distance = 0
    if distance not in dict(MAX_DISTANCE_CHOICES):
        raise ProgrammeError("Choisissez la distance maximale : 5, 10, 15, 20, 40 ou 100 km.")
    fields["max_distance_km"] = distance
    commune = _commune(data.get("commune"))
    fields.update(
        commune=commune.name,
        insee_code=commune.insee,
        postal_code=commune.postal_code,
        departement=commune.departement,
        region=commune.region,
        latitude=commune.latitude,
        longitude=commune.longitude,
    )
    motivation = str(data.get("motivation") or "").replace("\r\n", "\n").strip()
    if not motivation:
        raise ProgrammeError("Écrivez en quelques lignes pourquoi vous voulez devenir conseiller·e numérique.")
    if (length := count_characters(motivation)) > MOTIVATION_MAX_CHARS:
        raise ProgrammeError(
            f"Votre motivation compte {length} caractères : la limite est de {MOTIVATION_MAX_CHARS}. "
            f"Raccourcissez-la de {length - MOTIVATION_MAX_CHARS} caractères."
        )
    fields["motivation"] = motivation
    phone = str(data.get("phone") or "").strip()
    if len(phone) > 20 or (phone and not all(c.isascii() and (c.isdigit() or c in " +.-()") for c in phone)):
        raise ProgrammeError("Écrivez votre numéro de téléphone avec des chiffres, par exemple 06 12 34 56 78.")
    fields["phone"] = phone
    fields["pix_shared"] = bool(data.get("pix_shared"))
    level = data.get("pix_level")
    competences: list[Competence] = []
    if fields["pix_shared"]:
        try:
            fields["pix_level"] = parse_int(
                None if level is None else str(level), minimum=1, maximum=8, label="Votre niveau Pix global"
            )
        except NumberError as error:
            raise ProgrammeError(f"{error} Il va de 1 à 8.") from error
        chosen = list(data.get("pix_competences") or [])
        if len(chosen) > PIX_MAX_COMPETENCES:
            raise ProgrammeError(f"Choisissez au plus {PIX_MAX_COMPETENCES} compétences Pix.")
        ids = [c.pk if isinstance(c, Competence) else c for c in chosen]
        competences = list(Competence.objects.filter(framework__slug=PIX_FRAMEWORK, pk__in=ids))
        if len(competences) != len(set(ids)):
            raise ProgrammeError("Choisissez vos compétences Pix dans la liste.")
    else:
        fields["pix_level"] = None
    return fields, competences


def create_profile(user: Any, data: Mapping[str, Any]) -> Candidate:
    """The profile of `user` (one per account), from `data`; audited."""
    fields, competences = _clean(data)
    with transaction.atomic():
        if Candidate.objects.select_for_update().filter(user=user).exists():
            raise ProgrammeError("Vous avez déjà un profil de candidat·e : modifiez-le depuis votre page.")
        candidate = Candidate.objects.create(user=user, email=user.email, **fields)
        candidate.pix_competences.set(competences)
        record(LogAction.CANDIDATE, user, candidate=candidate, after="Profil créé")
    return candidate


def update_profile(candidate: Candidate, data: Mapping[str, Any], *, by: Any) -> Candidate:
    fields, competences = _clean(data)
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.deleted_at:
            raise ProgrammeError("Ce profil a été supprimé.")
        for key, value in fields.items():
            setattr(locked, key, value)
        locked.save()
        locked.pix_competences.set(competences)
        record(LogAction.CANDIDATE, by, candidate=locked, after="Profil modifié")
    return locked


def upload_cv(candidate: Candidate, upload: UploadedFile, *, by: Any) -> CandidateCV:
    """The candidate's CV, replacing the previous one (its file deleted after the commit). A PDF of 5 MB at most,
    else `ProgrammeError` in French."""
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.deleted_at:
            raise ProgrammeError("Ce profil a été supprimé.")
        cv = CandidateCV.objects.filter(candidate=locked).first() or CandidateCV(candidate=locked)
        try:
            cv.take_upload(upload, uploaded_by=by)
        except ValidationError as error:
            raise ProgrammeError(" ".join(error.messages)) from error
        cv.reminder_sent_at = None
        cv.save()
        record(
            LogAction.CV,
            by,
            candidate=locked,
            after="CV envoyé",
            note=f"Supprimé le {french_date(cv_deletion_date(cv.uploaded_at))}",
        )
    return cv


def delete_cv(candidate: Candidate, *, by: Any, note: str = "CV supprimé") -> bool:
    with transaction.atomic():
        deleted, _ = CandidateCV.objects.filter(candidate=candidate).delete()
        if deleted:
            record(LogAction.CV, by, candidate=candidate, after=note)
    return bool(deleted)


def record_cv_read(candidate: Candidate, *, by: Any) -> None:
    """A structure read the CV: the candidate sees it in their log (a role, never a name)."""
    from .models import HostStructure

    host = HostStructure.objects.managed_by(by).filter(recruitments__candidate=candidate).first()
    record(LogAction.CV, by, candidate=candidate, host=host, after="CV consulté par une structure")


def pause(candidate: Candidate, paused: bool, *, by: Any) -> Candidate:
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.paused != paused:
            locked.paused = paused
            locked.save(update_fields=["paused", "updated_at"])
            record(
                LogAction.CANDIDATE,
                by,
                candidate=locked,
                before="Disponible" if paused else "En pause",
                after="En pause" if paused else "Disponible",
            )
    return locked


def delete_profile(candidate: Candidate, *, by: Any) -> bool:
    """Removes the person's data: the CV's file, then the row when no recruitment holds it, else the row
    anonymised (recruitments are kept for the subsidies). Log entries keep no name. True when the row went."""
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        if locked is None:
            return True
        CandidateCV.objects.filter(candidate=locked).delete()
        if not locked.recruitments.exists():
            locked.log.update(note="")
            locked.delete()
            return True
        locked.first_name = locked.last_name = locked.phone = ""
        locked.email = ""
        locked.motivation = locked.experience_details = locked.other_diplomas = ""
        locked.commune = locked.postal_code = ""
        locked.insee_code = ""
        locked.latitude = locked.longitude = None
        locked.pix_shared = False
        locked.pix_level = None
        locked.paused = True
        locked.user = None
        locked.deleted_at = timezone.now()
        locked.save()
        locked.pix_competences.clear()
        locked.log.update(note="")
        record(LogAction.CANDIDATE, by, candidate=locked, after="Profil supprimé")
    return False


def forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    """The account is deleted (the user model's `pre_delete`): so is the candidate's profile."""
    candidate = Candidate.objects.filter(user=instance).first()
    if candidate is not None:
        delete_profile(candidate, by=None)


# --- Retention ---


def purge_cvs() -> int:
    """Deletes the CVs sent more than `CV_RETENTION_DAYS` ago, tells each candidate (after the commit), and the
    number deleted. Idempotent."""
    from . import tasks

    # Due when its deletion date has come: localdate(uploaded_at) + CV_RETENTION_DAYS <= today.
    expired = CandidateCV.objects.filter(uploaded_at__lt=_uploaded_before(CV_RETENTION_DAYS))
    with transaction.atomic():
        candidates = list(expired.values_list("candidate_id", flat=True))
        deleted = privatefiles.purge_older_than(expired, dt.timedelta(0))
        for candidate in Candidate.objects.filter(pk__in=candidates):
            record(LogAction.CV, None, candidate=candidate, after="CV supprimé (délai de conservation)")
            enqueue_email(tasks.send_candidate_email, candidate.pk, "cv_deleted")
    return deleted


def remind_cv_deletion() -> int:
    """E-mails the candidates whose CV goes in `CV_REMINDER_DAYS` days or less, once per CV; how many."""
    from . import tasks

    cutoff = _uploaded_before(CV_RETENTION_DAYS - CV_REMINDER_DAYS)
    # A CV already past its retention is deleted, not announced: its candidate gets the deletion's e-mail only.
    expired = _uploaded_before(CV_RETENTION_DAYS)
    with transaction.atomic():
        due = list(
            CandidateCV.objects.select_for_update()
            .filter(uploaded_at__lt=cutoff, uploaded_at__gte=expired, reminder_sent_at__isnull=True)
            .filter(candidate__deleted_at__isnull=True)
            .values_list("pk", "candidate_id")
        )
        CandidateCV.objects.filter(pk__in=[pk for pk, _ in due]).update(reminder_sent_at=timezone.now())
        for _, candidate_id in due:
            enqueue_email(tasks.send_candidate_email, candidate_id, "cv_reminder")
    return len(due)
