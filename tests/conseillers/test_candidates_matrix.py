"""Who reaches each candidates' page, and who reads a profile and a CV: the team, the candidate, a structure in
touch get the CV (an attachment in a sandbox); a structure not in touch, another candidate, an outsider and the
anonymous get a 404 that reveals nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from mediane.conseillers import services_candidates as services
from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.models import ProgrammeLog
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def world():
    candidate = CandidateFactory()
    services.upload_cv(candidate, SimpleUploadedFile("Mon CV.pdf", PDF_BYTES), by=candidate.user)
    in_touch = HostStructureFactory()
    RecruitmentFactory(host=in_touch, candidate=candidate, status=RecruitmentStatus.INTERESTED)
    other_host = HostStructureFactory()
    return {
        "candidate": candidate,
        "readers": {
            "team": programme_team(),
            "the candidate": candidate.user,
            "structure in touch": in_touch.managers.get(),
            "structure not in touch": other_host.managers.get(),
            "another candidate": CandidateFactory().user,
            "outsider": UserFactory(),
            "anonymous": None,
        },
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


CV_READERS = {"team", "the candidate", "structure in touch"}


@pytest.mark.parametrize(
    "reader",
    [
        "team",
        "the candidate",
        "structure in touch",
        "structure not in touch",
        "another candidate",
        "outsider",
        "anonymous",
    ],
)
def test_only_the_team_the_candidate_and_a_structure_in_touch_download_the_cv(world, reader):
    response = client_for(world["readers"][reader]).get(
        reverse("conseillers:candidate_cv", args=[world["candidate"].pk])
    )
    if reader in CV_READERS:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Security-Policy"] == "sandbox"
        assert b"".join(response.streaming_content) == PDF_BYTES
    else:
        assert response.status_code == 404


def test_a_structure_reading_the_cv_leaves_a_trace_without_a_name(world):
    response = client_for(world["readers"]["structure in touch"]).get(
        reverse("conseillers:candidate_cv", args=[world["candidate"].pk])
    )
    # Read, not close(): closing ends the request, whose signal closes the database connection (PostgreSQL).
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    entry = ProgrammeLog.objects.get(after="CV consulté par une structure")
    assert entry.actor_role == "un·e gestionnaire de la structure"


@pytest.mark.parametrize(
    ("reader", "status", "sees_contact"),
    [
        ("team", 200, True),
        ("the candidate", 200, True),
        ("structure in touch", 200, True),
        ("structure not in touch", 200, False),
        ("another candidate", 404, False),
        ("outsider", 404, False),
        ("anonymous", 404, False),
    ],
)
def test_the_profile_is_read_as_the_rules_say(world, reader, status, sees_contact):
    candidate = world["candidate"]
    response = client_for(world["readers"][reader]).get(reverse("conseillers:candidate_detail", args=[candidate.pk]))
    assert response.status_code == status
    if status == 200:
        assert (candidate.email in response.content.decode()) is sees_contact


def test_a_paused_candidate_is_hidden_from_a_structure_not_in_touch(world):
    services.pause(world["candidate"], True, by=world["candidate"].user)
    response = client_for(world["readers"]["structure not in touch"]).get(
        reverse("conseillers:candidate_detail", args=[world["candidate"].pk])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("reader", ["team", "the candidate", "structure in touch", "outsider", "anonymous"])
def test_only_the_team_reaches_the_list_of_candidates(world, reader):
    response = client_for(world["readers"][reader]).get(reverse("conseillers:candidate_list"))
    expected = {"team": 200, "anonymous": 302}.get(reader, 404)
    assert response.status_code == expected


OWN_PAGES = [
    "candidate_profile",
    "candidate_edit",
    "candidate_cv_upload",
    "candidate_cv_delete",
    "candidate_delete",
]


@pytest.mark.parametrize("name", OWN_PAGES)
def test_the_candidates_own_pages_answer_the_candidate_and_send_others_away(world, name):
    url = reverse(f"conseillers:{name}")
    assert client_for(world["readers"]["the candidate"]).get(url).status_code == 200
    assert client_for(None).get(url).status_code == 302
    outsider = client_for(world["readers"]["outsider"]).get(url).status_code
    assert outsider == (302 if name == "candidate_profile" else 404)


def test_the_candidate_sees_the_structures_that_showed_interest_in_constant_queries(
    world, django_assert_max_num_queries
):
    candidate = world["candidate"]
    client = client_for(candidate.user)
    client.get(reverse("conseillers:candidate_profile"))
    with django_assert_max_num_queries(20) as few:
        response = client.get(reverse("conseillers:candidate_profile"))
    for _ in range(5):
        RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.INTERESTED)
    RecruitmentFactory(candidate=candidate, status=RecruitmentStatus.NOT_INTERESTED, host__name="Cachée")
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(reverse("conseillers:candidate_profile"))
    assert len(many.captured_queries) == len(few.captured_queries)
    page = response.content.decode()
    assert page.count("Intéressée par votre profil") == 6
    assert "Cachée" not in page
    assert "Votre CV sera supprimé le" in page


def test_the_teams_list_runs_a_constant_number_of_queries(django_assert_max_num_queries):
    team = programme_team()
    client = client_for(team)
    CandidateFactory.create_batch(2)
    client.get(reverse("conseillers:candidate_list"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("conseillers:candidate_list"))
    CandidateFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("conseillers:candidate_list") + "?departement=69&diploma=ccp_remn&available=oui")
    assert response.status_code == 200
    assert "32 candidat·es" in response.content.decode()
