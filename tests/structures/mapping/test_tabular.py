"""A producer's file read as a table of text: every format, every delimiter, and one clear sentence when it can't."""

import gzip
import json

import pytest

from mediane.structures.mapping.tabular import read_table
from mediane.structures.standard import FormatError

from .builders import file_bytes, mobile_network_xlsx


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters_are_sniffed_from_the_header(delimiter):
    data = delimiter.join(["Nom", "Code postal", "Ville"]) + "\n" + delimiter.join(["A", "01000", "Bourg"]) + "\n"

    table = read_table(data.encode())

    assert table.columns == ["Nom", "Code postal", "Ville"]
    assert table.records == [{"Nom": "A", "Code postal": "01000", "Ville": "Bourg"}]
    assert (table.kind, table.row_word, table.lines) == ("csv", "Ligne", [2])


def test_csv_lines_are_physical_lines_and_missing_cells_are_empty_text():
    data = b'Nom;Adresse;Ville\n"A";"1 rue\nsur deux lignes";Bourg\n\nB;2 rue\n'

    table = read_table(data)

    assert table.lines == [2, 5]
    assert table.records[1] == {"Nom": "B", "Adresse": "2 rue", "Ville": ""}
    assert "1 ligne vide ignorée." in table.warnings


def test_a_csv_line_with_too_many_cells_is_marked_for_rejection_not_dropped():
    table = read_table(b"Nom;Ville\nA;Bourg;en trop\nB;Lyon\n")

    assert len(table.records) == 2
    assert table.problems[0].startswith("La ligne compte 3 colonnes au lieu de 2")


def test_duplicate_or_blank_column_names_get_a_name_of_their_own():
    table = read_table(b"Nom,Nom,,Ville\nA,B,C,D\n")

    assert table.columns == ["Nom", "Nom (2)", "Colonne 3", "Ville"]
    assert any("plusieurs fois" in warning for warning in table.warnings)


def test_bom_windows_1252_and_gzip_are_read():
    assert read_table("\ufeffNom;Ville\nÉcole;Évian\n".encode()).records[0]["Nom"] == "École"
    windows = read_table("Nom;Ville\nÉcole;Évian\n".encode("cp1252"))
    assert windows.records[0]["Ville"] == "Évian"
    assert "Windows-1252" in windows.warnings[0]
    assert read_table(gzip.compress(b"Nom;Ville\nA;B\n"), "lieux.csv.gz").records == [{"Nom": "A", "Ville": "B"}]


def test_json_list_nested_objects_and_lists_are_flattened_and_numbers_keep_their_text():
    records = [
        {
            "nom": "A",
            "adresse": {"code_postal": "01000", "geo": {"lat": 46.27}},
            "services": ["Démarches", "Wifi"],
            "contacts": [{"nom": "X"}],
            "effectif": 12,
            "ouvert": True,
            "vide": None,
        }
    ]

    table = read_table(json.dumps(records).encode(), "lieux.json")

    assert table.columns == [
        "nom",
        "adresse.code_postal",
        "adresse.geo.lat",
        "services",
        "contacts",
        "effectif",
        "ouvert",
    ]
    assert table.records[0]["adresse.geo.lat"] == "46.27"
    assert table.records[0]["effectif"] == "12"
    assert table.records[0]["services"] == "Démarches|Wifi"
    assert json.loads(table.records[0]["contacts"]) == [{"nom": "X"}]
    assert (table.kind, table.row_word, table.lines) == ("json", "Enregistrement", [1])


def test_json_numbers_keep_the_files_own_text():
    table = read_table(b'[{"lat": 46.27, "cp": 1000, "x": 46.270000001}]')

    assert table.records[0] == {"lat": "46.27", "cp": "1000", "x": "46.270000001"}


@pytest.mark.parametrize("key", ["data", "lieux", "results"])
def test_a_json_object_holding_one_list_of_places_is_read(key):
    table = read_table(json.dumps({"meta": {"total": 2}, key: [{"nom": "A"}, {"nom": "B"}]}).encode())

    assert [r["nom"] for r in table.records] == ["A", "B"]


def test_json_lines_are_read():
    table = read_table(b'{"nom": "A"}\n{"nom": "B", "cp": "01000"}\n', "lieux.jsonl")

    assert table.columns == ["nom", "cp"]
    assert table.records[0] == {"nom": "A", "cp": ""}


def test_geojson_features_give_their_properties_and_point_coordinates():
    table = read_table(file_bytes("departement.geojson"))

    assert table.kind == "geojson"
    assert "adresse.code_postal" in table.columns
    assert "contact.telephone" in table.columns
    assert (table.records[0]["geometry.longitude"], table.records[0]["geometry.latitude"]) == ("4.8924", "44.9334")
    assert table.records[0]["services"] == "Démarches en ligne|Initiation informatique"


def test_xlsx_first_sheet_first_row_is_the_header_and_numbers_read_as_typed():
    table = read_table(mobile_network_xlsx())

    assert table.kind == "xlsx"
    assert table.columns[0] == "Raison sociale"
    assert table.lines == [2, 3, 4, 5]
    first = table.records[0]
    assert (first["CP"], first["Tél"], first["Lat"], first["N° de voie"]) == ("1000", "474123456", "46.2052", "4")
    assert first["Date de mise à jour"] == "2024-03-12"
    assert table.records[2]["N° de voie"] == ""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "vide"),
        (b"   \n", "vide"),
        (b"%PDF-1.4 binary", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "ancien classeur Excel"),
        (b"PK\x03\x04not a workbook at all", "classeur Excel"),
        (b"\x00\x01\x02\x03binary", "ni un classeur"),
        (b'{"nom": "A", "ville": "B"}', "ne contient pas de liste de lieux"),
        (b"[1, 2, 3]", "n'est pas un objet"),
        (b"[]", "aucun lieu"),
        (b'[{"nom": "A"', "JSON valide"),
        (b"Nom;Ville\n", "aucun lieu"),
    ],
)
def test_unreadable_files_are_refused_in_one_french_sentence(data, expected):
    with pytest.raises(FormatError, match=expected) as error:
        read_table(data)

    assert str(error.value).count(". ") <= 1


def test_a_refusal_never_echoes_more_than_200_characters_of_the_file():
    with pytest.raises(FormatError) as error:
        read_table(json.dumps({f"cle{i}" * 20: i for i in range(50)}).encode())

    assert len(str(error.value)) < 500
