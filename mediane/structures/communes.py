"""The communes reference: INSEE code, name, postal codes, centroid and population of every French commune.

Pure Python. The project ships a compact file built from the public INSEE / La Poste data
(`data/communes.csv.gz`, see `data/README.md`), so that orientation works on a fresh machine.
Rebuild it with `python -m mediane.structures.communes build <source.csv.gz>`.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mediane.spreadsheets import csv_text

SHIPPED = Path(__file__).resolve().parent / "data" / "communes.csv.gz"

# No département column: it is the start of the INSEE code (see departement_of_insee), checked at build time.
COLUMNS = ("insee", "name", "postal_codes", "region", "latitude", "longitude", "population")
POSTAL_CODE_SEPARATOR = "|"
COORDINATE_DECIMALS = 5

# A commune (COM) has one row per postal code in the source, a commune déléguée (COMD) repeats its parent's INSEE
# code with postal codes the parent rows already list, and the arrondissements (ARM) of Paris, Lyon and Marseille
# stand in for their city, which the source does not list as a commune.
_KEPT_TYPES = ("COM", "ARM")
# What resolve() accepts: five digits (a postal code or an INSEE code) or a Corsican INSEE code.
_CODE_RE = re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})$")
_EXAMPLE = "par exemple 69001"


def departement_of_insee(insee: str) -> str:
    """The département of a commune: the first two characters of its INSEE code, three overseas (97x)."""
    return insee[:3] if insee.startswith("97") else insee[:2]


class CommuneNotFound(ValueError):
    """No commune matches what the person typed; the message says what to type instead, in French."""


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str  # with its article: « L'Abergement-Clémenciat », « Lyon 1er Arrondissement »
    postal_codes: tuple[str, ...]
    departement: str
    region: str
    latitude: float
    longitude: float
    population: int  # 2021 census; 0 in Mayotte, which the source does not count


class CommuneReference:
    """Communes by INSEE code and by postal code. Build it with `load_communes()`."""

    def __init__(self, communes: Sequence[Commune]) -> None:
        self._by_insee = {commune.insee: commune for commune in communes}
        by_postal_code: dict[str, list[Commune]] = {}
        for commune in communes:
            for postal_code in commune.postal_codes:
                by_postal_code.setdefault(postal_code, []).append(commune)
        # Most populated first; the INSEE code breaks ties (Mayotte counts 0 everywhere) so the order is stable.
        self._by_postal_code = {
            code: tuple(sorted(sharing, key=lambda c: (-c.population, c.insee)))
            for code, sharing in by_postal_code.items()
        }

    def __len__(self) -> int:
        return len(self._by_insee)

    def __iter__(self) -> Iterator[Commune]:
        return iter(self._by_insee.values())

    def by_insee(self, code: str) -> Commune | None:
        return self._by_insee.get(code)

    def by_postal_code(self, code: str) -> list[Commune]:
        """The communes that share this postal code, largest population first."""
        return list(self._by_postal_code.get(code, ()))

    def resolve(self, text: str) -> Commune:
        """The commune a person means by a postal code or an INSEE code, or raise CommuneNotFound.

        Spaces are tolerated (« 69 001 »). Five digits are read as a postal code first, because that is the code
        people know; 69001 is Lyon 1er Arrondissement, not Affoux whose INSEE code is 69001. Only when no commune
        has that postal code is it read as an INSEE code. When several communes share the postal code, the most
        populated one is returned: it is where most people who type it live, and the others are its neighbours.
        """
        code = (text or "").replace(" ", "").upper()
        if not code:
            raise CommuneNotFound(f"Saisissez le code postal de votre commune : 5 chiffres, {_EXAMPLE}.")
        if not _CODE_RE.match(code):
            raise CommuneNotFound(
                f"« {text.strip()} » n'est pas un code postal. Saisissez les 5 chiffres du code postal, {_EXAMPLE}."
            )
        sharing = self._by_postal_code.get(code)
        if sharing:
            return sharing[0]
        commune = self._by_insee.get(code)
        if commune is None:
            raise CommuneNotFound(
                f"Code postal ou code INSEE inconnu : « {code} ». Vérifiez les 5 chiffres du code postal, {_EXAMPLE}."
            )
        return commune


def load_communes(path: Path = SHIPPED) -> CommuneReference:
    """Read a reference written by `build_reference`. The shipped one is read once per process."""
    if path == SHIPPED:
        return _load_shipped()
    return _read_reference(path)


@functools.lru_cache(maxsize=1)
def _load_shipped() -> CommuneReference:
    return _read_reference(SHIPPED)


def _read_reference(path: Path) -> CommuneReference:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        if tuple(next(rows, ())) != COLUMNS:
            raise ValueError(f"{path} is not a communes reference: its header is not {','.join(COLUMNS)}")
        communes = [
            Commune(
                insee=insee,
                name=name,
                postal_codes=tuple(postal_codes.split(POSTAL_CODE_SEPARATOR)),
                departement=departement_of_insee(insee),
                region=region,
                latitude=float(latitude),
                longitude=float(longitude),
                population=int(population),
            )
            for insee, name, postal_codes, region, latitude, longitude, population in rows
        ]
    return CommuneReference(communes)


@dataclass(frozen=True)
class _SourceReading:
    communes: list[Commune]
    without_coordinates: list[str]  # INSEE codes left out: no centroid, so no distance to compute
    arrondissements: int


def _read_source(source: Path) -> _SourceReading:
    """Group the source rows (one per commune and postal code) into one Commune each, sorted by INSEE code."""
    rows: dict[str, dict[str, str]] = {}
    postal_codes: dict[str, set[str]] = {}
    with gzip.open(source, "rt", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            insee = row["insee_com"]
            if row["commune_type"] in _KEPT_TYPES:
                rows.setdefault(insee, row)
            postal_codes.setdefault(insee, set()).add(row["code_postal"])
    communes: list[Commune] = []
    without_coordinates: list[str] = []
    arrondissements = 0
    for insee in sorted(rows):
        row = rows[insee]
        if not row["lat"] or not row["lng"]:
            without_coordinates.append(insee)
            continue
        if row["insee_dep"] != departement_of_insee(insee):
            raise ValueError(
                f"INSEE code {insee} is not in département {row['insee_dep']}: departement_of_insee is wrong"
            )
        arrondissements += row["commune_type"] == "ARM"
        communes.append(
            Commune(
                insee=insee,
                name=row["commune_article"] or row["commune"],
                postal_codes=tuple(sorted(postal_codes[insee])),
                departement=row["insee_dep"],
                region=row["insee_reg"],
                latitude=round(float(row["lat"]), COORDINATE_DECIMALS),
                longitude=round(float(row["lng"]), COORDINATE_DECIMALS),
                population=int(row["population_2021"] or 0),
            )
        )
    return _SourceReading(communes, without_coordinates, arrondissements)


def _write_reference(communes: Sequence[Commune], target: Path) -> None:
    rows = (
        (c.insee, c.name, POSTAL_CODE_SEPARATOR.join(c.postal_codes), c.region, c.latitude, c.longitude, c.population)
        for c in communes
    )
    text = csv_text(rows, header=COLUMNS, lineterminator="\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    # No file name and a fixed date in the gzip header: the same source gives the same bytes.
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))


def build_reference(source: Path, target: Path) -> int:
    """Write the compact reference from the INSEE / La Poste source file; return the number of communes written."""
    reading = _read_source(source)
    _write_reference(reading.communes, target)
    return len(reading.communes)


def _french_number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mediane.structures.communes",
        description="Référentiel des communes livré avec Médiane.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="reconstruire le référentiel à partir du fichier INSEE / La Poste")
    build.add_argument("source", type=Path, help="fichier source, par exemple communes-france-2024.csv.gz")
    build.add_argument("--target", type=Path, default=SHIPPED, help=f"fichier à écrire (défaut : {SHIPPED})")
    args = parser.parse_args(argv)

    if not args.source.is_file():
        print(f"Erreur : le fichier source « {args.source} » est introuvable.", file=sys.stderr)
        return 2
    reading = _read_source(args.source)
    _write_reference(reading.communes, args.target)
    postal_codes = {code for c in reading.communes for code in c.postal_codes}
    size = args.target.stat().st_size
    print(
        f"{_french_number(len(reading.communes))} communes écrites dans {args.target} "
        f"({_french_number(round(size / 1000))} ko), dont {reading.arrondissements} arrondissements "
        f"de Paris, Lyon et Marseille ; {_french_number(len(postal_codes))} codes postaux."
    )
    if reading.without_coordinates:
        print(f"Communes écartées faute de coordonnées dans la source : {', '.join(reading.without_coordinates)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
