"""The candidates' pages as a person uses them: signing up, the CV's form and its French errors, the pause, the
deletion's confirmation, and the account page's panel."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from mediane.conseillers.forms_candidates import CVForm
from mediane.conseillers.models_candidates import Candidate, CandidateCV
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import CandidateFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n%%EOF\n"
MB = 1024 * 1024


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_anonymous_visitor_is_told_what_the_programme_asks_and_sent_to_sign_up_and_back():
    response = Client().get(reverse("conseillers:candidate_signup"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce que nous vous demandons" in page
    assert "?next=/conseillers-numeriques/candidats/inscription/" in page.replace("%2F", "/")


def test_a_signed_in_person_fills_the_profile_and_lands_on_their_page():
    user = UserFactory()
    client = logged_in(user)
    data = {
        "first_name": "Yasmine",
        "last_name": "Benali",
        "commune": "69100",
        "max_distance_km": "15",
        "available_from": "2027-01-04",
        "situation": "demandeur_emploi",
        "education_level": "bac",
        "mediation_diplomas": ["ccp_remn"],
        "experience_months": "12",
        "motivation": "Aider les autres.",
    }
    response = client.post(reverse("conseillers:candidate_signup"), data)
    assert response.status_code == 302
    candidate = Candidate.objects.get(user=user)
    assert candidate.commune == "Villeurbanne"
    assert client.get(reverse("conseillers:candidate_signup")).url == reverse("conseillers:candidate_profile")


def test_a_motivation_too_long_comes_back_on_the_form_with_its_count():
    client = logged_in(UserFactory())
    response = client.post(reverse("conseillers:candidate_signup"), {"motivation": "x" * 2600})
    assert response.status_code == 400
    assert "Votre motivation compte 2600 caractères : la limite est de 2500" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.docx", b"PK\x03\x04" + b"\x00" * 40, "Ce fichier n&#x27;est pas un PDF : il ressemble à un document Word"),
        ("cv.html", b"<html><body>CV</body></html>", "Ce fichier n&#x27;est pas un PDF : c&#x27;est une page web"),
        ("cv.pdf", PDF_BYTES + b"0" * int(7.15 * MB), "Ce fichier pèse 7,2 Mo : la limite est de 5 Mo"),
    ],
)
def test_a_cv_that_is_not_a_pdf_or_too_heavy_is_refused_in_french(name, content, message):
    candidate = CandidateFactory()
    response = logged_in(candidate.user).post(
        reverse("conseillers:candidate_cv_upload"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CandidateCV.objects.exists()


def test_the_cv_form_says_pdf_only_and_its_limit():
    field = CVForm().fields["file"]
    assert field.widget.attrs["accept"] == "application/pdf"
    assert str(field.help_text) == "Un PDF, de 5 Mo au plus."


def test_a_cv_sent_tells_its_deletion_date():
    candidate = CandidateFactory()
    client = logged_in(candidate.user)
    response = client.post(
        reverse("conseillers:candidate_cv_upload"), {"file": SimpleUploadedFile("cv.pdf", PDF_BYTES)}, follow=True
    )
    assert "Votre CV sera supprimé le" in response.content.decode()
    assert "vous pourrez en envoyer un nouveau" in response.content.decode()


def test_pausing_and_resuming_from_the_page():
    candidate = CandidateFactory()
    client = logged_in(candidate.user)
    client.post(reverse("conseillers:candidate_pause"), {"paused": "oui"})
    candidate.refresh_from_db()
    assert candidate.paused
    client.post(reverse("conseillers:candidate_pause"), {"paused": "non"})
    candidate.refresh_from_db()
    assert not candidate.paused


def test_deleting_the_profile_asks_first_then_removes_it():
    candidate = CandidateFactory()
    client = logged_in(candidate.user)
    page = client.get(reverse("conseillers:candidate_delete")).content.decode()
    assert "Ce qui est effacé" in page and "Ce qui est gardé" in page
    client.post(reverse("conseillers:candidate_delete"))
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_the_account_page_shows_the_candidates_panel():
    candidate = CandidateFactory()
    page = logged_in(candidate.user).get(reverse("accounts:profile")).content.decode()
    assert "Ma candidature de conseiller numérique" in page
    assert (
        "Ma candidature de conseiller numérique"
        not in logged_in(UserFactory()).get(reverse("accounts:profile")).content.decode()
    )
