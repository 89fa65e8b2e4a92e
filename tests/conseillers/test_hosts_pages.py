"""The pages of host structures and of the committee: a manager registers a structure (a bad SIRET or a duplicate
told in French, the duplicate saved once confirmed), requests positions; the team records an opinion and sets
quotas (computed with a preview, refused when they do not add up); every list runs a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mediane.conseillers.enums import HostStatus
from mediane.conseillers.models import DepartementQuota, HostStructure, PositionRequest, QuotaSet
from tests.accounts.factories import UserFactory

from .factories import CandidateFactory, HostStructureFactory, programme_team, siret

pytestmark = pytest.mark.django_db


def registration(**overrides):
    return {
        "kind": "commune",
        "name": "Médiathèque de Vaulx-en-Velin",
        "siret": siret(700),
        "commune": "Vaulx-en-Velin",
        "address": "1 rue de la République",
        "contact_name": "Sam Petit",
        "contact_email": "sam@vaulx.example.org",
        "advisers_wished": "2",
        "start_date": "01/09/2026",
        "motivation": "Des habitants nombreux à demander de l'aide.",
        "charter_commitment": "on",
        "max_distance_km": "40",
    } | overrides


def test_the_programme_page_explains_and_counts_in_a_constant_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        page = client.get(reverse("conseillers:home")).content.decode()
    assert "50 000 €" in page and "Inscrire ma structure" in page
    HostStructureFactory.create_batch(3)
    CandidateFactory.create_batch(2)
    with django_assert_num_queries(2):
        page = client.get(reverse("conseillers:home")).content.decode()
    assert "<strong>6</strong> postes accordés" in page


def test_a_manager_registers_a_structure_and_lands_on_its_page(client):
    client.force_login(UserFactory())
    response = client.post(reverse("conseillers:host_register"), registration())
    host = HostStructure.objects.get()
    assert response.status_code == 302 and response.url == host.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "Le comité de sélection de votre département l&#x27;examinera" in page or "examinera" in page
    assert host.requests.get().positions == 2


def test_a_bad_siret_and_a_duplicate_are_explained_on_the_form(client):
    client.force_login(UserFactory())
    page = client.post(reverse("conseillers:host_register"), registration(siret="123")).content.decode()
    assert "Ce SIRET n&#x27;est pas valide" in page
    HostStructureFactory(siret=siret(700), name="Commune de Vaulx-en-Velin")
    response = client.post(reverse("conseillers:host_register"), registration())
    page = response.content.decode()
    assert response.status_code == 400 and "Commune de Vaulx-en-Velin" in page
    assert "Il s&#x27;agit bien d&#x27;une autre demande pour cette structure" in page
    client.post(reverse("conseillers:host_register"), registration(other_request="on"))
    assert HostStructure.objects.filter(status=HostStatus.DUPLICATE).count() == 1


def test_a_manager_requests_more_positions(client):
    host = HostStructureFactory()
    client.force_login(host.managers.get())
    url = reverse("conseillers:request_create", args=[host.pk])
    response = client.post(url, {"kind": "ajout", "positions": "1", "reason": "Une antenne"})
    assert response.status_code == 302 and host.requests.get().positions == 1


def test_the_team_records_an_opinion_that_the_manager_then_reads(client):
    DepartementQuota.objects.create(departement="69", positions=5)
    host = HostStructureFactory(created=True)
    request = PositionRequest.objects.create(host=host, positions=2)
    client.force_login(programme_team())
    response = client.post(
        reverse("conseillers:decision_create", args=[request.pk]),
        {"opinion": "favorable", "positions_granted": "1", "decided_on": "15/03/2026", "note": "Bon projet"},
    )
    assert response.status_code == 302
    client.force_login(host.managers.get())
    page = client.get(host.get_absolute_url()).content.decode()
    assert "CS-2026-69-0001" in page and "1 poste accordé" in page and "CN-69-0001" in page


def test_granting_beyond_the_quota_is_explained_on_the_form(client):
    DepartementQuota.objects.create(departement="69", positions=1)
    request = PositionRequest.objects.create(host=HostStructureFactory(created=True), positions=2)
    client.force_login(programme_team())
    response = client.post(
        reverse("conseillers:decision_create", args=[request.pk]),
        {"opinion": "favorable", "positions_granted": "2", "decided_on": "15/03/2026"},
    )
    assert response.status_code == 400 and "il en reste 1" in response.content.decode()


def test_quotas_are_previewed_from_the_population_then_saved(client):
    client.force_login(programme_team())
    url = reverse("conseillers:quotas")
    page = client.post(url, {"action": "calculer", "index": "population"}).content.decode()
    assert "Aperçu" in page and "au plus fort reste" in page
    response = client.post(url, {"action": "calculer", "index": "indice_donne", "values": "69;10\nzz;3"})
    assert response.status_code == 400 and "Ligne 2" in response.content.decode()
    from mediane.conseillers.quotas import encode_index
    from mediane.conseillers.services_committee import compute_index, compute_quotas

    index = compute_index("population")
    computed = compute_quotas(index)
    data = {"action": "enregistrer", "indice": "population", "valeurs_indice": encode_index(index)}
    data |= {f"d_{k}": str(v) for k, v in computed.items()}
    assert client.post(url, data).status_code == 302
    assert sum(DepartementQuota.objects.values_list("positions", flat=True)) == 4000
    assert DepartementQuota.objects.get(departement="69").index_value == index["69"]
    assert QuotaSet.objects.get().index == "population"
    data["d_69"] = str(computed["69"] + 2)
    assert "il y en a 2 de trop" in client.post(url, data).content.decode()


def test_the_lists_run_a_constant_number_of_queries(client, django_assert_num_queries):
    team = programme_team()
    client.force_login(team)
    urls = [
        reverse("conseillers:host_list"),
        reverse("conseillers:committee"),
        reverse("conseillers:committee_departement", args=["69"]),
    ]
    PositionRequest.objects.create(host=HostStructureFactory(created=True), positions=1)
    counts = []
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    for _ in range(4):
        PositionRequest.objects.create(host=HostStructureFactory(created=True), positions=1)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200


def test_an_unknown_departement_is_a_404(client):
    client.force_login(programme_team())
    assert client.get(reverse("conseillers:committee_departement", args=["99"])).status_code == 404


def test_the_start_date_is_checked_as_a_date(client):
    client.force_login(UserFactory())
    response = client.post(reverse("conseillers:host_register"), registration(start_date="demain"))
    assert response.status_code == 400 and not HostStructure.objects.exists()


def test_a_manager_edits_the_registration_until_it_is_final(client):
    host = HostStructureFactory(created=True)
    client.force_login(host.managers.get())
    url = reverse("conseillers:host_edit", args=[host.pk])
    page = client.get(url).content.decode()
    assert "Villeurbanne" in page and "SIRET" not in page
    data = registration(name="Médiathèque du Tonkin", commune="Villeurbanne")
    assert client.post(url, data).status_code == 302
    host.refresh_from_db()
    assert host.name == "Médiathèque du Tonkin"
    HostStructure.objects.filter(pk=host.pk).update(status=HostStatus.CANCELLED)
    assert client.get(url).status_code == 302
    assert "Modifier l'inscription" not in client.get(host.get_absolute_url()).content.decode()


def test_the_account_page_links_a_manager_to_their_structures(client):
    host = HostStructureFactory()
    client.force_login(host.managers.get())
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Mes structures d'accueil de conseillers numériques" in page
    client.force_login(UserFactory())
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Mes structures d'accueil de conseillers numériques" not in page


def test_the_committee_page_counts_each_structures_positions_once_whatever_its_requests(client):
    host = HostStructureFactory(departement="01", positions_granted=3)
    PositionRequest.objects.create(host=host, positions=1)
    PositionRequest.objects.create(host=host, positions=2)
    client.force_login(programme_team())
    row = next(d for d in client.get(reverse("conseillers:committee")).context["departements"] if d["code"] == "01")
    assert (row["granted"], row["pending"]) == (3, 2)


def test_an_index_given_by_the_team_is_previewed_then_saved_beside_the_quotas(client):
    client.force_login(programme_team())
    url = reverse("conseillers:quotas")
    page = client.post(url, {"action": "calculer", "index": "indice_donne", "values": "69;3\n01;1"})
    assert page.status_code == 200 and 'value="01=1,69=3"' in page.content.decode()
    data = {"action": "enregistrer", "indice": "indice_donne", "valeurs_indice": "01=1,69=3"}
    data |= {
        f"d_{k}": "0"
        for k in page.context["form"].fields and [n.removeprefix("d_") for n in page.context["form"].fields]
    }
    data |= {"d_69": "3000", "d_01": "1000"}
    assert client.post(url, data).status_code == 302
    assert DepartementQuota.objects.get(departement="01").index_value == 1
    assert DepartementQuota.objects.get(departement="75").index_value is None
    data["valeurs_indice"] = "69=x"
    assert "calculez l&#x27;aperçu à nouveau" in client.post(url, data).content.decode()


def test_the_lists_pages_keep_their_filters_and_write_page_once(client):
    client.force_login(programme_team())
    for _ in range(51):
        HostStructureFactory(created=True)
    page = client.get(reverse("conseillers:host_list"), {"statut": "creee", "page": "2"}).content.decode()
    assert "page=1" in page and "page=2&amp;page" not in page and "&amp;page=1&amp;page" not in page


def test_the_organisers_hub_gives_the_team_the_candidates_list():
    from mediane.pages.organisation import sections_for

    [section] = [s for s in sections_for(programme_team()) if s.title == "Conseillers numériques"]
    assert "conseillers:candidate_list" in [task.url_name for task in section.tasks]
