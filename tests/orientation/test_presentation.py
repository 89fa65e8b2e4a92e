"""How names, addresses, communes and phone numbers of places read on the public pages (pure functions), on values
taken from the demo data and from the real files of ../shared/data."""

import csv
import gzip
import json
import re
from pathlib import Path

import pytest

from mediane.orientation import presentation
from mediane.orientation.templatetags.places import tel_href
from mediane.orientation.views import return_path
from mediane.structures.communes import fold, load_communes
from tests.structures.factories import PlaceFactory

DEMO = Path(__file__).resolve().parents[2] / "mediane" / "pages" / "demo" / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # Real names of the demo data (Rhône libraries, Nouvelle-Calédonie).
        ("Bibliothèque Du 1er Arrdt", "Bibliothèque du 1er arrondissement"),
        ("Bibliothèque Du 5e Point Du Jour", "Bibliothèque du 5e Point du Jour"),
        ("BIBLIOTHEQUE ANATOLE FRANCE", "Bibliothèque Anatole France"),
        ("BIBLIOTHEQUE LA PYRAMIDE", "Bibliothèque la Pyramide"),
        ("Bibliotheque Municipale", "Bibliothèque Municipale"),
        ("Mediatheque intercommunale", "Médiathèque intercommunale"),
        ("Espace BD", "Espace BD"),
        ("MEDIATHÈQUE MUNICIPALE L'ÉCHAPPÉE", "Médiathèque municipale l'Échappée"),
        ("CYBER CENTRE", "Cyber Centre"),
        ("MDM OULLINS", "MDM Oullins"),
        ("UDAF du Rhône Antenne de Limas", "UDAF du Rhône Antenne de Limas"),
        ("Association des Jeunes de HNAETENEAT (AJH)", "Association des Jeunes de HNAETENEAT (AJH)"),
        ("  Espace   numérique  ", "Espace numérique"),
    ],
)
def test_a_name_reads_cleanly(raw, shown):
    assert presentation.clean_name(raw) == shown


def test_no_accent_is_guessed_on_a_word_whose_spelling_is_unknown():
    # « PERI » could be « Péri »: only the common words of place names have a known spelling.
    assert presentation.clean_address("57 AVENUE GABRIEL PERI") == "57 avenue Gabriel Peri"
    assert presentation.clean_name("POLE LECTURE TERRAILLON") == "Pole lecture Terraillon"


@pytest.mark.parametrize(
    ("raw", "postal_code", "commune", "shown"),
    [
        ("11 Petite rue du Roulet )", "69100", "VILLEURBANNE", "11 Petite rue du Roulet"),
        ("Place du dispensaire -", "98829", "Thio", "Place du dispensaire"),
        ("20 rue Anatole France 98 800 Nouméa", "98800", "Nouméa", "20 rue Anatole France"),
        ("13 - 15 rue Jules Ferry -", "98800", "Nouméa", "13 - 15 rue Jules Ferry"),
        ("1 PLACE DE L'HOTEL DE VILLE", "69100", "Villeurbanne", "1 place de l'Hotel de Ville"),
        ("LE BOURG", "69610", "Les Sauvages", "Le Bourg"),
        ("Tribu de Gööpä (Gopahin)", "98827", "Poya", "Tribu de Gööpä (Gopahin)"),
    ],
)
def test_an_address_reads_cleanly_without_repeating_its_town(raw, postal_code, commune, shown):
    assert presentation.clean_address(raw, postal_code, commune) == shown


def test_a_commune_is_spelt_as_the_reference_spells_it_when_its_codes_agree():
    communes = load_communes()
    assert presentation.clean_commune("VILLEURBANNE", "69100", "", communes) == "Villeurbanne"
    assert presentation.clean_commune("ST GENIS LAVAL", "69230", "", communes) == "Saint-Genis-Laval"
    assert presentation.clean_commune("Paita", "98890", "98821", communes) == "Païta"
    # A name the codes do not confirm is only tidied.
    assert presentation.clean_commune("AILLEURS", "69100", "", communes) == "Ailleurs"


def test_the_structure_is_shown_under_the_name_only_when_it_says_more():
    assert not presentation.adds_to("Médiathèque Jean Macé", "Médiathèque Jean Macé")
    assert not presentation.adds_to("MEDIATHEQUE JEAN MACE", "Médiathèque Jean Macé")
    assert presentation.adds_to("Bibliothèque municipale de Lyon", "Médiathèque de la Part-Dieu")


@pytest.mark.parametrize(
    ("name", "phrase"),
    [("Lyon", "de Lyon"), ("Aurillac", "d'Aurillac"), ("Le Mans", "du Mans"), ("Les Abymes", "des Abymes"),
     ("La Rochelle", "de La Rochelle"), ("Échirolles", "d'Échirolles"), ("Hazebrouck", "de Hazebrouck")],
)  # fmt: skip
def test_de_is_elided_or_contracted_before_a_communes_name(name, phrase):
    assert presentation.of(name) == phrase


@pytest.mark.parametrize(
    ("telephone", "departement", "href"),
    [
        ("04 78 62 30 00", "69", "tel:+33478623000"),
        ("+33478623000", "69", "tel:+33478623000"),
        ("0033 4 78 62 30 00", "69", "tel:+33478623000"),
        ("0262 12 34 56", "974", "tel:+262262123456"),
        ("0690 12 34 56", "971", "tel:+590690123456"),
        ("28 12 34", "988", "tel:+687281234"),
        ("40 12 34 56", "987", "tel:+68940123456"),
        ("+687 28.12.34", "988", "tel:+687281234"),
        ("appeler la mairie", "69", ""),
        ("12 34", "69", ""),
    ],
)
def test_a_phone_number_is_dialled_in_international_form(telephone, departement, href):
    assert tel_href(PlaceFactory.build(telephone=telephone, departement=departement)) == href


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("/lieux/?commune=69003#lieu-3", True),
        ("/orientation/resultat/?besoin=demarches&commune=Lyon", True),
        ("https://evil.example.org/lieux/?x=1", False),
        ("//evil.example.org/lieux/?x=1", False),
        ("/lieux/3/", False),
        ("/compte/login/", False),
        ("/lieux/?\nSet-Cookie: x", False),
        ("", False),
    ],
)
def test_the_way_back_is_only_ever_to_the_persons_results(value, kept):
    assert return_path(value) == (value if kept else "")


def _letters(text: str) -> str:
    """The letters of a text, accents, case and abbreviations left aside: what cleaning must never change."""
    text = re.sub(r"\barr(?:dt|t)\b\.?", "arrondissement", fold(text))
    return re.sub(r"[^a-z0-9]", "", text)


def _check_clean(name: str) -> None:
    shown = presentation.clean_name(name)
    assert shown == shown.strip() and "  " not in shown, name
    assert not shown.endswith(("-", ",", ";", ":")), name
    assert shown.count("(") == shown.count(")"), name
    assert _letters(shown) == _letters(name), name


def test_every_name_of_the_demo_data_reads_cleanly_and_keeps_its_letters():
    with (DEMO / "bibliotheques-rhone.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    names = [row["nom_de_l_etablissement"] for row in rows]
    names += [record["nom"] for record in json.loads((DEMO / "lieux-nouvelle-caledonie.json").read_text("utf-8"))]
    assert len(names) > 300
    for name in names:
        _check_clean(name)


@pytest.mark.realdata
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is absent")
def test_every_name_and_address_of_the_ministrys_libraries_file_reads_cleanly():
    path = SHARED / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) > 15_000
    for row in rows:
        _check_clean(row["nom_de_l_etablissement"])
        address = presentation.clean_address(row["Adresse"], row["CP"], row["Ville"])
        assert address == address.strip() and "  " not in address, row["Adresse"]
        assert address.count("(") == address.count(")"), row["Adresse"]
