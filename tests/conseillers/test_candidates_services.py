"""Candidates' profiles, CVs, pause, deletion and the CVs' retention (`services_candidates`), with the French
errors that bad input gets."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from mediane.conseillers import services_candidates as services
from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import ProgrammeLog
from mediane.conseillers.models_candidates import Candidate, CandidateCV
from mediane.conseillers.services import ProgrammeError
from mediane.privatefiles import private_storage
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import CandidateFactory, RecruitmentFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
DOCX_BYTES = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40
HTML_BYTES = b"<!DOCTYPE html><html><body>Mon CV</body></html>"
MB = 1024 * 1024


def pdf(name="Mon CV.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def profile_data(**changes):
    data = {
        "first_name": "Yasmine",
        "last_name": "Benali",
        "situation": "demandeur_emploi",
        "education_level": "bac_2",
        "mediation_diplomas": ["ccp_remn"],
        "experience_months": "18",
        "available_from": dt.date(2027, 1, 4),
        "max_distance_km": 15,
        "commune": "Villeurbanne",
        "motivation": "J'aide mes voisins à faire leurs démarches.",
        "phone": "06 12 34 56 78",
    }
    data.update(changes)
    return data


def test_a_profile_is_created_with_the_communes_reference_and_audited():
    user = UserFactory()
    candidate = services.create_profile(user, profile_data())
    assert (candidate.insee_code, candidate.departement, candidate.region) == ("69266", "69", "84")
    assert candidate.latitude and candidate.longitude
    assert candidate.email == user.email
    assert candidate.experience_months == 18
    assert ProgrammeLog.objects.filter(candidate=candidate, after="Profil créé").exists()


def test_a_second_profile_for_the_same_account_is_refused():
    user = UserFactory()
    services.create_profile(user, profile_data())
    with pytest.raises(ProgrammeError, match="déjà un profil"):
        services.create_profile(user, profile_data())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"motivation": "a" * 2501}, "Votre motivation compte 2501 caractères : la limite est de 2500"),
        ({"commune": "Zzyzxville"}, "Aucune commune ne s.appelle « Zzyzxville »"),
        ({"pix_shared": True, "pix_level": "9"}, "Votre niveau Pix global doit être compris entre 1 et 8"),
        ({"experience_months": "douze"}, "n'est pas un nombre"),
        ({"max_distance_km": 30}, "5, 10, 15, 20, 40 ou 100 km"),
        ({"situation": "retraite"}, "Choisissez votre situation"),
    ],
)
def test_bad_input_gets_a_precise_french_error(changes, message):
    with pytest.raises(ProgrammeError, match=message) as error:
        services.create_profile(UserFactory(), profile_data(**changes))
    assert error.value.message
    assert not Candidate.objects.exists()


def test_the_motivation_counts_a_line_break_as_one_character_like_the_counter():
    text = "a" * 2498 + "\r\n" + "b"
    candidate = services.create_profile(UserFactory(), profile_data(motivation=text))
    assert len(candidate.motivation) == 2500


def test_the_pix_result_keeps_at_most_three_competences_of_the_pix_framework():
    competences = list(services.pix_competences()[:4])
    assert len(services.pix_competences()) == 16
    candidate = services.create_profile(
        UserFactory(), profile_data(pix_shared=True, pix_level="5", pix_competences=[c.pk for c in competences[:3]])
    )
    assert candidate.pix_level == 5
    assert candidate.pix_competences.count() == 3
    with pytest.raises(ProgrammeError, match="au plus 3"):
        services.update_profile(
            candidate, profile_data(pix_shared=True, pix_level="5", pix_competences=competences), by=candidate.user
        )


def test_a_cv_must_be_a_pdf_of_five_megabytes_at_most():
    candidate = CandidateFactory()
    with pytest.raises(ProgrammeError, match="Ce fichier n'est pas un PDF : il ressemble à un document Word"):
        services.upload_cv(candidate, pdf("cv.docx", DOCX_BYTES), by=candidate.user)
    with pytest.raises(ProgrammeError, match="Ce fichier n'est pas un PDF : c'est une page web"):
        services.upload_cv(candidate, pdf("cv.html", HTML_BYTES), by=candidate.user)
    with pytest.raises(ProgrammeError, match="Ce fichier pèse 7,2 Mo : la limite est de 5 Mo"):
        services.upload_cv(candidate, pdf(content=PDF_BYTES + b"0" * int(7.15 * MB)), by=candidate.user)
    assert not CandidateCV.objects.exists()


def test_a_new_cv_replaces_the_previous_one_and_its_file(django_capture_on_commit_callbacks):
    candidate = CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.upload_cv(candidate, pdf(), by=candidate.user)
    first_name = first.file.name
    with django_capture_on_commit_callbacks(execute=True):
        second = services.upload_cv(candidate, pdf("Nouveau CV.pdf"), by=candidate.user)
    assert CandidateCV.objects.count() == 1
    assert second.original_name == "Nouveau CV.pdf"
    assert not private_storage.exists(first_name)
    assert ProgrammeLog.objects.filter(candidate=candidate, action="cv").count() == 2


def test_pausing_is_audited_once_per_change():
    candidate = CandidateFactory()
    services.pause(candidate, True, by=candidate.user)
    services.pause(candidate, True, by=candidate.user)
    candidate.refresh_from_db()
    assert candidate.paused
    assert ProgrammeLog.objects.filter(candidate=candidate, after="En pause").count() == 1


def test_deleting_a_profile_without_recruitment_removes_the_row_and_the_cv_file(django_capture_on_commit_callbacks):
    candidate = CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        cv = services.upload_cv(candidate, pdf(), by=candidate.user)
    name = cv.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert services.delete_profile(candidate, by=candidate.user) is True
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not private_storage.exists(name)


def test_deleting_a_profile_with_a_recruitment_anonymises_it_and_keeps_the_recruitment(
    django_capture_on_commit_callbacks,
):
    recruitment = RecruitmentFactory(status=RecruitmentStatus.INTERESTED)
    candidate = recruitment.candidate
    with django_capture_on_commit_callbacks(execute=True):
        cv = services.upload_cv(candidate, pdf(), by=candidate.user)
        services.delete_profile(candidate, by=candidate.user)
    candidate.refresh_from_db()
    assert candidate.deleted_at and candidate.user is None
    assert (candidate.first_name, candidate.last_name, candidate.email, candidate.phone) == ("", "", "", "")
    assert candidate.motivation == candidate.commune == ""
    assert candidate.latitude is None
    assert str(candidate) == "Candidat·e (profil supprimé)"
    assert not private_storage.exists(cv.file.name)
    assert recruitment.__class__.objects.filter(pk=recruitment.pk).exists()
    notes = " ".join(ProgrammeLog.objects.filter(candidate=candidate).values_list("note", flat=True))
    assert "Alex" not in notes and "Dupont" not in notes


def test_deleting_the_account_deletes_the_candidates_profile():
    candidate = CandidateFactory()
    candidate.user.delete()
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_cvs_past_their_retention_are_purged_and_the_candidate_is_told(django_capture_on_commit_callbacks):
    old, recent = CandidateFactory(), CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        old_cv = services.upload_cv(old, pdf(), by=old.user)
        services.upload_cv(recent, pdf(), by=recent.user)
    CandidateCV.objects.filter(pk=old_cv.pk).update(uploaded_at=timezone.now() - dt.timedelta(days=184))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_cvs", stdout=out)
    assert "1 CV supprimé." in out.getvalue()
    assert list(CandidateCV.objects.values_list("candidate", flat=True)) == [recent.pk]
    assert not private_storage.exists(old_cv.file.name)
    assert [m.to for m in mail.outbox] == [[old.email]]
    assert "supprimé" in mail.outbox[0].subject
    out = StringIO()
    call_command("purge_cvs", stdout=out)
    assert "0 CV supprimé." in out.getvalue() and "0 candidat·e prévenu·e" in out.getvalue()


def test_a_candidate_is_reminded_once_fourteen_days_before_their_cv_goes(django_capture_on_commit_callbacks):
    candidate = CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        cv = services.upload_cv(candidate, pdf(), by=candidate.user)
    CandidateCV.objects.filter(pk=cv.pk).update(uploaded_at=timezone.now() - dt.timedelta(days=170))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_cv_deletion() == 1
        assert services.remind_cv_deletion() == 0
    assert len(mail.outbox) == 1
    assert "sera supprimé le" in mail.outbox[0].body


def test_the_deletion_date_is_said_in_french():
    uploaded = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    assert services.french_date(services.cv_deletion_date(uploaded)) == "6 juin 2027"


def test_celery_beat_purges_the_cvs_daily(settings, django_capture_on_commit_callbacks):
    from mediane.conseillers.tasks import purge_cvs_task

    entry = settings.CELERY_BEAT_SCHEDULE["conseillers-purge-cvs"]
    assert entry["task"] == "conseillers.purge_cvs" and settings.CELERY_TIMEZONE == settings.TIME_ZONE
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({0}, {30})
    candidate = CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        cv = services.upload_cv(candidate, pdf(), by=candidate.user)
    CandidateCV.objects.filter(pk=cv.pk).update(uploaded_at=timezone.now() - dt.timedelta(days=200))
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_cvs_task.run() == 1
    assert not CandidateCV.objects.exists()
    assert [message.subject for message in mail.outbox] == ["[Médiane] Votre CV a été supprimé"]


def test_a_cv_is_purged_on_the_deletion_date_it_showed_and_not_the_day_before(django_capture_on_commit_callbacks):
    due, kept = CandidateFactory(), CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        due_cv = services.upload_cv(due, pdf(), by=due.user)
        kept_cv = services.upload_cv(kept, pdf(), by=kept.user)
    today = timezone.localdate()
    last_minute = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=183), dt.time(23, 59)))
    first_minute = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=182), dt.time(0, 1)))
    CandidateCV.objects.filter(pk=due_cv.pk).update(uploaded_at=last_minute)
    CandidateCV.objects.filter(pk=kept_cv.pk).update(uploaded_at=first_minute)
    assert services.cv_deletion_date(last_minute) == today
    assert services.cv_deletion_date(first_minute) == today + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.purge_cvs() == 1
    assert list(CandidateCV.objects.values_list("candidate", flat=True)) == [kept.pk]
