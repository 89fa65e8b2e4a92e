"""Public exports of the places in the national standard: /lieux/export.csv, /lieux/export.json, /api/v1/lieux."""

import json
from decimal import Decimal
from pathlib import Path

import frictionless
import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.structures import services
from mediane.structures.api import encode_cursor
from mediane.structures.enums import ImportFormat
from mediane.structures.models import Place
from mediane.structures.services import import_places
from mediane.structures.standard import PIVOT_PLACEHOLDER
from mediane.structures.standard_readers import read_csv, read_json
from tests.structures.factories import PlaceFactory, PlaceSourceFactory
from tests.structures.files import csv_text, place

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).parent / "data" / "schema.json"


def _import(*places):
    text = csv_text(*places)
    import_places(read_csv(text), source_format=ImportFormat.STANDARD_CSV, dry_run=False)
    return read_csv(text).rows


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def _varied():
    return _import(
        place(),
        place(id="asso", pivot="W511234567", latitude="", longitude="", services="", telephone="+33326000000"),
        place(
            id="sans", pivot=PIVOT_PLACEHOLDER, presentation_detail='Deux lignes,\nune virgule « et des guillemets" »'
        ),
    )


def test_the_csv_export_is_a_dated_download_that_gives_back_the_imported_rows(client):
    rows = _varied()

    response = client.get("/lieux/export.csv")

    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="lieux-mediation-numerique-{today}.csv"'
    assert read_csv(_body(response)).rows == sorted(rows, key=lambda r: r["id"])


def test_the_csv_export_passes_frictionless_validation_against_the_schema(client, tmp_path):
    _varied()
    export = tmp_path / "lieux.csv"
    export.write_text(_body(client.get(reverse("structures:export_csv"))), encoding="utf-8", newline="")

    with frictionless.system.use_context(trusted=True):
        report = frictionless.validate(str(export), schema=str(SCHEMA))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 3


DDE_NAME = "=cmd|' /C calc'!A0"


def test_a_formula_place_name_is_neutralised_in_the_csv_export_which_still_passes_the_schema(client, tmp_path):
    rows = _import(
        place(nom=DDE_NAME, adresse="@rue", telephone="+33326000000", longitude="-1.5536", horaires="-"),
    )
    body = _body(client.get(reverse("structures:export_csv")))
    export = tmp_path / "lieux.csv"
    export.write_text(body, encoding="utf-8", newline="")

    with frictionless.system.use_context(trusted=True):
        report = frictionless.validate(str(export), schema=str(SCHEMA))
        [cells] = [row.to_dict() for row in frictionless.Resource(str(export), schema=str(SCHEMA)).read_rows()]

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert (cells["nom"], cells["adresse"], cells["horaires"]) == ("'" + DDE_NAME, "'@rue", "'-")
    # Plain numbers cannot carry a formula: the phone and a western longitude stay as the schema wants them.
    assert (cells["telephone"], cells["longitude"]) == ("+33326000000", Decimal("-1.5536"))
    # Imported again, the export gives back the place as it was.
    assert read_csv(body).rows == rows


def test_a_formula_place_name_stays_exact_in_the_json_export(client):
    _import(place(nom=DDE_NAME))

    assert json.loads(_body(client.get("/lieux/export.json")))[0]["nom"] == DDE_NAME


def test_the_json_export_reads_back_as_the_standard(client):
    rows = _varied()

    response = client.get("/lieux/export.json")

    assert response["Content-Disposition"].endswith('.json"')
    assert read_json(_body(response)).rows == sorted(rows, key=lambda r: r["id"])


def test_the_exports_of_an_empty_directory_are_valid(client):
    assert json.loads(_body(client.get("/lieux/export.json"))) == []
    assert read_csv(_body(client.get("/lieux/export.csv"))).rows == []


def test_the_exports_run_a_constant_number_of_queries(client, count_queries, monkeypatch):
    monkeypatch.setattr("mediane.structures.services.EXPORT_CHUNK", 10)
    PlaceFactory.create_batch(3)
    with count_queries() as few:
        _body(client.get("/lieux/export.csv"))
        _body(client.get("/lieux/export.json"))
    PlaceFactory.create_batch(30)

    with count_queries() as many:
        _body(client.get("/lieux/export.csv"))
        _body(client.get("/lieux/export.json"))

    # Per export: the places left out, the ids shared by two sources, then the places; the JSON also reads the
    # kept columns each source publishes.
    assert len(many) == len(few) == 7


def test_the_api_lists_places_page_by_page_in_the_standards_names(client):
    _varied()

    first = client.get("/api/v1/lieux", {"limit": 2}).json()
    second = client.get("/api/v1/lieux", {"limit": 2, "cursor": first["next_cursor"]}).json()

    assert [p["id"] for p in first["items"]] == ["asso", "lieu-1"]
    assert [p["id"] for p in second["items"]] == ["sans"] and second["next_cursor"] is None
    lieu = first["items"][1]
    assert lieu["latitude"] == 49.2535 and lieu["services"][0] == "Aide aux démarches administratives"
    assert first["items"][0]["latitude"] is None
    assert list(lieu)[:5] == ["id", "pivot", "nom", "commune", "code_postal"]


def test_the_api_filters_by_departement_and_refuses_bad_input(client):
    _varied()
    PlaceFactory(id_standard="lyon")

    assert [p["id"] for p in client.get("/api/v1/lieux", {"departement": "69"}).json()["items"]] == ["lyon"]
    unknown = client.get("/api/v1/lieux", {"departement": "XX"})
    assert unknown.status_code == 422 and unknown.json()["erreurs"][0]["champ"] == "departement"
    assert unknown.json()["erreurs"][0]["message"].startswith("Valeur inconnue")
    assert "curseur" in client.get("/api/v1/lieux", {"cursor": "%%%"}).json()["detail"]


def test_the_api_list_runs_a_constant_number_of_queries(client, count_queries):
    PlaceFactory.create_batch(2)
    with count_queries() as few:
        client.get("/api/v1/lieux")
    PlaceFactory.create_batch(40)

    with count_queries() as many:
        client.get("/api/v1/lieux")

    assert len(many) == len(few) == 2  # the ids shared by two sources, then the page


# --- Places without address, ids shared by two sources, extra data ----------------------------------------------


SHARED_IDS = ["hub-1", "ville-1", "1", "hub-2", "ville-2", "2"]


def _two_sources_sharing_ids():
    """Places 1 and 2 of a hub, then of a city, and a place « 1 » without source: the same ids three times."""
    hub = PlaceSourceFactory(slug="hub")
    city = PlaceSourceFactory(slug="ville")
    for source in (hub, city, None):
        text = csv_text(place(id="1", pivot=PIVOT_PLACEHOLDER), place(id="2", pivot=PIVOT_PLACEHOLDER))
        import_places(read_csv(text), source_format=ImportFormat.STANDARD_CSV, dry_run=False, place_source=source)
    return hub, city


def test_the_exports_keep_each_place_unique_when_two_sources_share_ids_and_the_csv_still_validates(client, tmp_path):
    _two_sources_sharing_ids()
    body = _body(client.get(reverse("structures:export_csv")))
    export = tmp_path / "lieux.csv"
    export.write_text(body, encoding="utf-8", newline="")

    with frictionless.system.use_context(trusted=True):
        report = frictionless.validate(str(export), schema=str(SCHEMA))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # The places without source keep their ids, the sources' places are prefixed (in the order of the ids, then
    # of their creation).
    assert [row["id"] for row in read_csv(body).rows] == SHARED_IDS
    records = json.loads(_body(client.get("/lieux/export.json")))
    assert [record["id"] for record in records] == SHARED_IDS


def test_the_first_source_keeps_the_id_when_no_place_without_source_has_it():
    _two_sources_sharing_ids()
    Place.objects.filter(place_source__isnull=True).delete()

    assert [row["id"] for row in services.export_rows()] == ["1", "ville-1", "2", "ville-2"]


def test_the_api_gives_the_same_unique_ids_and_pages_through_places_sharing_an_id(client):
    _two_sources_sharing_ids()

    ids, cursor = [], None
    while True:
        page = client.get("/api/v1/lieux", {"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        ids += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert ids == SHARED_IDS


def test_a_place_without_address_is_left_out_of_the_exports_which_say_how_many_and_why(client):
    _import(place(), place(id="b"))
    PlaceFactory(id_standard="bib-LI1", adresse="", commune="Grives")

    csv_response = client.get("/lieux/export.csv")
    json_response = client.get("/lieux/export.json")

    assert csv_response["X-Lieux-Exclus"] == json_response["X-Lieux-Exclus"] == "1"
    assert [row["id"] for row in read_csv(_body(csv_response)).rows] == ["b", "lieu-1"]
    assert [record["id"] for record in json.loads(_body(json_response))] == ["b", "lieu-1"]
    assert "bib-LI1" not in {p["id"] for p in client.get("/api/v1/lieux").json()["items"]}
    count, sentence = services.export_exclusions()
    assert count == 1
    assert sentence == (
        "1 lieu n'est pas exporté : il n’a pas d'adresse (numéro et voie), que le standard national exige. "
        "Il reste visible sur Médiane avec sa commune."
    )
    PlaceFactory(id_standard="bib-LI2", adresse="")
    assert services.export_exclusions()[1].startswith("2 lieux ne sont pas exportés : ils n’ont pas d'adresse")


def test_nothing_left_out_says_zero_and_no_sentence(client):
    _import(place())

    assert client.get("/lieux/export.csv")["X-Lieux-Exclus"] == "0"
    assert services.export_exclusions() == (0, "")


def _published_source(extra, published):
    return PlaceSourceFactory(profile={"source": "Hub", "fields": {}, "extra": extra, "published": published})


def test_the_json_export_carries_only_the_kept_columns_the_source_publishes(client):
    source = _published_source(["Référent", "Nombre de postes"], ["Nombre de postes"])
    PlaceFactory(id_standard="a", place_source=source, extra={"Référent": "Mme Martin", "Nombre de postes": "4"})
    PlaceFactory(id_standard="b")
    PlaceFactory(id_standard="c", extra={"courriel": "mme.martin@example.fr"})  # no source: nothing published

    records = json.loads(_body(client.get("/lieux/export.json")))
    csv_body = _body(client.get("/lieux/export.csv"))

    assert records[0]["donnees_source"] == {"Nombre de postes": "4"}
    assert "donnees_source" not in records[1] and "donnees_source" not in records[2]
    assert "Martin" not in json.dumps(records) and "Martin" not in csv_body
    assert "Référent" not in csv_body and "donnees_source" not in csv_body
    assert [row["id"] for row in read_json(json.dumps(records)).rows] == ["a", "b", "c"]


def test_a_kept_column_is_not_published_by_default_in_the_export_nor_the_api(client):
    source = _published_source(["Portable du conseiller"], [])
    PlaceFactory(id_standard="a", place_source=source, extra={"Portable du conseiller": "06 12 34 56 78"})

    export = _body(client.get("/lieux/export.json"))
    api = client.get("/api/v1/lieux").content.decode()

    assert "06 12 34 56 78" not in export and "donnees_source" not in export
    assert "06 12 34 56 78" not in api and "Portable" not in api


def test_a_damaged_place_cursor_is_refused_in_french(client):
    response = client.get("/api/v1/lieux", {"cursor": encode_cursor("lieu-1\x1fdeux")})

    assert response.status_code == 400 and "curseur" in response.json()["detail"]
    old_style = client.get("/api/v1/lieux", {"cursor": encode_cursor("lieu-0")})
    assert old_style.status_code == 200
