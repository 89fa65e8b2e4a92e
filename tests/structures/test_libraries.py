import csv
import gzip
import io
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from mediane.structures import standard, standard_readers
from mediane.structures.libraries import (
    BIBLIOBUS,
    CLOSED_RESERVE,
    DEPARTMENTAL_LIBRARY,
    INTERNET_ACCESS,
    NO_PUBLIC,
    OPEN_BUILDING,
    SOURCE,
    read_libraries,
)

# ../shared/data beside the checkout (a worktree of the checkout is one folder deeper).
SHARED = next(
    (
        folder / "shared" / "data"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "data").is_dir()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "data",
)
PATH = SHARED / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz"

PUBLISHED = date(2024, 3, 15)

HEADER = (
    "Code_bib,nom_de_l_etablissement,Adresse,code_region,Région,code_departement,Département,CP,Ville,"
    "Population commune,Longitude,Latitude,type_adresse,site_internet,site_internet_accessible,nombre_de_places,"
    "ouverture_le_dimanche,connexion_wi_fi,nombre_de_livres,nombre_d_entrees,depenses_action_culturelle,"
    "depenses_documentaires,etp_salaries,etp_salaries_non_titulaires,Nombre de bénévoles,"
    "temps_de_travail_des_benevoles,Nombre de salariés,gratuite_des_services,nombre_actions_culturelles,"
    "pop_touchee_actions_culturelles"
)
COLUMNS = next(csv.reader([HEADER]))


def line(
    code,
    name,
    address,
    postal_code,
    commune,
    *,
    departement="03",
    departement_name="Allier",
    region="84",
    longitude="",
    latitude="",
    kind=OPEN_BUILDING,
    website="",
    wifi="",
    free="",
    delimiter=",",
):
    """One data line of the Ministry's file, as it writes them (survey figures included)."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        {
            "Code_bib": code,
            "nom_de_l_etablissement": name,
            "Adresse": address,
            "code_region": region,
            "Région": "ARA",
            "code_departement": departement,
            "Département": departement_name,
            "CP": postal_code,
            "Ville": commune,
            "Population commune": "6059",
            "Longitude": longitude,
            "Latitude": latitude,
            "type_adresse": kind,
            "site_internet": website,
            "connexion_wi_fi": wifi,
            "nombre_de_livres": "12000.0",
            "gratuite_des_services": free,
        }
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(cells.values())
    return buffer.getvalue()


# One line per case, in the order of the physical lines 2 to 11.
SAMPLE = (
    HEADER
    + "\n"
    + "".join(
        [
            line(
                "LI101",
                "Médiathèque Boris Vian",
                "Place de la  Comédie",
                "03100",
                "Montluçon",
                longitude="2.603425",
                latitude="46.340125",
                website="https://mediatheque.montlucon.fr/",
                wifi="Oui",
                free="Oui",
            ),
            line("LI102", "Bibliothèque", "Le Bourg", "03600", "Commentry", wifi="Non", free="Non"),
            line("LI103", "Point lecture", "1 rue Haute", "360", "Commentry"),
            line("LI101", "Médiathèque Boris Vian (doublon)", "Place de la Comédie", "03100", "Montluçon"),
            line("LI105", "", "", "03600", "Commentry"),
            line(
                "BD106",
                "03 - MEDIATHEQUE DEPARTEMENTALE DE L'ALLIER",
                "Rue de Paris",
                "03000",
                "Moulins",
                kind=DEPARTMENTAL_LIBRARY,
                website="Site internet propre",
            ),
            line(
                "LI107",
                "BIBLIOTHEQUE  MUNICIPALE",
                "PLACE ALBERT BRUN",
                "2300",
                "Trosly-Loire",
                departement="02",
                departement_name="Aisne",
                region="32",
                longitude="3.226952",
                latitude="49.517183",
                website="www.bibliotheques-chauny.fr",
            ),
            line(
                "LI108",
                "Service lecture publique",
                "20 rue du Lac",
                "69505",
                "Lyon",
                departement="69",
                departement_name="Rhône",
                kind=CLOSED_RESERVE,
                wifi="Oui",
                free="Oui",
            ),
            line(
                "LI109",
                "MEDIATHEQUE JACQUES PREVERT",
                "2 rue des Écoles",
                "75013",
                "Paris",
                region="11",
                kind=BIBLIOBUS,
            ),
            line("LI110", "Bibliothèque", "1 place de la Mairie", "03000", "Neuvy", kind="0", website="non"),
        ]
    )
)


@pytest.fixture(scope="module")
def sample():
    return read_libraries(SAMPLE, published=PUBLISHED)


def accepted(result, code):
    (library,) = [library for library in result.libraries if library.code == code]
    return library


def rejected(result, line_number):
    (rejection,) = [rejection for rejection in result.rejected if rejection.line == line_number]
    return rejection


def warning(result, words):
    (found,) = [text for text in result.warnings if words in text]
    return found


def test_every_data_line_is_either_accepted_or_rejected(sample):
    lines = sorted([library.line for library in sample.libraries] + [r.line for r in sample.rejected])

    assert lines == list(range(2, 12))
    assert len(sample.libraries) == 7


def test_a_complete_row_becomes_a_valid_standard_row_with_the_library_facts(sample):
    library = accepted(sample, "LI101")

    assert (library.line, library.library_type, library.departement, library.region) == (2, OPEN_BUILDING, "03", "84")
    row = library.row
    assert row["id"] == "bib-LI101"
    assert row["pivot"] == standard.PIVOT_PLACEHOLDER
    assert row["nom"] == "Médiathèque Boris Vian"
    assert (row["adresse"], row["code_postal"], row["commune"]) == ("Place de la Comédie", "03100", "Montluçon")
    assert row["code_insee"] == "03185"
    assert (row["latitude"], row["longitude"]) == ("46.340125", "2.603425")
    assert row["site_web"] == ["https://mediatheque.montlucon.fr/"]
    assert row["typologie"] == ["BIB"]
    assert row["itinerance"] == ["Fixe"]
    assert row["date_maj"] == "2024-03-15"
    assert row["source"] == SOURCE
    assert standard.validate_row({k: v if isinstance(v, str) else "|".join(v) for k, v in row.items()})[1] == []


def test_wifi_gives_internet_access_and_free_services_give_gratuit_and_nothing_else(sample):
    row = accepted(sample, "LI101").row

    assert row["services"] == [INTERNET_ACCESS]
    assert row["frais_a_charge"] == ["Gratuit"]
    assert row["modalites_acces"] == row["modalites_accompagnement"] == row["publics_specifiquement_adresses"] == []


def test_a_row_that_says_no_wifi_and_no_free_services_gets_no_service_and_no_fee(sample):
    row = accepted(sample, "LI102").row

    assert row["services"] == []
    assert row["frais_a_charge"] == []  # « Non » is not « Payant »: borrowing may be charged, internet may not


def test_a_place_without_public_gets_no_service_even_with_wifi_and_says_it_receives_no_one(sample):
    library = accepted(sample, "LI108")

    assert library.library_type == CLOSED_RESERVE
    assert library.row["services"] == []
    assert library.row["frais_a_charge"] == ["Gratuit"]
    assert library.row["modalites_acces"] == [NO_PUBLIC]
    assert library.row["itinerance"] == []
    assert "ligne 9" in warning(sample, "sans accueil du public")


def test_a_library_without_coordinates_is_kept_and_counted(sample):
    row = accepted(sample, "LI102").row

    assert (row["latitude"], row["longitude"]) == ("", "")
    assert "5 bibliothèque(s)" in warning(sample, "sans coordonnées")
    assert "(lignes 3, 7, 9, 10, 11)" in warning(sample, "sans coordonnées")


def test_an_invalid_postal_code_rejects_the_row_with_its_line_and_what_to_fix(sample):
    rejection = rejected(sample, 4)

    assert rejection.id == "bib-LI103"
    assert rejection.messages == (
        "Code postal invalide (colonne CP) : « 360 ». Il compte 5 chiffres, par exemple 03600 ou 51100.",
    )


def test_a_postal_code_that_lost_its_leading_zero_is_padded_and_counted(sample):
    library = accepted(sample, "LI107")

    assert library.row["code_postal"] == "02300"
    assert library.row["code_insee"] == "02750"
    assert (library.departement, library.region) == ("02", "32")
    assert "(ligne 8)" in warning(sample, "zéro initial")


def test_a_second_row_with_the_same_code_is_rejected_and_names_the_first_line(sample):
    rejection = rejected(sample, 5)

    assert rejection.id == "bib-LI101"
    assert rejection.messages == (
        "Le code « LI101 » est déjà celui de la bibliothèque de la ligne 2 : chaque bibliothèque doit avoir son "
        "propre code (colonne Code_bib).",
    )
    assert accepted(sample, "LI101").line == 2


def test_a_row_without_name_or_address_is_rejected_with_every_reason(sample):
    assert rejected(sample, 6).messages == (
        "Le nom de la bibliothèque (colonne nom_de_l_etablissement) est vide : renseignez-le.",
        "L'adresse (colonne Adresse) est vide, et la position aussi (colonnes Latitude et Longitude) : "
        "indiquez le numéro et la voie.",
    )


def test_the_departement_prefix_is_removed_and_a_name_in_capitals_is_rewritten_with_its_accents(sample):
    library = accepted(sample, "BD106")

    assert library.row["nom"] == "Médiathèque départementale de l'Allier"
    assert library.library_type == DEPARTMENTAL_LIBRARY
    assert library.row["itinerance"] == []
    assert "(ligne 7)" in warning(sample, "numéro du département")


def test_a_name_in_capitals_takes_the_spelling_of_its_commune(sample):
    assert accepted(sample, "LI107").row["nom"] == "Bibliothèque municipale"


def test_a_name_in_capitals_with_a_word_whose_accents_cannot_be_known_is_kept(sample):
    assert accepted(sample, "LI109").row["nom"] == "MEDIATHEQUE JACQUES PREVERT"
    assert "(ligne 10)" in warning(sample, "laissé en capitales")


def test_a_name_in_capitals_gets_back_the_accents_of_its_commune():
    text = HEADER + "\n" + line("LI1", "BIBLIOTHEQUE DE MONTLUCON", "Le Bourg", "03100", "Montluçon")

    (library,) = read_libraries(text, published=PUBLISHED).libraries

    assert library.row["nom"] == "Bibliothèque de Montluçon"


def test_a_bibliobus_is_itinerant_and_paris_resolves_to_its_arrondissement(sample):
    library = accepted(sample, "LI109")

    assert library.row["itinerance"] == ["Itinérant"]
    assert library.row["code_insee"] == "75113"
    assert (library.departement, library.region) == ("75", "11")


def test_a_commune_that_several_communes_match_is_left_without_insee_code_and_counted(sample):
    library = accepted(sample, "LI108")

    assert library.row["code_insee"] == ""  # 69505 is a CEDEX code, and Lyon has nine arrondissements
    assert library.departement == "69"
    assert "(ligne 9)" in warning(sample, "plusieurs communes")


def test_the_file_codes_give_way_to_the_commune_reference(sample):
    library = accepted(sample, "LI109")  # the file says département 03 for a library in Paris

    assert library.departement == "75"
    assert "ligne 10" in warning(sample, "diffère de celui de la commune")


def test_a_type_given_as_zero_is_left_empty_and_counted(sample):
    assert accepted(sample, "LI110").library_type == ""
    assert "(ligne 11)" in warning(sample, "sans type d'adresse")


@pytest.mark.parametrize(
    ("cell", "site"),
    [
        ("https://www.bm-lyon.fr/", ["https://www.bm-lyon.fr/"]),
        ("www.bm-lyon.fr", ["https://www.bm-lyon.fr"]),
        ("https:/copernic.loireforez.fr/", ["https://copernic.loireforez.fr/"]),
        ("htpps://www.mediatheques.fr/", ["https://www.mediatheques.fr/"]),
        ("Oui", []),
        ("0", []),
        ("Site internet propre", []),
        ("bibliotheque@mairie.fr", []),
        ("https://mediatheque@sallanches.fr", []),
    ],
)
def test_the_website_is_kept_only_when_it_is_a_web_address(cell, site):
    text = HEADER + "\n" + line("LI1", "Bibliothèque", "Le Bourg", "03600", "Commentry", website=cell)

    (library,) = read_libraries(text, published=PUBLISHED).libraries

    assert library.row["site_web"] == site


def test_values_that_are_not_web_addresses_are_counted(sample):
    assert warning(sample, "ne contient pas une adresse web").startswith("2 bibliothèque(s)")
    assert "(ligne 8)" in warning(sample, "sans « https:// »")


def test_a_commune_renamed_since_is_found_through_its_postal_code():
    text = HEADER + "\n" + line("LI1", "Bibliothèque", "Le Bourg", "93400", "Saint-Ouen", departement="93")

    result = read_libraries(text, published=PUBLISHED)

    assert result.libraries[0].row["code_insee"] == "93070"  # Saint-Ouen-sur-Seine since 2018
    assert "ancien nom" in " ".join(result.warnings)


def test_a_library_without_address_but_with_its_position_is_kept_with_its_commune():
    text = HEADER + "\n" + line("LI1", "Bibliothèque", "", "24170", "Grives", latitude="44.76", longitude="1.07")

    result = read_libraries(text, published=PUBLISHED)

    assert result.rejected == []
    row = result.libraries[0].row
    assert (row["adresse"], row["commune"], row["latitude"]) == ("", "Grives", "44.76")
    assert "sans adresse mais avec leur position" in " ".join(result.warnings)


def test_a_zero_written_for_a_missing_commune_rejects_the_row():
    text = HEADER + "\n" + line("LI1", "Bibliothèque", "0", "24560", "0")

    result = read_libraries(text, published=PUBLISHED)

    assert result.libraries == []
    assert result.rejected[0].messages == (
        "L'adresse (colonne Adresse) est vide, et la position aussi (colonnes Latitude et Longitude) : "
        "indiquez le numéro et la voie.",
        "La commune (colonne Ville) est vide : renseignez-la.",
    )


def test_a_coordinate_the_standard_refuses_rejects_the_row_with_the_standard_message_and_counts_nothing():
    text = (
        HEADER
        + "\n"
        + line("LI1", "Bibliothèque", "Le Bourg", "2300", "Trosly-Loire", latitude="49,51", longitude="3.2")
    )

    result = read_libraries(text, published=PUBLISHED)

    assert result.libraries == []
    (message,) = result.rejected[0].messages
    assert message.startswith("Latitude invalide : « 49,51 »")
    assert "zéro initial" not in " ".join(result.warnings)


def test_an_unknown_type_is_named_in_a_warning():
    text = HEADER + "\n" + line("LI1", "Bibliothèque", "Le Bourg", "03600", "Commentry", kind="Médiathèque mobile")

    result = read_libraries(text, published=PUBLISHED)

    assert result.libraries[0].library_type == ""
    assert "Types d'adresse inconnus : « Médiathèque mobile » (1)." in " ".join(result.warnings)


def test_a_semicolon_separated_export_is_read_too():
    text = (
        HEADER.replace(",", ";") + "\n" + line("LI1", "Bibliothèque", "Le Bourg", "03600", "Commentry", delimiter=";")
    )

    (library,) = read_libraries(text, published=PUBLISHED).libraries

    assert library.row["code_insee"] == "03082"


def test_another_file_is_refused_with_a_message_that_says_which_file_is_expected():
    with pytest.raises(standard.FormatError, match="Code_bib, nom_de_l_etablissement"):
        read_libraries("id,nom\n1,Bibliothèque\n", published=PUBLISHED)


def test_accepted_rows_written_in_the_standard_read_back_valid(sample):
    back = standard_readers.read_csv(standard.write_csv(sample.rows))

    assert back.rejected == []
    assert back.rows == sample.rows


# --- The real file -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    text = gzip.decompress(PATH.read_bytes()).decode("utf-8")
    started = time.perf_counter()
    result = read_libraries(text, published=date(2024, 1, 1))
    return result, time.perf_counter() - started


@pytest.mark.realdata
@pytest.mark.skipif(not PATH.exists(), reason="../shared/data is absent")
def test_the_real_file_is_read_almost_entirely_with_known_reasons_for_each_rejection(real):
    result, seconds = real
    reasons = Counter(message for rejection in result.rejected for message in rejection.messages)
    resolved = sum(1 for library in result.libraries if library.row["code_insee"])
    without_coordinates = sum(1 for library in result.libraries if not library.row["latitude"])
    print(
        f"\n{len(result.libraries)} accepted, {len(result.rejected)} rejected in {seconds:.1f} s; "
        f"{without_coordinates} without coordinates; INSEE resolved {resolved} ({resolved / len(result.libraries):.2%})"
    )
    for message, count in reasons.most_common():
        print(f"  {count} × {message}")

    assert len(result.libraries) + len(result.rejected) == 15_702
    assert len(result.libraries) > 14_800
    assert set(reasons) <= {
        "L'adresse (colonne Adresse) est vide, et la position aussi (colonnes Latitude et Longitude) : "
        "indiquez le numéro et la voie.",
        "Le code postal (colonne CP) est vide : renseignez-le, en 5 chiffres.",
        "La commune (colonne Ville) est vide : renseignez-la.",
    }
    assert resolved / len(result.libraries) > 0.99
    assert without_coordinates < 200


@pytest.mark.realdata
@pytest.mark.skipif(not PATH.exists(), reason="../shared/data is absent")
def test_every_accepted_row_of_the_real_file_reads_back_valid_from_the_standard_csv(real):
    result, _ = real

    with_address = [row for row in result.rows if row["adresse"]]
    back = standard_readers.read_csv(standard.write_csv(with_address))

    assert back.rejected == []
    assert len(back.rows) == len(with_address) > len(result.libraries) - 900
    assert len({row["id"] for row in back.rows}) == len(back.rows)
