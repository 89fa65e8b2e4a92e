"""Issue 12, test 3: a person signs up on the site from the candidates' page, confirms their address, fills their
profile, sends a PDF CV, and sees the structure that showed interest in them; another account asking for that CV's
address gets the French « page introuvable ».

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (conseillers-candidates-*.png) to be looked at.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models_candidates import Candidate
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.conseillers.factories import HostStructureFactory, RecruitmentFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, fill_sign_up, follow, log_in

pytestmark = E2E_MARKS

NEW_PASSWORD = "Une-phrase-de-passe-solide-2026"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def development_inbox(settings, tmp_path):
    """E-mails go to the development inbox, as on `make run` (MEDIANE_ENV=development)."""
    settings.EMAIL_BACKEND = settings.DEV_INBOX_BACKEND
    settings.EMAIL_FILE_PATH = str(tmp_path / "courriels")
    settings.MEDIANE_DEV_INBOX = True


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/conseillers-candidates-{name}.png", full_page=True)  # noqa: S108 - looked at


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_candidate_signs_up_sends_a_cv_and_sees_who_is_interested_and_nobody_else_reads_it(
    browse, development_inbox, tmp_path, javascript, width
):
    phone = width < 400
    email = f"yasmine-{width}@example.org"
    cv_file = tmp_path / "CV Yasmine.pdf"
    cv_file.write_bytes(PDF)
    host = HostStructureFactory(name=f"Médiathèque de Bron {width}", commune="Bron")

    page = browse(javascript=javascript, phone=phone)
    page.goto("/conseillers-numeriques/candidats/inscription/")
    assert_accessible(page)
    shoot(page, "presentation", phone)
    follow(page.get_by_role("link", name="Créer mon compte"))
    assert_accessible(page)
    fill_sign_up(page, email, NEW_PASSWORD, name="Yasmine")
    follow(page.get_by_role("button", name="Créer mon compte"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    assert_accessible(page)

    # The address is confirmed from the development inbox, as on `make run`.
    follow(page.get_by_role("link", name="Ouvrir la boîte de réception de développement"))
    assert_accessible(page)
    newest = page.locator("main section").first
    follow(newest.get_by_role("link", name=re.compile("confirm-email")))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Confirmer mon adresse"))
    assert EmailAddress.objects.get(email=email).verified
    assert_accessible(page)
    if "/candidats/inscription/" not in page.url:
        page.goto("/conseillers-numeriques/candidats/inscription/")
        assert_accessible(page)

    # The profile.
    expect(page.get_by_role("heading", level=1)).to_have_text("Devenir conseiller·e numérique : mon profil")
    page.get_by_label("Prénom").fill("Yasmine")
    page.get_by_label("Nom", exact=True).fill("Benali")
    page.locator("#id_commune").fill("69100")
    page.locator("#id_max_distance_km").select_option("15")
    page.get_by_label("Disponible à partir du").fill("2027-01-04")
    choose(page, "Demandeur·se d'emploi")
    page.get_by_label("Votre plus haut diplôme").select_option("bac_2")
    choose(page, re.compile("Un certificat de compétences"))
    page.get_by_label("Expérience en médiation numérique, en mois (facultatif)").fill("18")
    page.get_by_label("Votre motivation").fill("J'aide mes voisins à faire leurs démarches en ligne.")
    shoot(page, "profil-formulaire", phone)
    follow(page.get_by_role("button", name="Enregistrer mon profil"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ma candidature de conseiller·e numérique")
    candidate = Candidate.objects.get(user__email=email)
    assert candidate.commune == "Villeurbanne"

    # The CV.
    follow(page.get_by_role("link", name="Envoyer mon CV"))
    assert_accessible(page)
    page.get_by_label("Votre CV").set_input_files(str(cv_file))
    follow(page.get_by_role("button", name="Envoyer mon CV"))
    assert_accessible(page)
    expect(
        page.get_by_text(re.compile("Votre CV sera supprimé le .* : vous pourrez en envoyer un nouveau")).first
    ).to_be_visible()
    expect(page.get_by_text("Aucune structure ne s'est encore montrée intéressée.")).to_be_visible()

    # A structure shows interest; the candidate reloads their page.
    RecruitmentFactory(host=host, candidate=candidate, status=RecruitmentStatus.INTERESTED)
    page.reload()
    assert_accessible(page)
    interested = page.get_by_role("table", name="Les structures intéressées par votre profil")
    expect(interested.get_by_text(host.name)).to_be_visible()
    expect(interested.get_by_text("Intéressée par votre profil : elle va vous contacter")).to_be_visible()
    shoot(page, "ma-candidature", phone)

    # Another structure invites them (added by hand): they accept from their page.
    inviting = HostStructureFactory(name=f"Médiathèque de Vénissieux {width}", commune="Vénissieux")
    RecruitmentFactory(host=inviting, candidate=candidate, status=RecruitmentStatus.NEW, added_by_hand=True)
    page.reload()
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Des structures vous invitent")).to_be_visible()
    expect(interested.get_by_text(inviting.name)).to_have_count(0)
    shoot(page, "invitation", phone)
    follow(page.get_by_role("button", name="Accepter"))
    assert_accessible(page)
    expect(page.get_by_text(f"C'est noté : {inviting.name} peut maintenant lire votre CV")).to_be_visible()

    # Another account cannot reach the CV: the French 404, which says nothing of it.
    other = UserFactory(email=f"curieux-{width}@example.org")
    verify_email(other)
    intruder = browse(javascript=javascript, phone=phone)
    log_in(intruder, other.email, PASSWORD, "/")
    response = intruder.goto(f"/conseillers-numeriques/candidats/{candidate.pk}/cv/")
    assert response is not None and response.status == 404
    expect(intruder.get_by_role("heading", level=1)).to_have_text(re.compile("introuvable", re.IGNORECASE))
    assert_accessible(intruder)
    shoot(intruder, "cv-introuvable", phone)
