"""The programme team's pages name the départements (« Rhône (69) »), not bare codes; the committee's overview lists
the départements with structures first, so that on a phone the Rhône is not row 70 of a list of zeros."""

import pytest
from django.urls import reverse

from mediane.conseillers.templatetags.conseillers_labels import departement

from .factories import HostStructureFactory, programme_team

pytestmark = pytest.mark.django_db


def test_a_departement_is_named_with_its_code_and_an_unknown_code_stays_as_it_is():
    assert departement("69") == "Rhône (69)"
    assert departement("2A") == "Corse-du-Sud (2A)"
    assert departement("zz") == "zz" and departement("") == ""


def test_the_overview_lists_the_rhone_by_its_name_before_a_departement_without_activity(client):
    HostStructureFactory()
    client.force_login(programme_team())
    page = client.get(reverse("conseillers:committee")).content.decode()
    assert "Rhône (69)" in page and "Ain (01)" in page
    assert page.index("Rhône (69)") < page.index("Ain (01)")


def test_the_departement_committee_quotas_and_subsidies_pages_name_the_departement(client):
    HostStructureFactory()
    client.force_login(programme_team())
    title = client.get(reverse("conseillers:committee_departement", args=["69"])).content.decode()
    assert "Comité de sélection : Rhône (69)" in title
    assert "Rhône (69)" in client.get(reverse("conseillers:quotas")).content.decode()
    assert "Rhône (69)" in client.get(reverse("conseillers:assignment")).content.decode()
