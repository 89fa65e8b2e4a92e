"""An adviser's export of their activity reports in the Coop's layout: 5,000 reports as XLSX within 5 s (issue 13).

    make bench-conseillers-export
    .venv/bin/python bench/conseillers_export.py --reports 5000 --runs 5

On a fresh SQLite file under a temporary folder (the settings of `make run`, DEBUG off), one adviser records
`--reports` reports through `services_reports.record_reports` (one in ten a workshop of 8 participants, so one row
per participant makes about 1.6 rows per report). Then, `--runs` times each, the median and the slowest:

- « Médiane XLSX » and « Médiane CSV »: the view `reports_export` through Django's test client (session, middleware,
  the query, `exports_reports.rows`, the platform's one writer `mediane/spreadsheets.py` with its formula
  neutralisation, `mediane/downloads.py`), timed until the last byte of the answer has been read;
- the baseline, what a bare writer costs for the same rows: the same reports read the same way and turned into the
  same rows, written by openpyxl in write-only mode into memory, without the neutraliser and without HTTP;
- the floor: the query and the rows alone, written nowhere (what any writer adds is the rest). There is no bare CSV
  writer baseline: a test forbids writing CSV outside `mediane/spreadsheets.py`, in bench/ too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.imports import configure  # noqa: E402 - the same fresh SQLite file and settings
from bench.machine import load_average, machine_line  # noqa: E402

LIMIT_SECONDS = 5.0


def seed(count: int):
    """One adviser in post with `count` reports over the last 300 days; returns their user."""
    from django.utils import timezone

    from mediane.conseillers.services_reports import record_reports
    from tests.conseillers import factories

    recruitment = factories.adviser()
    today = timezone.localdate()
    themes = ["email", "navigation_sur_internet", "argent_impots", "sante", "securite_numerique"]
    rows = []
    for n in range(count):
        day = today - dt.timedelta(days=1 + n % 300)
        if n % 10 == 9:
            rows.append(
                factories.workshop_data(
                    date=day,
                    participant_counts={"gender": {"feminin": 5, "masculin": 2}, "age_band": {"soixante_dix_plus": 4}},
                )
            )
        else:
            rows.append(
                factories.report_data(
                    date=day,
                    duration=15 + 15 * (n % 6),
                    thematiques=[themes[n % 5], themes[(n + 2) % 5]],
                    tags=["Impôts"] if n % 3 == 0 else [],
                    notes="Revient la semaine prochaine." if n % 4 == 0 else "",
                )
            )
    for start in range(0, count, 1000):
        record_reports(rows[start : start + 1000], by=recruitment.candidate.user, recruitment=recruitment)
    return recruitment.candidate.user


def timed(function: Callable[[], int], runs: int) -> tuple[float, float, int]:
    seconds, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = function()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), max(seconds), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cra-export-") as folder:
        configure(Path(folder))
        from django.test import Client
        from django.urls import reverse

        from mediane.conseillers import exports_reports as coop
        from mediane.conseillers.models_reports import ActivityReport

        started = time.perf_counter()
        user = seed(options.reports)
        print(f"Seeded {options.reports:,} reports in {time.perf_counter() - started:.1f} s")
        client = Client()
        client.force_login(user)
        reports = ActivityReport.objects.of_adviser(user)
        row_count = sum(1 for _ in coop.rows(coop.for_export(reports, own=True), own=True))

        def view(fmt: str) -> Callable[[], int]:
            def run() -> int:
                response = client.get(reverse("conseillers:reports_export", args=[fmt]))
                assert response.status_code == 200
                return sum(len(chunk) for chunk in response.streaming_content)

            return run

        def bare_xlsx() -> int:
            import openpyxl

            book = openpyxl.Workbook(write_only=True)
            sheet = book.create_sheet("Accompagnements")
            sheet.append(list(coop.OWN_COLUMNS))
            for row in coop.rows(coop.for_export(reports, own=True), own=True):
                sheet.append(row)
            buffer = io.BytesIO()
            book.save(buffer)
            return len(buffer.getvalue())

        def rows_only() -> int:
            return sum(len(row) for row in coop.rows(coop.for_export(reports, own=True), own=True))

        print(machine_line())
        print(f"Load average before: {load_average()}")
        print(f"{options.reports:,} reports, {row_count:,} rows (one per participant); median of {options.runs} runs")
        print(f"{'Method':<36} {'median':>8} {'slowest':>8} {'size':>14}")
        results = {}
        for name, function in (
            ("Médiane XLSX (view, streamed)", view("xlsx")),
            ("Baseline XLSX (openpyxl write-only)", bare_xlsx),
            ("Médiane CSV (view, streamed)", view("csv")),
            ("Floor: query + rows, no writer", rows_only),
        ):
            median, slowest, size = timed(function, options.runs)
            results[name] = median
            shown = f"{size / 1024:>8.0f} KB" if "Floor" not in name else f"{size:>8,} cells"
            print(f"{name:<36} {median:>7.2f}s {slowest:>7.2f}s {shown}")
        print(f"Load average after: {load_average()}")
        verdict = results["Médiane XLSX (view, streamed)"] <= LIMIT_SECONDS
        print(f"XLSX of {options.reports:,} reports within {LIMIT_SECONDS:.0f} s: {'yes' if verdict else 'NO'}")
        sys.exit(0 if verdict else 1)


if __name__ == "__main__":
    main()
