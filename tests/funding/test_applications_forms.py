"""Amounts in euros as people type them: the French way or not, through `numbers.parse_decimal`."""

from decimal import Decimal

import pytest
from django import forms

from mediane.funding.forms_applications import read_euros


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12 500,50", "12500.50"),
        ("12\u00a0500,50", "12500.50"),
        ("12\u202f500", "12500"),
        ("12500.5", "12500.50"),
        ("1 250 000 €", "1250000"),
        ("  50000€ ", "50000"),
        ("0,07", "0.07"),
    ],
)
def test_an_amount_is_read_the_french_way(typed, amount):
    assert read_euros(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12,500,50", "n'est pas un nombre"),
        ("1 2", "n'est pas un nombre"),
        ("١٢٥٠٠", "pas un chiffre de 0 à 9"),
        ("-10", "plus grand que 0"),
        ("0", "plus grand que 0"),
        ("10,005", "deux chiffres après la virgule"),
        ("1e400", "bien trop grand"),
        ("nan", "n'est pas un nombre"),
        ("200000000", "au plus"),
    ],
)
def test_a_bad_amount_gets_a_french_message(typed, message):
    with pytest.raises(forms.ValidationError) as error:
        read_euros(typed, "Le montant")
    assert message in " ".join(error.value.messages)
