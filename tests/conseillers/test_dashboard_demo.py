"""The demo (`load_demo`) gives the dashboard and the roadmap's live figure real-looking numbers: months of reports
by the demo advisers, Karim (the « conseiller » persona) in post and reporting, and the roadmap action
« 4 000 conseillers numériques recrutés » measured by its indicator."""

import datetime as dt

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers.models_reports import ActivityReport
from mediane.conseillers.services_reports import current_recruitment
from mediane.pages.demo.personas import DEMO_PASSWORD
from mediane.roadmap.models import Action
from tests.pages.test_load_demo import demo  # noqa: F401 - the module's demo, loaded once

pytestmark = pytest.mark.django_db


def test_the_demo_advisers_report_for_months_and_karim_is_one_of_them(demo):  # noqa: F811
    karim = authenticate(email="conseiller@mediane.localhost", password=DEMO_PASSWORD)
    assert karim is not None
    assert current_recruitment(karim) is not None
    reports = ActivityReport.objects.all()
    assert reports.filter(adviser=karim).count() >= 50
    assert reports.values("adviser").distinct().count() >= 2
    oldest = reports.order_by("date").first().date
    assert oldest <= timezone.localdate() - dt.timedelta(days=90)
    assert reports.filter(kind="individuel").count() > 5 * reports.filter(kind="collectif").count()


def test_the_dashboard_and_the_roadmap_show_the_demo_figures(demo, client):  # noqa: F811
    page = client.get(reverse("conseillers:dashboard")).content.decode()
    assert "Rhône (69)" in page
    action = Action.objects.get(title="4 000 conseillers numériques recrutés")
    assert action.indicator == "conseillers_recrutes"
    page = client.get(reverse("roadmap:action", args=[action.pk])).content.decode()
    assert "conseillers numériques recrutés sur 4" in page
