"""Cleaning a producer's values into the standard's forms, before they are checked.

Pure Python, no Django. Each function takes the text of a cell and returns `(value, changed, warning)`: the cleaned
value, whether cleaning changed it (the report counts it per column), and a short French warning when the value
could not be cleaned for sure (it is then kept as typed; the row's check says what is wrong, if anything). Results
of the costly ones are cached, as a file repeats the same values on many rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

import phonenumbers

from ..standard import FIELDS_BY_NAME, shorten_summary
from .hours_fr import french_hours_to_osm

Cleaned = tuple[str, bool, str | None]

# Overseas postal codes (and départements) start with these three digits; their phone numbers belong to another
# region of the numbering plan. THE table of the platform: the care pages import it from here.
REGIONS_BY_POSTAL_PREFIX = {
    "971": "GP",
    "972": "MQ",
    "973": "GF",
    "974": "RE",
    "975": "PM",
    "976": "YT",
    "977": "BL",
    "978": "MF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
}
_PHONE_PATTERN = re.compile(FIELDS_BY_NAME["telephone"].pattern, re.ASCII)
_PHONE_SPLIT = re.compile(r"\s*(?:/|;|,|\bou\b|\bet\b)\s*")
_SPREADSHEET_INTEGER = re.compile(r"(\d+)\.0+")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?\s*[eE][+-]?\d+")
_FRENCH_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?")


def region_of(postal_code: str) -> str:
    """The phone region of a place from its postal code (France unless overseas)."""
    return REGIONS_BY_POSTAL_PREFIX.get(postal_code.strip()[:3], "FR")


def split_phones(value: str) -> list[str]:
    """The numbers of a cell that holds several (« 04 78 12 34 56 ou 06 12 34 56 78 », split at « / ; , ou et »),
    as typed; a cell with one number gives one item."""
    return [part for part in _PHONE_SPLIT.split(value.strip()) if re.search(r"\d", part)]


@lru_cache(maxsize=16384)
def clean_phone(value: str, postal_code: str = "") -> Cleaned:
    """THE phone normaliser of the platform (imports and the care pages' forms): a number as the standard writes
    it (+33478123456) from what a person types (« 04 78 12 34 56 », « +33 4 78 12 34 56 », « 0596 12 34 56 »), the
    region of the numbering plan taken from the postal code or the département (`REGIONS_BY_POSTAL_PREFIX`). A
    number that cannot be read is kept as typed, unchanged, with a warning. Of several numbers in one text the first
    is cleaned, with a warning; `split_phones` gives the others, which the caller keeps."""
    typed = value.strip()
    if not typed:
        return "", False, None
    if _PHONE_PATTERN.fullmatch(typed):
        return typed, False, None
    parts = split_phones(typed)
    first = parts[0] if parts else typed
    region = region_of(postal_code)
    digits = re.sub(r"\D", "", first)
    if region == "FR" and len(digits) == 9 and not first.lstrip().startswith(("+", "0")):
        first = "0" + digits  # a spreadsheet dropped the leading zero
    try:
        number = phonenumbers.parse(first, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if _PHONE_PATTERN.fullmatch(formatted):
            warning = (
                "plusieurs numéros de téléphone : le premier est le téléphone du lieu, les autres sont gardés comme "
                "donnée supplémentaire"
                if len(parts) > 1
                else None
            )
            return formatted, True, warning
    return typed, False, "numéro de téléphone non reconnu, gardé tel quel"


def looks_scientific(value: str) -> bool:
    """Whether a spreadsheet wrote this number in scientific notation (« 1.23456789012E13 »): its last digits are
    lost, it can never be turned back into the number."""
    return _SCIENTIFIC.fullmatch(value.strip()) is not None


SCIENTIFIC_WARNING = (
    "le tableur a abîmé ce numéro (notation scientifique, les derniers chiffres sont perdus) : mettez la colonne "
    "au format texte et retapez-le"
)


def clean_siret(value: str) -> Cleaned:
    """A SIRET (or RNA, RIDET) without its spaces and dots. « 1.2345678901234E13 » from a spreadsheet lost digits:
    it is returned as typed, with a warning (the mapped import keeps it aside and puts the placeholder)."""
    typed = value.strip()
    if looks_scientific(typed):
        return typed, False, SCIENTIFIC_WARNING
    cleaned = re.sub(r"[\s.\u00a0\u202f-]", "", typed)
    if match := _SPREADSHEET_INTEGER.fullmatch(typed):
        cleaned = match.group(1)
    return cleaned, cleaned != typed, None


def clean_postal_code(value: str) -> Cleaned:
    """A postal code of 5 digits: the leading zero a spreadsheet took off is put back (1000 → 01000)."""
    typed = value.strip()
    cleaned = typed.replace(" ", "").replace("\u00a0", "")
    if match := _SPREADSHEET_INTEGER.fullmatch(cleaned):
        cleaned = match.group(1)
    if cleaned.isascii() and cleaned.isdigit() and len(cleaned) == 4:
        cleaned = "0" + cleaned
    return cleaned, cleaned != typed, None


def clean_insee(value: str) -> Cleaned:
    """An INSEE code of 5 characters, leading zero put back like a postal code (Corsica's 2A/2B are kept)."""
    return clean_postal_code(value.upper())


def clean_coordinate(value: str) -> Cleaned:
    """A coordinate with a decimal point (« 45,76 » → « 45.76 »)."""
    typed = value.strip()
    cleaned = typed.replace(" ", "")
    if re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    return cleaned, cleaned != typed, None


_URL = re.compile(r"(?i)https?://[^\s/$.?#][^\s]*")
_DOMAIN = re.compile(r"(?i)(?:[\w-]+\.)+[a-z]{2,}(?:[/?#:]\S*)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def clean_url(value: str) -> Cleaned:
    """A web address with its scheme (« www.exemple.fr » → « https://www.exemple.fr »). A text that is not a web
    address (« Site internet propre », « non ») is not one: returned empty with a warning, the caller keeps the
    text as extra data."""
    typed = value.strip()
    if not typed or _URL.fullmatch(typed):
        return typed, False, None
    if _DOMAIN.fullmatch(typed):
        return "https://" + typed, True, None
    fixed = re.sub(r"(?i)^(?:htt?ps?:/+|https?:?/*)", "https://", typed)
    if _URL.fullmatch(fixed):
        return fixed, True, None
    return "", True, "adresse de site web non reconnue, gardée comme donnée supplémentaire"


def clean_email(value: str) -> Cleaned:
    """An e-mail address without spaces and in lower case (« mailto: » taken off); a text that is not one is
    returned empty with a warning (the caller keeps it as extra data)."""
    typed = value.strip()
    cleaned = re.sub(r"(?i)^mailto:", "", typed).strip().lower()
    if not _EMAIL.fullmatch(cleaned):
        return "", True, "adresse e-mail non reconnue, gardée comme donnée supplémentaire"
    return cleaned, cleaned != typed, None


def clean_date(value: str) -> Cleaned:
    """A date in the standard's form (2024-03-12), from « 12/03/2024 » or « 2024-03-12T10:00:00Z »."""
    typed = value.strip()
    cleaned = typed
    if match := _FRENCH_DATE.fullmatch(typed):
        day, month, year = (int(g) for g in match.groups())
        try:
            cleaned = date(year, month, day).isoformat()
        except ValueError:
            return typed, False, None
    elif match := _ISO_DATETIME.fullmatch(typed):
        cleaned = match.group(1)
    return cleaned, cleaned != typed, None


def clean_hours(value: str) -> Cleaned:
    """Hours in OpenStreetMap syntax (see `hours_fr`), or the text as typed with a warning."""
    return french_hours_to_osm(value)


def clean_summary(summary: str, detail: str) -> tuple[str, str, bool, str | None]:
    """The summary within the standard's 280 characters (see `standard.shorten_summary`): (summary, detail,
    changed, warning)."""
    values = {"presentation_resume": summary, "presentation_detail": detail}
    warning = shorten_summary(values)
    return values["presentation_resume"], values["presentation_detail"], warning is not None, warning


# The cleaning of each single-valued field, applied to the field's text. Phones need the postal code: see
# `clean_phone`. Multi-valued fields (courriels, site_web) are cleaned value by value.
CLEANERS: dict[str, Callable[[str], Cleaned]] = {
    "pivot": clean_siret,
    "code_postal": clean_postal_code,
    "code_insee": clean_insee,
    "latitude": clean_coordinate,
    "longitude": clean_coordinate,
    "date_maj": clean_date,
    "horaires": clean_hours,
    "courriels": clean_email,
    "site_web": clean_url,
    "fiche_acces_libre": clean_url,
    "prise_rdv": clean_url,
}
