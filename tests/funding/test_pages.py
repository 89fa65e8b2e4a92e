"""The public pages of funding schemes and the finder: the list, a scheme, the finder for a manager (and who may
run it on which structure), the profile, the open data, and their query counts."""

import re
from html import unescape

import pytest
from django.urls import reverse

from mediane.funding.models import Scheme, StructureProfile
from tests.funding.factories import EligibilityRuleFactory, SchemeFactory, StructureProfileFactory
from tests.roadmap.factories import CharterSignatureFactory, CharterVersionFactory
from tests.structures.factories import PlaceFactory, StructureFactory

pytestmark = pytest.mark.django_db


def without_tokens(response) -> str:
    return re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode())


@pytest.fixture
def library(librarian):
    structure = StructureFactory(name="Médiathèque du Terraillon")
    structure.managers.add(librarian)
    return structure


def test_the_list_shows_the_published_schemes_with_funder_period_and_amount_and_the_call_to_action(client):
    SchemeFactory(name="Aide cachée", unpublished=True)
    page = unescape(client.get(reverse("funding:schemes")).content.decode())
    assert "Conseiller numérique France Services" in page
    assert "50 000 € par poste de conseiller, versés sur deux ans." in page
    assert "Chaque année, depuis 1986" in page
    assert "Vérifier l'éligibilité de ma structure" in page
    assert "Chiffre donné à titre d'exemple" in page
    assert "Aide cachée" not in page


def test_a_scheme_page_gives_its_text_amounts_and_rules_in_plain_words(client):
    page = unescape(client.get(reverse("funding:scheme", args=["conseiller-numerique"])).content.decode())
    assert "<h1>Conseiller numérique France Services</h1>" in page
    assert "50\u202f000\u00a0€ par poste de conseiller numérique" in page
    assert "Ce dispositif est ouvert aux collectivités" in page
    assert "<strong>50 000 € par poste, sur deux ans</strong>" in page  # the Markdown subset, rendered
    assert "Chiffre donné à titre d'exemple" not in page


def test_an_unpublished_scheme_is_not_found_but_for_organisers(client, organiser):
    SchemeFactory(slug="brouillon", unpublished=True)
    assert client.get(reverse("funding:scheme", args=["brouillon"])).status_code == 404
    client.force_login(organiser)
    assert client.get(reverse("funding:scheme", args=["brouillon"])).status_code == 200


def test_an_anonymous_visitor_is_told_that_a_structure_manager_signs_in(client):
    page = unescape(client.get(reverse("funding:finder")).content.decode())
    assert "Connectez-vous en tant que responsable de structure" in page
    assert "Les aides pour" not in page


def test_a_signed_in_person_who_manages_nothing_is_told_so(client, citizen):
    client.force_login(citizen)
    assert "n'est responsable d'aucune structure" in unescape(client.get(reverse("funding:finder")).content.decode())


def test_a_manager_of_one_structure_gets_its_results_eligible_first_with_each_rule_why_and_what_to_do(
    client, librarian, library
):
    StructureProfileFactory(structure=library, rural_area=False, priority_neighbourhood=None, staff_trained=2)
    client.force_login(librarian)
    response = client.get(reverse("funding:finder"))
    page = unescape(response.content.decode())
    assert "Les aides pour « Médiathèque du Terraillon »" in page
    results = response.context["results"]
    verdicts = [result.verdict for result in results]
    assert verdicts == sorted(verdicts, key=["eligible", "to_confirm", "not_eligible", "closed"].index)
    by_slug = {result.scheme.slug: result.verdict for result in results}
    # Lyon 3e: 4 arrondissement population under 100,000; the CTL asks for a quartier prioritaire not declared.
    assert by_slug["dgd-bibliotheques"] == "eligible"
    assert by_slug["ctl-cdli"] == "to_confirm"
    assert "Votre structure est une bibliothèque municipale" in page
    assert "Nous ne savons pas encore ceci de votre structure : lieu en quartier prioritaire." in page
    assert reverse("funding:profile", args=[library.pk]) in page
    assert "(d'après le référentiel des communes" in page
    assert "(déclaré par votre structure le" in page
    assert "Condition remplie :" in page


def test_an_unsigned_charter_rule_links_to_the_signature(client, librarian, library):
    scheme = SchemeFactory(name="Aide aux signataires")
    EligibilityRuleFactory(scheme=scheme, fact="charter_signed", operator="is_true", value=None)
    CharterVersionFactory(number=1)
    client.force_login(librarian)
    page = unescape(client.get(reverse("funding:finder")).content.decode())
    assert "Signez la charte de l'inclusion numérique en bibliothèque pour votre structure." in page
    assert reverse("roadmap:charter_sign") in page


def test_a_signature_of_the_version_in_force_makes_the_charter_rule_pass(client, librarian, library):
    version = CharterVersionFactory(number=1)
    CharterSignatureFactory(structure=library, version=version)
    scheme = SchemeFactory(name="Aide aux signataires")
    EligibilityRuleFactory(scheme=scheme, fact="charter_signed", operator="is_true", value=None)
    client.force_login(librarian)
    results = client.get(reverse("funding:finder")).context["results"]
    assert next(r for r in results if r.scheme == scheme).verdict == "eligible"


def test_the_labels_of_the_structures_places_are_facts(client, librarian, library):
    PlaceFactory(structure=library, dispositif_programmes_nationaux=["France Services"])
    scheme = SchemeFactory(name="Aide France Services")
    EligibilityRuleFactory(scheme=scheme, fact="labels", operator="any_of", value=["France Services"])
    client.force_login(librarian)
    response = client.get(reverse("funding:finder"))
    assert next(r for r in response.context["results"] if r.scheme == scheme).verdict == "eligible"
    assert "Vos lieux ont le label France Services" in unescape(response.content.decode())


def test_a_manager_of_another_structure_cannot_run_the_finder_on_this_one(client, librarian, library):
    other = StructureFactory(name="Bibliothèque secrète")
    client.force_login(librarian)
    response = client.get(reverse("funding:finder"), {"structure": other.pk})
    assert response.status_code == 404
    assert "Bibliothèque secrète" not in unescape(response.content.decode())
    missing = client.get(reverse("funding:finder"), {"structure": 999_999})
    assert missing.status_code == 404
    # The same answer as for a structure that does not exist (nonce and CSRF token aside): nothing is leaked.
    assert without_tokens(missing) == without_tokens(response)


def test_a_manager_of_several_structures_chooses_one(client, librarian, library):
    second = StructureFactory(name="Bibliothèque annexe")
    second.managers.add(librarian)
    client.force_login(librarian)
    page = unescape(client.get(reverse("funding:finder")).content.decode())
    assert '<select class="fr-select" id="id_structure" name="structure">' in page
    assert "Les aides pour" not in page
    chosen = unescape(client.get(reverse("funding:finder"), {"structure": second.pk}).content.decode())
    assert "Les aides pour « Bibliothèque annexe »" in chosen


def test_an_organiser_searches_and_runs_the_finder_on_any_structure(client, organiser, library):
    client.force_login(organiser)
    found = unescape(client.get(reverse("funding:finder"), {"q": "terraillon"}).content.decode())
    assert f"?structure={library.pk}" in found
    page = unescape(client.get(reverse("funding:finder"), {"structure": library.pk}).content.decode())
    assert "Les aides pour « Médiathèque du Terraillon »" in page


def test_the_finder_runs_a_constant_number_of_queries(client, librarian, library, django_assert_num_queries):
    StructureProfileFactory(structure=library)
    client.force_login(librarian)
    client.get(reverse("funding:finder"))  # warm the communes reference and the session
    with django_assert_num_queries(12) as small:
        client.get(reverse("funding:finder"))
    for _ in range(10):
        scheme = SchemeFactory()
        EligibilityRuleFactory.create_batch(3, scheme=scheme)
        PlaceFactory(structure=library)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("funding:finder"))


def test_the_list_of_schemes_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    client.get(reverse("funding:schemes"))
    with django_assert_num_queries(2) as small:
        client.get(reverse("funding:schemes"))
    SchemeFactory.create_batch(10)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("funding:schemes"))


def test_a_manager_edits_the_profile_and_goes_back_to_the_finder(client, librarian, library):
    client.force_login(librarian)
    url = reverse("funding:profile", args=[library.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"rural_area": "non", "priority_neighbourhood": "oui", "population_served": "", "staff_trained": "3"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('funding:finder')}?structure={library.pk}"
    profile = StructureProfile.objects.get(structure=library)
    assert (profile.rural_area, profile.priority_neighbourhood, profile.staff_trained) == (False, True, 3)
    assert profile.updated_by == librarian


def test_a_profile_with_a_number_that_is_not_one_is_refused_in_french(client, librarian, library):
    client.force_login(librarian)
    response = client.post(reverse("funding:profile", args=[library.pk]), {"staff_trained": "trois"})
    assert response.status_code == 400
    assert "Ce nombre" in unescape(response.content.decode())
    assert not StructureProfile.objects.exists()


def test_someone_else_cannot_edit_a_structures_profile(client, citizen, library):
    client.force_login(citizen)
    assert client.get(reverse("funding:profile", args=[library.pk])).status_code == 403
    assert client.get(reverse("funding:profile", args=[999_999])).status_code == 403


def test_the_open_data_lists_published_schemes_one_row_per_rule(client):
    SchemeFactory(name="Aide cachée", unpublished=True)
    csv = client.get(reverse("funding:schemes_csv")).getvalue().decode()
    assert csv.splitlines()[0].startswith("dispositif,nom,financeur")
    assert "conseiller-numerique" in csv
    assert "Aide cachée" not in csv
    rules = sum(scheme.rules.count() for scheme in Scheme.objects.public())
    assert len(csv.strip().splitlines()) == 1 + rules
    data = client.get(reverse("funding:schemes_json")).getvalue().decode()
    assert '"dispositif": "dgd-bibliotheques"' in data


def test_the_forums_open_data_page_links_the_schemes_downloads(client):
    page = client.get(reverse("consultation:open_data")).content.decode()
    assert reverse("funding:schemes_csv") in page
    assert reverse("funding:schemes_json") in page
