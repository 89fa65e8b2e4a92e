"""The one strict reader of the numbers that people type and files carry. Pure Python, no Django.

Only the ASCII digits 0 to 9 make a number. « ² », « ٣ » or a fullwidth « ３ » pass `str.isdigit()`, and some
of them pass `int()`, but nobody means them as numbers: they are refused with a French message that says what
to write instead. Query strings of pages use `page_number`, which falls back to a default rather than failing.
The calendar days that files carry (`read_day`) follow the same rule.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# The largest integer a database column holds (BigAutoField ids, counters): beyond it, nothing can match.
MAX_ID = 2**63 - 1
# Far beyond any bound the platform uses, and far below the length at which int() itself refuses to work.
MAX_DIGITS = 30
# What a message quotes of a value: enough to recognise it, never a whole pasted text.
SHOWN_LENGTH = 40
# The spaces around a typed number; other white space (and every control character) is part of the value.
_SPACES = " \t\r\n"
# « 12 500 », « 12 500,50 », « 1 250.5 »: digits grouped by three with a space (plain, non-breaking or narrow).
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]*)?")


class NumberError(ValueError):
    """The text is not a number within bounds. The message, in French, says what to write instead."""


def shown(text: str) -> str:
    """A value as a message quotes it: cut to SHOWN_LENGTH characters, invisible characters made visible."""
    visible = "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text[:SHOWN_LENGTH])
    return visible + ("…" if len(text) > SHOWN_LENGTH else "")


def _bounds_message(label: str, minimum: float | None, maximum: float | None) -> str:
    if minimum is None and maximum is None:
        return f"{label} est bien trop grand."
    # str() first: the shortest decimal that reads back as the float (« 0.5 », not 0.5000000000000000277…).
    return _french_bounds(
        label,
        None if minimum is None else Decimal(str(minimum)),
        None if maximum is None else Decimal(str(maximum)),
    )


def _not_a_number(label: str, text: str, example: str) -> NumberError:
    foreign = next((char for char in text if char.isdigit() and not char.isascii()), None)
    if foreign is not None:
        return NumberError(
            f"{label} : « {shown(foreign)} » n'est pas un chiffre de 0 à 9. Retapez le nombre avec les chiffres "
            f"du clavier, par exemple {example}."
        )
    return NumberError(
        f"{label} : « {shown(text)} » n'est pas un nombre. Écrivez-le en chiffres, par exemple {example}."
    )


def parse_int(
    text: str | None,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    label: str = "Ce nombre",
) -> int:
    """The integer written in `text`: an optional sign and ASCII digits, spaces around allowed, within the bounds.

    Raises NumberError with a French message for anything else, including an empty text.
    """
    value = (text or "").strip(_SPACES)
    if not value:
        raise NumberError(f"{label} est vide : écrivez un nombre entier, par exemple 12.")
    if not _INTEGER.fullmatch(value):
        if re.fullmatch(r"[+-]?[0-9]*[.,][0-9]*", value):
            raise NumberError(
                f"{label} : « {shown(value)} » n'est pas un nombre entier. Écrivez-le sans virgule, par exemple 12."
            )
        raise _not_a_number(label, value, "12")
    if len(value.lstrip("+-")) > MAX_DIGITS:
        raise NumberError(_bounds_message(label, minimum, maximum))
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise NumberError(_bounds_message(label, minimum, maximum))
    return number


def parse_decimal(
    text: str | None,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    label: str = "Ce nombre",
    example: str = "43.52609",
) -> float:
    """The decimal number written in `text` with a decimal point (« 45.76 », « -4.2e1 »), finite and within bounds.

    Raises NumberError with a French message for anything else; a decimal comma gets its own hint.
    """
    value = (text or "").strip(_SPACES)
    if not value:
        raise NumberError(f"{label} est vide : écrivez un nombre, par exemple {example}.")
    if not _DECIMAL.fullmatch(value) or len(value) > MAX_DIGITS * 2:
        if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", value):
            raise NumberError(
                f"{label} : « {shown(value)} » s'écrit avec un point, pas une virgule, par exemple {example}."
            )
        raise _not_a_number(label, value, example)
    number = float(value)
    if not math.isfinite(number):
        raise NumberError(_bounds_message(label, minimum, maximum))
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise NumberError(_bounds_message(label, minimum, maximum))
    return number


def read_decimal(
    text: str | None,
    *,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    places: int | None = None,
    euros: bool = False,
    label: str = "Ce nombre",
    example: str = "12,5",
) -> Decimal:
    """The decimal number a person typed the French way or not: « 12,5 », « 12.5 », « 12 500,50 » (thousands
    grouped by a plain, non-breaking or narrow space), with « € » at the end when `euros` is true.

    Only ASCII digits make it (checked by `parse_decimal`). `places` is the most digits allowed after the comma:
    a longer value is refused, never rounded in silence. Raises NumberError with a French message.
    """
    value = (text or "").strip(_SPACES)
    if euros:
        value = value.removesuffix("€").strip(_SPACES + "\u00a0\u202f")
    if _GROUPED.fullmatch(value):
        value = re.sub(r"[ \u00a0\u202f]", "", value)
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    parse_decimal(value, label=label, example=example)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _not_a_number(label, value, example) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise NumberError(_french_bounds(label, minimum, maximum))
    exponent = number.normalize().as_tuple().exponent
    if places is not None and isinstance(exponent, int) and -exponent > places:
        digits = "un seul chiffre" if places == 1 else f"{places} chiffres"
        raise NumberError(
            f"{label} : « {shown(text or '')} » a trop de chiffres après la virgule. Gardez-en au plus {digits}, "
            f"par exemple {example}."
        )
    return number


def _french(number: Decimal | int) -> str:
    """A bound as a French message writes it: « 0,5 », « 2000 »."""
    return f"{Decimal(number).normalize():f}".replace(".", ",")


def _french_bounds(label: str, minimum: Decimal | int | None, maximum: Decimal | int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{label} doit être compris entre {_french(minimum)} et {_french(maximum)}."
    if minimum is not None:
        return f"{label} doit valoir au moins {_french(minimum)}."
    return f"{label} doit valoir au plus {_french(maximum)}."  # type: ignore[arg-type]


def is_ascii_number(text: str) -> bool:
    """True when `text` is made of the digits 0 to 9 only, and is not empty (codes, identifiers)."""
    return bool(text) and text.isascii() and text.isdigit()


def query_int(text: str | None, *, default: int, minimum: int = 0, maximum: int = MAX_ID) -> int:
    """A number from a query string, or `default` when it is missing, not a number or out of range, never an error.

    An address is shared and edited by hand; the page it leads to is still worth showing.
    """
    try:
        return parse_int(text, minimum=minimum, maximum=maximum)
    except NumberError:
        return default


def page_number(text: str | None, *, default: int = 1, maximum: int = 10**9) -> int:
    """A page number from a query string: 1 (or `default`) unless it is a number from 1 to `maximum`."""
    return query_int(text, default=default, minimum=1, maximum=maximum)


# The ways a day is written in the platform's forms and files: the French « 14/03/2026 », and ISO « 2026-03-14 ».
DAY_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def read_day(text: str) -> dt.date | None:
    """A calendar day written jj/mm/aaaa or aaaa-mm-jj in ASCII digits (`strptime` alone would take « ١٤/٠٣/٢٠٢٦ »),
    or None: the caller says in its own words what to write."""
    text = text.strip()
    if not is_ascii_number(text.replace("/", "").replace("-", "")):
        return None
    for pattern in DAY_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar day, no time zone
        except ValueError:
            continue
    return None
