"""The demo's structures and places: real public data of the Rhône and of Nouvelle-Calédonie (see data/README.md).

They go through the same import as an organiser's upload, so the demo shows its report in « Imports de lieux ».
Importing again changes nothing (places are upserted by their id), so this runs on every `load_demo`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from mediane.accounts.models import User
from mediane.structures import import_jobs
from mediane.structures.enums import ImportFormat
from mediane.structures.models import Place, Structure

DATA = Path(__file__).resolve().parent / "data"
# The Ministry's file carries no date per row: its publication date becomes each place's `date_maj`.
LIBRARIES_PUBLISHED = dt.date(2024, 9, 1)
FILES = [
    ("bibliotheques-rhone.csv", ImportFormat.LIBRARIES),
    ("lieux-rhone-ancien-format.json", ImportFormat.LEGACY_JSON),
    ("lieux-nouvelle-caledonie.json", ImportFormat.STANDARD_JSON),
]


def load_places(organiser: User, step: Callable[[str], None]) -> dict[str, int]:
    for name, file_format in FILES:
        step(f"lieux : {name}")
        job = import_jobs.import_file(
            (DATA / name).read_bytes(),
            file_name=name,
            file_format=file_format,
            dry_run=False,
            published=LIBRARIES_PUBLISHED if file_format == ImportFormat.LIBRARIES else None,
            actor=organiser,
        )
        if job.error:
            step(job.error)
    return {"structures": Structure.objects.count(), "lieux": Place.objects.count()}
