"""The recruitment pages: putting in touch from a recommendation, adding by hand without revealing accounts, the
moves' forms and their French errors, the grant and training shown, and constant queries on every list."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mediane.conseillers import services_training
from mediane.conseillers.enums import ContractType, RecruitmentStatus
from mediane.conseillers.models import Recruitment
from mediane.conseillers.services_recruitment import MoveData, move_recruitment
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team
from tests.training.factories import SessionFactory

pytestmark = pytest.mark.django_db
R = RecruitmentStatus


@pytest.fixture(autouse=True)
def certifying_course():
    """The programme's course, made on first use; here before the sessions the tests give it."""
    return services_training.ensure_programme_course()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def finalised(host=None):
    recruitment = RecruitmentFactory(status=R.INTERESTED, **({"host": host} if host else {}))
    data = MoveData(contract_type=ContractType.CDD, starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2028, 1, 4))
    move_recruitment(recruitment, "recruter", data, by=recruitment.host.managers.get())
    return move_recruitment(recruitment, "finaliser", by=programme_team())


def test_a_structure_shows_interest_in_a_candidate_from_a_recommendation():
    host, candidate = HostStructureFactory(), CandidateFactory()
    client = logged_in(host.managers.get())
    url = reverse("conseillers:recruitment_create", args=[host.pk])
    response = client.post(url, {"candidate": candidate.pk, "interest": "oui"})
    recruitment = Recruitment.objects.get()
    assert response.url == recruitment.get_absolute_url()
    assert recruitment.status == R.INTERESTED
    again = client.post(url, {"candidate": candidate.pk, "interest": "oui"}, follow=True)
    assert "déjà dans vos recrutements" in again.content.decode()


def test_adding_by_hand_answers_the_same_whether_the_address_has_a_profile_or_not():
    host, candidate = HostStructureFactory(), CandidateFactory()
    client = logged_in(host.managers.get())
    url = reverse("conseillers:recruitment_create", args=[host.pk])
    known = client.post(url, {"email": candidate.email}, follow=True).content.decode()
    unknown = client.post(url, {"email": "inconnu@example.org"}, follow=True).content.decode()
    sentence = "Si un profil de candidat·e disponible correspond à cette adresse"
    assert sentence in known and sentence in unknown
    assert Recruitment.objects.get().added_by_hand


def test_a_bad_address_gets_a_precise_french_error():
    host = HostStructureFactory()
    response = logged_in(host.managers.get()).post(
        reverse("conseillers:recruitment_create", args=[host.pk]), {"email": "pas une adresse"}
    )
    assert response.status_code == 200
    assert "Écrivez une adresse e-mail complète" in response.content.decode()


def test_a_contract_with_junk_dates_is_refused_on_the_form():
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    response = logged_in(recruitment.host.managers.get()).post(
        reverse("conseillers:recruitment_move", args=[recruitment.pk, "recruter"]),
        {"recruter-contract_type": "cdd", "recruter-starts_on": "demain", "recruter-ends_on": "31/02/2027"},
    )
    assert response.status_code == 400
    assert "écrivez une date au format jj/mm/aaaa" in response.content.decode()
    recruitment.refresh_from_db()
    assert recruitment.status == R.INTERESTED


def test_the_recruitment_page_shows_the_grant_schedule_the_training_and_the_kit():
    recruitment = finalised()
    page = logged_in(recruitment.host.managers.get()).get(recruitment.get_absolute_url()).content.decode()
    assert "Échéance 4 sur 4" in page
    assert "50\u202f000\xa0€" in page
    assert "Inscription à faire" in page
    assert reverse("conseillers:kit") in page
    assert services_training.programme_course().get_absolute_url() in page


def test_the_team_enrols_an_adviser_in_a_chosen_session():
    recruitment = finalised()
    session = SessionFactory(course=services_training.programme_course())
    client = logged_in(programme_team())
    assert recruitment.candidate.full_name in client.get(reverse("conseillers:training_status")).content.decode()
    client.post(reverse("conseillers:training_status"), {"recruitment": recruitment.pk, "session": session.pk})
    recruitment.refresh_from_db()
    assert recruitment.training_enrolment.registrable == session
    junk = client.post(reverse("conseillers:training_status"), {"recruitment": "x", "session": "y"})
    assert junk.status_code == 404


def test_the_subsidies_page_sums_per_departement_and_downloads_per_structure():
    finalised()
    finalised()
    client = logged_in(programme_team())
    page = client.get(reverse("conseillers:subsidies")).content.decode()
    assert "100\u202f000\xa0€" in page
    csv = b"".join(client.get(reverse("conseillers:subsidies") + "?format=csv").streaming_content).decode()
    assert (
        csv.splitlines()[0] == "\ufeffStructure;SIRET;Département;Conseillers;Accordé (€);Versé (€);Reste à verser (€)"
    )
    assert len(csv.splitlines()) == 3


def test_the_team_list_puts_the_recruitments_to_finalise_first_and_filters():
    waiting = RecruitmentFactory(status=R.RECRUITED)
    RecruitmentFactory(status=R.INTERESTED)
    client = logged_in(programme_team())
    page = client.get(reverse("conseillers:recruitment_list")).content.decode()
    assert page.index(waiting.candidate.full_name) < page.index("Recrutée") + 2000
    filtered = client.get(reverse("conseillers:recruitment_list"), {"status": "a-finaliser"}).content.decode()
    assert "1 recrutement." in filtered
    junk = client.get(reverse("conseillers:recruitment_list"), {"departement": "<script>", "page": "x"})
    assert junk.status_code == 200
    assert "numéro du département" in junk.content.decode()


@pytest.mark.parametrize("name", ["recruitment_list", "subsidies", "training_status"])
def test_team_lists_run_a_constant_number_of_queries(name):
    team = programme_team()
    client = logged_in(team)
    url = reverse(f"conseillers:{name}")
    finalised()
    client.get(url)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
        for _ in range(3):
            finalised()
    assert counts[0] == counts[1]


def test_a_structures_recruitments_page_says_its_positions_in_words_in_constant_queries():
    host = HostStructureFactory(positions_granted=2)
    client = logged_in(host.managers.get())
    url = reverse("conseillers:host_recruitments", args=[host.pk])
    finalised(host)
    with CaptureQueriesContext(connection) as first:
        page = client.get(url).content.decode()
    assert "2 postes accordés, 1 est déjà pourvu" in page
    for _ in range(4):
        RecruitmentFactory(host=host)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(first) == len(second)
