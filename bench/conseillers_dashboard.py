"""The programme's dashboard at the scale of the real programme: 1,000,000 activity reports by 4,000 advisers over
2 years, in PostgreSQL; the public and internal dashboards timed against a baseline that counts the reports table.

    make bench-conseillers-dashboard
    .venv/bin/python bench/conseillers_dashboard.py --database postgresql://postgres@127.0.0.1:5432/bench_cra
    .venv/bin/python bench/conseillers_dashboard.py --reports 100000 --requests 50      # a quicker run

Seed (random, seed 0) into its own database (created if missing, migrated; the test database is never used):
2,600 validated host structures in 100 départements with 4,000 positions, 4,000 advisers in post (finalised
recruitments); `--reports` reports dated over the last 24 months, 85 % individual accompaniments (mostly e-mail,
online procedures and device handling, 15 to 90 minutes) and 15 % workshops of 3 to 12 participants. The reports
go in with COPY; their counters are computed while the reports are generated, with the function `recount` uses
(`counters.scoped`), and COPY'd too. Then, before any timing, every figure of the public dashboard is checked equal
to the baseline's direct count over the reports (totals, by département, by month, by mission, by thématique…).

Measured: `--requests` GET of the public page and of the internal page (Django's test client: middleware,
view, queries, templates), p50 and p95; the baseline (the same figures by GROUP BY over the reports table) a few
times, for comparison. Target: p95 ≤ 100 ms for both pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import load_average, machine_line  # noqa: E402

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/bench_cra"
SEED = 0
ADVISERS = 4000
HOSTS = 2600
DEPARTEMENTS = 100
TARGET_MS = 100.0
THEMATIQUE_MIX = (
    (("email",), 18),
    (("aide_aux_demarches_administratives", "argent_impots"), 12),
    (("prendre_en_main_du_materiel",), 14),
    (("aide_aux_demarches_administratives", "social_sante"), 8),
    (("navigation_sur_internet", "securite_numerique"), 8),
    (("bureautique",), 6),
    (("sante",), 5),
    (("banque_et_achats_en_ligne",), 5),
    (("reseaux_sociaux", "parentalite"), 4),
    (("insertion_professionnelle", "travail_formation"), 6),
    (("diagnostic_numerique",), 4),
    (("culture_numerique", "intelligence_artificielle"), 3),
    (("logement",), 4),
    (("transports_mobilite",), 3),
)
ELSEWHERE = ("domicile", "a_distance", "autre")
AUTONOMIES = ("entierement_accompagne", "partiellement_autonome", "autonome")
AGES = ("quarante_cinquante_neuf", "soixante_soixante_neuf", "soixante_dix_plus", "non_communique")
STATUSES = ("retraite", "sans_emploi", "en_emploi", "non_communique")
REPORT_COLUMNS = (
    "adviser_id", "recruitment_id", "host_id", "departement", "kind", "first_visit", "date", "duration",
    "place_type", "place_commune", "place_postal_code", "place_insee_code", "thematiques", "procedure_name",
    "materiel", "autonomie", "redirected", "redirection", "workshop_title", "workshop_level", "participants",
    "age_band", "social_status", "gender", "beneficiary_commune", "beneficiary_postal_code",
    "beneficiary_insee_code", "participant_counts", "notes", "tags", "external_id", "created_at", "updated_at",
)  # fmt: skip


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=120)
    parser.add_argument("--baseline-requests", type=int, default=5)
    parser.add_argument("--reseed", action="store_true", help="seed again even if the database holds the reports")
    parser.add_argument(
        "--check-recount",
        action="store_true",
        help="rebuild the counters with services_reports.recount() and check they equal the seeded ones (minutes)",
    )
    return parser.parse_args()


def setup_django(database: str) -> None:
    import psycopg

    name = database.rsplit("/", 1)[1]
    with psycopg.connect(database.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)


def _copy(cursor, table: str, columns: tuple[str, ...], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def seed_programme(rng: random.Random):
    """Hosts, advisers (users, candidates) and their finalised recruitments; the programme team's account."""
    from django.utils import timezone

    from mediane.accounts.enums import Role
    from mediane.accounts.models import User
    from mediane.accounts.services import grant_role
    from mediane.accounts.territories import DEPARTEMENTS as NAMES
    from mediane.conseillers.enums import HostStatus, RecruitmentStatus
    from mediane.conseillers.models import Candidate, HostStructure, Recruitment

    codes = list(NAMES)[:DEPARTEMENTS]
    today = timezone.localdate()
    positions = [1] * HOSTS
    while sum(positions) < ADVISERS:
        positions[rng.randrange(HOSTS)] += 1
    hosts = HostStructure.objects.bulk_create(
        HostStructure(
            name=f"Médiathèque n° {index}",
            kind="commune",
            siret=f"{index:014d}",
            commune="Commune",
            insee_code="00000",
            departement=codes[index % len(codes)],
            contact_name="Camille Martin",
            contact_email=f"contact{index}@example.org",
            advisers_wished=positions[index],
            start_date=today,
            motivation="Bench",
            status=HostStatus.VALIDATED,
            positions_granted=positions[index],
        )
        for index in range(HOSTS)
    )
    users = User.objects.bulk_create(
        User(email=f"conseiller{index}@bench.example.org", display_name=f"Conseiller {index}")
        for index in range(ADVISERS)
    )
    candidates = Candidate.objects.bulk_create(
        Candidate(
            user=user,
            first_name=f"Prénom{index}",
            last_name=f"Nom{index}",
            email=user.email,
            situation="demandeur_emploi",
            education_level="bac",
            available_from=today,
            commune="Commune",
            insee_code="00000",
            departement="69",
            motivation="Bench",
        )
        for index, user in enumerate(users)
    )
    slots = [host for host, count in zip(hosts, positions, strict=True) for _ in range(count)]
    recruitments = Recruitment.objects.bulk_create(
        Recruitment(host=host, candidate=candidate, status=RecruitmentStatus.FINALISED, contract_type="cdd")
        for host, candidate in zip(slots, candidates, strict=True)
    )
    team, _created = User.objects.get_or_create(email="equipe@bench.example.org", defaults={"display_name": "Équipe"})
    grant_role(team, Role.PROGRAMME)
    return recruitments, team


def seed_reports(rng: random.Random, recruitments, count: int) -> int:
    """`count` reports over the last 24 months, COPY'd, and their counters computed by `counters.scoped` (the
    function `recount` uses) while they are generated, COPY'd too. Returns the seconds taken."""
    from django.db import connection
    from django.utils import timezone

    from mediane.conseillers import counters
    from mediane.conseillers.models_reports import NATIONAL

    started = time.perf_counter()
    today = timezone.localdate()
    first = today - dt.timedelta(days=729)
    mixes, weights = zip(*THEMATIQUE_MIX, strict=True)
    now = timezone.now()
    # A tenth of the advisers stop reporting two months before today: the internal page's « silent » list.
    silent = set(rng.sample(range(len(recruitments)), len(recruitments) // 10))
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])

    def rows():
        for index in range(count):
            number = index % len(recruitments)
            recruitment = recruitments[number]
            span = 729 - 62 if number in silent else 729
            day = first + dt.timedelta(days=rng.randrange(span + 1))
            collective = rng.random() < 0.15
            participants = rng.randint(3, 12) if collective else 1
            thematiques = list(rng.choices(mixes, weights)[0])
            redirected = rng.random() < 0.1
            report = SimpleNamespace(
                adviser_id=recruitment.candidate.user_id,
                departement=recruitment.host.departement,
                kind="collectif" if collective else "individuel",
                first_visit=not collective and rng.random() < 0.4,
                date=day,
                duration=rng.choice((60, 90, 120)) if collective else rng.choice((15, 30, 30, 45, 60, 90)),
                place_type="lieu_activite" if collective or rng.random() < 0.7 else rng.choice(ELSEWHERE),
                thematiques=thematiques,
                materiel=[rng.choice(("ordinateur", "telephone", "tablette"))],
                autonomie="" if collective else rng.choice(AUTONOMIES),
                redirected=redirected,
                redirection="administration" if redirected else "",
                participants=participants,
                age_band="non_communique" if collective else rng.choice(AGES),
                social_status="non_communique" if collective else rng.choice(STATUSES),
                gender="non_communique" if collective else rng.choice(("feminin", "masculin", "non_communique")),
                participant_counts={"age_band": {"soixante_dix_plus": participants // 2}} if collective else {},
            )  # fmt: skip
            for key, counts in counters.scoped(report, NATIONAL).items():
                total = totals[key]
                total[0] += counts[0]
                total[1] += counts[1]
                total[2] += counts[2]
            yield (
                report.adviser_id, recruitment.pk, recruitment.host_id, report.departement, report.kind,
                report.first_visit, day, report.duration, report.place_type, "", "", "", json.dumps(thematiques), "",
                json.dumps(report.materiel), report.autonomie, redirected, report.redirection,
                "Atelier" if collective else "", "debutant" if collective else "", participants, report.age_band,
                report.social_status, report.gender, "", "", "", json.dumps(report.participant_counts), "", "[]", "",
                now, now,
            )  # fmt: skip

    with connection.cursor() as cursor:
        raw = cursor.cursor
        _copy(raw, "conseillers_activityreport", REPORT_COLUMNS, rows())
        _copy(
            raw,
            "conseillers_activitycounter",
            ("scope", "month", "dimension", "value", "activities", "people", "minutes"),
            ((s, m, d, v, a, p, mi) for (s, m, d, v), (a, p, mi) in totals.items()),
        )
    return time.perf_counter() - started


BASELINE_SQL = {
    "total": "SELECT '' AS v, COUNT(*), SUM(CASE WHEN kind = 'collectif' THEN participants ELSE 1 END), "
    "SUM(duration) FROM conseillers_activityreport WHERE date >= %s AND date < %s",
    "departement": "SELECT departement, COUNT(*), SUM(CASE WHEN kind = 'collectif' THEN participants ELSE 1 END), "
    "SUM(duration) FROM conseillers_activityreport WHERE date >= %s AND date < %s GROUP BY 1",
    "month": "SELECT to_char(date, 'YYYY-MM'), COUNT(*), SUM(CASE WHEN kind = 'collectif' THEN participants ELSE 1 "
    "END), SUM(duration) FROM conseillers_activityreport WHERE date >= %s AND date < %s GROUP BY 1",
    "type": "SELECT kind, COUNT(*), 0, 0 FROM conseillers_activityreport WHERE date >= %s AND date < %s GROUP BY 1",
    "canal": "SELECT place_type, COUNT(*), 0, 0 FROM conseillers_activityreport WHERE date >= %s AND date < %s "
    "GROUP BY 1",
    "thematique": "SELECT t, COUNT(*), 0, 0 FROM conseillers_activityreport, "
    "jsonb_array_elements_text(thematiques::jsonb) AS t WHERE date >= %s AND date < %s GROUP BY 1",
    "active": "SELECT '' AS v, COUNT(DISTINCT adviser_id), 0, 0 FROM conseillers_activityreport WHERE date >= %s "
    "AND date < %s",
}


def baseline(start: dt.date, end: dt.date, active_since: dt.date) -> dict[str, dict[str, tuple[int, int, int]]]:
    """The dashboard's main figures by direct aggregation over the reports table."""
    from django.db import connection

    found: dict[str, dict[str, tuple[int, int, int]]] = {}
    with connection.cursor() as cursor:
        for name, sql in BASELINE_SQL.items():
            bounds = [active_since, end] if name == "active" else [start, end]
            cursor.execute(sql, bounds)
            found[name] = {str(v): (int(a or 0), int(p or 0), int(m or 0)) for v, a, p, m in cursor.fetchall()}
    return found


def check_exact(figures, expected) -> None:
    """Every figure the dashboard shows for the period equals the baseline's count over the reports."""
    from mediane.conseillers.subsidy import add_months

    totals = figures.totals
    assert (totals.activities, totals.people, totals.minutes) == expected["total"][""], "totals differ"
    departements = {
        row.code: (row.activities, row.people, row.minutes) for row in figures.departements if row.activities
    }
    assert departements == expected["departement"], "by département differs"
    months = {line.code: (line.activities, line.people, line.minutes) for line in figures.months if line.activities}
    assert months == expected["month"], "by month differs"
    by = {b.slug: {line.code: line.activities for line, _v, _s in b.lines} for b in figures.breakdowns}
    for slug, name in (("types", "type"), ("canaux", "canal"), ("thematiques", "thematique")):
        assert by[slug] == {v: a for v, (a, _p, _m) in expected[name].items()}, f"{slug} differ"
    assert figures.advisers_active == expected["active"][""][0], "active advisers differ"
    assert add_months(figures.filters.end, 1) > figures.filters.start


def check_recount() -> None:
    """The counters seeded by COPY equal those `services_reports.recount()` rebuilds from the reports."""
    from mediane.conseillers.models_reports import ActivityCounter
    from mediane.conseillers.services_reports import recount

    def stored() -> dict:
        rows = ActivityCounter.objects.values_list(
            "scope", "month", "dimension", "value", "activities", "people", "minutes"
        )
        return {(s, m, d, v): (a, p, mi) for s, m, d, v, a, p, mi in rows.iterator(chunk_size=20000)}

    seeded = stored()
    started = time.perf_counter()
    counted = recount()
    rebuilt = stored()
    assert rebuilt == seeded, f"{len(set(rebuilt.items()) ^ set(seeded.items()))} counters differ"
    print(f"Recount: {counted:,} reports, {len(rebuilt):,} counters rebuilt in {time.perf_counter() - started:.1f} s, "
          "equal to the seeded ones")  # fmt: skip


def timed(function, times: int) -> list[float]:
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    args = parse_args()
    setup_django(args.database)
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mediane.accounts.models import User
    from mediane.conseillers import dashboard
    from mediane.conseillers.models_reports import ActivityCounter, ActivityReport
    from mediane.conseillers.subsidy import add_months

    print(machine_line())
    print(f"Load before: {load_average()}")
    rng = random.Random(SEED)
    present = ActivityReport.objects.count()
    if present != args.reports or args.reseed:
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE conseillers_activityreport, conseillers_activitycounter, conseillers_recruitment, "
                "conseillers_candidate, conseillers_hoststructure, accounts_user CASCADE"
            )
        started = time.perf_counter()
        recruitments, _team = seed_programme(rng)
        recruitments = list(type(recruitments[0]).objects.select_related("host", "candidate"))
        programme_seconds = time.perf_counter() - started
        report_seconds = seed_reports(rng, recruitments, args.reports)
        print(f"Seeded {len(recruitments):,} advisers in {programme_seconds:.1f} s, {args.reports:,} reports and "
              f"{ActivityCounter.objects.count():,} counters in {report_seconds:.1f} s")  # fmt: skip
    else:
        print(f"Reusing the {present:,} reports of {args.database.rsplit('/', 1)[1]} (--reseed to seed again)")
    team = User.objects.get(email="equipe@bench.example.org")
    if args.check_recount:
        check_recount()
    with connection.cursor() as cursor:
        # What autovacuum would have done by now on a live database: statistics, and the visibility map that lets
        # the counters' index answer alone.
        cursor.execute("VACUUM ANALYZE")

    filters = dashboard.read_filters({})
    today = timezone.localdate()
    active_since = add_months(today.replace(day=1), 1 - dashboard.ACTIVE_MONTHS)
    end = add_months(filters.end, 1)
    expected = baseline(filters.start, end, active_since)
    # The exact figures (the team's version: the public one merges the départements under statistical secrecy).
    check_exact(dashboard.collect(filters, team=True), expected)
    print("Exactness: every figure of the public dashboard equals the direct count over the reports")

    public, internal = Client(), Client()
    internal.force_login(team)
    for client, url in (
        (public, reverse("conseillers:dashboard")),
        (internal, reverse("conseillers:dashboard_internal")),
    ):
        assert client.get(url, secure=True).status_code == 200  # warm-up: templates compiled, connection open
    public_url, internal_url = reverse("conseillers:dashboard"), reverse("conseillers:dashboard_internal")
    rows = [
        ("Public dashboard (counters)", timed(lambda: public.get(public_url, secure=True), args.requests)),
        ("Internal dashboard (counters)", timed(lambda: internal.get(internal_url, secure=True), args.requests)),
        (
            "Baseline: direct GROUP BY over the reports",
            timed(lambda: baseline(filters.start, end, active_since), args.baseline_requests),
        ),
    ]
    print(f"\n{'What':<46} {'runs':>5} {'p50 ms':>9} {'p95 ms':>9}")
    for label, durations in rows:
        print(f"{label:<46} {len(durations):>5} {statistics.median(durations):>9.1f} {p95(durations):>9.1f}")
    print(f"\nLoad after: {load_average()}")
    verdict = all(p95(durations) <= TARGET_MS for _label, durations in rows[:2])
    print(f"Target p95 ≤ {TARGET_MS:.0f} ms for both pages: {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    main()
