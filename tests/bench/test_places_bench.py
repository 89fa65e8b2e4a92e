"""The pure parts of `bench/places_import.py`: the baseline's reading and mapping, the medians, the table."""

import csv
import gzip
import io
import json

from bench import places_import as bench


def _result(method="mediane", file="adresses-bibliotheques-publiques.csv.gz", seconds=5.0, **values):
    return {
        "backend": "sqlite",
        "method": method,
        "file": file,
        "rows": 10_000,
        "imported": 9_990,
        "seconds": seconds,
        "cpu_seconds": seconds / 2,
        "write_seconds": 0.5,
        "peak_mb": 200.0,
        **values,
    }


def test_the_peak_memory_is_read_in_kilobytes_on_linux_and_bytes_on_macos():
    assert bench.peak_megabytes(204_800, "linux") == 200
    assert bench.peak_megabytes(200 * 1024 * 1024, "darwin") == 200


def test_the_baseline_reads_the_libraries_csv_with_its_delimiter_and_gzip():
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([["Code_bib", "nom_de_l_etablissement", "Adresse", "CP", "Ville", "Latitude", "Longitude"]])
    writer.writerows([["LI1", "Médiathèque", "1 place", "51100", "Reims", "49,25", ""]])
    data = gzip.compress(buffer.getvalue().encode("utf-8"))

    [record] = bench.read_baseline_records(data, "bibliotheques")
    row = bench.baseline_row(record)

    assert row["id_standard"] == "bib-LI1" and row["nom"] == "Médiathèque" and row["code_postal"] == "51100"
    assert (row["latitude"], row["longitude"]) == (49.25, None)


def test_the_baseline_maps_a_standard_record_by_its_names():
    data = json.dumps([{"id": "0", "nom": "EPN", "commune": "Nouméa", "latitude": -22.27, "code_postal": "98800"}])

    [record] = bench.read_baseline_records(data.encode(), "standard_json")

    row = bench.baseline_row(record)
    assert (row["id_standard"], row["commune"], row["latitude"], row["adresse"]) == ("0", "Nouméa", -22.27, "")


def test_the_medians_are_taken_per_backend_method_and_file():
    runs = [[_result(seconds=s), _result("baseline", seconds=s / 4)] for s in (5.0, 4.0, 9.0)]

    medians = {m["method"]: m for m in bench.median_results(runs)}

    assert medians["mediane"]["seconds"] == 5.0 and medians["mediane"]["runs"] == 3
    assert medians["mediane"]["rows_per_second"] == 2000
    assert medians["baseline"]["seconds"] == 1.25


def test_the_table_gives_the_ratio_to_the_baseline_and_the_verdict_the_target():
    medians = bench.median_results([[_result(seconds=4.0), _result("baseline", seconds=2.0)]])

    text = bench.table(medians)

    assert text.splitlines()[2].startswith("| sqlite | adresses-bibliotheques-publiques.csv.gz | Médiane | 10\u202f000")
    assert text.splitlines()[2].endswith("| 2.0 |")
    assert "référence (DictReader + bulk_create)" in text.splitlines()[3]
    assert bench.verdict(medians) == ["sqlite : 2500 lignes/s (≥ 2000), 200 Mo (≤ 500) : objectif atteint."]
    slow = bench.median_results([[_result(seconds=10.0, peak_mb=600.0)]])
    assert bench.verdict(slow)[0].endswith("objectif manqué.")
