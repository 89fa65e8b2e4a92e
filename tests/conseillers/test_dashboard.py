"""The programme's dashboard: exact figures (each one equals an independent count over the reports, through
creations, changes and deletions), a constant number of queries, safe filters, and open data without personal
data."""

import csv
import datetime as dt
import html
import io
import json
import re

import pytest
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers import dashboard
from mediane.conseillers.enums import HOLDING_STATUSES, RecruitmentStatus
from mediane.conseillers.enums_reports import MISSION_OF_THEMATIQUE, duration_band
from mediane.conseillers.models import HostStructure
from mediane.conseillers.models_recruitment import Recruitment
from mediane.conseillers.models_reports import NATIONAL, ActivityCounter, ActivityReport
from mediane.conseillers.services_reports import delete_report, record_report, update_report
from tests.conseillers.factories import (
    CandidateFactory,
    HostStructureFactory,
    RecruitmentFactory,
    adviser,
    programme_team,
    report,
    report_data,
    workshop_data,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_MONTH = TODAY.replace(day=1) - dt.timedelta(days=1)


def _people(reports) -> int:
    return (
        reports.aggregate(n=Sum("participants", filter=Q(kind="collectif")) + Count("pk", filter=~Q(kind="collectif")))[
            "n"
        ]
        or 0
        if reports.exists()
        else 0
    )


def _mix():
    """Two advisers in Rhône, one in Paris, a silent one in Paris; reports recorded, changed and deleted."""
    lyon = adviser()
    villeurbanne = adviser(host=lyon.host)
    paris_host = HostStructureFactory(departement="75", commune="Paris", insee_code="75056", positions_granted=3)
    paris = adviser(host=paris_host)
    adviser(host=paris_host)  # in post, reports nothing
    report(lyon, thematiques=["email", "sante"])
    report(lyon, thematiques=["aide_aux_demarches_administratives", "logement"], duration=90, date=LAST_MONTH)
    record_report(
        workshop_data(thematiques=["securite_numerique"]), by=villeurbanne.candidate.user, recruitment=villeurbanne
    )
    changed = report(paris, thematiques=["bureautique"])
    update_report(changed, report_data(thematiques=["reseaux_sociaux", "email"], duration=45), by=paris.candidate.user)
    gone = report(paris, thematiques=["email"], date=LAST_MONTH)
    delete_report(gone, by=paris.candidate.user)
    record_report(
        workshop_data(
            participants=5,
            participant_counts={"age_band": {"soixante_dix_plus": 2}},
            thematiques=["email"],
            redirected=True,
            redirection="administration",
        ),
        by=paris.candidate.user,
        recruitment=paris,
    )
    CandidateFactory()
    return lyon, paris


def test_every_figure_equals_a_direct_count_over_the_reports():
    """The team's version: exact figures (the public one keeps small départements secret, see below)."""
    _mix()
    figures = dashboard.collect(dashboard.read_filters({}), team=True)
    reports = ActivityReport.objects.all()
    assert figures.totals.activities == reports.count() == 5
    assert figures.totals.people == _people(reports) == 3 + 8 + 5
    assert figures.totals.minutes == reports.aggregate(m=Sum("duration"))["m"]
    by = {
        breakdown.slug: {line.code: value for line, value, _share in breakdown.lines}
        for breakdown in figures.breakdowns
    }
    for thematique in {t for r in reports for t in r.thematiques}:
        assert by["thematiques"][thematique] == sum(thematique in r.thematiques for r in reports)
    missions = {}
    for r in reports:
        for mission in {MISSION_OF_THEMATIQUE[t] for t in r.thematiques}:
            missions[str(mission)] = missions.get(str(mission), 0) + 1
    assert by["missions"] == missions
    bands = {}
    for r in reports:
        bands[duration_band(r.duration)] = bands.get(duration_band(r.duration), 0) + 1
    assert by["durees"] == bands
    assert by["types"] == {k: v for k, v in reports.values_list("kind").annotate(n=Count("pk"))}
    assert by["canaux"] == {k: v for k, v in reports.values_list("place_type").annotate(n=Count("pk"))}
    assert by["redirections"] == {"aucune": 4, "administration": 1}
    assert sum(by["ages"].values()) == figures.totals.people
    assert (
        by["ages"]["soixante_dix_plus"] == reports.filter(kind="individuel", age_band="soixante_dix_plus").count() + 2
    )
    assert sum(by["genres"].values()) == sum(by["statuts"].values()) == figures.totals.people
    # Positions, structures, candidates: from their tables.
    assert figures.positions_granted == HostStructure.objects.aggregate(n=Sum("positions_granted"))["n"] == 5
    assert figures.positions_filled == Recruitment.objects.filter(status__in=HOLDING_STATUSES).count() == 4
    assert figures.structures == HostStructure.objects.validated().count()
    assert figures.advisers_active == 3
    # By département and by month.
    rows = {row.code: row for row in figures.departements}
    for code in ("69", "75"):
        in_dep = reports.filter(departement=code)
        assert rows[code].activities == in_dep.count()
        assert rows[code].people == _people(in_dep)
        assert rows[code].minutes == in_dep.aggregate(m=Sum("duration"))["m"]
    assert (rows["69"].granted, rows["69"].filled, rows["69"].active) == (2, 2, 2)
    assert (rows["75"].granted, rows["75"].filled, rows["75"].active, rows["75"].activation) == (3, 2, 1, "50,0\u00a0%")
    by_month = {line.code: line.activities for line in figures.months}
    assert by_month[f"{TODAY:%Y-%m}"] == reports.filter(date__gte=TODAY.replace(day=1)).count()
    assert (
        by_month[f"{LAST_MONTH:%Y-%m}"]
        == reports.filter(date__year=LAST_MONTH.year, date__month=LAST_MONTH.month).count()
    )
    # The months table starts at the first month with activity, not 22 rows of zeros before it.
    assert [line.code for line in figures.months] == [f"{LAST_MONTH:%Y-%m}", f"{TODAY:%Y-%m}"]
    # A département's page: its own figures.
    paris_figures = dashboard.collect(dashboard.read_filters({"departement": "75"}), team=True)
    assert paris_figures.totals.activities == reports.filter(departement="75").count() == 2
    assert paris_figures.positions_granted == 3
    assert [row.code for row in paris_figures.departements] == ["75"]


def test_the_team_sees_who_has_not_reported_and_the_unfilled_positions():
    _mix()
    HostStructureFactory(name="Médiathèque sans conseiller", positions_granted=1)
    figures = dashboard.collect(dashboard.read_filters({}), team=True)
    assert figures.silent_count == 1
    assert figures.silent[0].host.departement == "75"
    assert figures.unfilled_count == 2  # Paris: 3 granted, 2 filled; the new one: 1 granted, none filled.
    assert {host.name for host in figures.unfilled} >= {"Médiathèque sans conseiller"}


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"debut": "2026-13"}, "Le mois de début n'est pas un mois"),
        ({"fin": "abc"}, "Le mois de fin n'est pas un mois"),
        ({"departement": "<script>"}, "Ce département n'existe pas"),
        ({"debut": "2026-05", "fin": "2025-05"}, "ont été échangés"),
        ({"debut": "٢٠٢٦-٠٣"}, "Le mois de début n'est pas un mois"),
    ],
)
def test_a_bad_filter_gets_the_default_and_a_french_notice(client, params, notice):
    response = client.get(reverse("conseillers:dashboard"), params)
    assert response.status_code == 200
    assert notice in html.unescape(response.content.decode())


def test_the_period_is_read_from_the_query_string():
    filters = dashboard.read_filters({"debut": "2025-04", "fin": "2025-06"}, today=dt.date(2026, 3, 10))
    assert (filters.start, filters.end, len(filters.months)) == (dt.date(2025, 4, 1), dt.date(2025, 6, 1), 3)
    assert not filters.notices
    default = dashboard.read_filters({}, today=dt.date(2026, 3, 10))
    assert (default.start, default.end) == (dt.date(2024, 4, 1), dt.date(2026, 3, 1))


def _grow(size: int) -> None:
    host = HostStructureFactory(positions_granted=size)
    for index in range(size):
        recruitment = adviser(host=host)
        report(recruitment, thematiques=["email", "logement"][: 1 + index % 2])
        HostStructureFactory(departement=f"{10 + index}", positions_granted=1)


def _grow_wide(size: int) -> None:
    """`size` advisers spread over 20 départements, each with a report."""
    hosts = [HostStructureFactory(departement=f"{10 + index}", positions_granted=3) for index in range(20)]
    for index in range(size):
        report(adviser(host=hosts[index % 20]), thematiques=["email", "logement"][: 1 + index % 2])


@pytest.mark.parametrize("size", [1, 50])
def test_the_dashboard_takes_the_same_queries_with_20_departements_and_50_advisers(
    client, django_assert_num_queries, size
):
    _grow_wide(size)
    with django_assert_num_queries(7):
        dashboard.collect(dashboard.read_filters({}))
    with django_assert_num_queries(7):
        dashboard.collect(dashboard.read_filters({"departement": "10"}))


@pytest.mark.parametrize("size", [1, 4])
def test_the_dashboard_reads_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    _grow(size)
    team = programme_team()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("conseillers:dashboard")).status_code == 200
    client.force_login(team)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("conseillers:dashboard_internal")).status_code == 200


@pytest.mark.parametrize("size", [1, 4])
def test_the_collected_figures_take_the_same_queries_at_every_size(
    django_assert_num_queries, django_assert_max_num_queries, size
):
    _grow(size)
    with django_assert_num_queries(7):
        dashboard.collect(dashboard.read_filters({}))
    # The team's lists: + the advisers without activity (none here: no query), the unfilled structures (and their
    # number when the list is full).
    with django_assert_max_num_queries(10):
        dashboard.collect(dashboard.read_filters({}), team=True)


def test_the_open_data_holds_aggregates_by_departement_and_month_only(client):
    lyon, paris = _mix()
    # A third adviser in Rhône this month: Rhône's month is published; Paris (one adviser) and Rhône's last month
    # (one adviser) are statistical secrets.
    report(adviser(host=lyon.host))
    response = client.get(reverse("conseillers:dashboard_open_data", args=["csv"]))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {(row["departement"], row["mois"]) for row in rows} == {("69", f"{TODAY:%Y-%m}")}
    assert "conseiller" not in {row["dimension"] for row in rows}
    text = str(rows)
    for person in (lyon, paris):
        assert person.candidate.last_name not in text or person.candidate.last_name == "Dupont" and "Dupont" not in text
    totals = [row for row in rows if row["dimension"] == "total"]
    published = ActivityReport.objects.filter(departement="69", date__gte=TODAY.replace(day=1))
    assert sum(int(row["activites"]) for row in totals) == published.count() == 3
    data = json.loads(b"".join(client.get(reverse("conseillers:dashboard_open_data", args=["json"])).streaming_content))
    assert len(data) == len(rows)
    assert set(data[0]) == set(dashboard.OPEN_DATA_COLUMNS)
    assert client.get(reverse("conseillers:dashboard_open_data", args=["xml"])).status_code == 404


def test_the_open_data_labels_every_value_in_french_and_follows_the_pages_filters(client):
    """Every « libelle » is French (« Téléphone », not « telephone »), and the file holds the period and the
    département the page shows, as its link says."""
    host = HostStructureFactory(departement="69", positions_granted=3)
    for _ in range(3):
        report(adviser(host=host), materiel=["telephone"], autonomie="entierement_accompagne", first_visit=True)
    rhone = HostStructureFactory(departement="75", positions_granted=3)
    for _ in range(3):
        report(adviser(host=rhone), date=LAST_MONTH)

    def rows(**params):
        response = client.get(reverse("conseillers:dashboard_open_data", args=["csv"]), params)
        return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    every = rows()
    labels = {(row["dimension"], row["valeur"]): row["libelle"] for row in every}
    assert labels[("materiel", "telephone")] == "Téléphone"
    assert labels[("autonomie", "entierement_accompagne")] == "Avec guidage"
    assert labels[("premier", "oui")] == "Premier accompagnement"
    assert all(row["libelle"] != row["valeur"] for row in every if row["dimension"] != "total"), [
        (row["dimension"], row["valeur"]) for row in every if row["libelle"] == row["valeur"]
    ]
    assert {row["departement"] for row in every} == {"69", "75"}
    assert {row["departement"] for row in rows(departement="69")} == {"69"}
    this_month = f"{TODAY:%Y-%m}"
    assert {row["mois"] for row in rows(debut=this_month, fin=this_month)} == {this_month}
    page = client.get(reverse("conseillers:dashboard"), {"departement": "69"}).content.decode()
    assert "departement=69" in re.search(r'href="([^"]*donnees\.csv[^"]*)"', page).group(1)
    assert "Télécharger les chiffres de la période dans ce département (CSV)" in page


def test_the_public_page_shows_the_figures_and_links_the_open_data(client):
    _mix()
    page = client.get(reverse("conseillers:dashboard")).content.decode()
    assert "Le programme en chiffres" in page
    assert "Rhône (69)" in page and "Paris (75)" in page
    assert "Licence Ouverte 2.0" in page
    assert "Dupont" not in page
    for recruitment in Recruitment.objects.select_related("candidate"):
        assert recruitment.candidate.last_name not in page  # the page names no adviser


def test_one_adviser_in_one_departement_is_a_statistical_secret(client):
    """Statistical secrecy: the public page and the open data do not publish the activity of a département (or of a
    département's month) where fewer than 3 advisers reported, nor its activity rate under 3 positions filled; the
    team's version keeps the exact figures."""
    alone = adviser(host=HostStructureFactory(departement="48", commune="Mende", insee_code="48095"))
    report(alone, thematiques=["email"], duration=75)
    three = HostStructureFactory(departement="69", positions_granted=3)
    for _ in range(3):
        report(adviser(host=three))
    public = dashboard.collect(dashboard.read_filters({}))
    rows = {row.code: row for row in public.departements}
    assert rows["48"].secret and rows["48"].activation == "non publié"
    assert not rows["69"].secret and rows["69"].activation == "100,0\u00a0%"
    # « Autres départements » gathers Lozère alone: still fewer than 3 advisers, so not published either.
    assert rows["autres"].secret
    page = html.unescape(client.get(reverse("conseillers:dashboard")).content.decode())
    assert "Secret statistique" in page
    assert "regroupé dans « Autres »" in page and "« Autres départements » regroupe" in page
    lozere = html.unescape(client.get(reverse("conseillers:dashboard"), {"departement": "48"}).content.decode())
    assert "le détail de leurs accompagnements n'est pas publié" in lozere
    assert "75" not in re.findall(r"<td>(\d+)</td>", lozere)  # the 75 minutes, and nothing else of hers
    alone_figures = dashboard.collect(dashboard.read_filters({"departement": "48"}))
    assert alone_figures.secret and alone_figures.totals.activities == 0 and not alone_figures.breakdowns
    assert all(line.secret for line in alone_figures.months)
    assert alone_figures.activation_secret and alone_figures.activation == "non publié"
    assert "(100,0\u00a0%)" not in lozere
    data = b"".join(client.get(reverse("conseillers:dashboard_open_data", args=["csv"])).streaming_content).decode()
    departements = {row["departement"] for row in csv.DictReader(io.StringIO(data.lstrip("\ufeff")))}
    assert departements == {"69"}
    # The team sees Lozère exactly.
    team = dashboard.collect(dashboard.read_filters({"departement": "48"}), team=True)
    assert (team.secret, team.totals.activities, team.totals.minutes) == (False, 1, 75)
    assert team.departements[0].activation == "100,0\u00a0%"


def test_a_start_in_the_future_is_this_month_with_its_own_notice():
    filters = dashboard.read_filters({"debut": "2030-01"}, today=dt.date(2026, 3, 10))
    assert (filters.start, filters.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    assert filters.notices == (dashboard.FUTURE_START,)
    assert not any("échangés" in notice for notice in filters.notices)
    end = dashboard.read_filters({"fin": "2027-05"}, today=dt.date(2026, 3, 10))
    assert end.end == dt.date(2026, 3, 1) and end.notices == (dashboard.FUTURE_END,)


def test_a_long_period_shows_every_month_from_the_first_with_activity_with_french_names():
    ActivityCounter.objects.create(
        scope=NATIONAL, month=dt.date(2020, 3, 1), dimension="total", value="", activities=1, people=1, minutes=30
    )
    filters = dashboard.read_filters({"debut": "2020-01"}, today=dt.date(2026, 3, 10))
    figures = dashboard.collect(filters, today=dt.date(2026, 3, 10))
    assert len(filters.months) == 75 and len(figures.months) == 73
    assert figures.months[0].label == "mars 2020" and figures.months[-1].label == "mars 2026"
    assert figures.months[1].activities == 0  # a month without activity after the first one keeps its row
    assert dashboard.collect(dashboard.read_filters({}, today=dt.date(2026, 3, 10))).months == []


def test_the_team_page_links_the_export_of_its_period_and_departement(client):
    client.force_login(programme_team())
    page = client.get(
        reverse("conseillers:dashboard_internal"), {"debut": "2026-01", "fin": "2026-02", "departement": "69"}
    )
    url = reverse("conseillers:team_reports_export", args=["csv"])
    assert f"{url}?du=2026-01-01&amp;au=2026-02-28&amp;departement=69" in page.content.decode()


def test_the_dashboard_shows_the_figure_the_roadmap_follows(client):
    from mediane.conseillers.indicators import advisers_recruited

    adviser()
    RecruitmentFactory(status=RecruitmentStatus.RECRUITED)
    figures = dashboard.collect(dashboard.read_filters({}))
    assert figures.recruited == advisers_recruited() == 1
    assert figures.positions_filled == 2
    page = html.unescape(client.get(reverse("conseillers:dashboard")).content.decode())
    assert "Conseillers numériques recrutés" in page


def test_a_thematiques_share_is_over_the_accompaniments():
    """Two accompaniments, one on two thématiques: « email » is in both (100 %), « sante » in one (50 %)."""
    recruitment = adviser()
    report(recruitment, thematiques=["email", "sante"])
    report(recruitment, thematiques=["email"])
    figures = dashboard.collect(dashboard.read_filters({}), team=True)
    thematiques = next(breakdown for breakdown in figures.breakdowns if breakdown.slug == "thematiques")
    shares = {line.code: share for line, _value, share in thematiques.lines}
    assert shares == {"email": "100,0\u00a0%", "sante": "50,0\u00a0%"}


def test_the_hub_and_the_page_ask_the_same_permission():
    from mediane.pages.organisation import SECTIONS

    tasks = [
        task for section in SECTIONS for task in section.tasks if task.url_name == "conseillers:dashboard_internal"
    ]
    assert [task.permission for task in tasks] == ["conseillers.manage_programme"]


TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def _three_in_rhone():
    host = HostStructureFactory(departement="69", positions_granted=3)
    for _ in range(3):
        report(adviser(host=host))


def test_with_tiles_a_map_of_the_departements_comes_above_the_table(client, settings):
    settings.MEDIANE_MAP_TILES_URL = TILES
    _three_in_rhone()
    response = client.get(reverse("conseillers:dashboard"))
    page = html.unescape(response.content.decode())
    island = re.search(r'<script id="carte-departements-donnees" type="application/json">(.*?)</script>', page, re.S)
    data = json.loads(island.group(1))
    assert data["tuiles"] == TILES
    (rhone,) = data["marqueurs"]
    assert rhone["code"] == "69" and rhone["personnes"] == 3
    assert "3 personnes accompagnées" in rhone["texte"]
    # The population-weighted centre of Rhône lies near Lyon.
    assert abs(rhone["latitude"] - 45.76) < 0.2 and abs(rhone["longitude"] - 4.84) < 0.3
    assert page.index('id="carte"') < page.index('id="legende-departements-donnees"')
    assert "js/dashboard-map.js" in page
    assert "https://tiles.example.org" in response.headers.get("Content-Security-Policy", "")


def test_without_tiles_no_map_the_table_is_the_content(client, settings):
    settings.MEDIANE_MAP_TILES_URL = ""
    _three_in_rhone()
    page = client.get(reverse("conseillers:dashboard")).content.decode()
    assert "carte-departements" not in page and "leaflet" not in page
    assert 'id="legende-departements-donnees"' in page


def test_the_dashboard_and_the_advisers_statistics_share_one_chart_and_table(client):
    recruitment = adviser()
    report(recruitment, thematiques=["email", "sante"])
    _three_in_rhone()
    public = client.get(reverse("conseillers:dashboard"))
    assert "components/chart_table.html" in [template.name for template in public.templates]
    page = html.unescape(public.content.decode())
    assert "La part est celle des accompagnements qui portent sur cette thématique." in page
    assert "Accompagnements par lieu" in page
    client.force_login(recruitment.candidate.user)
    statistics = client.get(reverse("conseillers:my_statistics"), {"periode": "tout"})
    assert "components/chart_table.html" in [template.name for template in statistics.templates]
    assert 'id="legende-thematique-donnees"' in statistics.content.decode()


def _columns(page: str, table_id: str) -> list[str]:
    table = re.search(rf'id="legende-{table_id}".*?</thead>', page, re.S).group(0)
    return [
        html.unescape(re.sub(r"<[^>]+>|&shy;", "", cell)) for cell in re.findall(r'<th scope="col">(.*?)</th>', table)
    ]


def test_the_departements_are_two_narrow_tables_that_a_phone_shows_whole(client):
    """The public page: 4 columns a table (the people helped right after the département), never 7 in one."""
    report(adviser())
    page = client.get(reverse("conseillers:dashboard")).content.decode()
    assert _columns(page, "departements-donnees") == ["Département", "Personnes", "Accompagnements", "Heures"]
    assert _columns(page, "postes-donnees") == ["Département", "Postes accordés", "Postes pourvus", "Taux d'activité"]
    client.force_login(programme_team())
    team = client.get(reverse("conseillers:dashboard_internal")).content.decode()
    assert "Conseillers actifs" in _columns(team, "postes-donnees") and len(_columns(team, "postes-donnees")) == 5
