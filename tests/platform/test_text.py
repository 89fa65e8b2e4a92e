"""The one check of control characters (mediane/text.py), and the schema pattern that states it for the API."""

import re

import pytest
from pydantic import BaseModel, Field, ValidationError

from mediane import text

CONTROLS = [chr(code) for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]]


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_every_control_character_is_found(char):
    assert text.find_control_character(f"Bonjour{char}là") == char


@pytest.mark.parametrize(
    "plain", ["Deux\tcolonnes", "Deux\nlignes", "Fin\r\n", "Émoji 🙂 et « guillemets »", "a\u00a0b"]
)
def test_tabulation_line_breaks_and_ordinary_unicode_are_plain_text(plain):
    assert text.control_character_message(plain) is None


def test_the_message_names_the_character_and_says_what_to_do():
    message = text.control_character_message("Titre\x1b[31m", "Le titre")
    assert message == (
        "Le titre : caractère invisible interdit (U+001B, échappement), souvent venu d'un copier-coller. "
        "Effacez-le, ou retapez le texte."
    )
    assert text.control_character_message("a\x08b").startswith("Caractère invisible interdit (U+0008, retour arrière)")


SAMPLES = [
    "ab", "abc", "a b", "  abc  ", "\u2003ab\u2003", "a\x1bbc", "   ", "", "abcdefghij", " a        b ",
    "a\x85bc", "\tab\tc\t", "a\u2028b\u2028c", "\x1cabc\x1c", "ab\u3000c", "ééé", "\ufeffab",
]  # fmt: skip


@pytest.mark.parametrize("minimum", [1, 2, 3, 10])
@pytest.mark.parametrize("sample", SAMPLES)
def test_the_schema_pattern_accepts_exactly_what_the_services_keep(minimum, sample):
    """Python's `re` (schemathesis, the tests) and pydantic's engine (the API) read the pattern the same way, and
    both agree with the services: at least `minimum` characters once stripped, no control character."""

    class Model(BaseModel):
        value: str = Field(pattern=text.text_pattern(minimum))

    services_accept = text.find_control_character(sample) is None and len(sample.strip()) >= minimum
    assert bool(re.fullmatch(text.text_pattern(minimum), sample)) == services_accept
    try:
        Model(value=sample)
    except ValidationError:
        assert not services_accept
    else:
        assert services_accept


def test_python_and_the_api_agree_on_every_white_space_character():
    """`\\s` is read by Python in the tests and by pydantic's regex engine in the API: they must agree on every
    character that either of them may count as white space."""

    class Model(BaseModel):
        value: str = Field(pattern=text.text_pattern(2))

    candidates = [chr(code) for code in range(0x3100) if chr(code).isspace()] + ["\u180e", "\u200b", "\ufeff"]
    for char in candidates:
        sample = f"a{char}"
        services_accept = text.find_control_character(sample) is None and len(sample.strip()) >= 2
        try:
            Model(value=sample)
        except ValidationError:
            assert not services_accept, repr(char)
        else:
            assert services_accept, repr(char)
