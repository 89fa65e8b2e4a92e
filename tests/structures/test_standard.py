"""The codec of the national standard « lieux de médiation numérique »: reading, checking and writing."""

import json
import re
from pathlib import Path

import frictionless
import pytest

from mediane.structures import standard
from mediane.structures.standard import (
    FIELD_NAMES,
    FIELDS,
    PIVOT_PLACEHOLDER,
    SERVICES,
    VOCABULARIES,
    FormatError,
    rna_is_valid,
    siret_is_valid,
    validate_row,
    write_csv,
    write_json,
)
from mediane.structures.standard_readers import (
    LEGACY_FRAIS,
    LEGACY_MODALITES_ACCOMPAGNEMENT,
    LEGACY_PUBLICS,
    LEGACY_SERVICES,
    decode,
    read_csv,
    read_json,
    read_legacy_json,
)

SCHEMA = Path(__file__).parent / "data" / "schema.json"
REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "lieux"

HEADER = ",".join(FIELD_NAMES)
# Two places written by hand from the schema: every field filled on the first one, the required ones and a
# multi-line description on the second.
VALID_CSV = (
    HEADER + "\r\n"
    "bib-1,43493312300029,Médiathèque des Deux Rives,Reims,51100,51454,12 bis rue Leclercq,Rez-de-chaussée,"
    "49.25,4.03,BIB|MUNI,+33326000000,contact@mediatheque.example|accueil@mediatheque.example,"
    'https://mediatheque.example/,"Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",'
    "Ateliers numériques pour tous.,Un espace public numérique au cœur de la médiathèque.,Ville de Reims,"
    "Fixe,Ville de Reims,2024-04-02,Aide aux démarches administratives|Loisirs et créations numériques,"
    "Seniors|Familles et/ou enfants,Surdité|Langues étrangères (anglais),Gratuit,"
    "Conseillers numériques|France Services,Étapes numériques(La Poste)|ORDI 3.0,Label de la ville,"
    "Se présenter|Ce lieu n'accueille pas de public,En autonomie|À distance,"
    "https://acceslibre.beta.gouv.fr/app/51-reims/a/bibliotheque/erp/mediatheque/,https://rdv.example/\r\n"
    "asso-2,W511234567,Connectés ensemble,Épernay,51200,,3 place de la République,,,,,,,,,,"
    '"Permanences le mardi.\nAteliers le jeudi,\nsur inscription.",,,,2024-01-15,,,,,,,,,,,\r\n'
)


def _csv(*lines: str) -> str:
    return "\r\n".join([HEADER, *lines]) + "\r\n"


def _values(**values: str) -> dict[str, str]:
    """The raw values of a valid place, with some fields replaced."""
    base = {
        "id": "lieu-1",
        "pivot": "43493312300029",
        "nom": "Médiathèque",
        "commune": "Reims",
        "code_postal": "51100",
        "adresse": "1 rue Haute",
        "date_maj": "2024-04-02",
    }
    return base | values


def _line(**values: str) -> str:
    """A CSV line of a valid place, with some fields replaced."""
    cells = [_values(**values).get(name, "") for name in FIELD_NAMES]
    return ",".join(f'"{cell}"' if "," in cell or "\n" in cell else cell for cell in cells)


def _only_rejection(result):
    assert result.rows == []
    assert len(result.rejected) == 1
    return result.rejected[0]


# --- The schema -------------------------------------------------------------------------------------------------


def test_the_fields_are_those_of_the_schema_in_its_order():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    assert schema["version"] == "v1.0.2"
    assert [(f.name, f.title, f.type, f.required) for f in FIELDS] == [
        (f["name"], f["title"], f["type"], f["constraints"].get("required", False)) for f in schema["fields"]
    ]
    assert len(FIELDS) == 32


def test_the_vocabularies_are_those_of_the_schema_character_for_character():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    vocabularies = {}
    for field in schema["fields"]:
        pattern = field["constraints"].get("pattern", "")
        if pattern.startswith(r"(?:(?:^|\|)("):
            inner = pattern.removeprefix(r"(?:(?:^|\|)(").removesuffix("))+$")
            vocabularies[field["name"]] = tuple(v.replace(r"\(", "(").replace(r"\)", ")") for v in inner.split("|"))
        else:
            assert standard.FIELDS_BY_NAME[field["name"]].pattern == pattern

    assert vocabularies == VOCABULARIES
    assert "Étapes numériques(La Poste)" in standard.FORMATIONS_LABELS
    assert "Ce lieu n'accueille pas de public" in standard.MODALITES_ACCES


def test_every_vocabulary_value_passes_the_schema_pattern_with_a_full_match():
    schema = {f["name"]: f for f in json.loads(SCHEMA.read_text(encoding="utf-8"))["fields"]}

    for name, vocabulary in VOCABULARIES.items():
        pattern = schema[name]["constraints"]["pattern"]
        assert re.fullmatch(pattern, "|".join(vocabulary))
        assert all(re.fullmatch(pattern, label) for label in vocabulary)


# --- Identifiers ----------------------------------------------------------------------------------------------------


def test_a_siret_is_fourteen_digits_with_a_luhn_checksum():
    assert siret_is_valid("43493312300029")
    assert not siret_is_valid("43493312300028")
    assert not siret_is_valid("4349331230002")
    assert not siret_is_valid("4349331230002A")
    assert not siret_is_valid("434 933 123 00029")


def test_la_poste_sirets_follow_their_own_rule_of_a_digit_sum_multiple_of_five():
    assert siret_is_valid("35600000010000")  # digit sum 15, Luhn fails
    assert siret_is_valid("35600000000048")  # the head office, Luhn holds
    assert not siret_is_valid("35600000010001")


def test_an_rna_number_is_w_then_nine_capital_letters_or_digits():
    assert rna_is_valid("W751234567")
    assert rna_is_valid("W2A1234567")
    assert not rna_is_valid("W75123456")
    assert not rna_is_valid("X751234567")
    assert not rna_is_valid("w751234567")


def test_the_pivot_takes_a_siret_an_rna_a_ridet_or_the_placeholder():
    for pivot in ("43493312300029", "W751234567", "w751234567", "1234567001", PIVOT_PLACEHOLDER, "434 933 123 00029"):
        assert validate_row(_values(pivot=pivot))[1] == [], pivot
    assert validate_row(_values(pivot="w751234567"))[0]["pivot"] == "W751234567"
    assert validate_row(_values(pivot="434 933 123 00029"))[0]["pivot"] == "43493312300029"


def test_a_bad_siret_is_rejected_with_where_to_check_it():
    rejection = _only_rejection(read_csv(_csv(_line(pivot="43493312300028"))))

    assert rejection.messages == (
        "SIRET invalide : « 43493312300028 » (la clé de contrôle ne correspond pas). Vérifiez-le sur "
        "annuaire-entreprises.data.gouv.fr.",
    )


def test_a_bad_rna_number_or_a_too_short_pivot_is_rejected():
    assert validate_row(_values(pivot="W75123456Z!"))[1][0].startswith("Identifiant pivot invalide")
    assert validate_row(_values(pivot="W75123456789"))[1][0].startswith("Numéro RNA invalide")
    assert validate_row(_values(pivot="12345"))[1][0].startswith("Identifiant pivot invalide")


# --- Reading CSV ----------------------------------------------------------------------------------------------------


def test_a_valid_file_is_read_whole_into_normalised_rows():
    result = read_csv(VALID_CSV)

    assert result.rejected == []
    assert result.warnings == []
    first, second = result.rows
    assert first["services"] == ["Aide aux démarches administratives", "Loisirs et créations numériques"]
    assert first["formations_labels"] == ["Étapes numériques(La Poste)", "ORDI 3.0"]
    assert first["horaires"] == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"
    assert first["latitude"] == "49.25"
    assert second["pivot"] == "W511234567"
    assert second["services"] == []
    assert second["code_insee"] == ""
    assert second["presentation_detail"] == "Permanences le mardi.\nAteliers le jeudi,\nsur inscription."
    assert list(first) == list(FIELD_NAMES)


def test_values_are_stripped_and_repeated_or_empty_multi_values_dropped():
    result = read_csv(
        _csv(
            _line(
                nom="  Médiathèque ",
                services=" Aide aux démarches administratives || Aide aux démarches administratives|",
            )
        )
    )

    assert result.rows[0]["nom"] == "Médiathèque"
    assert result.rows[0]["services"] == ["Aide aux démarches administratives"]


def test_a_byte_order_mark_is_stripped():
    assert len(read_csv("\ufeff" + VALID_CSV).rows) == 2


def test_a_bad_postal_code_is_rejected():
    rejection = _only_rejection(read_csv(_csv(_line(id="lieu-7", code_postal="5110"))))

    assert rejection.line == 2
    assert rejection.id == "lieu-7"
    assert rejection.messages == ("Code postal invalide : « 5110 ». Il compte 5 chiffres, par exemple 51100 ou 01000.",)


def test_an_unknown_service_is_rejected_with_the_closest_label_suggested():
    rejection = _only_rejection(read_csv(_csv(_line(services="Aide aux demarches"))))

    assert rejection.messages == (
        "Service inconnu : « Aide aux demarches ». Vouliez-vous dire « Aide aux démarches administratives » ?",
    )


def test_a_curly_apostrophe_suggests_the_straight_one_of_the_standard():
    rejection = _only_rejection(read_csv(_csv(_line(modalites_acces="Ce lieu n’accueille pas de public"))))

    assert rejection.messages[0].endswith("Vouliez-vous dire « Ce lieu n'accueille pas de public » ?")


def test_a_label_far_from_any_lists_the_possible_values():
    rejection = _only_rejection(read_csv(_csv(_line(frais_a_charge="Sur devis"))))

    assert rejection.messages == (
        "Frais à charge inconnus : « Sur devis ». Valeurs possibles : « Gratuit », « Gratuit sous condition », "
        "« Payant ».",
    )


def test_a_missing_required_value_is_rejected_and_every_error_of_the_row_is_listed():
    rejection = _only_rejection(read_csv(_csv(_line(commune="", date_maj="02/04/2024", telephone="03 26 00 00 00"))))

    assert rejection.messages == (
        "Le champ obligatoire « Commune » (commune) est vide : renseignez-le.",
        "Numéro de téléphone invalide : « 03 26 00 00 00 ». Écrivez-le au format international, sans espace ni point "
        "et sans le premier zéro, par exemple +33180059880 (ici : +33326000000).",
        "Date de mise à jour invalide : « 02/04/2024 ». Écrivez la date au format année-mois-jour, par exemple "
        "2024-04-02 (ici : 2024-04-02).",
    )


def test_coordinates_must_be_numbers_within_range_with_a_decimal_point():
    assert validate_row(_values(latitude="91"))[1] == [
        "Latitude invalide : « 91 ». Indiquez un nombre entre -90 et 90 (système WGS84), par exemple 43.52609."
    ]
    assert validate_row(_values(longitude="4,03"))[1][0].endswith("Le séparateur décimal est le point, pas la virgule.")
    assert validate_row(_values(longitude="nan"))[1]
    assert validate_row(_values(latitude="-21.1", longitude="55.5"))[1] == []


def test_the_short_presentation_keeps_to_280_characters_and_the_insee_code_to_its_pattern():
    assert validate_row(_values(presentation_resume="a" * 280))[1] == []
    assert validate_row(_values(presentation_resume="a" * 281))[1] == [
        "« Présentation résumé » compte 281 caractères, pour 280 au plus : raccourcissez le texte."
    ]
    assert validate_row(_values(code_insee="2A004"))[1] == []
    assert validate_row(_values(code_insee="20004"))[1][0].startswith("Code INSEE invalide")


def test_a_duplicate_id_rejects_the_second_occurrence_naming_the_first_line():
    result = read_csv(_csv(_line(id="lieu-1"), _line(id="lieu-2"), _line(id="lieu-1", nom="Autre")))

    assert [row["id"] for row in result.rows] == ["lieu-1", "lieu-2"]
    rejection = result.rejected[0]
    assert (rejection.line, rejection.id) == (4, "lieu-1")
    assert rejection.messages == (
        "Identifiant « lieu-1 » déjà utilisé à la ligne 2 : chaque lieu doit avoir un identifiant unique.",
    )


def test_line_numbers_count_the_physical_lines_of_multi_line_values():
    text = _csv(
        _line(id="a", presentation_detail="Première ligne\nDeuxième ligne\nTroisième ligne"),
        _line(id="b", code_postal="1"),
    )

    result = read_csv(text)

    assert [row["id"] for row in result.rows] == ["a"]
    assert result.rejected[0].line == 5  # header 1, place « a » on lines 2 to 4


def test_an_unclosed_quote_rejects_the_rest_of_the_file_saying_which_lines():
    text = _csv(_line(id="a"), _line(id="b").replace("Médiathèque", '"Médiathèque'), _line(id="c"))

    result = read_csv(text)

    assert [row["id"] for row in result.rows] == ["a"]
    assert result.rejected[0].line == 3
    assert result.rejected[0].messages[0].startswith("Guillemet ouvert jamais refermé : les lignes 3 à 4")


def test_a_row_with_the_wrong_number_of_columns_is_rejected_and_trailing_separators_are_tolerated():
    result = read_csv(_csv(_line(id="a") + ",,", _line(id="b") + ",en trop", "c,d"))

    assert [row["id"] for row in result.rows] == ["a"]
    assert [(r.line, r.id) for r in result.rejected] == [(3, "b"), (4, "c")]
    assert result.rejected[0].messages[0].startswith("La ligne compte 33 colonnes au lieu de 32")


def test_a_misplaced_quote_rejects_only_its_line():
    text = _csv(_line(id="a"), _line(id="b").replace("Médiathèque", '"Média"thèque'), _line(id="c"))

    result = read_csv(text)

    assert [row["id"] for row in result.rows] == ["a", "c"]
    assert result.rejected[0].line == 3
    assert result.rejected[0].messages[0].startswith("Guillemets mal placés")


def test_empty_lines_are_skipped_with_a_warning():
    result = read_csv(_csv(_line(id="a"), "", ",,,", _line(id="b")))

    assert len(result.rows) == 2
    assert result.warnings == ["2 lignes vides ignorées."]


def test_a_semicolon_file_with_an_unambiguous_header_is_read_with_a_warning():
    text = VALID_CSV.splitlines()[0].replace(",", ";") + "\n" + _line().replace(",", ";") + "\n"

    result = read_csv(text)

    assert len(result.rows) == 1
    assert result.warnings[0].startswith("Le fichier utilise le point-virgule (;) comme séparateur")


def test_a_file_whose_separator_is_not_the_comma_and_is_ambiguous_is_refused():
    text = "id;pivot;nom;commune;code_postal;adresse\nlieu-1;43493312300029;Médiathèque;Reims;51100;1 rue Haute\n"

    with pytest.raises(FormatError, match=r"Le séparateur du fichier est le point-virgule \(;\)"):
        read_csv(text)
    with pytest.raises(FormatError, match="la tabulation"):
        read_csv(HEADER.replace(",", "\t") + "\n")


def test_a_header_without_the_required_columns_is_refused():
    with pytest.raises(FormatError, match="Colonnes obligatoires absentes de la première ligne : pivot, date_maj"):
        read_csv("id,nom,commune,code_postal,adresse\nlieu-1,Médiathèque,Reims,51100,1 rue Haute\n")
    with pytest.raises(FormatError, match="vide"):
        read_csv("\n")


def test_missing_optional_columns_read_empty_and_unknown_ones_are_kept_as_extra_data_with_a_warning():
    text = (
        "id,pivot,nom,commune,code_postal,adresse,date_maj,courriel\n"
        "lieu-1,W751234567,M,Reims,51100,1 rue,2024-01-01,a@b.fr\n"
    )

    result = read_csv(text)

    assert result.rows[0]["services"] == []
    assert result.extras == [{"courriel": "a@b.fr"}]
    assert result.warnings[0] == (
        "La colonne « courriel » ne fait pas partie du standard : elle est gardée avec le lieu comme donnée "
        "supplémentaire. S'il s'agit de « courriels », renommez la colonne."
    )
    assert result.warnings[1].startswith("Colonnes absentes, lues comme vides : code_insee, complement_adresse")


def test_every_input_row_is_either_valid_or_rejected_with_a_reason():
    lines = [_line(id=str(i), code_postal="51100" if i % 3 else "x") for i in range(30)]

    result = read_csv(_csv(*lines))

    assert len(result.rows) + len(result.rejected) == 30
    assert all(r.messages for r in result.rejected)


# --- Decoding --------------------------------------------------------------------------------------------------------


def test_utf8_with_or_without_bom_decodes_silently():
    assert decode("é".encode()) == ("é", [])
    assert decode("\ufeffé".encode()) == ("é", [])


def test_a_windows_1252_file_decodes_with_a_warning():
    text, warnings = decode(VALID_CSV.encode("cp1252"))

    assert text == VALID_CSV
    assert warnings == [
        "Le fichier n'était pas encodé en UTF-8 : il a été lu comme un fichier Windows (Windows-1252). Vérifiez les "
        "accents, et enregistrez-le désormais au format « CSV UTF-8 »."
    ]
    assert len(read_csv(text).rows) == 2


def test_an_undecodable_file_or_a_spreadsheet_is_refused():
    with pytest.raises(FormatError, match="encodage inconnu"):
        decode(b"id\x81\x8d")
    with pytest.raises(FormatError, match="classeur"):
        decode(b"PK\x03\x04rest")


# --- Reading JSON ----------------------------------------------------------------------------------------------------


def test_json_records_are_numbered_from_one_and_extra_keys_are_kept_with_a_warning():
    records = [
        _values(id="a") | {"latitude": 49.25, "courriel": "a@b.fr"},
        _values(id="b", code_postal="5110"),
        "not a record",
        _values(id="c") | {"services": ["Aide aux démarches administratives"], "code_postal": 51100},
    ]

    result = read_json(json.dumps(records))

    assert [row["id"] for row in result.rows] == ["a", "c"]
    assert result.rows[0]["latitude"] == "49.25"
    assert result.rows[1]["services"] == ["Aide aux démarches administratives"]
    assert [(r.line, r.id) for r in result.rejected] == [(2, "b"), (3, None)]
    assert result.extras == [{"courriel": "a@b.fr"}, {}]
    assert result.warnings == [
        "La colonne « courriel » ne fait pas partie du standard : elle est gardée avec le lieu comme donnée "
        "supplémentaire (1 enregistrement). S'il s'agit de « courriels », renommez la colonne."
    ]


def test_a_json_value_of_the_wrong_type_rejects_its_record():
    rejection = _only_rejection(read_json(json.dumps([_values() | {"nom": {"fr": "M"}, "itinerance": True}])))

    assert rejection.messages[:2] == (
        "La valeur de « nom » doit être un texte ou un nombre.",
        "La valeur de « itinerance » doit être un texte ou une liste de textes.",
    )


def test_json_that_is_not_a_list_of_places_is_refused():
    with pytest.raises(FormatError, match="ligne 1, colonne"):
        read_json("[{")
    with pytest.raises(FormatError, match="une liste de lieux"):
        read_json('{"id": "a"}')


# --- Legacy v0 -------------------------------------------------------------------------------------------------------

LEGACY_RECORD = {
    "id": "0",
    "nom": "Maison de services au public",
    "services": "Accéder à une connexion internet;Accéder à du matériel;Accompagner les démarches de santé",
    "pivot": PIVOT_PLACEHOLDER,
    "commune": "Abondance",
    "code_postal": "74360",
    "adresse": "Place du champ de foire",
    "latitude": 46.27947045,
    "longitude": 6.720031881096503,
    "courriel": "accueil@msap.example",
    "site_web": "https://a.example;https://b.example",
    "publics_accueillis": "Adultes;Jeunes (16-26 ans);Surdité;Public langues étrangères",
    "conditions_acces": "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer",
    "modalites_accompagnement": "Seul : j'ai accès à du matériel et une connexion",
    "horaires": "Tu-Fr 09:00-12:00; Sa 09:00-12:00",
    "source": "Hinaura",
    "date_maj": "2021-05-05",
}


def test_a_legacy_record_is_translated_to_the_v1_labels():
    result = read_legacy_json(json.dumps([LEGACY_RECORD]))

    (row,) = result.rows
    assert row["services"] == ["Accès internet et matériel informatique", "Aide aux démarches administratives"]
    assert row["publics_specifiquement_adresses"] == ["Jeunes"]
    assert row["prise_en_charge_specifique"] == ["Surdité", "Langues étrangères (autres)"]
    assert row["frais_a_charge"] == ["Payant"]
    assert row["modalites_accompagnement"] == ["En autonomie"]
    assert row["courriels"] == ["accueil@msap.example"]
    assert row["site_web"] == ["https://a.example", "https://b.example"]
    assert row["horaires"] == "Tu-Fr 09:00-12:00; Sa 09:00-12:00"
    assert result.warnings == [
        "1 lieu sans SIRET (pivot 00000000000000) : renseignez son SIRET ou numéro RNA dès que possible."
    ]


def test_an_unmapped_legacy_label_rejects_its_record_saying_which():
    record = LEGACY_RECORD | {"services": "Accéder à du matériel;Apprendre à coder", "publics_accueillis": "Marins"}

    rejection = _only_rejection(read_legacy_json(json.dumps([record])))

    assert rejection.line == 1
    assert rejection.messages[0].startswith("Service de l'ancien format sans correspondance : « Apprendre à coder ».")
    assert rejection.messages[1].startswith("Public de l'ancien format sans correspondance : « Marins ».")


def test_a_legacy_value_already_in_v1_is_kept():
    record = LEGACY_RECORD | {"services": "Loisirs et créations numériques"}

    assert read_legacy_json(json.dumps([record])).rows[0]["services"] == ["Loisirs et créations numériques"]


def test_every_legacy_mapping_targets_labels_of_the_standard():
    for table, field in (
        (LEGACY_SERVICES, "services"),
        (LEGACY_FRAIS, "frais_a_charge"),
        (LEGACY_MODALITES_ACCOMPAGNEMENT, "modalites_accompagnement"),
    ):
        for labels in table.values():
            assert labels and set(labels) <= set(VOCABULARIES[field])
    for targets in LEGACY_PUBLICS.values():
        for field, label in targets:
            assert label in VOCABULARIES[field]
    assert set(LEGACY_SERVICES.values()) <= {(label,) for label in SERVICES}


# --- Writing ---------------------------------------------------------------------------------------------------------


def test_a_csv_round_trip_gives_the_same_rows():
    rows = read_csv(VALID_CSV).rows

    export = write_csv(rows)

    assert export.splitlines()[0] == HEADER
    assert export.endswith("\r\n")
    assert read_csv(export).rows == rows
    assert read_csv(export).warnings == []


def test_a_formula_cell_is_written_with_a_quote_that_reading_takes_off():
    rows = read_csv(_csv(_line(nom="=cmd|' /C calc'!A0", adresse="+1 rue du Piège", telephone="+33326000000"))).rows

    export = write_csv(rows)

    assert "'=cmd|' /C calc'!A0,Reims" in export and "'+1 rue du Piège" in export
    assert ",+33326000000," in export
    assert read_csv(export).rows == rows


def test_a_json_round_trip_gives_the_same_rows():
    rows = read_csv(VALID_CSV).rows

    export = write_json(rows)

    assert json.loads(export)[0]["latitude"] == 49.25
    assert "code_insee" not in json.loads(export)[1]
    assert read_json(export).rows == rows


def test_the_writers_refuse_a_field_outside_the_standard():
    with pytest.raises(ValueError, match="courriel"):
        write_csv([{"courriel": "a@b.fr"}])


def _frictionless_errors(path: Path) -> list:
    # frictionless refuses absolute paths outside its working directory unless the context is trusted.
    with frictionless.system.use_context(trusted=True):
        report = frictionless.validate(str(path), schema=str(SCHEMA))
    return [] if report.valid else report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_csv_export_passes_frictionless_validation_against_the_schema(tmp_path):
    export = tmp_path / "lieux.csv"
    export.write_text(write_csv(read_csv(VALID_CSV).rows), encoding="utf-8", newline="")

    errors = _frictionless_errors(export)

    assert errors == [], errors


def test_frictionless_sees_the_error_that_the_reader_rejects(tmp_path):
    # The check above can fail: a row this codec rejects is invalid for frictionless too.
    rows = read_csv(VALID_CSV).rows
    rows[0] = rows[0] | {"code_postal": "5110"}
    export = tmp_path / "lieux.csv"
    export.write_text(write_csv(rows), encoding="utf-8", newline="")

    assert [e[1:3] for e in _frictionless_errors(export)] == [["code_postal", "constraint-error"]]


# --- Real data (../shared/data) ---------------------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.skipif(not REAL.exists(), reason="../shared/data is absent")
def test_the_official_valid_example_reads_valid():
    text, warnings = decode((REAL / "exemple-valide.csv").read_bytes())

    result = read_csv(text)

    assert warnings == []
    assert result.rejected == []
    assert result.warnings == []
    assert result.rows[0]["id"] == "structure-1"


@pytest.mark.realdata
@pytest.mark.skipif(not REAL.exists(), reason="../shared/data is absent")
def test_the_nouvelle_caledonie_records_are_all_kept_with_their_too_long_short_presentations_cut(tmp_path):
    records = json.loads((REAL / "nouvelle-caledonie-schema-v1.json").read_text(encoding="utf-8"))
    result = read_json((REAL / "nouvelle-caledonie-schema-v1.json").read_text(encoding="utf-8"))

    # 12 of the 90 places have a presentation_resume longer than the schema's 280 characters (maxLength): it is cut
    # at a sentence, and the whole text is in the detailed presentation.
    assert (len(result.rows), len(result.rejected)) == (90, 0)
    long = [r for r in records if len(r.get("presentation_resume") or "") > 280]
    assert len(long) == 12
    by_id = {row["id"]: row for row in result.rows}
    for record in long:
        row = by_id[record["id"]]
        assert len(row["presentation_resume"]) <= 280
        assert record["presentation_resume"].strip() in row["presentation_detail"]
    assert any(w.startswith("12 lieux : présentation résumée de plus de 280 caractères") for w in result.warnings)
    assert any("« courriel »" in w for w in result.warnings)
    assert any("« labels_autres »" in w for w in result.warnings)
    export = tmp_path / "nc.csv"
    export.write_text(write_csv(result.rows), encoding="utf-8", newline="")
    assert _frictionless_errors(export) == []


@pytest.mark.realdata
@pytest.mark.skipif(not REAL.exists(), reason="../shared/data is absent")
def test_the_legacy_hub_records_all_map_to_the_standard(tmp_path):
    result = read_legacy_json((REAL / "auvergne-rhone-alpes-hub-legacy.json").read_text(encoding="utf-8"))

    assert (len(result.rows), len(result.rejected)) == (687, 0)
    assert result.warnings == [
        "687 lieux sans SIRET (pivot 00000000000000) : renseignez leur SIRET ou numéro RNA dès que possible."
    ]
    assert all(row["services"] for row in result.rows)
    export = tmp_path / "hub.csv"
    export.write_text(write_csv(result.rows), encoding="utf-8", newline="")
    assert _frictionless_errors(export) == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"latitude": "٤٥.٧"}, "Latitude invalide : « ٤٥.٧ »"),
        ({"longitude": "４.８"}, "Longitude invalide : « ４.８ »"),
        ({"code_postal": "٥١١٠٠"}, "Code postal invalide : « ٥١١٠٠ »"),
        ({"code_insee": "５１４５４"}, "Code INSEE invalide : « ５１４５４ »"),
    ],
    ids=["arabic-indic-latitude", "fullwidth-longitude", "arabic-indic-postal-code", "fullwidth-insee"],
)
def test_numbers_and_codes_take_the_digits_0_to_9_only(values, message):
    """The schema's `\\d` means 0 to 9, as in JavaScript; Python's would take every script's digits."""
    assert validate_row(_values(**values))[1][0].startswith(message)


def test_a_control_character_rejects_the_line_and_names_the_field():
    result = read_csv(_csv(_line(id="lieu-1"), _line(id="lieu-2", nom="Média\x1bthèque")))
    assert [row["id"] for row in result.rows] == ["lieu-1"]
    [rejection] = result.rejected
    assert rejection.line == 3
    assert rejection.messages == (
        "« Nom » (nom) : caractère invisible interdit (U+001B, échappement), souvent venu d'un copier-coller. "
        "Effacez-le, ou retapez le texte.",
    )
