"""Orientation: the places nearest to a point, with filters, at national scale: the geo engine against brute force.

    make bench-orientation
    .venv/bin/python bench/orientation.py ../shared/data
    .venv/bin/python bench/orientation.py --queries 5000 --copies 2

Places (the simplest reading of each file: this is a benchmark, not the importer):
- every public library of `bibliotheques/adresses-bibliotheques-publiques.csv.gz` with coordinates (columns
  `Latitude`, `Longitude`; rows without them are skipped and counted);
- the places of `lieux/nouvelle-caledonie-schema-v1.json`, with their own services (schema v1 labels);
- the places of `lieux/auvergne-rhone-alpes-hub-legacy.json`, whose old service labels are not mapped here;
- `--copies` jittered copies of each of these (1 by default, so 32,630 places in all): moved by a Gaussian of
  2 km in each direction, seed 0.
Libraries, the legacy hub's places and the copies get services drawn at random (seed 0) among the nine labels of the
standard, each with the share of the 90 Nouvelle-Calédonie places that offer it (`SERVICE_SHARES`).

Queries: `--queries` commune centroids drawn from `communes/communes-france-2024.csv.gz` (seed 0), limit 5, a
quarter each with no filter, one common service, one rare service and two services. Each method first answers
`--warmup` queries untimed; then each query is timed alone, engine and baseline in turn (so a burst of load on this
shared machine hits both alike).

Methods, all exact:
- engine: `mediane.orientation.geo.PlaceIndex.nearest`;
- numpy brute force (the honest fast baseline): vectorised haversine to every place, the per-service boolean masks
  ANDed, `argpartition` for the nearest, ties by id;
- pure Python brute force: `haversine_km` place by place, on the first `--python-queries` queries only.
Every answer of the baselines is compared with the engine's: same ids in the same order, distances within 1e-6 km.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import load_average, machine_line  # noqa: E402
from mediane.orientation.geo import EARTH_RADIUS_KM, Match, Place, PlaceIndex, haversine_km  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
LIBRARIES = Path("bibliotheques/adresses-bibliotheques-publiques.csv.gz")
CALEDONIA = Path("lieux/nouvelle-caledonie-schema-v1.json")
HUB = Path("lieux/auvergne-rhone-alpes-hub-legacy.json")
COMMUNES = Path("communes/communes-france-2024.csv.gz")
SEED = 0
LIMIT = 5
JITTER_KM = 2.0

# Share of the 90 Nouvelle-Calédonie places offering each service, rounded; the two labels that file never uses
# get a share chosen here.
SERVICE_SHARES = {
    "Accès internet et matériel informatique": 0.97,
    "Aide aux démarches administratives": 0.70,
    "Compréhension du monde numérique": 0.40,
    "Parentalité et éducation avec le numérique": 0.39,
    "Insertion professionnelle via le numérique": 0.37,
    "Maîtrise des outils numériques du quotidien": 0.36,
    "Utilisation sécurisée du numérique": 0.20,
    "Loisirs et créations numériques": 0.10,
    "Acquisition de matériel informatique à prix solidaire": 0.011,
}
FILTERS: dict[str, frozenset[str]] = {
    "none": frozenset(),
    "common": frozenset({"Aide aux démarches administratives"}),
    "rare": frozenset({"Acquisition de matériel informatique à prix solidaire"}),
    "two": frozenset({"Parentalité et éducation avec le numérique", "Insertion professionnelle via le numérique"}),
}


def random_services(rng: random.Random) -> frozenset[str]:
    return frozenset(label for label, share in SERVICE_SHARES.items() if rng.random() < share)


def read_places(data: Path, copies: int) -> tuple[list[Place], dict[str, int]]:
    """The places of the index, and how many came from each source."""
    rng = random.Random(SEED)
    located: list[tuple[float, float, frozenset[str]]] = []
    counts = {"libraries": 0, "libraries_skipped": 0}
    with gzip.open(data / LIBRARIES, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["Latitude"]), float(row["Longitude"])
            except ValueError:
                counts["libraries_skipped"] += 1
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                counts["libraries_skipped"] += 1
                continue
            located.append((lat, lon, random_services(rng)))
            counts["libraries"] += 1
    for name, path in (("caledonia", CALEDONIA), ("hub", HUB)):
        records = json.loads((data / path).read_text(encoding="utf-8"))
        for record in records:
            tags = frozenset(filter(None, record.get("services", "").split("|")))
            located.append(
                (record["latitude"], record["longitude"], tags if path == CALEDONIA else random_services(rng))
            )
        counts[name] = len(records)
    originals = list(located)
    for _ in range(copies):
        for lat, lon, _tags in originals:
            dlat = rng.gauss(0, JITTER_KM) / 111.195
            dlon = rng.gauss(0, JITTER_KM) / (111.195 * max(0.01, math.cos(math.radians(lat))))
            located.append((min(90.0, max(-90.0, lat + dlat)), (lon + dlon + 180) % 360 - 180, random_services(rng)))
    counts["copies"] = len(located) - len(originals)
    return [Place(i, lat, lon, tags) for i, (lat, lon, tags) in enumerate(located)], counts


def read_queries(data: Path, count: int) -> list[tuple[float, float, str]]:
    """`count` commune centroids (seed 0), each with the name of its filter, the filters taken in turn."""
    with gzip.open(data / COMMUNES, "rt", encoding="utf-8", newline="") as handle:
        centroids = [
            (float(row["lat"]), float(row["lng"])) for row in csv.DictReader(handle) if row["lat"] and row["lng"]
        ]
    chosen = random.Random(SEED).sample(centroids, count)
    names = list(FILTERS)
    return [(lat, lon, names[i % len(names)]) for i, (lat, lon) in enumerate(chosen)]


class NumpyBruteForce:
    """Haversine to every place at once, then the nearest qualifying ones: what one writes without an index."""

    def __init__(self, places: list[Place]):
        self.ids = np.array([place.id for place in places], dtype=np.int64)
        self.lats = np.radians([place.latitude for place in places])
        self.lons = np.radians([place.longitude for place in places])
        self.masks = {label: np.array([label in place.tags for place in places]) for label in SERVICE_SHARES}

    def nearest(self, latitude: float, longitude: float, limit: int, required: frozenset[str]) -> list[Match]:
        lat, lon = math.radians(latitude), math.radians(longitude)
        h = np.sin((self.lats - lat) / 2) ** 2 + math.cos(lat) * np.cos(self.lats) * np.sin((self.lons - lon) / 2) ** 2
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))
        ids = self.ids
        if required:
            mask = np.logical_and.reduce([self.masks[label] for label in required])
            distances, ids = distances[mask], ids[mask]
        if len(distances) > limit:
            # Every place as near as the limit-th one, so that ties are broken by id and not by argpartition.
            kth = distances[np.argpartition(distances, limit - 1)[limit - 1]]
            near = distances <= kth
            distances, ids = distances[near], ids[near]
        order = np.lexsort((ids, distances))[:limit]
        return [Match(int(ids[i]), float(distances[i])) for i in order]


def python_nearest(places: list[Place], latitude: float, longitude: float, limit: int, required: frozenset[str]):
    found = [
        Match(place.id, haversine_km(latitude, longitude, place.latitude, place.longitude))
        for place in places
        if required <= place.tags
    ]
    return sorted(found, key=lambda match: (match.distance_km, match.id))[:limit]


def same(left: list[Match], right: list[Match]) -> bool:
    return len(left) == len(right) and all(
        a.id == b.id and abs(a.distance_km - b.distance_km) <= 1e-6 for a, b in zip(left, right, strict=True)
    )


def percentiles(milliseconds: list[float]) -> tuple[float, float, float]:
    values = np.array(milliseconds)
    return float(np.median(values)), float(np.percentile(values, 95)), float(np.percentile(values, 99))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="the shared data folder")
    parser.add_argument("--queries", type=int, default=2_000, help="timed queries (default 2,000)")
    parser.add_argument("--warmup", type=int, default=200, help="untimed queries first, per method (default 200)")
    parser.add_argument("--copies", type=int, default=1, help="jittered copies of each real place (default 1)")
    parser.add_argument("--python-queries", type=int, default=200, help="queries for pure Python (default 200)")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"Dossier de données introuvable : {data}", file=sys.stderr)
        return 1
    missing = [data / name for name in (LIBRARIES, CALEDONIA, HUB, COMMUNES) if not (data / name).exists()]
    if missing:
        print(f"Fichiers de données introuvables : {', '.join(map(str, missing))}", file=sys.stderr)
        return 1

    print(f"# Orientation: nearest places — {dt.datetime.now(tz=dt.UTC).date().isoformat()}")
    print(machine_line())
    print(f"Data: {data}; load average at start: {load_average()}")
    places, counts = read_places(data, args.copies)
    queries = read_queries(data, args.warmup + args.queries)
    warmup, queries = queries[: args.warmup], queries[args.warmup :]

    started = time.perf_counter()
    index = PlaceIndex(places)
    engine_build = time.perf_counter() - started
    started = time.perf_counter()
    baseline = NumpyBruteForce(places)
    baseline_build = time.perf_counter() - started

    for lat, lon, name in warmup:
        index.nearest(lat, lon, LIMIT, FILTERS[name])
        baseline.nearest(lat, lon, LIMIT, FILTERS[name])
    times: dict[str, dict[str, list[float]]] = {"engine": {}, "numpy": {}}
    engine_answers, engine_order, mismatches = [], [], dict.fromkeys(FILTERS, 0)
    for lat, lon, name in queries:
        started = time.perf_counter()
        mine = index.nearest(lat, lon, LIMIT, FILTERS[name])
        middle = time.perf_counter()
        theirs = baseline.nearest(lat, lon, LIMIT, FILTERS[name])
        ended = time.perf_counter()
        times["engine"].setdefault(name, []).append((middle - started) * 1000)
        engine_order.append((middle - started) * 1000)
        times["numpy"].setdefault(name, []).append((ended - middle) * 1000)
        engine_answers.append(mine)
        mismatches[name] += not same(mine, theirs)
    python_times, python_mismatches = [], 0
    for (lat, lon, name), mine in list(zip(queries, engine_answers, strict=True))[: args.python_queries]:
        started = time.perf_counter()
        theirs = python_nearest(places, lat, lon, LIMIT, FILTERS[name])
        python_times.append((time.perf_counter() - started) * 1000)
        python_mismatches += not same(mine, theirs)
    print(f"Load average at the end: {load_average()}")

    print(
        f"\nIndex: {len(places):,} places = {counts['libraries']:,} libraries "
        f"({counts['libraries_skipped']:,} rows without coordinates skipped) "
        f"+ {counts['caledonia']:,} Nouvelle-Calédonie + {counts['hub']:,} Auvergne-Rhône-Alpes hub "
        f"+ {counts['copies']:,} jittered copies ({args.copies} per place)."
    )
    print(
        f"Queries: {len(queries):,} commune centroids, limit {LIMIT}, after {len(warmup):,} untimed ones. "
        f"Build: engine {engine_build * 1000:,.0f} ms (unit vectors, KD-tree, tag masks), "
        f"numpy baseline {baseline_build * 1000:,.0f} ms (arrays, tag masks).\n"
    )
    print(
        "| Method | Filter | Matching places | Queries | median (ms) | p95 (ms) | p99 (ms) "
        "| p95 ÷ engine's | Differences from the engine |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    # Each row: its label, its filter, how many places match, its times, the engine's times on the same queries,
    # and how many of its answers differ from the engine's.
    rows: list[tuple[str, str, int, list[float], list[float], str]] = []
    for method, label in (("engine", "engine (`PlaceIndex`)"), ("numpy", "numpy brute force")):
        differences = "–" if method == "engine" else str(sum(mismatches.values()))
        every = [ms for runs in times[method].values() for ms in runs]
        every_engine = [ms for runs in times["engine"].values() for ms in runs]
        rows.append((label, "all", len(places), every, every_engine, differences))
        for name, required in FILTERS.items():
            matching = sum(1 for place in places if required <= place.tags)
            differences = "–" if method == "engine" else str(mismatches[name])
            rows.append((label, name, matching, times[method][name], times["engine"][name], differences))
    rows.append(
        (
            "pure Python brute force",
            "all",
            len(places),
            python_times,
            engine_order[: len(python_times)],
            str(python_mismatches),
        )
    )
    for label, name, matching, runs, engine_runs, differences in rows:
        median, p95, p99 = percentiles(runs)
        ratio = p95 / percentiles(engine_runs)[1]
        print(
            f"| {label} | {name} | {matching:,} | {len(runs):,} | {median:.3f} | {p95:.3f} | {p99:.3f} | "
            f"{ratio:,.1f} × | {differences} |"
        )
    print("\nFilters: " + "; ".join(f"{name}: {', '.join(sorted(tags)) or '–'}" for name, tags in FILTERS.items()))
    if sum(mismatches.values()) or python_mismatches:
        print("Des réponses diffèrent de celles du moteur.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
