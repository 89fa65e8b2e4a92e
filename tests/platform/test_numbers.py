"""The one strict reader of numbers (mediane/numbers.py): ASCII digits only, bounds, French messages."""

import datetime as dt
from decimal import Decimal

import pytest

from mediane import numbers


@pytest.mark.parametrize(("raw", "expected"), [("12", 12), (" 12 ", 12), ("+7", 7), ("-3", -3), ("007", 7)])
def test_an_integer_written_with_ascii_digits_is_read(raw, expected):
    assert numbers.parse_int(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["²", "1²", "٣", "３", "१२", "1_000", "1 000", "12a", "0x10", "1e3", "\x0012", "12\x1b", ""],
    ids=["superscript", "trailing-superscript", "arabic-indic", "fullwidth", "devanagari", "underscore",
         "inner-space", "letter", "hex", "exponent", "nul", "escape", "empty"],
)  # fmt: skip
def test_anything_but_ascii_digits_is_refused_with_a_french_message(raw):
    with pytest.raises(numbers.NumberError) as refused:
        numbers.parse_int(raw, label="Le nombre de soutiens")
    assert str(refused.value).startswith("Le nombre de soutiens")


def test_a_unicode_digit_is_named_and_the_keyboard_digits_are_asked_for():
    with pytest.raises(numbers.NumberError, match="« ² » n'est pas un chiffre de 0 à 9"):
        numbers.parse_int("1²")


def test_a_decimal_comma_in_an_integer_says_to_write_it_without():
    with pytest.raises(numbers.NumberError, match="sans virgule"):
        numbers.parse_int("1,5")


@pytest.mark.parametrize(("raw", "message"), [("0", "au moins 1"), ("101", "compris entre 1 et 100")])
def test_bounds_are_checked_and_said(raw, message):
    with pytest.raises(numbers.NumberError, match=message):
        numbers.parse_int(raw, minimum=1, maximum=100 if raw == "101" else None)


def test_a_number_with_thousands_of_digits_is_refused_before_int_reads_it():
    with pytest.raises(numbers.NumberError, match="compris entre 0 et"):
        numbers.parse_int("9" * 10_000, minimum=0, maximum=numbers.MAX_ID)


def test_a_long_value_is_quoted_short_and_invisible_characters_are_shown():
    quoted = numbers.shown("\x1b" + "a" * 100)
    assert quoted.startswith("\\u001b") and quoted.endswith("…") and len(quoted) < 60


@pytest.mark.parametrize(("raw", "expected"), [("45.76", 45.76), ("-4.2e1", -42.0), (".5", 0.5), ("7", 7.0)])
def test_a_decimal_with_a_point_is_read(raw, expected):
    assert numbers.parse_decimal(raw, minimum=-90, maximum=90) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [("45,76", "avec un point"), ("٤٥.٧", "« ٤ » n'est pas un chiffre"), ("nan", "n'est pas un nombre"),
     ("inf", "n'est pas un nombre"), ("1e999", "compris entre -90 et 90"), ("91", "compris entre -90 et 90")],
)  # fmt: skip
def test_a_decimal_is_refused_with_what_to_write(raw, message):
    with pytest.raises(numbers.NumberError, match=message):
        numbers.parse_decimal(raw, minimum=-90, maximum=90, label="Latitude")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, 1), ("", 1), ("3", 3), ("²", 1), ("٣", 1), ("0", 1), ("-2", 1), ("1" * 40, 1), ("10", 10)],
)
def test_a_page_number_from_an_address_falls_back_to_the_first_page(raw, expected):
    assert numbers.page_number(raw, maximum=10) == expected


def test_a_query_number_falls_back_to_its_default():
    assert numbers.query_int("٣", default=0, minimum=1) == 0
    assert numbers.query_int("42", default=0, minimum=1) == 42


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("14,0", "14.0"), ("0,00", "0"), ("12.5", "12.5"), ("12 500,50", "12500.50"), ("1\u00a0250", "1250"),
     ("1\u202f250,5", "1250.5"), (" 3 ", "3"), ("250 €", "250"), ("250,00\u00a0€", "250")],
)  # fmt: skip
def test_a_french_decimal_is_read_with_a_comma_or_a_point_and_grouped_thousands(raw, expected):
    assert numbers.read_decimal(raw, euros=True) == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "message"),
    [("3,55", "au plus un seul chiffre"), ("0,04", "entre 0,5 et 2000"), ("1,2,3", "n'est pas un nombre"),
     ("٣,5", "« ٣ » n'est pas un chiffre"), ("12 €", "n'est pas un nombre"), ("3000", "entre 0,5 et 2000"),
     ("12 50", "n'est pas un nombre"), ("", "est vide"), ("1e999", "bien trop grand")],
)  # fmt: skip
def test_a_french_decimal_is_refused_with_what_to_write(raw, message):
    with pytest.raises(numbers.NumberError, match=message):
        numbers.read_decimal(raw, minimum=Decimal("0.5"), maximum=2000, places=1, label="La durée")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2026", dt.date(2026, 3, 14)),
        (" 2026-03-14 ", dt.date(2026, 3, 14)),
        ("31/02/2026", None),
        ("١٤/٠٣/٢٠٢٦", None),
        ("１４/03/2026", None),
        ("14.03.2026", None),
        ("", None),
        ("demain", None),
    ],
)
def test_a_day_is_read_in_ascii_digits_in_the_platform_s_two_ways(text, expected):
    assert numbers.read_day(text) == expected
