"""Opening hours written in free French, turned into OpenStreetMap hours (the standard's `horaires`).

Pure Python, no Django. « du lundi au vendredi 9h-12h » → `Mo-Fr 09:00-12:00`, « Mercredi de 14h à 15H30 » →
`We 14:00-15:30`, « Lundi : 9h00 - 12h00 / 14h00 - 17h00 ; Mardi : fermé » → `Mo 09:00-12:00,14:00-17:00; Tu off`,
« Sur rendez-vous » → `"sur rendez-vous"`. Every result is checked with the `opening_hours` package; a text that
cannot be turned into hours for sure is kept as it is, with a warning (never guessed). Results are cached: a
producer's file repeats the same hours on many rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import opening_hours

from ..hours import _osm_days, _osm_time  # the OSM writing of the house's own hours parser

_DAYS = {
    "lundi": 0, "lun": 0, "lu": 0, "mardi": 1, "mar": 1, "ma": 1, "mercredi": 2, "mer": 2, "me": 2,
    "jeudi": 3, "jeu": 3, "je": 3, "vendredi": 4, "ven": 4, "ve": 4, "samedi": 5, "sam": 5, "sa": 5,
    "dimanche": 6, "dim": 6, "di": 6,
}  # fmt: skip
APPOINTMENT = "sur rendez-vous"
_PHRASES = (
    # Longest first: each becomes one token.
    (r"\b(?:uniquement |seulement )?sur (?:rendez[- ]vous|rdv)\b|\brendez[- ]vous\b|\brdv\b", " @rdv "),
    (r"\btous les jours\b|\b7 ?j ?/ ?7\b|\b7 ?/ ?7\b|\btoute la semaine\b|\bchaque jour\b", " @all "),
    (r"\ben semaine\b|\bjours ouvres\b", " @weekdays "),
    (r"\b(?:le |les )?week-?ends?\b", " @weekend "),
    (r"\bjusqu'? ?a\b|\bjusqu'au\b", " - "),
    (r"\bapres[- ]midi\b", " "),
    (r"\bmidi\b", " 12h "),
    (r"\bminuit\b", " 24h "),
    (r"\bfermee?s?\b|\bfermeture\b|\bclos\b", " @off "),
    (r"\bsauf\b|\bexcepte\b|\bhors\b", " @except "),
)
_IGNORED = frozenset(
    "de du le les la l d des en matin matins soir soirs apres ouvert ouverte ouverts ouverture horaires "
    "horaire h : . le public accueil et/ou".split()
)
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}\s*(?:heures?|h|:)\s*(?:\d{2})?(?!\d))|(?P<num>\d{1,2})(?!\d)|(?P<word>@?[a-z]+)"
    r"|(?P<range>[-–—])|(?P<list>[,/&+])|(?P<stop>[;\n|])|(?P<other>\S)"
)
_TIME = re.compile(r"(\d{1,2})\s*(?:heures?|h|:)\s*(\d{2})?")


class Unreadable(Exception):
    """The text is not hours this parser can be sure of."""


@dataclass
class _Group:
    days: set[int] = field(default_factory=set)
    excluded: set[int] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False
    appointment: bool = False

    @property
    def has_content(self) -> bool:
        return bool(self.spans) or self.closed


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _minutes(token: str) -> int:
    match = _TIME.fullmatch(token.strip())
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (int(token), 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise Unreadable
    return hour * 60 + minute


def _tokens(text: str) -> list[tuple[str, str]]:
    folded = _fold(text)
    for pattern, replacement in _PHRASES:
        folded = re.sub(pattern, replacement, folded)
    tokens: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(folded):
        kind = match.lastgroup or "other"
        value = match.group(0)
        if kind == "word":
            if value == "et":
                kind = "list"
            elif value in ("a", "au"):
                kind = "range"
            elif value in _IGNORED:
                continue
            elif value.rstrip("s") in _DAYS or value in _DAYS:
                kind, value = "day", str(_DAYS.get(value, _DAYS.get(value.rstrip("s"), 0)))
            elif not value.startswith("@"):
                raise Unreadable
        elif kind == "other":
            if value in ".:()'\"":
                continue
            raise Unreadable
        tokens.append((kind, value))
    return tokens


def _parse(text: str) -> list[_Group]:
    tokens = _tokens(text)
    groups = [_Group()]
    index = 0

    def take_days(into: set[int]) -> None:
        nonlocal index
        first = int(tokens[index][1])
        index += 1
        if index + 1 < len(tokens) and tokens[index][0] == "range" and tokens[index + 1][0] == "day":
            last = int(tokens[index + 1][1])
            index += 2
            into.update(range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)])
        else:
            into.add(first)

    while index < len(tokens):
        kind, value = tokens[index]
        group = groups[-1]
        if kind in ("day", "word") and value in ("@all", "@weekdays", "@weekend") or kind == "day":
            if group.days and group.has_content:
                group = _Group()
                groups.append(group)
            if kind == "day":
                take_days(group.days)
                continue
            group.days.update({"@all": range(7), "@weekdays": range(5), "@weekend": (5, 6)}[value])
        elif value == "@except":
            index += 1
            while index < len(tokens) and tokens[index][0] in ("day", "list"):
                if tokens[index][0] == "day":
                    take_days(group.excluded)
                else:
                    index += 1
            continue
        elif value == "@off":
            group.closed = True
        elif value == "@rdv":
            group.appointment = True
        elif kind in ("time", "num"):
            if not (
                index + 2 < len(tokens) and tokens[index + 1][0] == "range" and tokens[index + 2][0] in ("time", "num")
            ):
                raise Unreadable
            if kind == "num" and tokens[index + 2][0] == "num":
                raise Unreadable  # « 9-12 » alone could be dates: not sure enough
            start, end = _minutes(value), _minutes(tokens[index + 2][1])
            if start == end:
                raise Unreadable
            group.spans.append((start, end))
            index += 3
            continue
        elif kind == "stop":
            if group.days or group.has_content or group.appointment:
                groups.append(_Group())
        elif kind not in ("list", "range"):
            raise Unreadable
        index += 1
    return [g for g in groups if g.days or g.has_content or g.appointment]


def _to_osm(groups: list[_Group]) -> str:
    if not groups:
        raise Unreadable
    if all(not g.days and not g.has_content for g in groups):
        return f'"{APPOINTMENT}"'  # « Sur rendez-vous », nothing else
    week: list[tuple | None] = [None] * 7
    for group in groups:
        if not group.days:
            raise Unreadable  # hours without days: which days?
        for day in group.days - group.excluded:
            if group.spans:
                current = week[day]
                before = current[1] if current and current[0] == "open" else ()
                week[day] = ("open", tuple(sorted({*before, *group.spans})), group.appointment)
            elif group.closed:
                week[day] = ("off",)
            elif group.appointment:
                week[day] = ("rdv",)
            else:
                raise Unreadable  # a day with nothing said about it
    rules = []
    seen: list[tuple] = []
    for day in range(7):
        content = week[day]
        if content is None or content in seen:
            continue
        seen.append(content)
        days = _osm_days([d for d in range(7) if week[d] == content])
        if content[0] == "off":
            rules.append(f"{days} off")
        elif content[0] == "rdv":
            rules.append(f'{days} "{APPOINTMENT}"')
        else:
            spans = ",".join(f"{_osm_time(s)}-{_osm_time(e)}" for s, e in content[1])
            comment = f' "{APPOINTMENT}"' if content[2] else ""
            rules.append(f"{days} {spans}{comment}")
    return "; ".join(rules)


@lru_cache(maxsize=8192)
def french_hours_to_osm(text: str) -> tuple[str, bool, str | None]:
    """(value, changed, warning): the OSM hours of a French text, or the text as it is with a warning. A value that
    is already valid OSM hours passes unchanged."""
    text = text.strip()
    if not text:
        return "", False, None
    if opening_hours.validate(text):
        return text, False, None
    try:
        osm = _to_osm(_parse(text))
    except (Unreadable, ValueError, IndexError):
        osm = ""
    if osm and opening_hours.validate(osm):
        return osm, True, None
    return text, False, "horaires gardés tels quels (impossible de les traduire au format OpenStreetMap)"
