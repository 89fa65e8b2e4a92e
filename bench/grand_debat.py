"""The Grand Débat answers that the synthesis benchmarks read: where the file is, how a benchmark takes it from the
command line, and how its rows are read.

The file holds the « organisation de l'État et des services publics » answers, with the columns `question_id`,
`question` and `text`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "data"
    / "grand-debat"
    / "organisation-etat-services-publics.csv.gz"
)


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """The optional positional `data` argument: the answers file, `DEFAULT_DATA` when it is left out."""
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help=DEFAULT_DATA.name)


def existing_data(data: str) -> Path | None:
    """The answers file named by `data`, or None once stderr says it is missing."""
    path = Path(data)
    if not path.exists():
        print(f"Fichier introuvable : {path}", file=sys.stderr)
        return None
    return path


def read_answers(path: Path) -> list[tuple[str, str, str]]:
    """(question_id, question, text) rows, in file order."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return [(row["question_id"], row["question"], row["text"]) for row in csv.DictReader(handle)]
