"""Roadmap actions that take their progress from an indicator: the registry, the manage form, the refresh on
`programme_figures_changed` (an update in the history only when the percentage changes, the parents following) and
the live figure on the public page, with the Conseillers numériques programme's own indicators."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from mediane.conseillers import services_training
from mediane.conseillers.enums import ContractType, RecruitmentStatus
from mediane.conseillers.models_reports import ActivityReport
from mediane.conseillers.services_recruitment import MoveData, move_recruitment
from mediane.roadmap import services
from mediane.roadmap.enums import UpdateKind
from mediane.roadmap.indicators import INDICATORS, progress_of
from mediane.roadmap.models import Action, ActionUpdate
from mediane.roadmap.services_indicators import measure, refresh_measured_actions
from tests.conseillers.factories import RecruitmentFactory, adviser, programme_team, report
from tests.conseillers.test_reports_pages import individual
from tests.roadmap.factories import ActionFactory, AxisFactory, StageFactory
from tests.roadmap.test_manage_pages import action_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    return {"stage": StageFactory(), "axis": AxisFactory()}


def finalise(recruitment=None):
    recruitment = recruitment or RecruitmentFactory(status=RecruitmentStatus.INTERESTED)
    cdd = MoveData(contract_type=ContractType.CDD, starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2028, 1, 4))
    move_recruitment(recruitment, "recruter", cdd, by=recruitment.host.managers.get())
    return move_recruitment(recruitment, "finaliser", by=programme_team())


def test_the_programme_registers_its_indicators_in_french():
    keys = dict(INDICATORS.choices())
    assert keys["conseillers_recrutes"] == "conseillers numériques recrutés"
    assert keys["personnes_accompagnees"] == "personnes accompagnées"


@pytest.mark.parametrize(
    ("value", "target", "progress"),
    [(0, 4000, 0), (2345, 4000, 58), (3999, 4000, 99), (4000, 4000, 100), (5000, 4000, 100), (3, 0, 0)],
)
def test_the_progress_is_the_value_over_the_target_capped_at_100(value, target, progress):
    assert progress_of(value, target) == progress


def test_an_organiser_chooses_the_indicator_and_target_on_the_manage_form(client, organiser, place):
    client.force_login(organiser)
    adviser()
    fields = action_fields(place, title="4 000 conseillers numériques recrutés", progress="70")
    response = client.post(
        reverse("roadmap:action_create"), {**fields, "indicator": "conseillers_recrutes", "indicator_target": "4"}
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    assert (action.indicator, action.indicator_target, action.progress) == ("conseillers_recrutes", 4, 25)
    page = client.get(reverse("roadmap:action_edit", args=[action.pk])).content.decode()
    assert 'value="conseillers_recrutes" selected' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"indicator": "conseillers_recrutes", "indicator_target": ""}, "Écrivez la cible de l&#x27;indicateur"),
        ({"indicator": "inconnu", "indicator_target": "10"}, "Sélectionnez un choix valide"),
        ({"indicator": "conseillers_recrutes", "indicator_target": "0"}, "supérieure ou égale à 1"),
        ({"indicator": "conseillers_recrutes", "indicator_target": "abc"}, "nombre"),
    ],
)
def test_a_bad_indicator_or_target_gets_a_french_message(client, organiser, place, changes, message):
    client.force_login(organiser)
    response = client.post(reverse("roadmap:action_create"), {**action_fields(place), **changes})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_a_parent_cannot_be_measured_by_an_indicator(place):
    parent = ActionFactory(**place)
    ActionFactory(parent=parent, **place)
    data = services.ActionData(title=parent.title, indicator="conseillers_recrutes", indicator_target=10, **place)
    with pytest.raises(services.RoadmapError, match="sous-actions"):
        services.update_action(None, parent, data)


def test_a_finalised_recruitment_moves_the_action_and_its_parent_once(place, django_capture_on_commit_callbacks):
    services_training.ensure_programme_course()
    parent = ActionFactory(title="Conseillers numériques", **place)
    measured = ActionFactory(parent=parent, indicator="conseillers_recrutes", indicator_target=4, **place)
    ActionFactory(parent=parent, progress=0, **place)
    with django_capture_on_commit_callbacks(execute=True):
        finalise()
    measured.refresh_from_db()
    parent.refresh_from_db()
    assert (measured.progress, parent.progress) == (25, 13)
    updates = ActionUpdate.objects.filter(action=measured, kind=UpdateKind.PROGRESS)
    assert [(u.old_progress, u.new_progress) for u in updates] == [(0, 25)]
    # A change of the figures that leaves the percentage where it is writes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        report(adviser())
    assert refresh_measured_actions() == 0
    assert updates.count() == 1


def test_people_helped_follow_the_reports(place, django_capture_on_commit_callbacks):
    measured = ActionFactory(indicator="personnes_accompagnees", indicator_target=10, **place)
    with django_capture_on_commit_callbacks(execute=True):
        report()
        report()
    measured.refresh_from_db()
    assert measured.progress == 20


def test_the_public_page_shows_the_live_figure_and_its_source(client, place):
    action = ActionFactory(
        title="4 000 conseillers numériques recrutés", indicator="conseillers_recrutes", indicator_target=4000, **place
    )
    adviser()
    adviser()
    assert measure(action).value == 2
    page = client.get(reverse("roadmap:action", args=[action.pk])).content.decode()
    assert (
        "2 conseillers numériques recrutés sur 4\u202f000" in page
        or "2 conseillers numériques recrutés sur 4 000" in page
    )
    assert reverse("conseillers:dashboard") in page


def test_an_action_without_indicator_shows_no_figure(client, place):
    action = ActionFactory(**place)
    assert measure(action) is None
    assert "En direct" not in client.get(reverse("roadmap:action", args=[action.pk])).content.decode()


def test_an_error_in_the_roadmap_refresh_does_not_break_the_advisers_report(
    place, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    """The refresh runs after the report's commit: an error in it is logged, the adviser's POST still redirects (a
    500 would make the adviser send the report again, and record it twice)."""
    ActionFactory(indicator="personnes_accompagnees", indicator_target=10, **place)

    def broken(*args, **kwargs):
        raise services.RoadmapError("verrou")

    monkeypatch.setattr(services, "set_measured_progress", broken)
    recruitment = adviser()
    client = Client()
    client.force_login(recruitment.candidate.user)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("conseillers:report_new"), individual())
    assert sent.status_code == 302
    assert ActivityReport.objects.filter(adviser=recruitment.candidate.user).count() == 1
    assert "feuille de route" in caplog.text


def test_the_roadmap_card_shows_the_live_count_and_less_than_1_percent(client, place):
    """2 recruited for 4 000: « moins de 1 % » (not a dead-looking « 0 % »), the count, and that it is live; on
    the action's page too."""
    action = ActionFactory(
        title="4 000 conseillers numériques recrutés", indicator="conseillers_recrutes", indicator_target=4000, **place
    )
    ActionFactory(title="Une action suivie à la main", progress=0, **place)
    adviser()
    adviser()
    for url in (reverse("roadmap:index"), reverse("roadmap:action", args=[action.pk])):
        page = client.get(url).content.decode().replace("\u202f", " ").replace("\u00a0", " ")
        assert "Avancement : <strong>moins de 1 %</strong>" in page
        live = "En direct : 2 / 4 000" if url == reverse("roadmap:index") else "En direct : <strong>2 conseillers"
        assert page.count("En direct") == 1 and live in page
    index = client.get(reverse("roadmap:index")).content.decode()
    assert index.count("En direct") == 1  # the action followed by hand shows its own progress only
    assert index.count("Avancement : <strong>0 %</strong>") == 1


@pytest.mark.parametrize("key", ["conseillers_recrutes", "personnes_accompagnees", "postes_accordes"])
def test_the_source_link_lands_on_the_dashboards_line_that_shows_the_same_figure(client, place, key):
    import html
    import re

    from tests.conseillers.factories import HostStructureFactory

    host = HostStructureFactory(positions_granted=5)
    for _ in range(3):
        report(adviser(host=host))
    RecruitmentFactory(status=RecruitmentStatus.RECRUITED)  # in post, not yet « recruited » for the roadmap
    action = ActionFactory(title="Mesurée", indicator=key, indicator_target=4000, **place)
    page = client.get(reverse("roadmap:action", args=[action.pk])).content.decode()
    source = html.unescape(re.search(r'\(source : <a href="([^"]+)"', page).group(1))
    address, fragment = source.split("#")
    assert address.startswith(reverse("conseillers:dashboard"))
    dashboard = client.get(address).content.decode()
    line = re.search(rf'<tr id="{fragment}">.*?<td>(.*?)</td>', dashboard, re.S).group(1)
    assert int(re.sub(r"\D", "", line)) == INDICATORS.get(key).value() == measure(action).value
