"""Rebuild the demo's place files from the public data they come from (the shared data folder).

    .venv/bin/python -m mediane.pages.demo.data.extract ../shared/data

Writes, next to this file, the rows of one whole département (Rhône, 69) of the Ministry of Culture's libraries
file and of the Auvergne-Rhône-Alpes hub (older v0 format), and every Nouvelle-Calédonie place (schema v1),
each unchanged, so that the demo imports them through the same path as an organiser's upload.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import shutil
from pathlib import Path

from mediane.spreadsheets import csv_text

HERE = Path(__file__).resolve().parent
DEPARTEMENT = "69"
LIBRARIES = HERE / "bibliotheques-rhone.csv"
LEGACY = HERE / "lieux-rhone-ancien-format.json"
NEW_CALEDONIA = HERE / "lieux-nouvelle-caledonie.json"


def extract(shared: Path) -> dict[str, int]:
    with gzip.open(shared / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz", "rt", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        column = header.index("code_departement")
        rows = [row for row in reader if row[column] == DEPARTEMENT]
    LIBRARIES.write_text(csv_text(rows, header=header, lineterminator="\n"), encoding="utf-8")

    legacy = json.loads((shared / "lieux" / "auvergne-rhone-alpes-hub-legacy.json").read_text(encoding="utf-8"))
    kept = [record for record in legacy if str(record.get("code_postal", "")).startswith(DEPARTEMENT)]
    LEGACY.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    shutil.copyfile(shared / "lieux" / "nouvelle-caledonie-schema-v1.json", NEW_CALEDONIA)
    return {
        LIBRARIES.name: len(rows),
        LEGACY.name: len(kept),
        NEW_CALEDONIA.name: len(json.loads(NEW_CALEDONIA.read_text())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Reconstruit les fichiers de lieux de la démonstration.")
    parser.add_argument("shared", type=Path, help="le dossier des données publiques (../shared/data)")
    for name, count in extract(parser.parse_args().shared).items():
        print(f"{name} : {count} lignes")


if __name__ == "__main__":
    main()
