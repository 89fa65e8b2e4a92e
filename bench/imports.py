"""Imports of places while people keep writing: how long an import holds SQLite's write lock, and how many of the
writes made meanwhile fail.

    make bench-imports
    .venv/bin/python bench/imports.py --rows 40000 --writers 4
    .venv/bin/python bench/imports.py --rows 3000 --writers 2 --no-baseline --json    # what the test runs

On SQLite, the embedded default, one write transaction holds the whole database: while it lasts, every login and
every comment waits (20 s at most, then « database is locked », a server error). In one run, on a fresh SQLite file
under a temporary folder (WAL mode, the settings of `make run`, DEBUG off):

1. A file of `--rows` places in the national standard is built from the communes reference shipped with Médiane
   (real communes, postal codes and centroids; ids `bench-<n>`, one structure per place, as a library without SIRET
   gets). No real data is needed.
2. For each method, the same three imports: a dry run (« Vérifier sans importer »), the creation of every place, and
   an update of every place (new opening hours). During each one, `--writers` threads write as people do, through
   the site's own views (Django's test client): each signs in (a session and `last_login` written) and comments a
   contribution, over and over, until the import ends. Every request is timed; a 500 or a « database is locked »
   counts as a failed write.
3. Methods: « Médiane » is `import_jobs.import_file`, what the organisers' page and `manage.py import_lieux` run
   (everything read and worked out first, then one short transaction of `executemany`, `mediane/bulk.py`); the
   baseline is the same import run inside one `transaction.atomic()`, so that the write lock is held from the first
   read to the last write: what « validate and prepare inside the write transaction » costs.

The table gives, per import: the import's time, the longest write-lock hold (Médiane: its write transaction, from
the import's report; baseline: the whole transaction), the writes made meanwhile, the failed ones, and the writers'
median and slowest request.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "banc-d-essai-imports-2026"  # noqa: S105 - a throwaway account of a throwaway database


def configure(folder: Path, database_url: str | None = None) -> None:
    """The settings of `make run`, on a fresh SQLite file (or `database_url`, for `bench/places_import.py`), without
    the debug query log, limits lifted."""
    os.environ.pop("DATABASE_URL", None)  # SQLite's write lock is what is measured
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MEDIANE_ENV": "development",
            "DEBUG": "false",
            "SQLITE_PATH": str(folder / "bench.sqlite3"),
            "MEDIA_ROOT": str(folder / "media"),
            "TASKS_MODE": "inline",
            "MEDIANE_JOBS_WATCHDOG": "false",
            "MEDIANE_API_RATE_USER": "1000000/s",
            "MEDIANE_API_RATE_ANON": "1000000/s",
            "ALLOWED_HOSTS": "testserver,localhost",
            "LOG_LEVEL": "ERROR",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def places_file(rows: int, hours: str) -> bytes:
    from mediane.structures import standard
    from mediane.structures.communes import load_communes

    communes = [commune for commune in load_communes() if commune.postal_codes and commune.located]
    today = time.strftime("%Y-%m-%d")
    records = []
    for number in range(rows):
        commune = communes[(number * 7919) % len(communes)]
        records.append(
            {
                "id": f"bench-{number}",
                "pivot": standard.PIVOT_PLACEHOLDER,
                "nom": f"Espace numérique n° {number}",
                "commune": commune.name,
                "code_postal": commune.postal_codes[0],
                "code_insee": commune.insee,
                "adresse": f"{1 + number % 120} rue de la Médiathèque",
                "latitude": f"{commune.latitude:.5f}",
                "longitude": f"{commune.longitude:.5f}",
                "horaires": hours,
                "source": "Banc d'essai",
                "date_maj": today,
                "services": ["Aide aux démarches administratives", "Accès internet et matériel informatique"],
                "modalites_acces": ["Se présenter"],
            }
        )
    return standard.write_csv(records).encode("utf-8")


def seed_forum(writers: int):
    """An open theme, one contribution to comment on, and one verified account per writer (charter accepted)."""
    import datetime as dt

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from mediane.accounts.models import User
    from mediane.accounts.services import accept_charter
    from mediane.consultation.models import Consultation, Theme
    from mediane.consultation.services import ContributionDraft, publish_contribution

    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Banc d'essai", slug="banc", summary="Banc d'essai.", description="Banc d'essai."
    )
    theme = Theme.objects.create(
        consultation=consultation,
        number=1,
        slug="theme",
        title="Thème ouvert",
        question="Qu'en pensez-vous ?",
        description="Thème du banc d'essai.",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
        meeting_date=(now + dt.timedelta(days=40)).date(),
    )
    accounts = []
    for number in range(writers + 1):
        email = f"ecrivain{number}@banc.localhost"
        user = User.objects.create_user(email=email, password=PASSWORD, display_name=f"Écrivain {number}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        accept_charter(user)
        accounts.append(user)
    draft = ContributionDraft(
        kind="proposition", title="Un atelier le samedi", body="Ouvrir un atelier numérique le samedi matin."
    )
    return publish_contribution(accounts[-1], theme, draft), accounts[:writers]


class Writers:
    """`count` threads that sign in and comment, as people do, until stopped; every request timed."""

    def __init__(self, contribution, accounts) -> None:
        self.contribution = contribution
        self.accounts = accounts
        self.stop = threading.Event()
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.write, args=(account,)) for account in accounts]

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def timed(self, call, *args, **kwargs) -> None:
        from django.db import OperationalError

        started = time.perf_counter()
        try:
            response = call(*args, **kwargs)
            failed = f"HTTP {response.status_code}" if response.status_code >= 500 else ""
        except OperationalError as error:
            failed = str(error)
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            if failed:
                self.failures.append(failed)

    def write(self, account) -> None:
        from django.db import connections
        from django.test import Client
        from django.urls import reverse

        comment_url = reverse("consultation:comment", kwargs={"pk": self.contribution.pk})
        number = 0
        try:
            while not self.stop.is_set():
                number += 1
                # Each round is another person's device: sign-in limits count per address.
                address = f"10.{account.pk % 250}.{number // 250 % 250}.{number % 250 + 1}"
                client = Client(raise_request_exception=False, REMOTE_ADDR=address)
                self.timed(client.post, "/compte/login/", {"login": account.email, "password": PASSWORD})
                self.timed(client.post, comment_url, {"body": f"Commentaire n° {number} de {account.email}."})
                time.sleep(0.02)
        finally:
            connections.close_all()


def measure(method: str, label: str, data: bytes, dry_run: bool, contribution, accounts) -> dict:
    from django.db import transaction

    from mediane.structures.import_jobs import import_file
    from mediane.structures.models import ImportJob

    with Writers(contribution, accounts) as writers:
        time.sleep(0.3)  # the writers are at work before the import starts
        started = time.perf_counter()
        if method == "baseline" and not dry_run:
            with transaction.atomic():
                job = import_file(data, file_name=f"{label}.csv", file_format="standard_csv", dry_run=dry_run)
            lock = time.perf_counter() - started
        else:
            job = import_file(data, file_name=f"{label}.csv", file_format="standard_csv", dry_run=dry_run)
            lock = (job.report or {}).get("write_seconds", 0.0)
        seconds = time.perf_counter() - started
    job = ImportJob.objects.get(pk=job.pk)
    latencies = sorted(writers.latencies)
    return {
        "method": method,
        "import": label,
        "status": job.status,
        "error": job.error,
        "created": job.created_count,
        "updated": job.updated_count,
        "unchanged": job.unchanged_count,
        "seconds": round(seconds, 2),
        "lock_seconds": round(lock, 3),
        "writes": len(latencies),
        "failed_writes": len(writers.failures),
        "failures": sorted(set(writers.failures))[:3],
        "write_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "write_max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
    }


def run(rows: int, writers: int, baseline: bool, repeat: int = 1) -> list[dict]:
    """Every import of every method, `repeat` times in turn (so a burst of load hits both methods alike)."""
    from mediane.structures.communes import load_communes
    from mediane.structures.models import Place, Structure

    contribution, accounts = seed_forum(writers)
    load_communes()  # read once, as a running server has it
    created = places_file(rows, "Mo-Fr 09:00-12:00")
    updated = places_file(rows, "Mo-Sa 10:00-18:00")
    results = []
    for _ in range(repeat):
        for method in ("mediane", "baseline") if baseline else ("mediane",):
            Place.objects.all().delete()
            Structure.objects.all().delete()
            results.append(measure(method, "vérification", created, True, contribution, accounts))
            results.append(measure(method, "création", created, False, contribution, accounts))
            results.append(measure(method, "mise à jour", updated, False, contribution, accounts))
    return results


def summarise(results: list[dict]) -> list[dict]:
    """One row per method and import: medians over the repeats, the failed writes summed, the slowest write."""
    rows: dict[tuple[str, str], list[dict]] = {}
    for result in results:
        rows.setdefault((result["method"], result["import"]), []).append(result)
    summary = []
    for (method, label), runs in rows.items():
        summary.append(
            {
                "method": method,
                "import": label,
                "runs": len(runs),
                "outcomes": sorted({_outcome(run) for run in runs}),
                "seconds": statistics.median(run["seconds"] for run in runs),
                "lock_seconds": statistics.median(run["lock_seconds"] for run in runs),
                "lock_max": max(run["lock_seconds"] for run in runs),
                "writes": sum(run["writes"] for run in runs),
                "failed_writes": sum(run["failed_writes"] for run in runs),
                "write_p50_ms": statistics.median(run["write_p50_ms"] or 0 for run in runs),
                "write_max_ms": max(run["write_max_ms"] or 0 for run in runs),
                "failures": sorted({failure for run in runs for failure in run["failures"]})[:3],
            }
        )
    return summary


def _outcome(result: dict) -> str:
    if result["status"] != "succeeded":
        return f"échec : {result['error'][:60]}"
    return f"{result['created']} créés, {result['updated']} mis à jour, {result['unchanged']} inchangés"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--rows", type=int, default=40_000, help="places in the imported file (default 40,000)")
    parser.add_argument("--writers", type=int, default=4, help="threads that write meanwhile (default 4)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (one long transaction)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of every import, medians reported (default 1)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mediane-bench-imports-") as folder:
        configure(Path(folder))
        from bench.machine import load_average, machine_line

        load_before = load_average()
        results = run(args.rows, args.writers, baseline=not args.no_baseline, repeat=args.repeat)
        load_after = load_average()
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    print(f"# Imports of places under concurrent writes — {time.strftime('%Y-%m-%d')}")
    print(machine_line())
    print(
        f"{args.rows:,} places, {args.writers} writers, {args.repeat} run(s) of each import; "
        f"load average before {load_before}, after {load_after}"
    )
    print()
    print(
        "| method | import | result | import (s, median) | write lock held (s, median / max) | writes meanwhile | "
        "failed | write p50 (ms, median) | slowest write (ms) |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for row in summarise(results):
        print(
            f"| {row['method']} | {row['import']} | {'; '.join(row['outcomes'])} | {row['seconds']:.1f} | "
            f"{row['lock_seconds']:.2f} / {row['lock_max']:.2f} | {row['writes']} | {row['failed_writes']} | "
            f"{row['write_p50_ms']:.0f} | {row['write_max_ms']:.0f} |"
        )
        if row["failures"]:
            print(f"|  | ↳ {'; '.join(row['failures'])} | | | | | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
