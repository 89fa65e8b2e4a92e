"""An import of places never makes other writers fail: on SQLite, the embedded default, one write transaction
holds the whole database, so the import works everything out first and writes in one short transaction.

Runs `bench/imports.py` (a fresh SQLite file in a temporary folder, the settings of `make run`) with a small file:
people sign in and comment through the site's views while a dry run, a creation and an update of the places run.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_an_import_runs_while_people_sign_in_and_comment_and_no_write_fails():
    if connection.vendor != "sqlite":
        pytest.skip("Le verrou d'écriture mesuré ici est celui de SQLite (la base par défaut).")
    completed = subprocess.run(  # noqa: S603 - our own benchmark, with fixed arguments
        [sys.executable, "bench/imports.py", "--rows", "2000", "--writers", "2", "--no-baseline", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    results = json.loads(completed.stdout.strip().splitlines()[-1])
    assert [result["import"] for result in results] == ["vérification", "création", "mise à jour"]
    assert [(r["created"], r["updated"]) for r in results] == [(2000, 0), (2000, 0), (0, 2000)]
    assert all(result["status"] == "succeeded" for result in results)
    # The imports that write last about a second each: people's writes (a sign-in hashes a password) land during them.
    # The dry run is shorter than one such write on a busy machine, so it is not asked to have seen one.
    assert all(result["writes"] > 0 for result in results[1:]), "personne n'a écrit pendant l'import"
    assert sum(result["failed_writes"] for result in results) == 0, [r["failures"] for r in results]
    assert results[0]["lock_seconds"] == 0  # a dry run takes no write lock
