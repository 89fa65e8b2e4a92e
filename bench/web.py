"""Web benchmark: seed N contributions, serve them with gunicorn (2 workers), load each page with wrk.

    make bench-web BENCH_ARGS="--sizes 100000 --database-url sqlite"
    make bench-web BENCH_ARGS="--sizes 100000,1000000 --database-url postgres://postgres@127.0.0.1:5432/mediane_bench"

Traffic goes to 127.0.0.1 only. Every page is measured in the same run as the floor (a bare view rendering a
tiny template through the same middleware), so throughput ratios compare like with like.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
RESULTS = Path(__file__).resolve().parent / "results"
SEARCH_QUERY = "atelier numérique bibliothèque"
DEEP_PAGE = 1000


@dataclass
class Result:
    page: str
    url: str
    p50_ms: float
    p95_ms: float
    p99_ms: float
    rps: float
    ratio: float
    non2xx: int
    socket_errors: int
    bytes: int
    alone_ms: float


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000", help="numbers of contributions, comma-separated")
    parser.add_argument(
        "--database-url",
        default="sqlite",
        help="'sqlite' (a file under /tmp) or a PostgreSQL URL; the database is created if missing",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (2 per worker saturates)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--reseed", action="store_true", help="seed again even when the size already matches")
    parser.add_argument("--pages", default="", help="only these pages (comma-separated names)")
    return parser.parse_args(argv)


def production_environment() -> dict[str, str]:
    """Production mode over plain HTTP on 127.0.0.1, with a throwaway secret key (shared with bench/weight.py)."""
    return {
        "MEDIANE_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "SECURE_SSL_REDIRECT": "false",
        "BEHIND_PROXY": "false",
        "LOG_LEVEL": "WARNING",
    }


def configure_environment(database_url: str, size: int) -> dict[str, str]:
    """Environment of this process and gunicorn: production mode, HTTP on localhost, no API throttling."""
    env = {
        **production_environment(),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "MEDIANE_API_RATE_ANON": "1000000/s",
        "MEDIANE_API_RATE_USER": "1000000/s",
    }
    if database_url == "sqlite":
        env["SQLITE_PATH"] = f"/tmp/mediane-bench-{size}.sqlite3"  # noqa: S108 - throwaway benchmark data
        os.environ.pop("DATABASE_URL", None)
    else:
        env["DATABASE_URL"] = database_url
    os.environ.update(env)
    return env


def ensure_postgres_database(database_url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Base PostgreSQL « {name} » créée.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start_gunicorn(env: dict[str, str], port: int, workers: int, ready_path: str = "/floor/") -> subprocess.Popen:
    """gunicorn on 127.0.0.1:`port`, once `ready_path` answers 200 (within 30 seconds)."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(f"http://127.0.0.1:{port}{ready_path}")[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn n'a pas démarré en 30 secondes.")


def deep_theme_path(base: str, theme_path: str, target_page: int) -> tuple[str, int]:
    """Follow the theme page's « page suivante » links; keyset cursors can only be reached this way."""
    path = theme_path
    page = 1
    started = time.monotonic()
    while page < target_page and time.monotonic() - started < 120:
        status, body = fetch(base + path)
        if status != 200:
            break
        links = re.findall(r'href="([^"]*\bapres=[^"]*)"', body.decode("utf-8", "replace"))
        if not links:
            break
        # The last cursor link is the « next » one (a « previous » link, if any, comes first).
        path = urllib.parse.urljoin(theme_path, links[-1].replace("&amp;", "&"))
        page += 1
    return path, page


def page_paths(base: str) -> dict[str, str]:
    from django.urls import NoReverseMatch, reverse

    from bench.seed import CONSULTATION_SLUG
    from mediane.consultation.enums import ContributionStatus
    from mediane.consultation.models import Contribution, Theme

    theme = Theme.objects.select_related("consultation").get(consultation__slug=CONSULTATION_SLUG, number=1)
    theme_path = theme.get_absolute_url()
    paths = {
        "floor": "/floor/",
        "floor + gabarit": "/floor/layout/",
        "accueil": "/",
        "thème p. 1": theme_path,
    }
    deep, reached = deep_theme_path(base, theme_path, DEEP_PAGE)
    paths[f"thème p. {reached}"] = deep
    middle = (
        Contribution.objects.filter(theme=theme, status=ContributionStatus.PUBLISHED)
        .order_by("id")
        .values_list("id", flat=True)[theme.published_count // 2 : theme.published_count // 2 + 1]
    )
    paths["contribution"] = reverse("consultation:contribution", kwargs={"pk": middle[0]})
    for name, route in [("recherche", "consultation:search"), ("API liste", "api:list_contributions")]:
        try:
            paths[name] = reverse(route)
        except NoReverseMatch:
            pass
    if "recherche" not in paths:
        paths["recherche"] = "/forum/rechercher/"
    paths["recherche"] += "?" + urllib.parse.urlencode({"q": SEARCH_QUERY})
    paths.setdefault("API liste", "/api/v1/contributions")
    return paths


def run_wrk(url: str, args) -> dict[str, int]:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"MEDIANE_RESULT (.*)", output)
    if not match:
        raise RuntimeError(f"Sortie de wrk inattendue :\n{output}")
    return {key: int(value) for key, value in (item.split("=") for item in match.group(1).split())}


def measure(base: str, paths: dict[str, str], args) -> list[Result]:
    results: list[Result] = []
    floor_rps = 0.0
    for name, path in paths.items():
        url = base + path
        started = time.perf_counter()
        status, body = fetch(url)
        alone_ms = (time.perf_counter() - started) * 1000
        if status != 200:
            print(f"  ! {name} ({path}) répond {status} : mesure quand même, voir la colonne erreurs")
        subprocess.run(["wrk", "-t1", "-c2", "-d2s", url], capture_output=True, check=True)  # warm-up
        raw = run_wrk(url, args)
        # A page slower than the run itself completes no request: wrk then reports zeros, not a latency.
        rps = raw["requests"] / (raw["duration_us"] / 1e6)
        if name == "floor":
            floor_rps = rps
        result = Result(
            page=name,
            url=path,
            p50_ms=raw["p50"] / 1000,
            p95_ms=raw["p95"] / 1000,
            p99_ms=raw["p99"] / 1000,
            rps=rps,
            ratio=rps / floor_rps if floor_rps else 0.0,
            non2xx=raw["non2xx"],
            socket_errors=raw["socket_errors"],
            bytes=len(body),
            alone_ms=alone_ms,
        )
        print(
            f"  {name:<16} p50 {result.p50_ms:7.1f} ms  p95 {result.p95_ms:7.1f} ms"
            f"  p99 {result.p99_ms:7.1f} ms"
            f"  {rps:8.1f} req/s  {result.ratio:6.1%}  erreurs {raw['non2xx'] + raw['socket_errors']}"
        )
        results.append(result)
    return results


def markdown_table(results: list[Result]) -> str:
    lines = [
        "| Page | seule (ms) | p50 (ms) | p95 (ms) | p99 (ms) | req/s | % du plancher | erreurs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.rps == 0:
            lines.append(f"| {r.page} | {r.alone_ms:.0f} | aucune réponse pendant la mesure | | | 0 | 0 % | |")
            continue
        lines.append(
            f"| {r.page} | {r.alone_ms:.1f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f}"
            f" | {r.rps:.0f} | {r.ratio:.0%} | {r.non2xx + r.socket_errors} |"
        )
    return "\n".join(lines)


def bench_size(size: int, args) -> None:
    env = configure_environment(args.database_url, size)
    if args.database_url != "sqlite":
        ensure_postgres_database(args.database_url)

    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    from bench import seed as seeding

    print(f"\n== {size:,} contributions sur {connection.vendor} ==".replace(",", " "))
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    timings = None
    if args.reseed or seeding.seeded_size() != size:
        print("Remplissage de la base…")
        timings = seeding.seed(size)
        print("  durée : " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items()))
    else:
        print("La base a déjà ce nombre de contributions : pas de nouveau remplissage (--reseed pour forcer).")
    connection.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, args.workers)
    try:
        paths = page_paths(base)
        connection.close()
        if args.pages:
            wanted = {"floor", *args.pages.split(",")}
            paths = {name: path for name, path in paths.items() if name in wanted}
        print(
            f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, gunicorn {args.workers} workers, "
            f"{os.cpu_count()} cœurs, {platform.machine()}"
        )
        results = measure(base, paths, args)
    finally:
        server.terminate()
        server.wait(timeout=30)

    table = markdown_table(results)
    print("\nTableau (Markdown) :\n")
    print(table)
    RESULTS.mkdir(exist_ok=True)
    record = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "size": size,
        "seeding_seconds": timings,
        "wrk": {"threads": args.threads, "connections": args.connections, "duration": args.duration},
        "results": [asdict(r) for r in results],
    }
    out = RESULTS / f"web-{connection.vendor}-{size}.json"
    out.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nRésultats bruts : {out.relative_to(ROOT)}")


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    if args.database_url == "sqlite" and len(sizes) > 1:
        # One SQLite file per size, and Django's settings are fixed once set up: one process per size.
        for size in sizes:
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--sizes", str(size)], check=True)
        return
    for size in sizes:
        bench_size(size, args)


if __name__ == "__main__":
    main()
