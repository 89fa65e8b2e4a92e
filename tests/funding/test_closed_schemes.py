"""A scheme whose period is over (`period_end` passed): the finder says it is closed and offers no application, its
page says so, and the services refuse a draft. France Relance, closed since the end of 2021, is seeded so."""

import datetime as dt
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.funding import eligibility
from mediane.funding import services_applications as services
from mediane.funding.models import Application, Scheme
from tests.funding.factories import SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(librarian):
    structure = StructureFactory(name="Médiathèque du Terraillon", kind="bibliotheque_municipale")
    structure.managers.add(librarian)
    return structure


def test_a_scheme_past_its_period_is_closed_whatever_its_rules_say():
    evaluation = eligibility.evaluate([], {}, closed=dt.date(2021, 12, 31))
    assert evaluation.verdict is eligibility.Verdict.CLOSED
    assert evaluation.closed_text == "Ce dispositif est clos depuis le 31 décembre 2021"


def test_a_scheme_is_closed_only_after_its_last_day():
    last = dt.date(2021, 12, 31)
    assert eligibility.closed_on(last, dt.date(2021, 12, 31)) is None
    assert eligibility.closed_on(last, dt.date(2022, 1, 1)) == last
    assert eligibility.closed_on(None, dt.date(2030, 1, 1)) is None


def test_france_relance_is_seeded_closed_since_the_end_of_2021():
    assert Scheme.objects.get(slug="france-relance-inclusion-numerique").period_end == dt.date(2021, 12, 31)


def test_the_finder_puts_a_closed_scheme_last_and_offers_no_application(client, librarian, library):
    client.force_login(librarian)
    response = client.get(reverse("funding:finder"))
    results = response.context["results"]
    assert results[-1].scheme.slug == "france-relance-inclusion-numerique"
    assert results[-1].verdict == "closed"
    page = unescape(response.content.decode())
    assert "Ce dispositif est clos depuis le 31 décembre 2021." in page
    section = page.split('id="aide-france-relance-inclusion-numerique"')[1]
    assert "Déposer une demande" not in section
    assert "1 clos" in page


def test_a_closed_schemes_page_says_it_takes_no_application(client, librarian):
    client.force_login(librarian)
    page = unescape(client.get(reverse("funding:scheme", args=["france-relance-inclusion-numerique"])).content.decode())
    assert "Ce dispositif est clos depuis le 31 décembre 2021 : il ne reçoit plus de demande." in page
    assert reverse("funding:application_create", args=["france-relance-inclusion-numerique"]) not in page


def test_a_closed_scheme_takes_no_draft_and_nothing_is_written(librarian, library):
    scheme = SchemeFactory(period_end=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(services.ApplicationError, match="clos depuis le .* il ne reçoit plus de demande"):
        services.create_application(
            scheme, library, services.ApplicationData("Titre", "Texte", Decimal("10")), by=librarian
        )
    assert not Application.objects.exists()


def test_a_scheme_open_until_today_still_takes_a_draft(librarian, library):
    scheme = SchemeFactory(period_end=timezone.localdate())
    services.create_application(
        scheme, library, services.ApplicationData("Titre", "Texte", Decimal("10")), by=librarian
    )
    assert Application.objects.count() == 1


def test_the_form_of_a_closed_scheme_leads_back_to_its_page_with_why(client, librarian, library):
    client.force_login(librarian)
    url = reverse("funding:application_create", args=["france-relance-inclusion-numerique"])
    response = client.post(url, {"structure": library.pk, "title": "T", "description": "D", "amount_requested": "10"})
    assert response.status_code == 302
    assert response["Location"] == reverse("funding:scheme", args=["france-relance-inclusion-numerique"])
    page = unescape(client.get(response["Location"]).content.decode())
    assert "Ce dispositif est clos depuis le 31 décembre 2021 : il ne reçoit plus de demande." in page
    assert not Application.objects.exists()
