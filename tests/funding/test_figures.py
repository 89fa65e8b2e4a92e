"""The public figures of funding: accepted applications only, by scheme, département and year of the decision, with
charts followed by their tables; open data of aggregates only; a year filter that survives bad input."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.funding.views_figures import OPEN_DATA_COLUMNS
from tests.funding.factories import ApplicationFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def _decided(year):
    return dt.datetime(year, 6, 15, 12, tzinfo=dt.UTC)


@pytest.fixture
def world():
    dgd = SchemeFactory(name="DGD Bibliothèques", short_name="DGD", slug="dgd")
    ctl = SchemeFactory(name="Contrat territoire-lecture", short_name="CTL", slug="ctl")
    rhone = StructureFactory(departement="69", name="Médiathèque Secrète du Rhône")
    gironde = StructureFactory(departement="33")
    ApplicationFactory(
        scheme=dgd,
        structure=rhone,
        accepted=True,
        amount_granted=Decimal("50000"),
        amount_paid=Decimal("20000"),
        decided_at=_decided(2024),
    )
    ApplicationFactory(
        scheme=ctl, structure=gironde, accepted=True, amount_granted=Decimal("12500.50"), decided_at=_decided(2025)
    )
    ApplicationFactory(scheme=dgd, structure=gironde, refused=True, title="Projet refusé confidentiel")
    ApplicationFactory(scheme=ctl, structure=rhone, title="Brouillon confidentiel")
    return dgd, ctl


def _page(response):
    return response.content.decode()


def test_the_figures_count_accepted_applications_only(client, world):
    page = _page(client.get(reverse("funding:figures")))
    assert "Montants accordés par dispositif" in page
    assert "62\u202f500,50\u00a0€" in page  # the total granted
    assert "confidentiel" not in page
    assert page.count("<svg") == 3 and page.count('<title id="graphique-') == 3
    assert "Rhône (69)" in page and "Gironde (33)" in page
    assert "2024" in page and "2025" in page


def test_every_chart_is_followed_by_its_data_table(client, world):
    page = _page(client.get(reverse("funding:figures")))
    for slug in ("dispositifs", "departements", "annees"):
        chart = page.index(f'id="graphique-{slug}-titre"')
        table = page.index(f'id="legende-{slug}-donnees"')
        assert chart < table


def test_a_year_keeps_its_decisions(client, world):
    page = _page(client.get(reverse("funding:figures"), {"annee": "2024"}))
    assert "Montants accordés par dispositif en 2024" in page
    assert "50\u202f000\u00a0€" in page and "12\u202f500,50\u00a0€</td>" not in page.split("par année")[0]


@pytest.mark.parametrize("year", ["abc", "٢٠٢٤", "1999", "99999999999999999999999", "2024\x00", "2030"])
def test_a_bad_year_shows_every_year_or_says_there_is_nothing(client, world, year):
    response = client.get(reverse("funding:figures"), {"annee": year})
    assert response.status_code == 200
    if year == "2030":
        assert "Aucune décision en 2030" in _page(response)
    else:
        assert "Montants accordés par dispositif</h2>" in _page(response)


def test_the_open_data_has_aggregates_only(client, world):
    body = b"".join(client.get(reverse("funding:figures_csv")).streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0] == ",".join(OPEN_DATA_COLUMNS)
    assert "dispositifs,dgd,DGD,1,50000.00,20000.00" in lines
    assert "departements,69,Rhône (69),1,50000.00,20000.00" in lines
    assert "annees,2025,2025,1,12500.50,0.00" in lines
    assert "Secrète" not in body and "confidentiel" not in body
    rows = json.loads(b"".join(client.get(reverse("funding:figures_json")).streaming_content))
    assert {
        "regroupement": "annees",
        "code": "2024",
        "libelle": "2024",
        "demandes_acceptees": 1,
        "montant_accorde_euros": "50000.00",
        "montant_verse_euros": "20000.00",
    } in rows


def test_the_figures_run_a_constant_number_of_queries(client, world, count_queries):
    with count_queries() as small:
        client.get(reverse("funding:figures"))
    for year in range(2015, 2024):
        ApplicationFactory(accepted=True, decided_at=_decided(year), structure=StructureFactory(departement="13"))
    with count_queries() as large:
        client.get(reverse("funding:figures"))
    assert len(large) == len(small) <= 5


def test_figures_without_any_decision(client):
    page = _page(client.get(reverse("funding:figures")))
    assert "Aucune demande acceptée pour le moment." in page
    assert timezone.localdate().strftime("%Y") in page


def test_an_unpublished_scheme_is_not_named_in_the_figures(client, world):
    ApplicationFactory(
        scheme=SchemeFactory(name="Aide en préparation", slug="aide-cachee", unpublished=True),
        accepted=True,
        amount_granted=Decimal("1000"),
        decided_at=_decided(2024),
    )
    page = _page(client.get(reverse("funding:figures")))
    assert "Aide en préparation" not in page
    assert reverse("funding:scheme", args=["aide-cachee"]) not in page
    assert "DGD" in page
