"""Conseillers numériques at the 2021 programme's scale: recommendations for every structure, and the global
assignment against the greedy baseline, in one run.

    make bench-conseillers
    .venv/bin/python bench/conseillers.py ../shared/data/communes/communes-france-2024.csv.gz
    .venv/bin/python bench/conseillers.py --repeats 5

Seed (numpy, seed 0), from the communes file given (default: the 2024 centroids of ../shared/data when present,
else the project's shipped reference `mediane/structures/data/communes.csv.gz`):
- 2,600 host structures in communes drawn by population (overseas included), moved by up to 2 km; 4,000 positions,
  1 to 3 per structure; distance limits 20 (20 %), 40 (50 %), 60 (15 %) or 100 km (15 %); a wished start date in
  the first half of 2021;
- 15,000 candidates drawn the same way; limits 5, 10, 15, 20, 40 or 100 km, mostly 20–40 (`CANDIDATE_LIMITS`);
  available between November 2020 and July 2021; a quarter with a mediation diploma, half with some experience,
  a third sharing a Pix level; education levels as in `EDUCATION_SHARES`.

Measured, each `--repeats` times (medians reported):
- engine: `matching.recommend` for every structure (the KD-tree of candidates built inside the timing), every
  feasible candidate ranked;
- baseline: numpy brute force over all pairs, like the real programme (« everyone within distance sorted by
  date »): vectorised haversine from each structure to every candidate, both limits and the territory, sorted by
  availability date. Its feasible sets are checked equal to the engine's;
- assignment: `assign_optimal` (OR-Tools min-cost flow) and `assign_greedy` (structures in registration order,
  each takes its best remaining) on the engine's recommendations: positions filled, mean distance, mean score, time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import load_average, machine_line  # noqa: E402
from mediane.conseillers import matching  # noqa: E402
from mediane.orientation.geo import EARTH_RADIUS_KM  # noqa: E402
from mediane.structures.communes import SHIPPED, departement_of_insee, territory_of  # noqa: E402

DEFAULT_COMMUNES = ROOT.parent / "shared" / "data" / "communes" / "communes-france-2024.csv.gz"
SEED = 0
HOSTS = 2600
POSITIONS = 4000
CANDIDATES = 15000
JITTER_KM = 2.0
TARGET_SECONDS = 5.0
HOST_LIMITS = ((20, 0.2), (40, 0.5), (60, 0.15), (100, 0.15))
CANDIDATE_LIMITS = ((5, 0.05), (10, 0.08), (15, 0.12), (20, 0.3), (40, 0.35), (100, 0.1))
EDUCATION_SHARES = (("aucun", 0.05), ("cap_bep", 0.1), ("bac", 0.25), ("bac_2", 0.25), ("bac_3", 0.2), ("bac_5", 0.15))
DIPLOMAS = tuple(matching.DIPLOMA_POINTS)


def read_communes(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(latitudes, longitudes, populations, territories) of the communes with a position and inhabitants: either
    the 2024 centroids file (`insee_com`, `lat`, `lng`, `population_2021`, only `COM` rows) or the shipped one
    (`insee`, `latitude`, `longitude`, `population`, only `commune` rows)."""
    lats, lons, pops, territories = [], [], [], []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            insee = row.get("insee_com") or row.get("insee") or ""
            kind = row.get("commune_type") or row.get("kind") or ""
            if kind not in {"COM", "commune"}:
                continue
            try:
                lat = float(row.get("lat") or row.get("latitude") or "")
                lon = float(row.get("lng") or row.get("longitude") or "")
                population = int(float(row.get("population_2021") or row.get("population") or 0))
            except ValueError:
                continue
            if population <= 0 or not (math.isfinite(lat) and math.isfinite(lon)):
                continue
            lats.append(lat)
            lons.append(lon)
            pops.append(population)
            territories.append(territory_of(departement_of_insee(insee)))
    return np.array(lats), np.array(lons), np.array(pops, dtype=np.float64), territories


def choose(rng: np.random.Generator, table: tuple, size: int) -> np.ndarray:
    values, shares = zip(*table, strict=True)
    return rng.choice(np.array(values), size=size, p=np.array(shares) / sum(shares))


def places(rng: np.random.Generator, communes, size: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    lats, lons, pops, territories = communes
    rows = rng.choice(len(lats), size=size, p=pops / pops.sum())
    jitter = JITTER_KM / (EARTH_RADIUS_KM * math.pi / 180)
    moved_lat = lats[rows] + rng.uniform(-jitter, jitter, size)
    moved_lon = lons[rows] + rng.uniform(-jitter, jitter, size) / np.maximum(np.cos(np.radians(lats[rows])), 0.1)
    return moved_lat, moved_lon, [territories[r] for r in rows]


def seed(communes) -> tuple[list[matching.Host], list[matching.Candidate]]:
    rng = np.random.default_rng(SEED)
    positions = np.ones(HOSTS, dtype=int)
    while positions.sum() < POSITIONS:
        growable = np.flatnonzero(positions < 3)
        positions[rng.choice(growable, size=min(len(growable), POSITIONS - positions.sum()), replace=False)] += 1
    lat, lon, territory = places(rng, communes, HOSTS)
    limits = choose(rng, HOST_LIMITS, HOSTS)
    starts = rng.integers(0, 181, HOSTS)
    first = dt.date(2021, 1, 1)
    hosts = [
        matching.Host(
            i,
            float(lat[i]),
            float(lon[i]),
            territory[i],
            float(limits[i]),
            first + dt.timedelta(int(starts[i])),
            int(positions[i]),
        )
        for i in range(HOSTS)
    ]
    lat, lon, territory = places(rng, communes, CANDIDATES)
    limits = choose(rng, CANDIDATE_LIMITS, CANDIDATES)
    available = rng.integers(0, 271, CANDIDATES)
    has_diploma = rng.random(CANDIDATES) < 0.25
    diploma = rng.choice(len(DIPLOMAS), CANDIDATES)
    experienced = rng.random(CANDIDATES) < 0.5
    months = rng.integers(1, 61, CANDIDATES)
    pix = np.where(rng.random(CANDIDATES) < 1 / 3, rng.integers(1, 9, CANDIDATES), 0)
    education = choose(rng, EDUCATION_SHARES, CANDIDATES)
    november = dt.date(2020, 11, 1)
    candidates = [
        matching.Candidate(
            id=i,
            latitude=float(lat[i]),
            longitude=float(lon[i]),
            territory=territory[i],
            max_distance_km=float(limits[i]),
            available_from=november + dt.timedelta(int(available[i])),
            mediation_diplomas=(DIPLOMAS[diploma[i]],) if has_diploma[i] else (),
            education_level=str(education[i]),
            experience_months=int(months[i]) if experienced[i] else 0,
            pix_level=int(pix[i]) or None,
        )
        for i in range(CANDIDATES)
    ]
    return hosts, candidates


def engine(hosts, candidates) -> tuple[float, dict[int, list[matching.Recommendation]]]:
    started = time.perf_counter()
    result = matching.recommend(hosts, candidates)
    return time.perf_counter() - started, result


def baseline(hosts, candidates) -> tuple[float, dict[int, list[int]]]:
    """Every pair by numpy: haversine to all candidates, both limits and the territory, sorted by date."""
    lats = np.radians([c.latitude for c in candidates])
    lons = np.radians([c.longitude for c in candidates])
    limits = np.array([c.max_distance_km for c in candidates])
    dates = np.array([c.available_from.toordinal() for c in candidates])
    ids = np.array([c.id for c in candidates])
    codes = {t: i for i, t in enumerate(sorted({c.territory for c in candidates} | {h.territory for h in hosts}))}
    territories = np.array([codes[c.territory] for c in candidates])
    started = time.perf_counter()
    result = {}
    for host in hosts:
        lat, lon = math.radians(host.latitude), math.radians(host.longitude)
        h = np.sin((lats - lat) / 2) ** 2 + math.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))
        inside = np.flatnonzero(
            (distances <= limits) & (distances <= host.max_distance_km) & (territories == codes[host.territory])
        )
        result[host.id] = ids[inside[np.argsort(dates[inside], kind="stable")]].tolist()
    return time.perf_counter() - started, result


def assignments(hosts, recommendations, note, scenario: str) -> None:
    for name, result in (
        ("optimal", matching.assign_optimal(hosts, recommendations)),
        ("greedy", matching.assign_greedy(hosts, recommendations)),
    ):
        note(f"{scenario} {name} seconds", result.seconds)
        note(f"{scenario} {name} filled", result.filled)
        note(f"{scenario} {name} distance", result.mean_distance_km)
        note(f"{scenario} {name} points", result.mean_points)


def report_assignment(med: dict[str, float], scenario: str, title: str) -> None:
    print(title)
    print(f"  {'method':<10}{'filled':>8}{'mean km':>10}{'mean score':>12}{'seconds':>9}")
    for name in ("optimal", "greedy"):
        key = f"{scenario} {name}"
        print(
            f"  {name:<10}{med[key + ' filled']:>8.0f}{med[key + ' distance']:>10.1f}{med[key + ' points']:>12.1f}"
            f"{med[key + ' seconds']:>9.2f}"
        )
    more = med[f"{scenario} optimal filled"] - med[f"{scenario} greedy filled"]
    print(f"  optimal fills {more:.0f} more positions than greedy ({more / med[f'{scenario} greedy filled']:.1%})")
    if more < 0:
        raise SystemExit("The optimal assignment filled fewer positions than greedy.")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    default = DEFAULT_COMMUNES if DEFAULT_COMMUNES.exists() else SHIPPED
    parser.add_argument("communes", nargs="?", type=Path, default=default)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--scarce", type=int, default=4000, help="also assign with only this many candidates (a shortage)"
    )
    args = parser.parse_args()
    print(machine_line())
    print(f"Communes: {args.communes}")
    communes = read_communes(args.communes)
    hosts, candidates = seed(communes)
    overseas = sum(1 for c in candidates if c.territory != "metropole")
    print(
        f"Seed: {len(hosts):,} structures, {sum(h.open_positions for h in hosts):,} positions, {len(candidates):,} "
        f"candidates ({overseas:,} overseas), from {len(communes[0]):,} communes"
    )
    figures: dict[str, list[float]] = {}

    def note(key: str, value: float) -> None:
        figures.setdefault(key, []).append(value)

    for repeat in range(args.repeats):
        seconds, recommendations = engine(hosts, candidates)
        note("engine", seconds)
        seconds, by_date = baseline(hosts, candidates)
        note("baseline", seconds)
        if repeat == 0:
            for host in hosts:
                if set(recommendations[host.id].ids.tolist()) != set(by_date[host.id]):
                    raise SystemExit(f"Structure {host.id}: the engine and the brute force disagree.")
            pairs = sum(len(v) for v in recommendations.values())
            print(f"Feasible pairs: {pairs:,} (same sets in the engine and the brute force)")
        assignments(hosts, recommendations, note, "full")
        assignments(hosts, matching.recommend(hosts, candidates[: args.scarce]), note, "scarce")
        print(
            f"  repeat {repeat + 1}: engine {figures['engine'][-1]:.2f} s, "
            f"baseline {figures['baseline'][-1]:.2f} s, load {load_average()}"
        )

    med = {key: statistics.median(values) for key, values in figures.items()}
    print()
    print(f"Recommendations for every structure (median of {args.repeats})")
    print(f"  {'method':<34}{'seconds':>9}")
    print(f"  {'engine (KD-tree, scored, ranked)':<34}{med['engine']:>9.2f}")
    print(f"  {'numpy brute force, by date':<34}{med['baseline']:>9.2f}")
    verdict = "met" if med["engine"] <= TARGET_SECONDS else "MISSED"
    print(
        f"  engine: {med['baseline'] / med['engine']:.1f}× the baseline's speed; "
        f"target ≤ {TARGET_SECONDS:.0f} s {verdict}"
    )
    print()
    report_assignment(med, "full", f"Global assignment, {len(candidates):,} candidates (median of {args.repeats})")
    print()
    report_assignment(med, "scarce", f"Global assignment, the first {args.scarce:,} candidates only (a shortage)")


if __name__ == "__main__":
    main()
