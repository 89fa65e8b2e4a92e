"""A structure's recommended candidates: the ranked list with its French explanation, what it leaves out, its
constant number of queries; and the programme team's global assignment page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers import recommendations
from mediane.conseillers.enums import HostStatus, RecruitmentStatus
from mediane.conseillers.matching import Pair
from mediane.conseillers.models import ProgrammeLog, Recruitment
from mediane.conseillers.recommendations import assign
from mediane.conseillers.services_matching import propose_pairs

from .factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db

# Bron, Villeurbanne and Lyon are within 10 km of each other; Marseille is far from all.
BRON = {"latitude": 45.7386, "longitude": 4.9128, "commune": "Bron", "departement": "69"}
MARSEILLE = {"latitude": 43.2965, "longitude": 5.3698, "commune": "Marseille", "departement": "13"}


def url(host):
    return reverse("conseillers:recommendations", args=[host.pk])


def test_a_manager_reads_the_ranked_candidates_with_their_explanation(client):
    host = HostStructureFactory(**BRON)
    CandidateFactory(
        first_name="Yasmine", last_name="Benali", mediation_diplomas=["titre_remn"], commune="Villeurbanne"
    )
    CandidateFactory(first_name="Paul", last_name="Girard", mediation_diplomas=[], experience_months=0)
    client.force_login(host.managers.get())
    page = client.get(url(host)).content.decode()
    assert page.index("Yasmine B.") < page.index("Paul G.")
    assert "Benali" not in page
    assert "diplômé·e en médiation numérique (titre REMN)" in page
    assert "dans sa limite de 20 km" in page
    assert "disponible avant votre date de prise de poste" in page
    assert "Comment cette liste est classée" in page


def test_the_list_leaves_out_the_far_the_paused_the_deleted_those_in_touch_and_those_holding_a_position(client):
    host = HostStructureFactory(**BRON)
    CandidateFactory(first_name="Loin", **{k: v for k, v in MARSEILLE.items()})
    CandidateFactory(first_name="EnPause", paused=True)
    CandidateFactory(first_name="Supprime", deleted_at=timezone.now())
    RecruitmentFactory(host=host, candidate=CandidateFactory(first_name="DejaVu"), status=RecruitmentStatus.NEW)
    RecruitmentFactory(candidate=CandidateFactory(first_name="EnPoste"), status=RecruitmentStatus.FINALISED)
    CandidateFactory(first_name="Retenue")
    client.force_login(host.managers.get())
    page = client.get(url(host)).content.decode()
    assert "Retenue" in page
    for name in ("Loin", "EnPause", "Supprime", "DejaVu", "EnPoste"):
        assert name not in page


def test_a_candidate_whose_limit_is_shorter_than_the_distance_is_not_recommended(client):
    host = HostStructureFactory(**BRON, max_distance_km=100)
    CandidateFactory(first_name="Proche", max_distance_km=5, latitude=45.75141, longitude=4.86142)  # Lyon 3e, ~4 km
    CandidateFactory(first_name="TropLoin", max_distance_km=5, latitude=45.90, longitude=4.95)  # ~18 km
    client.force_login(host.managers.get())
    page = client.get(url(host)).content.decode()
    assert "Proche" in page
    assert "TropLoin" not in page


def test_the_buttons_post_to_the_recruitment_of_the_candidate_when_that_page_exists(client):
    host = HostStructureFactory(**BRON)
    candidate = CandidateFactory()
    client.force_login(host.managers.get())
    page = client.get(url(host)).content.decode()
    try:
        create = reverse("conseillers:recruitment_create", args=[host.pk])
    except Exception:
        assert "Je suis intéressé·e" not in page
    else:
        assert f'action="{create}"' in page
        assert f'name="candidate" value="{candidate.pk}"' in page


@pytest.mark.parametrize("size", [3, 25])
def test_the_recommendations_page_runs_a_constant_number_of_queries(client, django_assert_num_queries, size):
    host = HostStructureFactory(**BRON)
    CandidateFactory.create_batch(size)
    RecruitmentFactory(host=host, status=RecruitmentStatus.NOT_INTERESTED)
    client.force_login(host.managers.get())
    client.get(url(host))  # warm the session
    # session, user, groups (rules), the host with its open positions, the manager check, the candidates, and the
    # two permission reads of the page's menu.
    with django_assert_num_queries(8):
        response = client.get(url(host))
    assert response.status_code == 200


def test_recommendations_are_twenty_a_page(client):
    host = HostStructureFactory(**BRON)
    CandidateFactory.create_batch(23)
    client.force_login(host.managers.get())
    first = client.get(url(host)).content.decode()
    second = client.get(url(host) + "?page=2").content.decode()
    assert "23 candidats dans votre zone" in first
    assert first.count('class="fr-mb-4w"') == 20
    assert second.count('class="fr-mb-4w"') == 3
    assert client.get(url(host) + "?page=abc").status_code == 200


def test_the_global_assignment_fills_at_least_as_many_positions_as_greedy_from_the_database():
    hosts = [HostStructureFactory(**BRON, positions_granted=1) for _ in range(3)]
    RecruitmentFactory(host=hosts[0], status=RecruitmentStatus.RECRUITED)  # its only position is taken
    CandidateFactory.create_batch(4)
    result = assign("69")
    assert result.open_positions == 2
    assert result.optimal.filled == 2 >= result.greedy.filled
    assert {row.host.pk for row in result.suggested()} == {hosts[1].pk, hosts[2].pk}


def test_the_team_reads_both_assignments_side_by_side(client):
    HostStructureFactory(**BRON, positions_granted=1)
    CandidateFactory()
    client.force_login(programme_team())
    page = client.get(reverse("conseillers:assignment") + "?departement=69").content.decode()
    assert "Une suggestion : ce sont les structures qui recrutent." in page
    assert "Optimale" in page and "Au tour par tour" in page
    assert "Proposer ces mises en relation" in page


def test_an_unknown_departement_gets_a_french_error(client):
    client.force_login(programme_team())
    response = client.get(reverse("conseillers:assignment") + "?departement=<script>")
    assert response.status_code == 200
    assert "Choisissez un département de la liste" in response.content.decode()


@pytest.mark.parametrize("size", [2, 12])
def test_the_assignment_page_runs_a_constant_number_of_queries(client, django_assert_num_queries, size):
    for _ in range(size):
        HostStructureFactory(**BRON, positions_granted=1)
    CandidateFactory.create_batch(size)
    HostStructureFactory(status=HostStatus.CREATED)
    client.force_login(programme_team())
    client.get(reverse("conseillers:assignment"))
    # session, user, groups, the form's départements, the hosts, the candidates, the pairs in touch, and the two
    # permission reads of the page's menu.
    with django_assert_num_queries(12):
        response = client.get(reverse("conseillers:assignment") + "?departement=")
    assert response.status_code == 200


def test_a_structure_not_yet_validated_gets_no_recommendations_but_the_team_sees_why(client):
    host = HostStructureFactory(status=HostStatus.CREATED, positions_granted=0, start_date=dt.date(2027, 1, 1))
    client.force_login(host.managers.get())
    assert client.get(url(host)).status_code == 404
    client.force_login(programme_team())
    assert "pas encore validée" in client.get(url(host)).content.decode()


def test_the_team_turns_the_suggested_pairs_into_new_recruitments_once(client):
    hosts = [HostStructureFactory(**BRON, positions_granted=1) for _ in range(2)]
    CandidateFactory.create_batch(3)
    client.force_login(programme_team())
    digest = recommendations.cached_assign("69").digest
    response = client.post(reverse("conseillers:assignment"), {"departement": "69", "digest": digest}, follow=True)
    assert "2 mises en relation proposées." in response.content.decode()
    made = Recruitment.objects.filter(host__in=hosts)
    assert made.count() == 2
    assert set(made.values_list("status", flat=True)) == {RecruitmentStatus.NEW}
    assert ProgrammeLog.objects.filter(recruitment__in=made).count() == 2
    # Each structure has as many people in touch as positions: proposing again sends nobody new.
    digest = recommendations.cached_assign("69").digest
    response = client.post(reverse("conseillers:assignment"), {"departement": "69", "digest": digest}, follow=True)
    assert "0 mise en relation proposée." in response.content.decode()
    assert Recruitment.objects.filter(host__in=hosts).count() == 2


def test_proposing_pairs_that_changed_since_the_page_was_read_is_refused_in_french(client):
    host = HostStructureFactory(**BRON, positions_granted=1)
    CandidateFactory()
    client.force_login(programme_team())
    seen = recommendations.cached_assign("69").digest
    CandidateFactory(experience_months=48, mediation_diplomas=["titre_remn"])
    response = client.post(reverse("conseillers:assignment"), {"departement": "69", "digest": seen}, follow=True)
    assert "Les suggestions ont changé" in response.content.decode()
    assert not Recruitment.objects.filter(host=host).exists()


def test_a_refused_pair_is_skipped_and_counted():
    host = HostStructureFactory(**BRON, positions_granted=1)
    candidate = CandidateFactory()
    pair = Pair(host.pk, candidate.pk, 3.0, 80.0)
    RecruitmentFactory(host=host, candidate=candidate)
    assert propose_pairs([pair, Pair(host.pk, 999999, 1.0, 1.0)], by=programme_team()) == (0, 2)
