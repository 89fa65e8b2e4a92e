"""Importing places: upsert by the standard's id, structures, dry run, all or nothing, and the import jobs."""

import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mediane import bulk
from mediane.structures import import_jobs, services
from mediane.structures.enums import ImportFormat, ImportStatus, StructureKind
from mediane.structures.import_jobs import import_file
from mediane.structures.imports import read_places
from mediane.structures.models import ImportJob, Place, Structure
from mediane.structures.services import ImportRefused, export_rows, import_places
from mediane.structures.signals import places_changed
from mediane.structures.standard import PIVOT_PLACEHOLDER
from mediane.structures.standard_readers import read_csv, read_json
from tests.structures.factories import PlaceFactory, StructureFactory
from tests.structures.files import VALID_SIRET, WRONG_SIRET, csv_bytes, csv_text, json_bytes, place

pytestmark = pytest.mark.django_db

# ../shared/data beside the checkout (a worktree of the checkout is one folder deeper).
SHARED = next(
    (
        folder / "shared" / "data"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "data").is_dir()
    ),
    Path(__file__).resolve().parents[2].parent / "shared" / "data",
)
LIEUX = SHARED / "lieux"
LIBRARIES = SHARED / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz"


def run(text: str, *, dry_run: bool = False, **kwargs):
    return import_places(read_csv(text), source_format=ImportFormat.STANDARD_CSV, dry_run=dry_run, **kwargs)


# --- Upsert ------------------------------------------------------------------------------------------------------


def test_an_import_creates_the_places_and_their_structure_by_siret():
    report = run(csv_text(place(), place(id="lieu-2", nom="Annexe Croix-Rouge")))

    assert (report.created, report.updated, report.unchanged, report.rejected) == (2, 0, 0, 0)
    structure = Structure.objects.get()
    assert structure.siret == VALID_SIRET and structure.kind == StructureKind.OTHER
    assert structure.departement == "51" and structure.region == "44"
    first = Place.objects.get(id_standard="lieu-1")
    assert first.structure == structure
    assert first.departement == "51"
    assert first.latitude == 49.2535
    assert first.date_maj == date(2024, 4, 2)
    assert first.services == ["Aide aux démarches administratives", "Accès internet et matériel informatique"]


def test_a_second_import_updates_by_id_without_duplicates():
    run(csv_text(place(), place(id="lieu-2")))

    report = run(csv_text(place(nom="Médiathèque Falala (rénovée)"), place(id="lieu-2"), place(id="lieu-3")))

    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    assert Place.objects.count() == 3
    assert Structure.objects.count() == 1
    assert Place.objects.get(id_standard="lieu-1").nom == "Médiathèque Falala (rénovée)"


def test_importing_the_same_file_twice_changes_nothing():
    text = csv_text(place(), place(id="lieu-2", pivot=PIVOT_PLACEHOLDER))
    run(text)
    before = {p.id_standard: p.updated_at for p in Place.objects.all()}

    report = run(text)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert (report.structures_created, report.structures_updated) == (0, 0)
    assert {p.id_standard: p.updated_at for p in Place.objects.all()} == before


def test_a_place_without_siret_gets_its_own_structure_known_by_its_id_and_keeps_it():
    run(csv_text(place(pivot=PIVOT_PLACEHOLDER)))
    structure = Structure.objects.get()
    assert structure.source_id == "lieu-1" and structure.siret == ""
    structure.name = "Ville de Reims"  # completed by hand
    structure.siret = VALID_SIRET
    structure.save()

    run(csv_text(place(pivot=PIVOT_PLACEHOLDER, nom="Nouveau nom")))

    assert Structure.objects.get().name == "Ville de Reims"
    assert Place.objects.get().structure == structure


def test_an_rna_pivot_finds_the_association():
    association = StructureFactory(rna="W511234567", kind=StructureKind.ASSOCIATION, siret="")

    run(csv_text(place(pivot="W511234567")))

    assert Place.objects.get().structure == association
    assert Structure.objects.count() == 1


def test_a_standard_file_fills_the_blanks_of_a_structure_but_never_overwrites_it():
    structure = StructureFactory(siret=VALID_SIRET, name="Ville de Reims", address="", postal_code="")

    report = run(csv_text(place()))

    structure.refresh_from_db()
    assert structure.name == "Ville de Reims"
    assert (structure.address, structure.postal_code) == ("2 rue des Fuseliers", "51100")
    assert report.structures_updated == 1


def test_the_departement_comes_from_the_insee_code_else_the_postal_code():
    run(
        csv_text(
            place(id="corse", code_postal="20000", code_insee="2A004", commune="Ajaccio"),
            place(id="reunion", code_postal="97400", code_insee="", commune="Saint-Denis"),
            place(id="nc", code_postal="98800", code_insee="98818", commune="Nouméa"),
        )
    )

    departements = dict(Place.objects.values_list("id_standard", "departement"))
    assert departements == {"corse": "2A", "reunion": "974", "nc": "988"}


def test_a_place_whose_departement_cannot_be_found_is_imported_with_a_warning():
    report = run(csv_text(place(code_postal="00100", code_insee="")))

    assert report.created == 1
    assert Place.objects.get().departement == ""
    assert any("département n'a pas pu être déduit" in w and "ligne 2" in w for w in report.warnings)


def test_a_value_longer_than_the_database_keeps_is_rejected_with_its_line():
    report = run(csv_text(place(), place(id="lieu-2", nom="N" * 260)))

    assert report.created == 1
    assert [(r.line, r.id) for r in report.rejections] == [(3, "lieu-2")]
    assert "« Nom » (nom) compte 260 caractères, pour 250 au plus" in report.rejections[0].messages[0]


def test_the_import_sends_places_changed_once_after_commit(django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, **kwargs):
        received.append(sender)

    places_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run(csv_text(place()))
        with django_capture_on_commit_callbacks(execute=True):
            run(csv_text(place()))  # unchanged: nothing to rebuild
    finally:
        places_changed.disconnect(receiver)
    assert received == [Place]


# --- Dry run, all or nothing -----------------------------------------------------------------------------------


def test_a_dry_run_reports_the_same_counts_and_writes_nothing():
    PlaceFactory(id_standard="lieu-2")
    text = csv_text(place(), place(id="lieu-2"), place(id="lieu-3", code_postal="5110"))

    report = run(text, dry_run=True)

    assert (report.created, report.updated, report.unchanged, report.rejected) == (1, 1, 0, 1)
    assert report.structures_created == 1
    assert set(Place.objects.values_list("id_standard", flat=True)) == {"lieu-2"}
    assert not Structure.objects.filter(siret=VALID_SIRET).exists()


def _crash_on_update_of(model, monkeypatch):
    """The bulk update of `model` fails, after the inserts that come before it were sent."""
    real_update = bulk.update

    def crash(target, *args, **kwargs):
        if target is model:
            raise RuntimeError("disque plein")
        return real_update(target, *args, **kwargs)

    monkeypatch.setattr(bulk, "update", crash)


def test_a_crash_in_the_middle_leaves_nothing_half_written(monkeypatch):
    PlaceFactory(id_standard="lieu-0", nom="Avant")
    _crash_on_update_of(Place, monkeypatch)
    with pytest.raises(RuntimeError):
        run(csv_text(place(), place(id="lieu-0", nom="Après")))

    assert list(Place.objects.values_list("id_standard", "nom")) == [("lieu-0", "Avant")]
    assert not Structure.objects.filter(siret=VALID_SIRET).exists()


def test_a_crashed_job_is_failed_with_a_french_message_and_wrote_nothing(monkeypatch):
    _crash_on_update_of(Structure, monkeypatch)

    job = import_file(csv_bytes(place()), file_name="lieux.csv", file_format="standard_csv", dry_run=False)

    assert job.status == ImportStatus.FAILED
    assert "erreur inattendue (RuntimeError)" in job.error and "Rien n'a été enregistré" in job.error
    assert not Place.objects.exists() and not Structure.objects.exists()


# --- Bad input: every case reaches the report with its line -----------------------------------------------------


def _job(data: bytes, file_format="standard_csv", name="lieux.csv"):
    return import_file(data, file_name=name, file_format=file_format, dry_run=False)


def _messages(job) -> dict[int, str]:
    return {r["line"]: " ".join(r["messages"]) for r in job.report["rejections"]}


def test_bad_postal_code_siret_and_service_are_rejected_line_by_line_and_the_rest_imported():
    data = csv_bytes(
        place(id="ok"),
        place(id="cp", code_postal="5110"),
        place(id="siret", pivot=WRONG_SIRET),
        place(id="service", services="Aide aux demarches administrative"),
        place(id="ok"),
    )

    job = _job(data)

    assert job.status == ImportStatus.SUCCEEDED
    assert (job.created_count, job.rejected_count, job.rows_count) == (1, 4, 5)
    messages = _messages(job)
    assert "Code postal invalide : « 5110 »" in messages[3]
    assert "SIRET invalide : « 43493312300028 »" in messages[4]
    assert "Vouliez-vous dire « Aide aux démarches administratives » ?" in messages[5]
    assert "Identifiant « ok » déjà utilisé à la ligne 2" in messages[6]
    assert [r["id"] for r in job.report["rejections"]] == ["cp", "siret", "service", "ok"]


def test_a_semicolon_file_is_read_with_a_warning():
    job = _job(csv_text(place(services="Aide aux démarches administratives"), delimiter=";").encode())

    assert job.status == ImportStatus.SUCCEEDED and job.created_count == 1
    assert any("point-virgule" in w for w in job.report["warnings"])


def test_a_tab_separated_file_fails_with_a_message_on_the_separator():
    job = _job(csv_text(place(services="Gratuit"), delimiter="\t").encode())

    assert job.status == ImportStatus.FAILED
    assert "Le fichier n'a pas pu être lu : Le séparateur du fichier est la tabulation" in job.error


def test_a_windows_1252_file_is_read_with_a_warning_on_its_encoding():
    job = _job(csv_text(place()).encode("cp1252"))

    assert job.status == ImportStatus.SUCCEEDED
    assert Place.objects.get().nom == "Médiathèque Jean Falala"
    assert "n'était pas encodé en UTF-8" in job.report["warnings"][0]


def test_a_spreadsheet_fails_with_a_message_on_how_to_save_it():
    job = _job(b"PK\x03\x04rest-of-an-xlsx")

    assert job.status == ImportStatus.FAILED
    assert "enregistrez-le au format « CSV UTF-8" in job.error


def test_a_csv_sent_as_json_is_told_to_pick_the_csv_format():
    job = _job(csv_bytes(place()), file_format="standard_json", name="lieux.json")

    assert job.status == ImportStatus.FAILED
    assert "choisissez le format « Standard national, fichier CSV »" in job.error


def test_a_gzip_file_is_read_and_a_broken_one_refused():
    import gzip

    assert _job(gzip.compress(csv_bytes(place())), name="lieux.csv.gz").created_count == 1
    broken = _job(gzip.compress(csv_bytes(place()))[:30], name="autre.csv.gz")
    assert broken.status == ImportStatus.FAILED and "abîmé ou incomplet" in broken.error


def test_a_json_file_reports_record_numbers():
    job = _job(json_bytes(place(), place(id="b", code_postal="ABCDE")), "standard_json", "lieux.json")

    assert job.created_count == 1
    assert list(_messages(job)) == [2]


def test_a_legacy_record_with_an_unknown_service_is_rejected_with_a_suggestion():
    legacy = [
        {"id": "v0-1", "pivot": PIVOT_PLACEHOLDER, "nom": "EPN", "commune": "Lyon", "code_postal": "69001",
         "adresse": "1 rue", "date_maj": "2023-01-01", "services": "Prendre en main un ordinateur"},
        {"id": "v0-2", "pivot": PIVOT_PLACEHOLDER, "nom": "EPN 2", "commune": "Lyon", "code_postal": "69001",
         "adresse": "1 rue", "date_maj": "2023-01-01", "services": "Prendre en main un ordinateurs portables"},
    ]  # fmt: skip
    import json

    job = _job(json.dumps(legacy).encode(), "legacy_json", "v0.json")

    assert job.created_count == 1
    assert Place.objects.get().services == ["Maîtrise des outils numériques du quotidien"]
    assert "Service de l'ancien format sans correspondance" in _messages(job)[2]


def test_an_oversized_file_is_refused_in_french(monkeypatch):
    monkeypatch.setattr(import_jobs, "MAX_UPLOAD_BYTES", 10)

    with pytest.raises(ImportRefused, match="Le fichier est trop lourd : 18\xa0octets, pour 10\xa0octets au plus"):
        import_jobs.check_upload_size(18)


# --- Jobs ------------------------------------------------------------------------------------------------------


def _upload(data: bytes, name="lieux.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_a_launched_dry_run_runs_keeps_its_file_and_its_import_takes_it_over(
    organiser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        checked = import_jobs.launch_import(
            organiser, _upload(csv_bytes(place())), file_format=ImportFormat.STANDARD_CSV, dry_run=True
        )
    checked.refresh_from_db()
    assert checked.status == ImportStatus.SUCCEEDED and checked.created_count == 1
    assert checked.file and not Place.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        job = import_jobs.import_checked_file(organiser, checked)
    job.refresh_from_db()
    checked.refresh_from_db()
    assert job.status == ImportStatus.SUCCEEDED and job.from_dry_run == checked
    assert Place.objects.count() == 1
    assert not job.file and not checked.file  # the file is deleted once the import ends
    with pytest.raises(ImportRefused, match="n'est plus conservé"):
        import_jobs.import_checked_file(organiser, checked)


def test_only_organisers_launch_imports(citizen):
    with pytest.raises(ImportRefused, match="organisateur"):
        import_jobs.launch_import(citizen, _upload(b"x"), file_format=ImportFormat.STANDARD_CSV, dry_run=True)


def test_a_real_import_waits_for_the_running_one_but_a_dead_one_is_failed(organiser):
    running = ImportJob.objects.create(
        file_name="a.csv",
        file_format="standard_csv",
        status=ImportStatus.RUNNING,
        attempts=1,
        heartbeat_at=services.timezone.now(),
    )
    with pytest.raises(ImportRefused, match="Un import est déjà en cours"):
        import_jobs.launch_import(organiser, _upload(csv_bytes(place())), file_format="standard_csv", dry_run=False)

    ImportJob.objects.filter(pk=running.pk).update(heartbeat_at=services.timezone.now() - timedelta(minutes=1))
    job = import_jobs.launch_import(organiser, _upload(csv_bytes(place())), file_format="standard_csv", dry_run=False)

    running.refresh_from_db()
    assert running.status == ImportStatus.FAILED and "s'est arrêté sans finir" in running.error
    assert job.status == ImportStatus.QUEUED


# --- Export rows -----------------------------------------------------------------------------------------------


def test_export_rows_give_back_what_was_imported():
    text = csv_text(place(), place(id="lieu-2", pivot=PIVOT_PLACEHOLDER, services=""))
    run(text)

    rows = list(export_rows())

    assert rows == read_csv(text).rows


# --- Real data (../shared/data) --------------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.skipif(not LIEUX.exists(), reason="../shared/data is absent")
def test_the_nouvelle_caledonie_file_imports_and_a_second_import_changes_nothing():
    result = read_json((LIEUX / "nouvelle-caledonie-schema-v1.json").read_text(encoding="utf-8"))

    report = import_places(result, source_format=ImportFormat.STANDARD_JSON, dry_run=False)

    # 12 summaries over 280 characters are cut at a sentence, their full text kept in the detailed presentation.
    assert (report.created, report.rejected) == (90, 0)
    # 9 places of Mont-Dore (98800) carry the INSEE code of Le Mont-Dore in the Puy-de-Dôme: the postal code wins.
    assert Place.objects.filter(departement="988").count() == 90
    assert any(w.startswith("9 lieu(x) dont le code INSEE désigne une commune d'un autre") for w in report.warnings)
    again = import_places(result, source_format=ImportFormat.STANDARD_JSON, dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 90)


@pytest.mark.realdata
@pytest.mark.skipif(not LIEUX.exists(), reason="../shared/data is absent")
def test_the_legacy_hub_file_imports_every_place():
    data = (LIEUX / "auvergne-rhone-alpes-hub-legacy.json").read_bytes()

    job = import_file(data, file_name="hub.json", file_format="legacy_json", dry_run=False)

    assert (job.status, job.created_count, job.rejected_count) == (ImportStatus.SUCCEEDED, 687, 0)
    assert Structure.objects.count() == 687  # no SIRET: one structure per place, until someone gives it


@pytest.mark.realdata
@pytest.mark.skipif(not LIBRARIES.exists(), reason="../shared/data is absent")
def test_the_full_libraries_file_imports_whole_and_a_second_import_changes_nothing(capsys):
    # How long it takes is printed, not asserted: timing belongs to the benchmarks (`make bench-imports`).
    data = LIBRARIES.read_bytes()
    published = date(2024, 6, 1)
    started = time.monotonic()

    job = import_file(data, file_name=LIBRARIES.name, file_format="bibliotheques", dry_run=False, published=published)

    seconds = time.monotonic() - started
    assert job.status == ImportStatus.SUCCEEDED, job.error
    assert job.created_count + job.rejected_count == job.rows_count == 15_702
    assert Place.objects.count() == job.created_count > 14_000
    assert Structure.objects.filter(kind=StructureKind.DEPARTMENTAL_LIBRARY).exists()
    started = time.monotonic()
    again = import_file(data, file_name=LIBRARIES.name, file_format="bibliotheques", dry_run=False, published=published)
    again_seconds = time.monotonic() - started
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, job.created_count)
    with capsys.disabled():
        print(f"\nFichier des bibliothèques : premier import {seconds:.1f} s, second (inchangé) {again_seconds:.1f} s")


def test_read_places_reads_the_libraries_format():
    text = (
        "Code_bib,nom_de_l_etablissement,Adresse,CP,Ville,type_adresse,code_departement,code_region\n"
        "BD1,51 - Bibliothèque départementale de la Marne,2 rue,51000,Châlons-en-Champagne,"
        "Bibliothèque départementale,51,44\n"
        "LI2,Médiathèque,1 place,51100,Reims,Bâtiment ouvert,51,44\n"
        "LI3,Sans adresse,,51100,Reims,Bâtiment ouvert,51,44\n"
    )
    result = read_places(text.encode(), "bibliotheques", published=date(2024, 6, 1))

    report = import_places(result, source_format=ImportFormat.LIBRARIES, dry_run=False)

    assert (report.created, report.rejected) == (2, 1)
    assert report.rejections[0].line == 4 and "L'adresse (colonne Adresse) est vide" in report.rejections[0].messages[0]
    kinds = dict(Structure.objects.values_list("source_id", "kind"))
    assert kinds == {"bib-BD1": StructureKind.DEPARTMENTAL_LIBRARY, "bib-LI2": StructureKind.MUNICIPAL_LIBRARY}
    assert Place.objects.get(id_standard="bib-LI2").date_maj == date(2024, 6, 1)


def test_an_id_already_used_by_another_source_is_rejected_and_the_other_place_kept():
    run(csv_text(place(id="61", source="Hinaura", nom="Espace numérique de Villeurbanne")))
    report = run(csv_text(place(id="61", source="Nouvelle-Calédonie", nom="Case numérique de Nouméa")))

    assert (report.created, report.updated, report.rejected) == (0, 0, 1)
    rejection = report.rejections[0]
    assert (rejection.line, rejection.id) == (2, "61")
    assert "déjà celui d'un lieu d'une autre source (« Hinaura »)" in rejection.messages[0]
    assert "« nouvelle-caledonie-61 »" in rejection.messages[0]
    assert Place.objects.get().nom == "Espace numérique de Villeurbanne"
