"""Imports of real files of places: the Ministry of Culture's whole libraries file, then the regional files, into
a fresh database; rows per second, peak memory and write-lock time, against a plain baseline.

    make bench-places
    .venv/bin/python bench/places_import.py ../shared/data/bibliotheques/adresses-bibliotheques-publiques.csv.gz
    .venv/bin/python bench/places_import.py LIBRARIES.csv.gz --lieux ../shared/data/lieux --runs 1 --json

Each run is a new process on a fresh database (SQLite in a temporary folder, WAL, the settings of `make run`; and
PostgreSQL when `--postgres` answers, a database created for the run), so that the peak memory (the process's
maximum resident size, `resource.getrusage`) is the run's own. In each run, one after the other:

1. the libraries file (15,702 rows) as the organisers' page and `manage.py import_lieux --format bibliotheques` import
   it (`import_jobs.import_file`: gzip, decoding, the reader of `libraries.py` with the communes reference, the plan
   of `services_plan.py`, one short write transaction of `mediane/bulk.py`), into its source;
2. `nouvelle-caledonie-schema-v1.json` (standard JSON, 90 records) and `auvergne-rhone-alpes-hub-legacy.json` (v0,
   687 records), each into a source of its own.

The baseline is the pipeline the issue compares with: the same files read by `csv.DictReader` (or `json.load`),
each row mapped by name onto a `Place` without any check, cleaning, structure, report or comparison with the
database, and written by `bulk_create` in one transaction, which is then its write-lock time. It is the floor of
what writing these rows costs, not an import anyone should run.

The table gives, per file and backend, the medians over `--runs` runs: rows, seconds (wall clock, and CPU time of
the process, which a busy machine does not stretch; with PostgreSQL the server's own work is not in it), rows per
second, peak memory
of the run (MB), write-lock seconds, and the ratio Médiane / baseline. The issue's target: at least 2,000 rows per
second for the whole libraries file on 2 cores, within 500 MB.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# ../shared/data beside the checkout (a worktree of the checkout is one folder deeper).
SHARED = next(
    (folder / "shared" / "data" for folder in ROOT.parents if (folder / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
DEFAULT_LIBRARIES = SHARED / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz"
DEFAULT_LIEUX = SHARED / "lieux"
REGIONAL = (
    ("nouvelle-caledonie-schema-v1.json", "standard_json", "Nouvelle-Calédonie"),
    ("auvergne-rhone-alpes-hub-legacy.json", "legacy_json", "Hinaura"),
)
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
PG_DATABASE = "mediane_bench_places"
METHODS = ("mediane", "baseline")
TARGET_ROWS_PER_SECOND = 2000
TARGET_MEGABYTES = 500


# --- Pure parts (tested in tests/bench/test_places_bench.py) ----------------------------------------------------


def peak_megabytes(maxrss: int, platform: str = sys.platform) -> float:
    """`ru_maxrss` in megabytes: kilobytes on Linux, bytes on macOS."""
    return maxrss / (1024 * 1024) if platform == "darwin" else maxrss / 1024


def baseline_row(record: dict[str, Any]) -> dict[str, Any]:
    """A row of any of the files mapped by name onto a `Place`'s fields, as a naive pipeline does: the libraries'
    columns, else the standard's names; no check, no cleaning."""

    def text(*names: str) -> str:
        for name in names:
            value = record.get(name)
            if value not in (None, ""):
                return str(value).strip()
        return ""

    def number(name: str) -> float | None:
        try:
            return float(text(name).replace(",", "."))
        except ValueError:
            return None

    identifier = text("Code_bib", "id")
    return {
        "id_standard": f"bib-{identifier}" if "Code_bib" in record else identifier,
        "nom": text("nom_de_l_etablissement", "nom")[:250],
        "adresse": text("Adresse", "adresse")[:250],
        "code_postal": text("CP", "code_postal")[:5],
        "commune": text("Ville", "commune")[:150],
        "code_insee": text("code_insee")[:5],
        "latitude": number("Latitude") if "Latitude" in record else number("latitude"),
        "longitude": number("Longitude") if "Longitude" in record else number("longitude"),
        "source": text("source")[:250],
    }


def read_baseline_records(data: bytes, kind: str) -> list[dict[str, Any]]:
    """The records of a file as the baseline reads them: `csv.DictReader` for the libraries, `json.load` else."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("utf-8-sig")
    if kind == "bibliotheques":
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    loaded = json.loads(text)
    return loaded if isinstance(loaded, list) else list(loaded.get("data", []))


def median_results(runs: list[list[dict]]) -> list[dict]:
    """One row per (backend, method, file): the median of each measure over the runs."""
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for run in runs:
        for result in run:
            grouped.setdefault((result["backend"], result["method"], result["file"]), []).append(result)
    medians = []
    for (backend, method, file), results in grouped.items():
        medians.append(
            {
                "backend": backend,
                "method": method,
                "file": file,
                "runs": len(results),
                "rows": results[0]["rows"],
                "imported": results[0]["imported"],
                "seconds": statistics.median(r["seconds"] for r in results),
                "cpu_seconds": statistics.median(r["cpu_seconds"] for r in results),
                "rows_per_second": statistics.median(r["rows"] / r["seconds"] for r in results),
                "peak_mb": statistics.median(r["peak_mb"] for r in results),
                "write_seconds": statistics.median(r["write_seconds"] for r in results),
            }
        )
    return medians


def table(medians: list[dict]) -> str:
    """The results as a Markdown table, each Médiane row followed by its ratio to the baseline."""
    baseline = {(m["backend"], m["file"]): m for m in medians if m["method"] == "baseline"}
    lines = [
        "| Base | Fichier | Méthode | Lignes | Importées | Secondes | CPU (s) | Lignes/s | Lignes/s CPU "
        "| Mémoire max (Mo) | Verrou (s) | × référence (temps) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in sorted(medians, key=lambda m: (m["backend"], m["file"], METHODS.index(m["method"]))):
        reference = baseline.get((m["backend"], m["file"]))
        ratio = f"{m['seconds'] / reference['seconds']:.1f}" if reference and m["method"] == "mediane" else "—"
        name = "Médiane" if m["method"] == "mediane" else "référence (DictReader + bulk_create)"
        lines.append(
            f"| {m['backend']} | {m['file']} | {name} | {m['rows']:,} | {m['imported']:,} | {m['seconds']:.2f} "
            f"| {m['cpu_seconds']:.2f} | {m['rows_per_second']:,.0f} | {m['rows'] / max(m['cpu_seconds'], 1e-9):,.0f} "
            f"| {m['peak_mb']:.0f} | {m['write_seconds']:.3f} | {ratio} |".replace(",", "\u202f")
        )
    return "\n".join(lines)


def verdict(medians: list[dict]) -> list[str]:
    """Whether the libraries file meets the issue's target, per backend."""
    sentences = []
    for m in medians:
        if m["method"] != "mediane" or not m["file"].startswith("adresses-bibliotheques"):
            continue
        speed = m["rows_per_second"] >= TARGET_ROWS_PER_SECOND
        memory = m["peak_mb"] <= TARGET_MEGABYTES
        sentences.append(
            f"{m['backend']} : {m['rows_per_second']:.0f} lignes/s ({'≥' if speed else '<'} "
            f"{TARGET_ROWS_PER_SECOND}), {m['peak_mb']:.0f} Mo ({'≤' if memory else '>'} {TARGET_MEGABYTES}) : "
            f"{'objectif atteint' if speed and memory else 'objectif manqué'}."
        )
    return sentences


# --- One run, in its own process ---------------------------------------------------------------------------------


def configure(backend: str, folder: Path, postgres: str) -> None:
    """The settings of `make run` on a fresh database (`bench/imports.py`'s), migrated."""
    from bench import imports

    database_url = postgres.rsplit("/", 1)[0] + f"/{PG_DATABASE}" if backend == "postgresql" else None
    imports.configure(folder, database_url)


def _mediane(path: Path, kind: str, source_name: str | None) -> tuple[int, int, float]:
    from mediane.structures import import_jobs, services_sources

    source = services_sources.source_named(source_name)[0] if source_name else None
    job = import_jobs.import_file(
        path.read_bytes(), file_name=path.name, file_format=kind, dry_run=False, place_source=source
    )
    if job.status != "succeeded":
        raise SystemExit(f"{path.name} : {job.error}")
    return job.rows_count, job.created_count + job.updated_count, float(job.report.get("write_seconds", 0))


def _baseline(path: Path, kind: str) -> tuple[int, int, float]:
    from django.db import transaction
    from django.utils import timezone

    from mediane.structures.models import Place

    records = read_baseline_records(path.read_bytes(), kind)
    before = Place.objects.count()
    today = timezone.localdate()
    places, seen = [], set()
    for record in records:
        values = baseline_row(record)
        if values["id_standard"] in seen:
            continue
        seen.add(values["id_standard"])
        places.append(Place(date_maj=today, **values))
    started = time.monotonic()
    with transaction.atomic():
        # A file's id already met in an earlier file is skipped, as a naive pipeline would not notice it either.
        Place.objects.bulk_create(places, batch_size=1000, ignore_conflicts=True)
    write_seconds = time.monotonic() - started
    return len(records), Place.objects.count() - before, write_seconds


def run_once(backend: str, method: str, libraries: Path, lieux: Path, postgres: str) -> list[dict]:
    """Import every file into a fresh database, in this process; one result per file."""
    with tempfile.TemporaryDirectory(prefix="bench-places-") as folder:
        configure(backend, Path(folder), postgres)
        files = [(libraries, "bibliotheques", None)]
        files += [(lieux / name, kind, source) for name, kind, source in REGIONAL if (lieux / name).exists()]
        results = []
        for path, kind, source in files:
            started, cpu = time.monotonic(), time.process_time()
            if method == "mediane":
                rows, imported, write_seconds = _mediane(path, kind, source)
            else:
                # The baseline has no notion of source: the ids of every file must not meet.
                rows, imported, write_seconds = _baseline(path, kind)
            seconds, cpu_seconds = time.monotonic() - started, time.process_time() - cpu
            results.append(
                {
                    "backend": backend,
                    "method": method,
                    "file": path.name,
                    "rows": rows,
                    "imported": imported,
                    "seconds": seconds,
                    "cpu_seconds": cpu_seconds,
                    "write_seconds": write_seconds,
                    "peak_mb": peak_megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
                }
            )
        return results


# --- The whole benchmark -----------------------------------------------------------------------------------------


def postgres_answers(url: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
            connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        return True
    except Exception:  # noqa: BLE001 - any failure means « no PostgreSQL here »
        return False


def _fresh_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, connect_timeout=3, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')


def _drop_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, connect_timeout=3, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "libraries", nargs="?", type=Path, default=DEFAULT_LIBRARIES, help="le fichier des bibliothèques"
    )
    parser.add_argument("--lieux", type=Path, default=DEFAULT_LIEUX, help="dossier des fichiers régionaux")
    parser.add_argument("--runs", type=int, default=3, help="nombre de passages (médiane), 3 par défaut")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="serveur PostgreSQL (base d'administration)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite seulement")
    parser.add_argument("--json", action="store_true", help="résultats en JSON sur la dernière ligne")
    parser.add_argument("--child", nargs=2, metavar=("BASE", "METHODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        backend, method = args.child
        print(json.dumps(run_once(backend, method, args.libraries, args.lieux, args.postgres)))
        return 0
    if not args.libraries.exists():
        print(f"Fichier des bibliothèques introuvable : {args.libraries}", file=sys.stderr)
        return 2
    backends = ["sqlite"]
    if not args.no_postgres and postgres_answers(args.postgres):
        backends.append("postgresql")
    runs = []
    for number in range(args.runs):
        run: list[dict] = []
        for backend in backends:
            for method in METHODS:
                if backend == "postgresql":
                    _fresh_postgres(args.postgres)
                command = [sys.executable, __file__, str(args.libraries), "--lieux", str(args.lieux)]
                command += ["--postgres", args.postgres, "--child", backend, method]
                completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
                if completed.returncode:
                    print(completed.stderr[-3000:], file=sys.stderr)
                    return completed.returncode
                results = json.loads(completed.stdout.strip().splitlines()[-1])
                run += results
                print(
                    f"passage {number + 1}/{args.runs}, {backend}, {method} : "
                    + ", ".join(f"{r['file']} {r['seconds']:.2f} s" for r in results),
                    file=sys.stderr,
                )
        runs.append(run)
    if "postgresql" in backends:
        _drop_postgres(args.postgres)
    medians = median_results(runs)
    print(table(medians))
    for sentence in verdict(medians):
        print(sentence)
    if args.json:
        print(json.dumps(medians))
    return 0


if __name__ == "__main__":
    sys.exit(main())
