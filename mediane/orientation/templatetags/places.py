"""Template filters for showing a place of the standard: its phone number as people read it, and its web links."""

import re

from django import template

from mediane.numbers import is_ascii_number

register = template.Library()

# Numbers written with a leading 0 in France (mainland and overseas départements), and those that are not.
_NATIONAL_PREFIXES = ("+33", "+262", "+269", "+590", "+594", "+596")
_INTERNATIONAL_PREFIXES = ("+508", "+681", "+687", "+689")


def _pairs(digits: str) -> str:
    start = len(digits) % 2
    groups = [digits[:start]] if start else []
    groups += [digits[i : i + 2] for i in range(start, len(digits), 2)]
    return " ".join(groups)


@register.filter
def phone(number: str) -> str:
    """`+33478623000` → « 04 78 62 30 00 »; `+687281234` → « +687 28 12 34 »; anything else as it is."""
    compact = re.sub(r"[\s.\-]", "", number or "")
    for prefix in _NATIONAL_PREFIXES:
        rest = compact[len(prefix) :]
        if compact.startswith(prefix) and len(rest) == 9 and is_ascii_number(rest):
            return _pairs("0" + rest)
    for prefix in _INTERNATIONAL_PREFIXES:
        rest = compact[len(prefix) :]
        if compact.startswith(prefix) and is_ascii_number(rest):
            return f"{prefix} {_pairs(rest)}"
    return number


@register.filter
def web_address(url: str) -> str:
    """The address if it is a web page (http or https), else "": imported files may hold anything in a link."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""
