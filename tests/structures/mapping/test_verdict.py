"""A file sent as the standard that is not: one sentence at the top instead of one rejection per row."""

import json
from datetime import date

import pytest

from mediane.structures.enums import ImportFormat
from mediane.structures.imports import read_places
from mediane.structures.standard import FormatError

from .builders import file_bytes

PUBLISHED = date(2024, 3, 15)
PLACE = {
    "id": "1",
    "nom": "A",
    "pivot": "00000000000000",
    "commune": "B",
    "code_postal": "01000",
    "adresse": "1 rue",
    "date_maj": "2021-05-05",
}
PRODUCER_RECORDS = [{"nom_lieu": f"Lieu {i}", "cp": "01000", "ville": "Bourg"} for i in range(3000)]


def _read(data: bytes, file_format: str):
    return read_places(data, file_format, published=PUBLISHED)


def test_a_producers_csv_sent_as_the_standard_gets_one_sentence():
    with pytest.raises(FormatError) as error:
        _read(file_bytes("hub_regional.csv"), ImportFormat.STANDARD_CSV)

    assert str(error.value) == (
        "Ce fichier n'est pas au standard : 0 des 7 champs obligatoires trouvés ; colonnes trouvées : "
        "Nom de la structure, Adresse postale, Code postal, Ville, Téléphone, Mail, Site internet, Horaires "
        "d'ouverture, Thématiques, Public… (13 en tout). Créez une correspondance pour cette source (« Fichier "
        "d'un producteur »)."
    )


def test_a_producers_json_sent_as_the_standard_gets_one_sentence_not_one_rejection_per_record():
    with pytest.raises(FormatError) as error:
        _read(json.dumps(PRODUCER_RECORDS).encode(), ImportFormat.STANDARD_JSON)

    assert str(error.value) == (
        "Ce fichier n'est pas au standard : 0 des 7 champs obligatoires trouvés ; colonnes trouvées : nom_lieu, cp, "
        "ville (3 en tout). Créez une correspondance pour cette source (« Fichier d'un producteur »)."
    )


@pytest.mark.parametrize("name", ["departement.geojson"])
def test_a_geojson_or_an_object_holding_the_places_sent_as_the_standard_gets_the_verdict(name):
    with pytest.raises(FormatError, match="Ce fichier n'est pas au standard : 1 des 7"):
        _read(file_bytes(name), ImportFormat.STANDARD_JSON)
    with pytest.raises(FormatError, match="colonnes trouvées : nom_lieu, cp, ville"):
        _read(json.dumps({"data": PRODUCER_RECORDS}).encode(), ImportFormat.STANDARD_JSON)


def test_the_verdict_never_quotes_more_than_200_characters_of_column_names():
    records = [{f"colonne numéro {i} " + "x" * 60: "v" for i in range(40)}]

    with pytest.raises(FormatError) as error:
        _read(json.dumps(records).encode(), ImportFormat.STANDARD_JSON)

    listed = str(error.value).split("colonnes trouvées : ")[1].split(" (40 en tout)")[0]
    assert len(listed) <= 210


def test_a_json_missing_some_required_fields_in_every_record_gets_one_sentence():
    records = [
        {"id": str(i), "nom": "A", "commune": "B", "code_postal": "01000", "adresse": "1 rue"} for i in range(50)
    ]

    with pytest.raises(FormatError, match="Champs obligatoires absents de tous les lieux du fichier : pivot, date_maj"):
        _read(json.dumps(records).encode(), ImportFormat.STANDARD_JSON)


def test_a_v0_file_sent_as_the_standard_is_pointed_to_the_old_format():
    v0 = [PLACE | {"services": "Accéder à du matériel;Prendre en main un ordinateur"}]

    with pytest.raises(FormatError) as error:
        _read(json.dumps(v0).encode(), ImportFormat.STANDARD_JSON)
    assert str(error.value) == ("Ce fichier semble être à l'ancien format v0 : choisissez « Ancien format v0 (JSON) ».")
    with pytest.raises(FormatError, match="ancien format v0"):
        _read(json.dumps([{**v0[0], "publics_accueillis": "Adultes"}]).encode(), ImportFormat.STANDARD_JSON)
    with pytest.raises(FormatError, match="ancien format v0 : enregistrez-le en JSON"):
        _read(b"id,nom,publics_accueillis,conditions_acces\n1,A,Adultes,Gratuit\n", ImportFormat.STANDARD_CSV)


def test_a_v1_file_with_extra_keys_is_not_taken_for_v0_and_keeps_them():
    record = PLACE | {"commune": "Nouméa", "code_postal": "98800", "courriel": "a@b.nc", "labels_autres": "ZRR"}

    result = _read(json.dumps([record]).encode(), ImportFormat.STANDARD_JSON)

    assert len(result.rows) == 1
    assert result.extras == [{"courriel": "a@b.nc", "labels_autres": "ZRR"}]


def test_the_v0_reader_maps_national_labels_acceslibre_and_keeps_what_has_no_v1_equivalent():
    record = PLACE | {
        "labels_nationaux": "France Services;CNFS;APTIC;Pass numérique;Mon Espace Santé",
        "accessibilite": "https://acceslibre.beta.gouv.fr/app/01-bourg/a/mairie/erp/mairie/",
        "courriel": "a@b.fr",
        "structureParente": "Réseau des médiathèques",
        "horaires_texte": "le matin",
    }

    result = _read(json.dumps([record]).encode(), ImportFormat.LEGACY_JSON)

    row = result.rows[0]
    assert row["dispositif_programmes_nationaux"] == ["France Services", "Conseillers numériques"]
    assert row["formations_labels"] == ["Formé à « Mon Espace Santé »"]
    assert row["autres_formations_labels"] == "APTIC, Pass numérique"
    assert row["fiche_acces_libre"].startswith("https://acceslibre.beta.gouv.fr/")
    assert row["courriels"] == ["a@b.fr"]
    assert row["structure_parente"] == "Réseau des médiathèques"
    assert result.extras[0]["horaires_texte"] == "le matin"


def test_a_standard_csv_keeps_its_unknown_columns_as_extra_data():
    data = file_bytes_standard_with_extra()

    result = _read(data, ImportFormat.STANDARD_CSV)

    assert result.extras == [{"Référent": "Marie"}]
    assert "gardée avec le lieu comme donnée supplémentaire" in result.warnings[0]


def file_bytes_standard_with_extra() -> bytes:
    return (
        "id,pivot,nom,commune,code_postal,adresse,date_maj,Référent\n"
        "1,00000000000000,A,Bourg,01000,1 rue,2024-01-01,Marie\n"
    ).encode()
