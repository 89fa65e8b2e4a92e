"""Template filters for showing a place of the standard: its name, address and phone number as people read them,
its `tel:` link, its web links, and the standard's labels in plain words."""

import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from mediane.numbers import is_ascii_number
from mediane.orientation import presentation
from mediane.structures import standard
from mediane.structures.communes import load_communes

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


# Overseas numbers dialled from France with a leading 0 and, from abroad, with their own country code.
_OVERSEAS_MOBILE_AND_FIXED = {
    "0262": "+262",
    "0263": "+262",
    "0692": "+262",
    "0693": "+262",
    "0269": "+262",
    "0639": "+262",
    "0590": "+590",
    "0690": "+590",
    "0691": "+590",
    "0594": "+594",
    "0694": "+594",
    "0596": "+596",
    "0696": "+596",
    "0697": "+596",
}
# Territories whose numbers have no leading 0: their length and country code.
_SHORT_NUMBERS = {"975": (6, "+508"), "986": (6, "+681"), "987": (8, "+689"), "988": (6, "+687")}


@register.filter
def tel_href(place) -> str:
    """The `tel:` address of a place's phone number, in international form so that any phone dials it
    (« 04 78 62 30 00 » → « tel:+33478623000 », « 28 12 34 » in Nouméa → « tel:+687281234 »); "" when the
    number cannot be read."""
    number = (getattr(place, "telephone", "") or "").strip()
    compact = re.sub(r"[\s.\-()/]", "", number)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        return f"tel:{compact}" if is_ascii_number(compact[1:]) and len(compact) > 6 else ""
    if not is_ascii_number(compact):
        return ""
    if len(compact) == 10 and compact.startswith("0"):
        prefix = _OVERSEAS_MOBILE_AND_FIXED.get(compact[:4], "+33")
        return f"tel:{prefix}{compact[1:]}"
    length, country = _SHORT_NUMBERS.get(getattr(place, "departement", "") or "", (0, ""))
    if len(compact) == length:
        return f"tel:{country}{compact}"
    return ""


@register.filter
def display_name(place) -> str:
    """The place's name as the public pages show it (`presentation.clean_name`)."""
    return presentation.clean_name(place.nom)


@register.filter
def subtitle(place) -> str:
    """The place's structure under its name, when it says more than the name; else ""."""
    structure = place.structure.name if place.structure_id and place.structure else place.structure_parente
    structure = presentation.clean_name(structure or "")
    return structure if presentation.adds_to(structure, place.nom) else ""


@register.filter
def street(place) -> str:
    """The street part of the place's address, clean, then its complement."""
    text = presentation.clean_address(place.adresse, place.code_postal, place.commune)
    complement = presentation.clean_address(place.complement_adresse or "")
    return f"{text}, {complement}" if complement else text


@register.filter
def town(place) -> str:
    """« 69100 Villeurbanne »: the postal code and the commune as the reference spells it."""
    commune = presentation.clean_commune(place.commune, place.code_postal, place.code_insee, load_communes())
    return f"{place.code_postal} {commune}".strip()


@register.filter
def address_line(place) -> str:
    """« 11 Petite rue du Roulet, 69100 Villeurbanne »: the whole address on one line."""
    return ", ".join(part for part in (street(place), town(place)) if part)


@register.filter
def plain(label: str, field: str) -> str:
    """`{{ label|plain:"services" }}`: the label of the standard in plain words."""
    return standard.plain_words(field, label)


@register.filter
def place_link(place, back: str = "") -> str:
    """The address of a place's page; with `back` (the address of the person's results), its « Retour » leads
    there, to this place in the list."""
    url = reverse("orientation:place", args=[place.pk])
    if not back:
        return url
    return f"{url}?{urlencode({'retour': f'{back}#lieu-{place.pk}'})}"


@register.filter
def de(name: str) -> str:
    """`près {{ commune.name|de }}`: « près de Lyon », « près d'Aurillac », « près du Mans »."""
    return presentation.of(name)
