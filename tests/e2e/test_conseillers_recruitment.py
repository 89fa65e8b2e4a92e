"""Issue 12, test 2: a structure reads its recommended candidates with their explanations, opens a CV, and recruits
one; the programme team finalises it and the subsidy schedule appears.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (conseillers-recruitment-*.png) to be looked at.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import CandidateCV, Recruitment
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, programme_team
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in

pytestmark = E2E_MARKS


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/conseillers-recruitment-{name}.png", full_page=True)  # noqa: S108 - looked at


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_structure_recruits_a_recommended_candidate_and_the_team_finalises_it(browse, javascript, width):
    phone = width < 400
    manager = UserFactory(email=f"camille-{width}@example.org", display_name="Camille")
    verify_email(manager)
    host = HostStructureFactory(name=f"Médiathèque de Bron {width}", managers=[manager], positions_granted=1)
    candidate = CandidateFactory(first_name="Yasmine", last_name="Benali", mediation_diplomas=["titre_remn"])
    cv = CandidateCV(candidate=candidate)
    cv.take_upload(SimpleUploadedFile("cv-yasmine.pdf", b"%PDF-1.4\n%%EOF\n"))
    cv.save()
    team = programme_team(email=f"equipe-{width}@example.org")
    verify_email(team)

    # The structure: its recommended candidates, each with the reasons of their place.
    page = browse(javascript=javascript, phone=phone)
    log_in(page, manager.email, PASSWORD, f"/conseillers-numeriques/structures/{host.pk}/candidats/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Candidats recommandés")
    expect(page.get_by_text(re.compile(r"km")).first).to_be_visible()
    shoot(page, "recommandations", phone)
    follow(page.get_by_role("button", name=re.compile("Je suis intéressé·e")).first)
    assert_accessible(page)
    recruitment = Recruitment.objects.get(host=host, candidate=candidate)
    assert recruitment.status == RecruitmentStatus.INTERESTED
    expect(page.get_by_text("Étape du recrutement : Intéressée")).to_be_visible()
    shoot(page, "interessee", phone)

    # Now in touch: the candidate's page shows the CV, which downloads.
    follow(page.get_by_role("link", name="Yasmine Benali"))
    assert_accessible(page)
    cv_link = page.get_by_role("link", name=re.compile("Télécharger le CV"))
    download = page.request.get(cv_link.get_attribute("href"))
    assert download.status == 200
    assert download.body().startswith(b"%PDF")
    page.go_back()

    # The contract: a wrong end date first, told in French, then the right one.
    page.get_by_label("Type de contrat").select_option("cdd")
    page.get_by_label("Date de début du contrat").fill("05/01/2027")
    page.get_by_label("Date de fin du contrat (sauf CDI)").fill("01/01/2027")
    follow(page.get_by_role("button", name="Déclarer le recrutement"))
    assert_accessible(page)
    expect(page.get_by_text("La date de fin du contrat doit être après sa date de début.")).to_be_visible()
    shoot(page, "contrat-refuse", phone)
    page.get_by_label("Date de fin du contrat (sauf CDI)").fill("04/01/2029")
    follow(page.get_by_role("button", name="Déclarer le recrutement"))
    assert_accessible(page)
    expect(page.get_by_text("Étape du recrutement : Recrutée")).to_be_visible()
    page.goto(f"/conseillers-numeriques/structures/{host.pk}/recrutements/")
    assert_accessible(page)
    expect(page.get_by_text("1 poste accordé, 1 est déjà pourvu")).to_be_visible()
    shoot(page, "recrutements", phone)

    # The team: the list, « à finaliser » first; validation; the grant's schedule appears.
    desk = browse(javascript=javascript, phone=phone)
    log_in(desk, team.email, PASSWORD, "/conseillers-numeriques/programme/recrutements/")
    assert_accessible(desk)
    shoot(desk, "liste-equipe", phone)
    follow(desk.get_by_role("link", name="Yasmine Benali"))
    assert_accessible(desk)
    follow(desk.get_by_role("button", name="Valider le recrutement"))
    assert_accessible(desk)
    expect(desk.get_by_text("Étape du recrutement : Finalisée")).to_be_visible()
    expect(desk.get_by_role("cell", name="Échéance 4 sur 4")).to_be_visible()
    expect(desk.get_by_text("Inscription à faire").first).to_be_visible()
    shoot(desk, "finalisee", phone)
    desk.goto("/conseillers-numeriques/programme/subventions/")
    assert_accessible(desk)
    expect(desk.get_by_text(re.compile(r"50\s000\s€ accordés"))).to_be_visible()
    shoot(desk, "subventions", phone)
    desk.goto("/conseillers-numeriques/programme/formation/")
    assert_accessible(desk)
    shoot(desk, "formation", phone)

    # The structure sees the schedule too.
    page.goto(recruitment.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_role("cell", name="Échéance 1 sur 4")).to_be_visible()
