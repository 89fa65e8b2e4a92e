"""`manage.py import_lieux` and `export_lieux`: the same import as the upload, with its report in French."""

import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command

from mediane.structures.mapping.profile import FieldRule, Profile
from mediane.structures.models import ImportJob, Place, PlaceSource
from mediane.structures.standard_readers import read_csv
from tests.structures.factories import PlaceFactory, PlaceSourceFactory
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


# --- Sources, profiles, all or nothing ---------------------------------------------------------------------------


def test_source_takes_the_places_into_a_source_created_if_new_and_said_so(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(id="1"), place(id="2")))

    _, err = _import(path, "--source", "Hub numérique Occitanie")
    _, again = _import(path, "--source", "Hub numérique Occitanie", "--verifier")

    source = PlaceSource.objects.get()
    assert "Nouvelle source créée : « Hub numérique Occitanie » (identifiant court « hub-numerique-occitanie »)" in err
    assert "Nouvelle source" not in again
    assert set(Place.objects.values_list("place_source", flat=True)) == {source.pk}
    assert ImportJob.objects.latest("pk").dry_run


def test_a_bad_profile_file_stops_the_command_with_its_french_message(tmp_path):
    path = tmp_path / "hub.csv"
    path.write_text("Nom\nA\n", encoding="utf-8")
    profile = tmp_path / "correspondance.json"
    profile.write_text('{"format": "mediane-correspondance-lieux", "fields": {"nome": {}}}', encoding="utf-8")

    with pytest.raises(CommandError, match="« nome » n'est pas un champ du standard") as raised:
        _import(path, "--format", "producteur", "--profil", profile)
    assert raised.value.returncode == 1
    profile.write_text("{pas du json", encoding="utf-8")
    with pytest.raises(CommandError, match="n'est pas un JSON valide \\(ligne 1, colonne 2\\)"):
        _import(path, "--format", "producteur", "--profil", profile)
    with pytest.raises(CommandError, match="indiquez la correspondance : --profil"):
        _import(path, "--format", "producteur")
    with pytest.raises(CommandError, match="--profil ne sert qu'avec --format producteur"):
        _import(path, "--format", "standard", "--profil", profile)
    assert not ImportJob.objects.exists()


def test_a_profile_without_source_asks_for_one(tmp_path):
    path = tmp_path / "hub.csv"
    path.write_text("Nom\nA\n", encoding="utf-8")
    profile = tmp_path / "correspondance.json"
    profile.write_text(Profile(fields={"nom": FieldRule(columns=["Nom"])}).dumps(), encoding="utf-8")

    with pytest.raises(CommandError, match="indiquez-la avec --source"):
        _import(path, "--format", "producteur", "--profil", profile)


def test_a_producers_file_is_read_with_its_profile_into_the_profiles_source(tmp_path, monkeypatch):
    seen = {}

    def read_places(data, file_format, *, published, profile=None):
        seen["profile"] = profile
        return read_csv(csv_bytes(place()).decode())

    monkeypatch.setattr("mediane.structures.import_jobs.imports.read_places", read_places)
    path = tmp_path / "hub.csv"
    path.write_text("Nom\nA\n", encoding="utf-8")
    profile = Profile(source="Hub Exemple", fields={"nom": FieldRule(columns=["Nom"])})
    profile_path = tmp_path / "correspondance.json"
    profile_path.write_text(profile.dumps(), encoding="utf-8")

    out, err = _import(path, "--format", "producteur", "--profil", profile_path)

    assert seen["profile"] == profile
    assert "Nouvelle source créée : « Hub Exemple »" in err
    assert "Import terminé : hub.csv, source « Hub Exemple », 1 ligne(s) lue(s)" in out
    assert Place.objects.get().place_source.name == "Hub Exemple"


def test_all_or_nothing_imports_nothing_when_a_line_is_rejected_and_lists_it(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(), place(id="b", code_postal="999")))

    with pytest.raises(CommandError, match="l'import « tout ou rien » demande") as raised:
        call_command("import_lieux", str(path), "--tout-ou-rien", stdout=(out := io.StringIO()), stderr=io.StringIO())

    assert raised.value.returncode == 1
    assert "Import échoué (rien n'a été écrit) : lieux.csv" in out.getvalue()
    assert "Ligne 3 (id « b ») : Code postal invalide" in out.getvalue()
    assert not Place.objects.exists()


def test_a_file_whose_every_line_is_rejected_fails(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes(place(code_postal="999")))

    with pytest.raises(CommandError, match="Aucune ligne n'a pu être importée : la seule ligne a été rejetée"):
        _import(path)


def test_export_lieux_says_how_many_places_it_left_out_and_why(tmp_path):
    PlaceFactory(adresse="")
    PlaceFactory()
    err = io.StringIO()

    call_command("export_lieux", "--output", str(tmp_path / "export.csv"), stderr=err)

    assert "1 lieu(x) exporté(s)" in err.getvalue()
    assert "1 lieu n'est pas exporté : il n’a pas d'adresse (numéro et voie)" in err.getvalue()


def test_export_lieux_json_carries_only_the_source_data_its_source_publishes(tmp_path):
    source = PlaceSourceFactory(profile={"extra": ["Référent", "Postes"], "published": ["Postes"]})
    PlaceFactory(id_standard="a", place_source=source, extra={"Référent": "Mme Martin", "Postes": "4"})
    out = io.StringIO()

    call_command("export_lieux", "--format", "json", stdout=out, stderr=io.StringIO())

    assert json.loads(out.getvalue())[0]["donnees_source"] == {"Postes": "4"}
