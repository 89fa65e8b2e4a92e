"""Weight benchmark: what a first visit of each main public page costs on a slow phone, in the system Chromium.

    make bench-weight
    make bench-weight BENCH_ARGS="--runs 5 --pages accueil,diagnostic"

The site is served as people get it: production settings, gunicorn, `collectstatic` (hashed names, gzip and
Brotli), the demo data (`load_demo`, loaded once into a throwaway SQLite database under /tmp; `--reload` loads it
again). Beside it, in the same run, the baseline: the same pages with the full DSFR stylesheets
(`bench/full_dsfr_settings.py`). Each visit opens a fresh browser context (empty cache) on a 375 px phone screen,
with Chromium's network throttling (`Network.emulateNetworkConditions`: 400 kbit/s down and up, 400 ms latency),
and measures the bytes received (`encodedDataLength` of every request, headers included, until the network has
been quiet for a second), the number of requests, first paint, first contentful paint and the load event.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import cpu_model  # noqa: E402
from bench.web import free_port, production_environment, start_gunicorn  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DATABASE = "/tmp/mediane-bench-weight.sqlite3"  # noqa: S108 - throwaway benchmark data
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
PHONE = {"width": 375, "height": 740}
# The targets: a first visit of these pages transfers at most this, and every page paints within this.
WEIGHT_TARGET_KB = 150
WEIGHT_TARGET_PAGES = ("accueil", "diagnostic : 1re question")
PAINT_TARGET_S = 5.0
VARIANTS = {
    # name: settings module, static root
    "site": ("config.settings", "/tmp/mediane-bench-weight-static"),  # noqa: S108
    "DSFR complet": ("bench.full_dsfr_settings", "/tmp/mediane-bench-weight-full-static"),  # noqa: S108
}
QUIET_SECONDS = 1.0


@dataclass
class Visit:
    kilobytes: float
    requests: int
    first_paint_s: float
    first_contentful_paint_s: float
    load_s: float
    by_type: dict[str, float] = field(default_factory=dict)  # kilobytes by resource type
    encodings: dict[str, int] = field(default_factory=dict)  # number of responses by Content-Encoding


@dataclass
class Row:
    page: str
    variant: str
    path: str
    kilobytes: float
    requests: int
    first_paint_s: float
    first_contentful_paint_s: float
    load_s: float
    by_type: dict[str, float]
    encodings: dict[str, int]
    runs: list[Visit]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="visits of each page in each variant (medians)")
    parser.add_argument("--pages", default="", help="only these pages (comma-separated names)")
    parser.add_argument("--down-kbps", type=int, default=400, help="download throughput, kbit/s")
    parser.add_argument("--up-kbps", type=int, default=400, help="upload throughput, kbit/s")
    parser.add_argument("--latency-ms", type=int, default=400, help="latency added to every request, ms")
    parser.add_argument("--reload", action="store_true", help="load the demo into a new database")
    parser.add_argument("--no-baseline", action="store_true", help="measure the site alone")
    parser.add_argument("--no-collect", action="store_true", help="reuse the static files of the previous run")
    parser.add_argument("--details", action="store_true", help="print every request of each page's first visit")
    return parser.parse_args(argv)


def environment() -> dict[str, str]:
    """Production mode over plain HTTP on localhost, on the demo database."""
    return {
        **production_environment(),
        "SQLITE_PATH": DATABASE,
        "TASKS_MODE": "thread",
        "MEDIANE_JOBS_WATCHDOG": "false",
    }


def manage(*command: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env={**os.environ, **env}, check=True)


def prepare_database(reload: bool) -> None:
    """The demo, loaded once (`load_demo` is a development command: it runs here as development)."""
    if reload:
        for suffix in ("", "-wal", "-shm"):
            Path(DATABASE + suffix).unlink(missing_ok=True)
    if Path(DATABASE).exists() and not reload:
        print(f"Base de démonstration {DATABASE} : déjà chargée (--reload pour la recharger).")
        return
    print(f"Chargement de la démonstration dans {DATABASE}…")
    development = {
        "MEDIANE_ENV": "development",
        "SQLITE_PATH": DATABASE,
        "TASKS_MODE": "inline",
        "MEDIANE_JOBS_WATCHDOG": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    manage("migrate", "--noinput", "-v0", env=development)
    manage("load_demo", env=development)


def collect(env: dict[str, str], variants: list[str]) -> None:
    for name in variants:
        settings_module, static_root = VARIANTS[name]
        started = time.monotonic()
        manage(
            "collectstatic",
            "--noinput",
            "-v0",
            env={**env, "DJANGO_SETTINGS_MODULE": settings_module, "STATIC_ROOT": static_root},
        )
        print(f"collectstatic ({name}) : {time.monotonic() - started:.0f} s")


def page_paths() -> dict[str, str]:
    """The main public pages of the demo, by name."""
    from django.urls import reverse

    from mediane.consultation.models import Theme
    from mediane.orientation import diagnostic
    from mediane.structures.models import Place

    first = diagnostic.QUESTIONS[0]
    # The last question (the commune, a text field) reached as a person does: every earlier one answered.
    answers: dict[str, list[str]] = {}
    for question in diagnostic.questions_for(answers):
        if question.choices:
            answers[question.key] = [question.values[0]]
    last = diagnostic.questions_for(answers)[-1]
    theme = Theme.objects.select_related("consultation").order_by("-consultation__id", "number").first()
    place = Place.objects.filter(commune="Villeurbanne").order_by("pk").first() or Place.objects.order_by("pk").first()
    return {
        "accueil": reverse("pages:home"),
        "diagnostic : 1re question": reverse("diagnostic:question", args=[first.key]),
        f"diagnostic : question « {last.key} »": reverse("diagnostic:question", args=[last.key])
        + "?"
        + urllib.parse.urlencode(answers, doseq=True),
        "annuaire (Villeurbanne)": reverse("orientation:directory") + "?commune=Villeurbanne",
        "fiche d'un lieu": reverse("orientation:place", args=[place.pk]),
        "thème du forum": theme.get_absolute_url(),
        "plan du site": reverse("pages:site_map"),
    }


EXTRACT_TIMINGS = """() => {
  const paint = Object.fromEntries(performance.getEntriesByType("paint").map((entry) => [entry.name, entry.startTime]));
  const navigation = performance.getEntriesByType("navigation")[0];
  return {fp: paint["first-paint"] ?? -1, fcp: paint["first-contentful-paint"] ?? -1, load: navigation.loadEventEnd};
}"""


def visit(browser, url: str, args) -> Visit:
    """One first visit: a fresh context (no cache, no cookie), throttled, until the network is quiet."""
    context = browser.new_context(locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": args.latency_ms,
                "downloadThroughput": args.down_kbps * 1000 / 8,
                "uploadThroughput": args.up_kbps * 1000 / 8,
            },
        )
        requests: dict[str, dict] = {}
        last_event = [time.monotonic()]

        def started(event):
            if not event["request"]["url"].startswith("data:"):
                requests[event["requestId"]] = {
                    "url": event["request"]["url"],
                    "type": event.get("type", "Other"),
                    "done": False,
                    "bytes": 0,
                }
                last_event[0] = time.monotonic()

        def answered(event):
            if event["requestId"] in requests:
                headers = {key.lower(): value for key, value in event["response"]["headers"].items()}
                requests[event["requestId"]]["encoding"] = headers.get("content-encoding", "aucun")

        def finished(event):
            if event["requestId"] in requests:
                requests[event["requestId"]].update(done=True, bytes=event.get("encodedDataLength", 0))
                last_event[0] = time.monotonic()

        cdp.on("Network.requestWillBeSent", started)
        cdp.on("Network.responseReceived", answered)
        cdp.on("Network.loadingFinished", finished)
        cdp.on("Network.loadingFailed", finished)
        page.goto(url, wait_until="load", timeout=300_000)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            page.wait_for_timeout(200)
            if all(request["done"] for request in requests.values()) and (
                time.monotonic() - last_event[0] >= QUIET_SECONDS
            ):
                break
        timings = page.evaluate(EXTRACT_TIMINGS)
    finally:
        context.close()
    by_type: dict[str, float] = {}
    encodings: dict[str, int] = {}
    if args.details:
        for request in requests.values():
            address = urllib.parse.urlsplit(request["url"])
            print(
                f"    {request['bytes'] / 1000:6.1f} Ko  {request['type']:<10} {request.get('encoding', 'aucun'):<6}"
                f"  {address.path}{'?' if address.query else ''}"
            )
    for request in requests.values():
        by_type[request["type"]] = by_type.get(request["type"], 0) + request["bytes"] / 1000
        encoding = request.get("encoding", "aucun")
        encodings[encoding] = encodings.get(encoding, 0) + 1
    return Visit(
        kilobytes=sum(by_type.values()),
        requests=len(requests),
        first_paint_s=timings["fp"] / 1000,
        first_contentful_paint_s=timings["fcp"] / 1000,
        load_s=timings["load"] / 1000,
        by_type=by_type,
        encodings=encodings,
    )


def median_row(page: str, variant: str, path: str, runs: list[Visit]) -> Row:
    types = sorted({name for run in runs for name in run.by_type})
    return Row(
        page=page,
        variant=variant,
        path=path,
        kilobytes=statistics.median(run.kilobytes for run in runs),
        requests=round(statistics.median(run.requests for run in runs)),
        first_paint_s=statistics.median(run.first_paint_s for run in runs),
        first_contentful_paint_s=statistics.median(run.first_contentful_paint_s for run in runs),
        load_s=statistics.median(run.load_s for run in runs),
        by_type={name: statistics.median(run.by_type.get(name, 0) for run in runs) for name in types},
        encodings=runs[-1].encodings,
        runs=runs,
    )


def measure(bases: dict[str, str], paths: dict[str, str], args) -> list[Row]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"Chromium {browser.version}")
        try:
            for page, path in paths.items():
                runs: dict[str, list[Visit]] = {variant: [] for variant in bases}
                for _ in range(args.runs):
                    # Variants alternate, so that a busy moment of the machine weighs on both alike.
                    for variant, base in bases.items():
                        runs[variant].append(visit(browser, base + path, args))
                for variant in bases:
                    row = median_row(page, variant, path, runs[variant])
                    print(
                        f"  {page:<34} {variant:<13} {row.kilobytes:7.1f} Ko  {row.requests:3d} requêtes"
                        f"  1er affichage {row.first_paint_s:5.2f} s  load {row.load_s:5.2f} s"
                    )
                    rows.append(row)
        finally:
            browser.close()
    return rows


def markdown_table(rows: list[Row]) -> str:
    baseline = {row.page: row for row in rows if row.variant != "site"}
    lines = [
        "| Page | Version | Ko transférés | × DSFR complet | Requêtes | 1er affichage (s) | 1er contenu (s) "
        "| load (s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        reference = baseline.get(row.page)
        ratio = f"{row.kilobytes / reference.kilobytes:.2f}" if reference and row.variant == "site" else ""
        lines.append(
            f"| {row.page} | {row.variant} | {row.kilobytes:.1f} | {ratio} | {row.requests} "
            f"| {row.first_paint_s:.2f} | {row.first_contentful_paint_s:.2f} | {row.load_s:.2f} |"
        )
    return "\n".join(lines)


def breakdown_table(rows: list[Row]) -> str:
    """Where the kilobytes go, by resource type (medians), and how the responses came compressed (last visit)."""
    types = sorted(
        {name for row in rows for name in row.by_type}, key=lambda name: -max(r.by_type.get(name, 0) for r in rows)
    )
    lines = ["| Page | Version | " + " | ".join(types) + " | encodages |", "|---|---|" + "---:|" * len(types) + "---|"]
    for row in rows:
        cells = " | ".join(f"{row.by_type.get(name, 0):.1f}" for name in types)
        encodings = ", ".join(f"{name} {count}" for name, count in sorted(row.encodings.items()))
        lines.append(f"| {row.page} | {row.variant} | {cells} | {encodings} |")
    return "\n".join(lines)


def targets_table(rows: list[Row]) -> str:
    lines = ["| Cible | Page | Mesuré | Atteinte ? |", "|---|---|---:|---|"]
    for row in rows:
        if row.variant != "site":
            continue
        if row.page in WEIGHT_TARGET_PAGES:
            met = "oui" if row.kilobytes <= WEIGHT_TARGET_KB else "**non**"
            lines.append(
                f"| ≤ {WEIGHT_TARGET_KB} Ko au premier passage | {row.page} | {row.kilobytes:.1f} Ko | {met} |"
            )
        met = "oui" if 0 <= row.first_paint_s <= PAINT_TARGET_S else "**non**"
        lines.append(f"| 1er affichage ≤ {PAINT_TARGET_S:.0f} s | {row.page} | {row.first_paint_s:.2f} s | {met} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    args = parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium est introuvable ({CHROMIUM}) : apt-get install chromium")
    variants = ["site"] if args.no_baseline else list(VARIANTS)
    env = environment()
    prepare_database(args.reload)
    if not args.no_collect:
        collect(env, variants)
    os.environ.update({**env, "DJANGO_SETTINGS_MODULE": "config.settings"})
    import django

    django.setup()
    paths = page_paths()
    if args.pages:
        wanted = args.pages.split(",")
        paths = {name: path for name, path in paths.items() if any(name.startswith(word) for word in wanted)}
    servers = {}
    bases = {}
    try:
        for name in variants:
            port = free_port()
            settings_module, static_root = VARIANTS[name]
            variables = {**env, "DJANGO_SETTINGS_MODULE": settings_module, "STATIC_ROOT": static_root}
            servers[name] = start_gunicorn(variables, port, workers=2, ready_path="/")
            bases[name] = f"http://127.0.0.1:{port}"
        print(
            f"{args.runs} passages par page et par version ; {args.down_kbps} kbit/s, "
            f"{args.latency_ms} ms de latence ; {os.cpu_count()} cœurs, {cpu_model()}"
        )
        rows = measure(bases, paths, args)
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=30)
    print("\nTableau (Markdown, médianes) :\n")
    print(markdown_table(rows))
    print("\nKo par type de ressource :\n")
    print(breakdown_table(rows))
    print("\nCibles :\n")
    print(targets_table(rows))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "weight.json"
    record = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "throttling": {"down_kbps": args.down_kbps, "up_kbps": args.up_kbps, "latency_ms": args.latency_ms},
        "rows": [asdict(row) for row in rows],
    }
    out.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nRésultats bruts : {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
