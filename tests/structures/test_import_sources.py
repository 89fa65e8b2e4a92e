"""Importing places per source: ids belong to their source, nothing is lost (extra data, managers' corrections),
an import that rejects every row fails, and all or nothing writes nothing when one row is rejected."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mediane.structures import import_jobs, services, services_sources
from mediane.structures.enums import ImportFormat, ImportStatus
from mediane.structures.import_jobs import import_file
from mediane.structures.mapping.profile import FieldRule, Profile
from mediane.structures.models import ImportJob, Place, PlaceSource, Structure
from mediane.structures.services import ImportRefused, import_places
from mediane.structures.standard import PIVOT_PLACEHOLDER
from mediane.structures.standard_readers import read_csv
from tests.structures.factories import PlaceSourceFactory
from tests.structures.files import csv_bytes, csv_text, place

pytestmark = pytest.mark.django_db


def run(text: str, *, dry_run: bool = False, **kwargs):
    return import_places(read_csv(text), source_format=ImportFormat.STANDARD_CSV, dry_run=dry_run, **kwargs)


def numbered(count: int, **values: str) -> str:
    """A file whose places are numbered 1…count, as many producers number theirs."""
    return csv_text(*(place(id=str(n), pivot=PIVOT_PLACEHOLDER, **values) for n in range(1, count + 1)))


# --- Ids belong to their source ---------------------------------------------------------------------------------


def test_two_sources_numbering_their_places_1_to_n_never_touch_each_others_places():
    hub, city = PlaceSourceFactory(), PlaceSourceFactory()
    run(numbered(3, nom="Espace du hub"), place_source=hub)

    report = run(numbered(3, nom="Maison de la ville"), place_source=city)

    assert (report.created, report.updated, report.unchanged, report.rejected) == (3, 0, 0, 0)
    assert set(hub.places.values_list("nom", flat=True)) == {"Espace du hub"}
    assert set(city.places.values_list("nom", flat=True)) == {"Maison de la ville"}
    # Each place keeps its own structure: the structures of places without SIRET are known per source.
    assert Structure.objects.count() == 6

    again = run(numbered(3, nom="Espace du hub rénové"), place_source=hub)

    assert (again.created, again.updated) == (0, 3)
    assert set(hub.places.values_list("nom", flat=True)) == {"Espace du hub rénové"}
    assert set(city.places.values_list("nom", flat=True)) == {"Maison de la ville"}


def test_places_without_source_keep_their_unique_ids_and_are_not_met_by_a_source():
    run(numbered(2, nom="Sans source"))
    hub = PlaceSourceFactory()

    report = run(numbered(2, nom="Du hub"), place_source=hub)

    assert report.created == 2
    assert Place.objects.filter(place_source__isnull=True, nom="Sans source").count() == 2
    again = run(numbered(2, nom="Sans source, mis à jour"))
    assert (again.created, again.updated) == (0, 2)
    assert set(hub.places.values_list("nom", flat=True)) == {"Du hub"}


def test_a_place_imported_before_sources_is_adopted_by_its_source_without_a_duplicate():
    run(csv_text(place(source="Hinaura")))
    hub = PlaceSourceFactory(name="Hinaura")

    report = run(csv_text(place(source="Hinaura", nom="Nouveau nom")), place_source=hub)

    assert (report.created, report.updated) == (0, 1)
    adopted = Place.objects.get()
    assert adopted.place_source == hub and adopted.nom == "Nouveau nom"
    assert run(csv_text(place(source="Hinaura", nom="Nouveau nom")), place_source=hub).unchanged == 1


def test_the_libraries_file_always_goes_to_its_own_source_created_on_first_use():
    text = "Code_bib,nom_de_l_etablissement,Adresse,CP,Ville\nLI2,Médiathèque,1 place,51100,Reims\n"

    job = import_file(text.encode(), file_name="bib.csv", file_format="bibliotheques", dry_run=False)

    source = PlaceSource.objects.get(slug=services.LIBRARIES_SOURCE_SLUG)
    assert source.name == "Bibliothèques publiques (ministère de la Culture)"
    assert job.place_source == source and Place.objects.get().place_source == source
    assert services.source_for_libraries() == source
    # The libraries' structures stay known by the Ministry's code, as before sources existed.
    assert Structure.objects.get().source_id == "bib-LI2"


def test_source_named_finds_a_source_by_its_name_or_creates_it_with_a_free_slug():
    PlaceSourceFactory(name="Autre", slug="hub-occitanie")

    created, is_new = services_sources.source_named("  Hub   Occitanie ")
    found, again = services_sources.source_named("hub occitanie")

    assert is_new and not again and found == created
    assert (created.name, created.slug) == ("Hub Occitanie", "hub-occitanie-2")
    with pytest.raises(ImportRefused, match="nom de la source"):
        services_sources.source_named("  ")


# --- Nothing lost -----------------------------------------------------------------------------------------------


def _with_extras(text: str, extras: list[dict[str, str]]):
    result = read_csv(text)
    result.extras = extras
    result.verdict = "Ce fichier n'est pas au standard : 0 des 7 champs obligatoires trouvés."
    result.column_report = [{"column": "Référent", "outcome": "kept", "values": 1}]
    return result


def test_extra_data_is_kept_with_the_place_and_compared_like_the_standards_fields():
    hub = PlaceSourceFactory()
    text = csv_text(place())

    first = import_places(
        _with_extras(text, [{"Référent": "Mme Martin"}]),
        source_format=ImportFormat.MAPPED,
        dry_run=False,
        place_source=hub,
    )
    assert Place.objects.get().extra == {"Référent": "Mme Martin"}
    same = import_places(
        _with_extras(text, [{"Référent": "Mme Martin"}]),
        source_format=ImportFormat.MAPPED,
        dry_run=False,
        place_source=hub,
    )
    changed = import_places(
        _with_extras(text, [{"Référent": "M. Durand"}]),
        source_format=ImportFormat.MAPPED,
        dry_run=False,
        place_source=hub,
    )

    assert (first.created, same.unchanged, changed.updated) == (1, 1, 1)
    assert Place.objects.get().extra == {"Référent": "M. Durand"}
    report = changed.as_json()
    assert report["verdict"].startswith("Ce fichier n'est pas au standard")
    assert report["column_report"] == [{"column": "Référent", "outcome": "kept", "values": 1}]


def test_a_field_corrected_by_a_manager_is_not_overwritten_by_the_next_import_and_the_report_says_so():
    run(csv_text(place(), place(id="lieu-2")))
    Place.objects.filter(id_standard="lieu-1").update(
        services=["Aide aux démarches administratives", "Accompagner les démarches de santé"],
        horaires="Mo-Fr 09:00-12:00",
        managed_fields=["services", "horaires"],
    )

    report = run(csv_text(place(nom="Nouveau nom"), place(id="lieu-2")))

    corrected = Place.objects.get(id_standard="lieu-1")
    assert corrected.nom == "Nouveau nom"  # not corrected by a manager: the file wins
    assert corrected.services[1] == "Accompagner les démarches de santé"
    assert corrected.horaires == "Mo-Fr 09:00-12:00"
    assert report.kept_corrections == 1 and report.kept_fields == ["horaires", "services"]
    assert (
        "1 lieu garde les corrections de ses responsables (champs : horaires, services) : le fichier ne les "
        "remplace pas." in report.warnings
    )
    assert report.as_json()["kept_corrections"] == 1


# --- Every row rejected, all or nothing -------------------------------------------------------------------------


BAD = {"code_postal": "5110"}


def test_an_import_that_rejects_every_row_fails_and_keeps_its_report():
    data = csv_bytes(place(**BAD), place(id="b", **BAD), place(id="c", services="Café"))

    job = import_file(data, file_name="lieux.csv", file_format="standard_csv", dry_run=False)

    assert job.status == ImportStatus.FAILED
    assert job.error.startswith("Aucune ligne n'a pu être importée : les 3 lignes ont été rejetées.")
    assert "Les erreurs les plus fréquentes : « Code postal invalide : « 5110 »" in job.error
    assert "(2 lignes)" in job.error
    assert job.rejected_count == 3 and [r["line"] for r in job.rejections] == [2, 3, 4]
    assert not Place.objects.exists()


def test_a_dry_run_that_rejects_every_row_fails_too_with_its_rows_browsable():
    job = import_file(csv_bytes(place(**BAD)), file_name="lieux.csv", file_format="standard_csv", dry_run=True)

    assert job.status == ImportStatus.FAILED
    assert job.error.startswith("Aucune ligne n'a pu être importée : la seule ligne a été rejetée.")
    assert job.rejections[0]["line"] == 2


def test_all_or_nothing_writes_nothing_when_one_row_is_rejected_and_lists_every_rejected_row():
    data = csv_bytes(place(), place(id="b", **BAD), place(id="c"), place(id="d", **BAD))

    job = import_file(data, file_name="lieux.csv", file_format="standard_csv", dry_run=False, all_or_nothing=True)

    assert job.status == ImportStatus.FAILED and job.all_or_nothing
    assert job.error.startswith(
        "Rien n'a été importé : l'import « tout ou rien » demande que chaque ligne soit valide, et 2 lignes sont "
        "rejetées sur 4."
    )
    assert [r["id"] for r in job.rejections] == ["b", "d"]
    assert not Place.objects.exists() and not Structure.objects.exists()


def test_without_all_or_nothing_the_valid_rows_are_imported_and_the_others_reported():
    data = csv_bytes(place(), place(id="b", **BAD))

    job = import_file(data, file_name="lieux.csv", file_format="standard_csv", dry_run=False)

    assert job.status == ImportStatus.SUCCEEDED and (job.created_count, job.rejected_count) == (1, 1)


def test_all_or_nothing_with_every_row_valid_imports_them_all():
    data = csv_bytes(place(), place(id="b"))

    job = import_file(data, file_name="lieux.csv", file_format="standard_csv", dry_run=False, all_or_nothing=True)

    assert job.status == ImportStatus.SUCCEEDED and Place.objects.count() == 2


# --- The jobs carry the source, the profile and the choice ------------------------------------------------------


def _upload(data: bytes, name="lieux.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_a_checked_file_is_imported_into_the_source_and_with_the_choice_of_its_check(
    organiser, django_capture_on_commit_callbacks
):
    hub = PlaceSourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        checked = import_jobs.launch_import(
            organiser,
            _upload(csv_bytes(place())),
            file_format=ImportFormat.STANDARD_CSV,
            dry_run=True,
            place_source=hub,
            all_or_nothing=True,
        )
    checked.refresh_from_db()
    assert (checked.status, checked.place_source, checked.all_or_nothing) == (ImportStatus.SUCCEEDED, hub, True)

    with django_capture_on_commit_callbacks(execute=True):
        job = import_jobs.import_checked_file(organiser, checked)
    job.refresh_from_db()

    assert (job.status, job.place_source, job.all_or_nothing) == (ImportStatus.SUCCEEDED, hub, True)
    assert Place.objects.get().place_source == hub


def test_a_producers_file_keeps_its_profile_with_the_job_and_needs_one(organiser, monkeypatch):
    profile = Profile(source="Hub", fields={"nom": FieldRule(columns=["Nom"])}, ignored=["Vide"])
    monkeypatch.setattr("mediane.structures.import_jobs.queue.start", lambda job: None)

    job = import_jobs.launch_import(
        organiser, _upload(b"Nom\nA\n"), file_format=ImportFormat.MAPPED, dry_run=True, profile=profile
    )

    assert ImportJob.objects.get(pk=job.pk).profile == profile.as_json()
    assert Profile.from_json(job.profile) == profile
    with pytest.raises(ImportRefused, match="avec sa correspondance"):
        import_jobs.launch_import(organiser, _upload(b"Nom\nA\n"), file_format=ImportFormat.MAPPED, dry_run=True)


def test_a_job_reads_a_producers_file_through_its_profile(monkeypatch):
    profile = Profile(source="Hub", fields={"nom": FieldRule(columns=["Nom"])})
    seen = {}

    def read_places(data, file_format, *, published, profile=None):
        seen.update(file_format=file_format, profile=profile)
        return read_csv(csv_text(place()))

    monkeypatch.setattr("mediane.structures.import_jobs.imports.read_places", read_places)
    hub = PlaceSourceFactory()

    job = import_file(
        b"Nom\nA\n",
        file_name="hub.csv",
        file_format=ImportFormat.MAPPED,
        dry_run=False,
        place_source=hub,
        profile=profile,
    )

    assert job.status == ImportStatus.SUCCEEDED, job.error
    assert seen == {"file_format": ImportFormat.MAPPED, "profile": profile}
    assert Place.objects.get().place_source == hub


def test_libraries_without_street_address_are_imported_with_their_commune():
    text = (
        "Code_bib,nom_de_l_etablissement,Adresse,CP,Ville,Latitude,Longitude\n"
        "LI1,Bibliothèque,,24170,Grives,44.76,1.07\n"
        "LI2,Médiathèque,1 place,51100,Reims,,\n"
    )

    job = import_file(text.encode(), file_name="bib.csv", file_format="bibliotheques", dry_run=False)

    assert (job.status, job.created_count) == (ImportStatus.SUCCEEDED, 2)
    kept = Place.objects.get(id_standard="bib-LI1")
    assert (kept.adresse, kept.commune, kept.latitude) == ("", "Grives", 44.76)
    assert any("1 lieu(x) sans adresse" in warning for warning in job.warnings)


def test_the_next_file_of_a_source_keeps_a_managers_correction_through_its_mapping(organiser):
    from mediane.structures import services_care

    data = (
        "Nom;Adresse;CP;Ville;Tel;Horaires\n"
        "Médiathèque de Bourg;1 rue de la Paix;01000;Bourg-en-Bresse;04 74 00 00 00;Mardi, jeudi 14h-18h\n"
    ).encode()
    profile = Profile(
        source="Hub",
        fields={
            "nom": FieldRule(columns=["Nom"]),
            "adresse": FieldRule(columns=["Adresse"]),
            "code_postal": FieldRule(columns=["CP"]),
            "commune": FieldRule(columns=["Ville"]),
            "telephone": FieldRule(columns=["Tel"]),
            "horaires": FieldRule(columns=["Horaires"]),
            "pivot": FieldRule(default=PIVOT_PLACEHOLDER),
            "date_maj": FieldRule(default="2026-01-01"),
        },
    )
    hub = PlaceSourceFactory()

    def run_mapped():
        job = import_file(
            data, file_name="hub.csv", file_format=ImportFormat.MAPPED, dry_run=False, place_source=hub, profile=profile
        )
        assert job.status == ImportStatus.SUCCEEDED, job.error
        return job

    run_mapped()
    imported = Place.objects.get(place_source=hub)
    assert imported.telephone == "+33474000000" and imported.horaires == "Tu,Th 14:00-18:00"
    services_care.update_place(organiser, imported, {"telephone": "04 74 11 11 11"})

    run_mapped()

    kept = Place.objects.get(place_source=hub)
    assert kept.telephone == "+33474111111" and kept.managed_fields == ["telephone"]
    assert kept.nom == "Médiathèque de Bourg"
