"""The programme's kit page, open to everyone: the certifying course with its open sessions, the published kit
resources of each mission chosen by their Pix competences (drafts and other frameworks left out), links to the
training kit and catalogue, and a constant number of queries whatever the catalogue's size."""

import pytest
from django.urls import reverse

from mediane.conseillers.services_training import ensure_programme_course
from mediane.training.enums import FrameworkKind
from mediane.training.models import Competence, Framework
from tests.training.factories import SessionFactory
from tests.training.factories_kit import KitResourceFactory, pix_competence

pytestmark = pytest.mark.django_db
URL = "/conseillers-numeriques/kit/"


def test_the_kit_page_is_at_its_address_and_linked_from_the_programme_page(client):
    assert reverse("conseillers:kit") == URL
    assert URL in client.get(reverse("conseillers:home")).content.decode()


def test_the_kit_page_shows_the_course_its_open_sessions_and_each_missions_resources(client):
    course = ensure_programme_course()
    SessionFactory(course=course, registration_open=True)
    SessionFactory(course=course, finished=True)
    KitResourceFactory(title="Les Bons Clics", competences=[pix_competence("2.1", "Interagir")])
    KitResourceFactory(title="Vérifier une info", competences=[pix_competence("2.4", "S'insérer")])
    KitResourceFactory(title="Mon espace France Connect", competences=[pix_competence("4.1", "Sécuriser")])
    KitResourceFactory(title="Brouillon", draft=True, competences=[pix_competence("2.1", "Interagir")])
    other = Framework.objects.create(slug="mediation-test", name="Médiation", kind=FrameworkKind.MEDIATION)
    KitResourceFactory(title="Autre référentiel", competences=[Competence.objects.create(framework=other, code="2.1")])
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200 and course.title in page
    assert len(response.context["sessions"]) == 1
    titles = [[r.title for r in mission.resources] for mission in response.context["missions"]]
    assert titles == [["Les Bons Clics"], ["Vérifier une info"], ["Mon espace France Connect"]]
    assert reverse("training:kit") in page and reverse("training:catalogue") in page


def test_the_kit_page_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    course = ensure_programme_course()
    competence = pix_competence("2.1", "Interagir")
    SessionFactory(course=course, registration_open=True)
    KitResourceFactory(competences=[competence])
    client.get(URL)
    with django_assert_num_queries(6):
        client.get(URL)
    for _ in range(4):
        SessionFactory(course=course, registration_open=True)
        KitResourceFactory(competences=[competence, pix_competence("4.2", "Protéger")])
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
