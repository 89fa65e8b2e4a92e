"""The outside review's findings on the mapping engine, each pinned: nothing a producer's file holds is lost in
silence, and no odd file answers 500."""

import json
from datetime import date

import pytest

from mediane.structures.mapping.apply import OTHER_PHONES, apply_profile, read_mapped
from mediane.structures.mapping.profile import FieldRule, Profile, ProfileError
from mediane.structures.mapping.propose import propose_profile
from mediane.structures.mapping.tabular import read_table
from mediane.structures.standard import PIVOT_PLACEHOLDER, FormatError
from mediane.structures.standard_readers import read_json

from .builders import minimal_profile as _minimal


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_a_deeply_nested_json_is_refused_in_one_french_sentence(opening):
    with pytest.raises(FormatError, match="imbriqué trop profondément"):
        read_table((opening * 200_000).encode(), "lieux.json")
    with pytest.raises(FormatError, match="imbriqué trop profondément"):
        read_json(opening * 200_000)


def test_a_deeply_nested_profile_is_refused_in_one_french_sentence():
    with pytest.raises(ProfileError, match="imbriqué trop profondément"):
        Profile.loads(b"[" * 200_000)


def _csv(*lines: str, header: str = "ID;Nom;Adresse;CP;Ville") -> bytes:
    return "\n".join([header, *lines]).encode()


def test_an_id_whose_first_row_was_rejected_is_not_called_a_duplicate():
    data = _csv("2;;1 rue A;01000;Bourg", "2;Lieu B;2 rue B;01000;Bourg", "2;Lieu C;3 rue C;01000;Bourg")

    result = read_mapped(data, "lieux.csv", _minimal(id=FieldRule(columns=["ID"])))

    assert [row["nom"] for row in result.rows] == ["Lieu B"]
    assert [r.line for r in result.rejected] == [2, 4]
    assert not any("déjà utilisé" in m for m in result.rejected[0].messages)
    assert "déjà utilisé à la ligne 3" in result.rejected[1].messages[-1]


def test_counts_are_written_in_french_without_parentheses():
    data = _csv("1;Lieu A;1 rue A;01000;Bourg", "", "2;Lieu B;2 rue B;01000;Bourg", header="ID;Nom;Adresse;CP;Ville")
    profile = _minimal(id=FieldRule(columns=["ID"]), horaires=FieldRule(columns=["Horaires"]))

    result = read_mapped(data, "lieux.csv", profile)

    assert "1 ligne vide ignorée." in result.warnings
    assert "2 lieux sans SIRET" in " ".join(result.warnings)
    assert any(w.startswith("Colonne de la correspondance absente du fichier : « Horaires »") for w in result.warnings)
    assert not any("(s)" in w or "(x)" in w for w in result.warnings)


def test_a_json_without_ids_numbers_its_places_by_their_record_in_good_french():
    data = b'[{"Nom": "A", "Adresse": "1 rue A", "CP": "01000", "Ville": "Bourg"}]'

    result = read_mapped(data, "lieux.json", _minimal())

    assert any("le numéro de son enregistrement dans le fichier" in w for w in result.warnings)


def test_several_phones_in_one_cell_keep_the_others_as_extra_data():
    data = _csv("1;Lieu A;1 rue A;01000;Bourg;04 78 12 34 56 ou 06 12 34 56 78", header="ID;Nom;Adresse;CP;Ville;Tél")
    profile = _minimal(id=FieldRule(columns=["ID"]), telephone=FieldRule(columns=["Tél"]))

    result = read_mapped(data, "lieux.csv", profile)

    assert result.rows[0]["telephone"] == "+33478123456"
    assert result.extras[0][OTHER_PHONES] == "06 12 34 56 78"
    assert any("les autres sont gardés comme donnée supplémentaire" in w for w in result.warnings)


def test_a_wrong_or_spreadsheet_damaged_siret_lets_the_place_in_with_the_placeholder():
    data = _csv(
        "1;Lieu A;1 rue A;01000;Bourg;13002526500014",
        "2;Lieu B;2 rue B;01000;Bourg;1.23456789012E13",
        "3;Lieu C;3 rue C;01000;Bourg;130 025 265 00013",
        header="ID;Nom;Adresse;CP;Ville;SIRET",
    )
    profile = _minimal(id=FieldRule(columns=["ID"]), pivot=FieldRule(columns=["SIRET"]))

    result = read_mapped(data, "lieux.csv", profile)

    assert result.rejected == []
    assert [row["pivot"] for row in result.rows] == [PIVOT_PLACEHOLDER, PIVOT_PLACEHOLDER, "13002526500013"]
    assert result.extras[0]["SIRET (SIRET non valide)"] == "13002526500014"
    assert result.extras[1]["SIRET (SIRET non valide)"] == "1.23456789012E13"
    assert sum(w.startswith("2 lieux : SIRET ou numéro RNA non valide") for w in result.warnings) == 1
    assert any("notation scientifique" in w for w in result.warnings)


def test_labels_translated_to_nothing_are_counted_warned_and_kept_with_the_place():
    data = _csv(
        "1;Lieu A;1 rue A;01000;Bourg;Wifi|Autre",
        "2;Lieu B;2 rue B;01000;Bourg;Autre",
        header="ID;Nom;Adresse;CP;Ville;Offre",
    )
    services = FieldRule(
        columns=["Offre"], translations={"Wifi": ["Accès internet et matériel informatique"], "Autre": []}
    )
    profile = _minimal(id=FieldRule(columns=["ID"]), services=services)

    result = read_mapped(data, "lieux.csv", profile)

    assert result.rejected == []
    assert result.rows[0]["services"] == ["Accès internet et matériel informatique"]
    assert [extra.get("Offre (libellés écartés)") for extra in result.extras] == ["Autre", "Autre"]
    entry = next(e for e in result.column_report if e["column"] == "Offre")
    assert (entry["dropped"], entry["ignored_values"]) == (2, 2)
    assert (
        sum(w.startswith("2 libellés écartés volontairement (champ « services ») : « Autre »") for w in result.warnings)
        == 1
    )


@pytest.mark.parametrize("number", ["N°", "Numéro", "N° de voie", "numero_voie", "Num voie", "N° rue"])
@pytest.mark.parametrize("street", ["Voie", "Rue", "Libellé voie", "nom_voie", "Nom de la voie"])
def test_a_street_number_and_a_street_become_one_address_number_first(number, street):
    data = _csv(
        "1;Lieu A;12;rue de la Paix;01000;Bourg",
        "2;Lieu B;4 bis;avenue Foch;01000;Bourg",
        header=f"ID;Nom;{number};{street};CP;Commune",
    )

    proposal = propose_profile(read_table(data), source="S", today=date(2024, 4, 2))

    assert proposal.profile.fields["adresse"].columns == [number, street]
    assert proposal.profile.fields["adresse"].join == " "
    result = apply_profile(read_table(data), proposal.profile)
    assert [row["adresse"] for row in result.rows] == ["12 rue de la Paix", "4 bis avenue Foch"]


def test_an_address_column_that_already_holds_the_number_is_left_whole():
    data = _csv("1;Lieu A;12;12 rue de la Paix;01000;Bourg", header="ID;Nom;N°;Adresse;CP;Commune")

    proposal = propose_profile(read_table(data), source="S", today=date(2024, 4, 2))

    assert proposal.profile.fields["adresse"].columns == ["Adresse"]
    assert "N°" in proposal.profile.extra


def _feature(geometry, **properties):
    return {"type": "Feature", "geometry": geometry, "properties": {"nom": "Lieu", **properties}}


def _geojson(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def test_geometry_coordinates_are_kept_beside_properties_of_the_same_name():
    data = _geojson(
        _feature({"type": "Point", "coordinates": [4.8924, 44.9334]}, latitude="x", longitude=""),
        _feature({"type": "Point", "coordinates": [5.05, 44.55]}),
    )

    table = read_table(data, "lieux.geojson")

    assert table.records[0]["latitude"] == "x"
    assert (table.records[0]["geometry.longitude"], table.records[0]["geometry.latitude"]) == ("4.8924", "44.9334")
    assert table.warnings == []
    proposal = propose_profile(table, source="S", today=date(2024, 4, 2))
    assert proposal.profile.fields["longitude"].columns == ["geometry.longitude"]


def test_a_geometry_that_is_not_a_point_gives_its_mean_position_with_one_warning_or_is_kept_whole():
    square = [[[4.0, 44.0], [5.0, 44.0], [5.0, 45.0], [4.0, 45.0]]]
    data = _geojson(
        _feature({"type": "Polygon", "coordinates": square}),
        _feature({"type": "MultiPoint", "coordinates": [[4.0, 44.0], [6.0, 46.0]]}),
        _feature({"type": "Polygon", "coordinates": []}),
    )

    table = read_table(data, "lieux.geojson")

    assert (table.records[0]["geometry.longitude"], table.records[0]["geometry.latitude"]) == ("4.500000", "44.500000")
    assert (table.records[1]["geometry.longitude"], table.records[1]["geometry.latitude"]) == ("5.000000", "45.000000")
    assert json.loads(table.records[2]["geometry"]) == {"type": "Polygon", "coordinates": []}
    assert len(table.warnings) == 1
    assert table.warnings[0].startswith(
        "3 lieux ont une géométrie qui n'est pas un point (Polygon (2), MultiPoint (1))"
    )


def test_an_object_holding_several_lists_names_the_lists_not_read():
    data = json.dumps({"structures": [{"nom": "A"}, {"nom": "B"}], "antennes": [{"nom": "C"}]}).encode()

    table = read_table(data, "lieux.json")

    assert len(table.records) == 2
    assert table.warnings == [
        "Le fichier contient plusieurs listes : seule « structures » (2 objets) a été lue ; la liste « antennes » "
        "(1 objet) n'a pas été lue. Envoyez-la dans un fichier à part s'il s'agit aussi de lieux."
    ]
