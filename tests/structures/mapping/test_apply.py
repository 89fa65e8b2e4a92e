"""A producer's file read into the standard through its profile: every row imported or rejected with a reason."""

import time
from datetime import date

import pytest

from mediane.structures.enums import ImportFormat
from mediane.structures.imports import read_places
from mediane.structures.mapping.apply import PHONE_ASIDE, apply_profile, preview, read_mapped
from mediane.structures.mapping.profile import FieldRule, Profile
from mediane.structures.mapping.propose import propose_profile
from mediane.structures.mapping.tabular import read_table
from mediane.structures.standard import FormatError

from .builders import file_bytes, libraries_like_csv, mobile_network_xlsx
from .builders import minimal_profile as _minimal

TODAY = date(2024, 4, 2)


def _profile(data: bytes, **changes) -> Profile:
    profile = propose_profile(read_table(data), source="Source", today=TODAY).profile
    for name, translations in changes.items():
        profile.fields[name].translations.update(translations)
    return profile


def _csv(*lines: str, header: str = "Nom;Adresse;CP;Ville") -> bytes:
    return "\n".join([header, *lines]).encode()


def test_a_regional_hub_csv_goes_in_whole_with_its_values_cleaned():
    data = file_bytes("hub_regional.csv")

    result = read_mapped(data, "hub.csv", _profile(data))

    assert (len(result.rows), result.rejected) == (4, [])
    first = result.rows[0]
    assert first["id"] == "2"
    assert first["code_postal"] == "01000"
    assert first["telephone"] == "+33474123456"
    assert first["courriels"] == ["contact@espace-bourg.fr"]
    assert first["site_web"] == ["https://www.espace-bourg.fr"]
    assert first["horaires"] == "Mo-Fr 09:00-12:00"
    assert first["services"] == ["Aide aux démarches administratives", "Accès internet et matériel informatique"]
    assert first["frais_a_charge"] == ["Gratuit"]
    assert result.rows[2]["horaires"] == "Mo 09:00-12:00,14:00-17:00; Tu off"
    assert result.rows[2]["publics_specifiquement_adresses"] == []
    assert result.extras[0] == {"Nom du référent": "Marie Curie"}
    assert result.extras[2] == {"Public (libellés écartés)": "Tout public"}  # translated to nothing, kept
    assert any("numéro de sa ligne" in warning for warning in result.warnings)


def test_the_column_report_says_what_happened_to_each_column():
    data = file_bytes("hub_regional.csv")

    report = {e["column"]: e for e in read_mapped(data, "hub.csv", _profile(data)).column_report}

    assert (report["Code postal"]["outcome"], report["Code postal"]["field"]) == ("mapped", "code_postal")
    assert (report["Code postal"]["values"], report["Code postal"]["cleaned"]) == (4, 2)
    assert report["Nom du référent"]["outcome"] == "kept"
    assert report["Colonne vide"] | {"outcome": "ignored", "values": 0, "ignored_values": 0} == report["Colonne vide"]
    defaults = [e for e in read_mapped(data, "hub.csv", _profile(data)).column_report if e["outcome"] == "default"]
    assert {e["field"]: e["defaulted"] for e in defaults} == {"pivot": 4, "date_maj": 4, "source": 4}


def test_a_departements_geojson_goes_in_once_its_unknown_labels_are_translated():
    data = file_bytes("departement.geojson")
    profile = _profile(data, services={"Cuisine collective": []}, publics_specifiquement_adresses={"PMR": []})

    result = read_mapped(data, "lieux.geojson", profile)

    assert (len(result.rows), result.rejected) == (3, [])
    assert result.rows[0]["pivot"] == "13002526500013"
    assert result.rows[0]["publics_specifiquement_adresses"] == ["Seniors"]
    assert result.rows[0]["prise_en_charge_specifique"] == ["Handicaps moteurs"]
    assert result.rows[0]["date_maj"] == "2024-03-12"
    assert result.rows[0]["horaires"] == "Mo,Tu,Th 09:00-12:00,14:00-17:00"
    assert result.rows[2]["horaires"] == "Le matin"
    assert any("horaires gardés tels quels" in w and "enregistrement 3" in w for w in result.warnings)


def test_an_unknown_label_rejects_its_row_with_the_closest_labels():
    data = file_bytes("departement.geojson")

    result = read_mapped(data, "lieux.geojson", _profile(data))

    assert [r.line for r in result.rejected] == [3]
    assert result.rejected[0].messages[0].startswith("Service inconnu : « Cuisine collective ».")
    assert "Ajoutez la traduction de ce libellé dans la correspondance" in result.rejected[0].messages[0]


def test_a_mobile_networks_workbook_with_overseas_phones_and_sirets_with_spaces():
    data = mobile_network_xlsx()

    result = read_mapped(data, "passages.xlsx", _profile(data))

    assert result.rejected == []
    assert [r["telephone"] for r in result.rows] == [
        "+33474123456",
        "+590590123456",
        "+262262200000",
        "+262269611234",
    ]
    assert [r["adresse"] for r in result.rows][:3] == ["4 rue du Marché", "12 rue Frébault", "Rue de Paris"]
    assert result.rows[1]["pivot"] == "35600000000048"
    assert [r["id"] for r in result.rows] == ["2", "3", "4", "5"]


def test_a_near_v0_json_goes_in_with_its_old_labels_translated():
    data = file_bytes("reseau_quasi_v0.json")
    profile = _profile(data, dispositif_programmes_nationaux={"APTIC": []})

    result = read_mapped(data, "reseau.json", profile)

    assert result.rejected == []
    assert result.rows[0]["services"] == [
        "Maîtrise des outils numériques du quotidien",
        "Accès internet et matériel informatique",
    ]
    assert result.rows[0]["publics_specifiquement_adresses"] == ["Seniors"]
    assert result.rows[0]["dispositif_programmes_nationaux"] == ["France Services"]
    assert result.rows[1]["courriels"] == ["teisseire@cs.fr"]


def test_a_duplicate_id_is_rejected_with_both_lines():
    profile = _minimal(id=FieldRule(columns=["Id"]))
    data = _csv("a;A;1 rue;01000;Bourg", "a;B;2 rue;01000;Bourg", header="Id;Nom;Adresse;CP;Ville")

    result = read_mapped(data, "", profile)

    assert [r.line for r in result.rejected] == [3]
    assert "déjà utilisé à la ligne 2" in result.rejected[0].messages[0]


def test_an_impossible_phone_is_set_aside_as_extra_data_and_the_place_goes_in():
    data = _csv("A;1 rue;01000;Bourg;12", header="Nom;Adresse;CP;Ville;Tél")

    result = read_mapped(data, "", _minimal(telephone=FieldRule(columns=["Tél"])))

    assert result.rows[0]["telephone"] == ""
    assert result.extras == [{PHONE_ASIDE: "12"}]


def test_warnings_about_rows_are_aggregated_never_one_per_row():
    lines = [f"L{i};{i} rue;01000;Bourg;Le matin seulement" for i in range(1000)]

    result = read_mapped(_csv(*lines, header="Nom;Adresse;CP;Ville;H"), "", _minimal(horaires=FieldRule(columns=["H"])))

    assert len(result.rows) == 1000
    hours = [w for w in result.warnings if "horaires" in w]
    assert hours == [
        "1\u202f000 lieux : horaires gardés tels quels (impossible de les traduire au format OpenStreetMap) "
        "(champ « horaires ») (lignes 2, 3, 4, 5, 6, …)."
    ]
    assert len(result.warnings) < 6


def test_a_column_named_in_the_profile_but_absent_from_the_file_gets_one_warning():
    result = read_mapped(_csv("A;1 rue;01000;Bourg"), "", _minimal(horaires=FieldRule(columns=["Horaires"])))

    assert len(result.rows) == 1
    assert sum("absente du fichier : « Horaires »" in w for w in result.warnings) == 1


def test_columns_the_profile_does_not_place_refuse_the_import_with_what_to_do():
    header = "Nom;Adresse;CP;Ville;" + ";".join(f"C{i}" for i in range(12))

    with pytest.raises(FormatError) as error:
        read_mapped(_csv("A;1 rue;01000;Bourg" + ";x" * 12, header=header), "", _minimal())

    message = str(error.value)
    assert "« C0 », « C1 »" in message and "« C9 » et 2 autres" in message
    assert "complétez la correspondance" in message


def test_a_long_summary_is_cut_and_the_place_goes_in():
    summary = "Un lieu pour apprendre. " * 20
    data = _csv(f"A;1 rue;01000;Bourg;{summary}", header="Nom;Adresse;CP;Ville;Résumé")

    result = read_mapped(data, "", _minimal(presentation_resume=FieldRule(columns=["Résumé"])))

    assert len(result.rows[0]["presentation_resume"]) <= 280
    assert result.rows[0]["presentation_detail"] == summary.strip()
    assert any("présentation résumée" in w for w in result.warnings)


def test_a_place_with_coordinates_and_no_street_address_is_kept_with_its_commune():
    profile = _minimal(latitude=FieldRule(columns=["Lat"]), longitude=FieldRule(columns=["Lon"]))
    data = _csv("A;;01000;Bourg;46.2;5.2", "B;;01000;Bourg;;", header="Nom;Adresse;CP;Ville;Lat;Lon")

    result = read_mapped(data, "", profile)

    assert [r["nom"] for r in result.rows] == ["A"]
    assert [r.line for r in result.rejected] == [3]
    assert any("sans adresse, gardé avec sa commune" in w for w in result.warnings)


def test_a_csv_line_with_too_many_cells_is_rejected_with_its_reason():
    result = read_mapped(_csv("A;1 rue;01000;Bourg;de trop", "B;2 rue;01000;Bourg"), "", _minimal())

    assert [r["nom"] for r in result.rows] == ["B"]
    assert result.rejected[0].messages[0].startswith("La ligne compte 5 colonnes au lieu de 4")


def test_the_preview_shows_the_first_places_as_they_will_be_imported_even_with_an_unfinished_profile():
    data = file_bytes("departement.geojson")
    table = read_table(data)
    profile = _profile(data)
    del profile.fields["horaires"]

    rows = preview(table, profile, limit=2)
    assert [(r.line, r.values is None) for r in rows] == [(1, False), (2, False)]
    assert rows[1].values["nom"] == "Médiathèque de Die"

    rows = preview(table, profile)
    assert [(r.line, r.values is None) for r in rows] == [(1, False), (2, False), (3, True)]
    assert rows[2].messages[0].startswith("Service inconnu : « Cuisine collective »")


def test_read_places_reads_a_producers_file_through_its_profile():
    data = file_bytes("hub_regional.csv")

    result = read_places(data, ImportFormat.MAPPED, published=TODAY, profile=_profile(data), file_name="hub.csv")

    assert len(result.rows) == 4
    for missing in (None, Profile()):
        with pytest.raises(FormatError, match="n'a pas encore de correspondance"):
            read_places(data, ImportFormat.MAPPED, published=TODAY, profile=missing)


def test_applying_a_profile_stays_well_above_2000_rows_a_second():
    data = libraries_like_csv(6000)
    table = read_table(data)
    profile = propose_profile(table, source="Réseau", today=TODAY).profile

    start = time.process_time()
    result = apply_profile(table, profile)
    elapsed = time.process_time() - start

    assert len(result.rows) + len(result.rejected) == 6000
    assert len(result.rows) == 6000
    assert 6000 / elapsed > 2000
