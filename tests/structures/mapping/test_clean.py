"""Cleaning a producer's values: French hours to OpenStreetMap, phones, SIRET, postal codes, coordinates, links."""

import opening_hours
import pytest

from mediane.structures.mapping.clean import (
    REGIONS_BY_POSTAL_PREFIX,
    clean_coordinate,
    clean_date,
    clean_email,
    clean_hours,
    clean_phone,
    clean_postal_code,
    clean_siret,
    clean_summary,
    clean_url,
    split_phones,
)
from mediane.structures.mapping.hours_fr import french_hours_to_osm
from mediane.structures.standard import validate_row


@pytest.mark.parametrize(
    ("french", "osm"),
    [
        ("du lundi au vendredi 9h-12h", "Mo-Fr 09:00-12:00"),
        ("Mercredi de 14h à 15H30", "We 14:00-15:30"),
        ("Lundi : 9h00 - 12h00 / 14h00 - 17h00 ; Mardi : fermé", "Mo 09:00-12:00,14:00-17:00; Tu off"),
        ("lun., mar. et jeu. 9h-12h et 14h-17h", "Mo,Tu,Th 09:00-12:00,14:00-17:00"),
        ("Sur rendez-vous", '"sur rendez-vous"'),
        ("du lundi au samedi 9h30-12h", "Mo-Sa 09:30-12:00"),
        ("tous les jours sauf le dimanche de 10h à midi", "Mo-Sa 10:00-12:00"),
        ("Du mardi au samedi de 10 heures à 18 heures", "Tu-Sa 10:00-18:00"),
        ("Lundi au vendredi : 9h-12h et 13h30-17h, samedi 9h-12h", "Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00"),
        ("Mardi 14h-18h sur rendez-vous", 'Tu 14:00-18:00 "sur rendez-vous"'),
        ("Lundi 9h-12h\nMardi 14h-17h\nMercredi sur RDV", 'Mo 09:00-12:00; Tu 14:00-17:00; We "sur rendez-vous"'),
        ("9h-12h du lundi au vendredi", "Mo-Fr 09:00-12:00"),
        ("Du lundi au vendredi de 9h à 12h sauf mercredi", "Mo,Tu,Th,Fr 09:00-12:00"),
        ("Lu-Ve 8h30-17h", "Mo-Fr 08:30-17:00"),
        ("Fermé le lundi", "Mo off"),
        ("en semaine 9:00 - 18:00", "Mo-Fr 09:00-18:00"),
    ],
)
def test_french_hours_become_checked_openstreetmap_hours(french, osm):
    assert clean_hours(french) == (osm, True, None)
    assert opening_hours.validate(osm)


def test_hours_already_in_openstreetmap_pass_unchanged():
    assert clean_hours("Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00") == (
        "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00",
        False,
        None,
    )


@pytest.mark.parametrize("text", ["Le matin", "9h-12h", "Voir le site", "Horaires d'été : 9h-12h le 14 juillet"])
def test_hours_that_cannot_be_translated_for_sure_are_kept_as_text_with_a_warning(text):
    value, changed, warning = clean_hours(text)

    assert (value, changed) == (text, False)
    assert "gardés tels quels" in warning


def test_repeated_hours_are_parsed_once():
    french_hours_to_osm.cache_clear()
    for _ in range(1000):
        clean_hours("du lundi au vendredi 9h-12h")

    assert french_hours_to_osm.cache_info().misses == 1


@pytest.mark.parametrize(
    ("typed", "postal_code", "expected"),
    [
        ("04 78 12 34 56", "69008", "+33478123456"),
        ("04.74.00.00.00", "01100", "+33474000000"),
        ("474123456", "01000", "+33474123456"),
        ("+33 1 80 05 98 80", "75001", "+33180059880"),
        ("0590 12 34 56", "97110", "+590590123456"),
        ("0262 20 00 00", "97400", "+262262200000"),
        ("0269 61 12 34", "97600", "+262269611234"),
        ("27 12 34", "98800", "+687271234"),
        ("40 12 34 56", "98713", "+68940123456"),
        ("04 78 12 34 56", "69003", "+33478123456"),
        ("0596 12 34 56", "97200", "+596596123456"),
    ],
)
def test_phones_become_international_with_the_region_of_the_postal_code(typed, postal_code, expected):
    value, changed, warning = clean_phone(typed, postal_code)

    assert (value, changed, warning) == (expected, True, None)
    assert not [m for m in validate_row({"telephone": value})[1] if m.startswith("Numéro de téléphone")]


def test_a_phone_already_in_the_standard_passes_and_an_impossible_one_is_kept_with_a_warning():
    assert clean_phone("+33478123456", "69008") == ("+33478123456", False, None)
    assert clean_phone("12", "69008") == ("12", False, "numéro de téléphone non reconnu, gardé tel quel")


def test_of_two_phones_the_first_is_cleaned_with_a_warning_and_the_others_are_given_by_split_phones():
    value, _, warning = clean_phone("04 78 12 34 56 / 06 12 34 56 78", "69008")

    assert value == "+33478123456"
    assert "les autres sont gardés comme donnée supplémentaire" in warning
    assert split_phones("04 78 12 34 56 ou 06 12 34 56 78") == ["04 78 12 34 56", "06 12 34 56 78"]


def test_clean_phone_takes_what_a_person_types_in_a_form_with_the_departement_or_nothing():
    """The care pages' forms give the département (« 972 ») or nothing at all."""
    assert REGIONS_BY_POSTAL_PREFIX["972"] == "MQ"
    assert clean_phone("0596 12 34 56", "972")[0] == "+596596123456"
    assert clean_phone("04 78 12 34 56", "")[0] == "+33478123456"
    assert clean_phone("+33 4 78 12 34 56", "69")[0] == "+33478123456"
    assert clean_phone("+596 596 12 34 56", "")[0] == "+596596123456"


def test_siret_postal_code_coordinates_urls_emails_and_dates():
    assert clean_siret("130 025 265 00013") == ("13002526500013", True, None)
    assert clean_siret("130.025.265.00013") == ("13002526500013", True, None)
    assert clean_siret("13002526500013") == ("13002526500013", False, None)
    assert clean_postal_code("1000") == ("01000", True, None)
    assert clean_postal_code("1000.0") == ("01000", True, None)
    assert clean_postal_code("69008") == ("69008", False, None)
    assert clean_coordinate("45,76") == ("45.76", True, None)
    assert clean_url("www.exemple.fr") == ("https://www.exemple.fr", True, None)
    assert clean_url("exemple.fr/lieu") == ("https://exemple.fr/lieu", True, None)
    assert clean_url("https://exemple.fr") == ("https://exemple.fr", False, None)
    assert clean_url("Site internet propre")[0] == ""
    assert clean_email(" Contact@Exemple.FR ") == ("contact@exemple.fr", True, None)
    assert clean_email("mailto:a@b.fr") == ("a@b.fr", True, None)
    assert clean_email("pas de mail")[0] == ""
    assert clean_date("12/03/2024") == ("2024-03-12", True, None)
    assert clean_date("2024-03-12T10:00:00Z") == ("2024-03-12", True, None)
    assert clean_date("2024-03-12") == ("2024-03-12", False, None)


def test_a_long_summary_is_cut_at_a_sentence_and_the_full_text_goes_to_the_detail():
    summary = "Un lieu pour apprendre le numérique. " * 10

    short, detail, changed, warning = clean_summary(summary, "")

    assert changed and warning
    assert len(short) <= 280 and short.endswith(".")
    assert detail == summary.strip()


def test_a_long_summary_without_sentence_is_cut_at_a_word_and_the_detail_keeps_both_texts():
    summary = "mot " * 100

    short, detail, _, _ = clean_summary(summary, "Détail déjà écrit.")

    assert len(short) <= 280 and short.endswith("mot…")
    assert detail.startswith(summary.strip()) and detail.endswith("Détail déjà écrit.")
