"""`manage.py import_lieux` and `export_lieux`: the same import as the upload, with its report in French."""

import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command

from mediane.structures.models import ImportJob, Place
from mediane.structures.standard_readers import read_csv
from tests.structures.files import csv_bytes, json_bytes, place

pytestmark = pytest.mark.django_db


def _import(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_lieux", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_clean_csv_imports_with_a_progress_line_and_a_summary(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(), place(id="b")))

    out, err = _import(path)

    assert "Import terminé : lieux.csv, 2 ligne(s) lue(s)" in out
    assert "2 lieu(x) ajouté(s), 0 mis à jour, 0 inchangé(s), 0 ligne(s) rejetée(s)." in out
    assert "Enregistrement :" in err and "Terminé : 100 %" in err
    assert Place.objects.count() == 2
    assert ImportJob.objects.get().created_by is None  # listed with the organisers' imports


def test_rejected_lines_are_listed_by_line_and_the_command_exits_with_an_error(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(), place(id="b", services="Aide aux démarche administrative")))

    with pytest.raises(CommandError, match="1 ligne\\(s\\) rejetée\\(s\\)") as raised:
        call_command("import_lieux", str(path), stdout=(out := io.StringIO()), stderr=io.StringIO())

    assert raised.value.returncode == 1
    assert (
        "Ligne 3 (id « b ») : Service inconnu : « Aide aux démarche administrative ». Vouliez-vous dire « Aide "
        in out.getvalue()
    )
    assert Place.objects.count() == 1  # the valid line is imported


def test_a_json_file_numbers_its_rejected_records(tmp_path):
    path = tmp_path / "lieux.json"
    path.write_bytes(json_bytes(place(), place(id="b", code_postal="999")))

    with pytest.raises(CommandError):
        call_command("import_lieux", str(path), stdout=(out := io.StringIO()), stderr=io.StringIO())

    assert "Enregistrement 2 (id « b ») : " in out.getvalue()


def test_a_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "lieux.json.gz"
    path.write_bytes(gzip.compress(json_bytes(place())))

    out, _ = _import(path, "--dry-run")

    assert "Vérification sans import (rien n'a été écrit)" in out and "1 lieu(x) à ajouter" in out
    assert not Place.objects.exists()


def test_the_format_is_guessed_from_the_extension_or_given(tmp_path):
    legacy = tmp_path / "ancien.json"
    legacy.write_text(json.dumps([place(services="") | {"services": "Prendre en main un ordinateur"}]))

    _import(legacy, "--format", "legacy")

    assert Place.objects.get().services == ["Maîtrise des outils numériques du quotidien"]
    unknown = tmp_path / "lieux.txt"
    unknown.write_text("x")
    with pytest.raises(CommandError, match="Impossible de deviner le format du fichier « lieux.txt »"):
        _import(unknown)


def test_an_unreadable_file_fails_with_the_readers_message(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(b"\xff\xfe\x00\x00")

    with pytest.raises(CommandError, match="Le fichier n'a pas pu être lu"):
        _import(path)
    with pytest.raises(CommandError, match="Fichier introuvable"):
        _import(tmp_path / "absent.csv")


def test_export_lieux_writes_the_standard_in_csv_and_json(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(), place(id="b")))
    _import(path)

    output = tmp_path / "export.csv"
    call_command("export_lieux", "--output", str(output), stderr=io.StringIO())
    assert [row["id"] for row in read_csv(output.read_text(encoding="utf-8")).rows] == ["b", "lieu-1"]

    out = io.StringIO()
    call_command("export_lieux", "--format", "json", stdout=out)
    assert [record["id"] for record in json.loads(out.getvalue())] == ["b", "lieu-1"]
