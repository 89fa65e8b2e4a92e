"""Opening hours of mediation places: the field `horaires` of the national standard, in OpenStreetMap syntax.

Pure Python, no Django. Reads the subset of https://wiki.openstreetmap.org/wiki/Key:opening_hours that places
publish (weekdays, time spans, `;` and `,` rules, `off`, `24/7`, `PH`, comments), describes it in plain French
and says whether a place is open at a given moment. Anything else raises `HoursError`: callers show the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

MINUTES_PER_DAY = 24 * 60
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
EXAMPLE = "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00"

# A span is (start, end) in minutes from the midnight of the day it starts on. `end` may pass 1440: the span then
# runs into the next day (`20:00-02:00` is (1200, 1560)), and `24:00` is 1440.
Span = tuple[int, int]


class HoursError(ValueError):
    """Opening hours that cannot be read; the message, in French, says which part and how to write it."""


@dataclass(frozen=True)
class Day:
    """What one weekday (or public holidays) looks like: sorted, non-overlapping spans and an optional comment.
    `unknown` marks a day given only a comment (`Sa "sur rendez-vous"`) or `unknown`: it never counts as open."""

    spans: tuple[Span, ...] = ()
    comment: str = ""
    unknown: bool = False


CLOSED = Day()
ALL_DAY = Day(((0, MINUTES_PER_DAY),))


@dataclass(frozen=True)
class OpeningHours:
    """The week, Monday first. `holidays` is None when no rule names public holidays (`PH`): they are then ordinary
    days. When it is set it applies on every public holiday, wherever the `PH` rule stands in the text: places
    write `PH off` to close on those days, and never mean a later weekday rule to reopen them."""

    week: tuple[Day, Day, Day, Day, Day, Day, Day] = (CLOSED,) * 7
    holidays: Day | None = None

    @property
    def always_open(self) -> bool:
        return all(day == ALL_DAY for day in self.week) and self.holidays in (None, ALL_DAY)

    @property
    def closed_on_public_holidays(self) -> bool:
        return self.holidays is not None and not self.holidays.spans


@dataclass(frozen=True)
class Status:
    """Whether a place is open at a moment, said in French, and when that changes (None: not in the coming weeks)."""

    is_open: bool
    label: str
    changes_at: datetime | None = None


# --- Reading -------------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    \s*(?:
      (?P<comment>"[^"]*")
    | (?P<always>24/7)
    | (?P<time>\d{1,2}:\d{2})
    | (?P<french_time>\d{1,2}\s*[hH]\s*\d{0,2})
    | (?P<number>\d+)
    | (?P<word>[^\W\d_]+)
    | (?P<punct>[,\-:;\[\]+/()])
    | (?P<other>\S)
    )
    """,
    re.VERBOSE,
)
_WEEKDAY_INDEX = {name.lower(): index for index, name in enumerate(WEEKDAYS)}
_MODIFIERS = {"off": "off", "closed": "off", "open": "open", "unknown": "unknown"}
# What places sometimes write instead of the English abbreviations, so that the message can rewrite it for them.
_FRENCH_DAYS = {
    "lundi": "Mo",
    "lun": "Mo",
    "lu": "Mo",
    "mardi": "Tu",
    "mar": "Tu",
    "ma": "Tu",
    "mercredi": "We",
    "mer": "We",
    "me": "We",
    "jeudi": "Th",
    "jeu": "Th",
    "je": "Th",
    "vendredi": "Fr",
    "ven": "Fr",
    "ve": "Fr",
    "samedi": "Sa",
    "sam": "Sa",
    "dimanche": "Su",
    "dim": "Su",
    "di": "Su",
}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_UNSUPPORTED_WORDS = {
    "week": "Les numéros de semaine ne sont pas pris en charge",
    "sh": "Les vacances scolaires ne sont pas prises en charge",
    "easter": "Les dates de Pâques ne sont pas prises en charge",
    "sunrise": "Les heures du lever et du coucher du soleil ne sont pas prises en charge",
    "sunset": "Les heures du lever et du coucher du soleil ne sont pas prises en charge",
    "dawn": "Les heures du lever et du coucher du soleil ne sont pas prises en charge",
    "dusk": "Les heures du lever et du coucher du soleil ne sont pas prises en charge",
}
_ONLY_WEEK = "indiquez seulement les jours de la semaine et les heures, comme « Mo-Fr 09:00-12:00 »"


class _Unreadable(Exception):
    """Raised inside one rule; `parse` turns it into an HoursError that quotes the whole rule."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Rule:
    days: frozenset[int]  # 0-6 for Monday-Sunday
    holidays: bool
    day: Day
    additional: bool  # written after a comma: adds to the days instead of replacing them
    removed: tuple[Span, ...] = ()  # `, We 12:00-14:00 off`: hours taken out of the days


@dataclass
class _Tokens:
    items: list[tuple[str, str]]
    position: int = 0

    def peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.position + offset
        return self.items[index] if index < len(self.items) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.position += 1
        return token


def parse(text: str) -> OpeningHours:
    """Read OSM opening hours. Later `;` rules replace earlier ones for the days they name; `,` rules add to them."""
    if not text or not text.strip():
        raise HoursError("Aucun horaire n'est indiqué.")
    if "||" in _outside_comments(text):
        raise HoursError(
            f"Horaires illisibles : « {text.strip()} ». Les règles de secours « || » ne sont pas prises en charge : "
            f"{_ONLY_WEEK}."
        )
    chunks = _split_rules(text)
    if not chunks:
        raise HoursError("Aucun horaire n'est indiqué.")
    week = [CLOSED] * 7
    holidays: Day | None = None
    for chunk in chunks:
        try:
            rules = _parse_rule(chunk)
        except _Unreadable as error:
            raise HoursError(_message(chunk, error.reason)) from None
        for rule in rules:
            for index in rule.days:
                week[index] = _apply(week[index], rule)
            if rule.holidays:
                holidays = _apply(holidays, rule)
    return OpeningHours(
        week=(week[0], week[1], week[2], week[3], week[4], week[5], week[6]),
        holidays=holidays,
    )


def _outside_comments(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', text)


def _split_rules(text: str) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    quoted = False
    for character in text:
        if character == '"':
            quoted = not quoted
        if character == ";" and not quoted:
            chunks.append("".join(current))
            current = []
        else:
            current.append(character)
    chunks.append("".join(current))
    # A trailing `;` is a common slip and harmless; an empty rule in the middle is too.
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def _tokenize(chunk: str) -> _Tokens:
    items = []
    for match in _TOKEN.finditer(chunk):
        kind = match.lastgroup
        if kind is None:  # the pattern always names its match; this only tells mypy so
            continue
        value = match.group(kind)
        if kind == "comment":
            items.append((kind, value.strip('"')))
            continue
        if kind == "other" and value == '"':
            raise _Unreadable("Il manque un guillemet à la fin du commentaire")
        if kind == "other" and value in "–—":  # dashes typed by word processors
            kind, value = "punct", "-"
        items.append((kind, value))
    return _Tokens(items)


def _parse_rule(chunk: str) -> list[_Rule]:
    tokens = _tokenize(chunk)
    rules = [_parse_one(tokens, additional=False)]
    while tokens.peek()[0] != "end":
        kind, value = tokens.take()
        if (kind, value) != ("punct", ","):
            raise _Unreadable(_reason_for(kind, value))
        rules.append(_parse_one(tokens, additional=True))
    return rules


def _parse_one(tokens: _Tokens, *, additional: bool) -> _Rule:
    if tokens.peek()[0] == "always":
        tokens.take()
        days, holidays, selected = frozenset(range(7)), False, True
        spans: list[Span] | None = [(0, MINUTES_PER_DAY)]
    else:
        days, holidays, selected = _parse_days(tokens)
        if selected and tokens.peek() == ("punct", ":"):  # « Mo-Fr: 09:00-12:00 », a frequent slip
            tokens.take()
        spans = _parse_spans(tokens)
    modifier = ""
    if tokens.peek()[0] == "word" and tokens.peek()[1].lower() in _MODIFIERS:
        modifier = _MODIFIERS[tokens.take()[1].lower()]
    comment = tokens.take()[1].strip() if tokens.peek()[0] == "comment" else ""
    if not (selected or spans or modifier or comment):
        raise _Unreadable(_reason_for(*tokens.peek()))
    if not selected:  # a rule without days applies to every day
        days = frozenset(range(7))
    if modifier == "off":
        # `We 12:00-14:00 off` after a comma closes only those hours; after a `;` it closes the whole day.
        removed = tuple(spans) if spans and additional else ()
        return _Rule(days, holidays, Day((), comment), additional, removed)
    if modifier == "unknown" or (not spans and not modifier and comment):
        return _Rule(days, holidays, Day((), comment, unknown=True), additional)
    return _Rule(days, holidays, Day(_merge(spans or [(0, MINUTES_PER_DAY)]), comment), additional)


def _parse_days(tokens: _Tokens) -> tuple[frozenset[int], bool, bool]:
    days: set[int] = set()
    holidays = selected = False
    while True:
        kind, value = tokens.peek()
        if kind != "word":
            break
        lowered = value.lower()
        if lowered == "ph":
            tokens.take()
            holidays = True
        elif lowered in _WEEKDAY_INDEX:
            tokens.take()
            first = _WEEKDAY_INDEX[lowered]
            if tokens.peek() == ("punct", "["):
                raise _Unreadable("Les jours du mois comme « Mo[1] » ne sont pas pris en charge")
            if tokens.peek() == ("punct", "-"):
                tokens.take()
                last_kind, last_value = tokens.take()
                if last_kind != "word" or last_value.lower() not in _WEEKDAY_INDEX:
                    raise _Unreadable(_reason_for(last_kind, last_value))
                last = _WEEKDAY_INDEX[last_value.lower()]
                days.update((first + step) % 7 for step in range((last - first) % 7 + 1))
            else:
                days.add(first)
        else:
            break
        selected = True
        if tokens.peek() == ("punct", ",") and tokens.peek(1)[0] == "word":
            tokens.take()
            continue
        break
    return frozenset(days), holidays, selected


def _parse_spans(tokens: _Tokens) -> list[Span] | None:
    if tokens.peek()[0] != "time":
        return None
    spans = []
    while True:
        start_text = tokens.take()[1]
        if tokens.peek() != ("punct", "-"):
            raise _Unreadable(_reason_for(*tokens.peek()) if tokens.peek()[0] != "end" else "")
        tokens.take()
        end_kind, end_text = tokens.take()
        if end_kind != "time":
            raise _Unreadable(_reason_for(end_kind, end_text))
        start, end = _minutes(start_text, latest=24), _minutes(end_text, latest=48)
        if start >= MINUTES_PER_DAY:
            raise _Unreadable(f"L'heure « {start_text} » n'existe pas")
        if end <= start:  # `20:00-02:00` ends the next day, `10:00-10:00` is a full turn of the clock
            end += MINUTES_PER_DAY
        spans.append((start, end))
        if tokens.peek() == ("punct", ",") and tokens.peek(1)[0] == "time":
            tokens.take()
            continue
        return spans


def _minutes(text: str, *, latest: int) -> int:
    hours, minutes = (int(part) for part in text.split(":"))
    if minutes > 59 or hours * 60 + minutes > latest * 60:
        raise _Unreadable(f"L'heure « {text} » n'existe pas")
    return hours * 60 + minutes


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _apply(before: Day | None, rule: _Rule) -> Day:
    if not rule.additional or before is None:
        return rule.day
    comment = rule.day.comment or before.comment
    if rule.removed:
        return Day(_subtract(before.spans, rule.removed), comment)
    if not rule.day.spans:
        return rule.day
    return Day(_merge(before.spans + rule.day.spans), comment)


def _subtract(spans: tuple[Span, ...], removed: tuple[Span, ...]) -> tuple[Span, ...]:
    kept = list(spans)
    for cut_start, cut_end in removed:
        pieces: list[Span] = []
        for start, end in kept:
            for piece in ((start, min(end, cut_start)), (max(start, cut_end), end)):
                if piece[0] < piece[1]:
                    pieces.append(piece)
        kept = pieces
    return _merge(kept)


def _runs(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in sorted(indexes):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _reason_for(kind: str, value: str) -> str:
    lowered = value.lower()
    if kind == "end":
        return ""
    if kind == "french_time":
        return "french_time"
    if kind == "word" and lowered in _FRENCH_DAYS:
        return "french_day"
    if kind == "word" and lowered[:3] in _MONTHS and len(lowered) in (3, 4):
        return f"Les mois ne sont pas pris en charge : {_ONLY_WEEK}"
    if kind == "word" and lowered in _UNSUPPORTED_WORDS:
        return f"{_UNSUPPORTED_WORDS[lowered]} : {_ONLY_WEEK}"
    if kind == "number":
        return f"Les dates et les années ne sont pas prises en charge : {_ONLY_WEEK}"
    if kind == "punct" and value == "+":
        return "Une heure de fermeture manque (le signe « + » n'est pas pris en charge)"
    return ""


def _message(chunk: str, reason: str) -> str:
    start = f"Horaires illisibles : « {chunk} »."
    if reason in ("french_time", "french_day", ""):
        suggestion = _suggest(chunk)
        if suggestion != chunk:
            try:
                parse(suggestion)
            except HoursError:
                pass
            else:
                return f"{start} Écrivez-les comme « {suggestion} »."
        if reason == "french_time":
            return f"{start} Écrivez les heures avec deux points, comme « 09:00-12:00 »."
        if reason == "french_day":
            return f"{start} Écrivez les jours en anglais : Mo, Tu, We, Th, Fr, Sa, Su (lundi à dimanche)."
        return f"{start} Écrivez-les comme « {EXAMPLE} »."
    return f"{start} {reason}."


def _suggest(chunk: str) -> str:
    """Rewrite the French habits (`9h30`, `lundi-vendredi`, `Lu-Ve`) the way OSM expects them."""

    def time(match: re.Match[str]) -> str:
        return f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"

    def day(match: re.Match[str]) -> str:
        return _FRENCH_DAYS.get(match.group(0).lower(), match.group(0))

    rewritten = re.sub(r"\b(?:du|le|les)\s+", "", chunk, flags=re.IGNORECASE)
    rewritten = re.sub(r"\b(\d{1,2})\s*[hH]\s*(\d{2})?\b", time, rewritten)
    rewritten = re.sub(r"[^\W\d_]+", day, rewritten)
    rewritten = re.sub(r"\s*[-–—]\s*", "-", rewritten)
    rewritten = re.sub(r"\s*,\s*", ",", rewritten)
    rewritten = re.sub(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\s*(?:au|à|a)\s*(Mo|Tu|We|Th|Fr|Sa|Su)\b", r"\1-\2", rewritten)
    rewritten = re.sub(r"\b(?:de\s+)?(\d\d:\d\d)\s*(?:à|a)\s*(\d\d:\d\d)", r"\1-\2", rewritten)
    rewritten = re.sub(r"(\d\d:\d\d)\s*(?:et|/)\s*(\d\d:\d\d)", r"\1,\2", rewritten)
    return re.sub(r"\s+", " ", rewritten).strip()


# --- Writing -------------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """The canonical OSM form of `text`: one rule per group of identical days, Monday first, `PH` last."""
    return to_osm(parse(text))


def to_osm(hours: OpeningHours) -> str:
    if hours.always_open and hours.holidays is None:
        return "24/7"
    rules = []
    seen: list[Day] = []
    for day in hours.week:
        if day in seen or day == CLOSED:
            continue
        seen.append(day)
        indexes = [index for index, other in enumerate(hours.week) if other == day]
        rules.append(_osm_rule(_osm_days(indexes), day))
    if hours.holidays is not None:
        rules.append(_osm_rule("PH", hours.holidays))
    return "; ".join(rules) if rules else "off"


def _osm_days(indexes: list[int]) -> str:
    parts = []
    for run in _runs(indexes):
        if len(run) >= 3:
            parts.append(f"{WEEKDAYS[run[0]]}-{WEEKDAYS[run[-1]]}")
        else:
            parts.extend(WEEKDAYS[index] for index in run)
    return ",".join(parts)


def _osm_rule(days: str, day: Day) -> str:
    if day.spans:
        body = ",".join(f"{_osm_time(start)}-{_osm_end(start, end)}" for start, end in day.spans)
    elif day.unknown:
        body = "" if day.comment else "unknown"
    else:
        body = "off"
    comment = f'"{day.comment}"' if day.comment else ""
    return " ".join(part for part in (days, body, comment) if part)


def _osm_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _osm_end(start: int, end: int) -> str:
    # `20:00-02:00` reads as the next day; a span that ends the next day after its start hour needs `26:00`.
    if end > MINUTES_PER_DAY and end - MINUTES_PER_DAY <= start:
        return _osm_time(end - MINUTES_PER_DAY)
    return _osm_time(end)


# --- Describing in French ------------------------------------------------------------------------------------


def describe(hours: OpeningHours) -> list[str]:
    """French lines, consecutive days with the same hours grouped: « Du lundi au vendredi : de 9 h à 12 h »."""
    if hours.always_open:
        return ["Ouvert 24 h sur 24, 7 jours sur 7"]
    lines = []
    if all(day == CLOSED for day in hours.week):
        lines.append("Fermé tous les jours")
    elif all(day == hours.week[0] for day in hours.week):
        lines.append(f"Tous les jours : {_describe_day(hours.week[0])}")
    else:
        index = 0
        while index < 7:
            last = index
            while last + 1 < 7 and hours.week[last + 1] == hours.week[index]:
                last += 1
            lines.append(f"{_describe_days(index, last)} : {_describe_day(hours.week[index])}")
            index = last + 1
    if hours.holidays == CLOSED:
        lines.append("Fermé les jours fériés")
    elif hours.holidays is not None:
        lines.append(f"Jours fériés : {_describe_day(hours.holidays)}")
    return lines


def _describe_days(first: int, last: int) -> str:
    if first == last:
        return DAY_NAMES[first].capitalize()
    if last == first + 1:
        return f"{DAY_NAMES[first].capitalize()} et {DAY_NAMES[last]}"
    return f"Du {DAY_NAMES[first]} au {DAY_NAMES[last]}"


def _describe_day(day: Day) -> str:
    if day.spans == ((0, MINUTES_PER_DAY),):
        text = "ouvert 24 h sur 24"
    elif day.spans:
        parts = [_describe_span(start, end) for start, end in day.spans]
        text = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} et {parts[-1]}"
    elif day.unknown:
        return day.comment or "horaires non précisés"
    else:
        text = "fermé"
    return f"{text} ({day.comment})" if day.comment else text


def _describe_span(start: int, end: int) -> str:
    if end > MINUTES_PER_DAY:
        return f"de {french_time(start)} à {french_time(end - MINUTES_PER_DAY)} le lendemain"
    return f"de {french_time(start)} à {french_time(end)}"


def french_time(minutes: int) -> str:
    """`570` → « 9 h 30 », `0` → « 0 h »; `1440`, the end of a day, → « minuit »."""
    if minutes == MINUTES_PER_DAY:
        return "minuit"
    hours, rest = divmod(minutes % MINUTES_PER_DAY, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


# --- Open or closed ------------------------------------------------------------------------------------------

# How far status_at looks for the next change: three weeks cover a weekly place whose opening day falls on two
# holidays in a row (May 1st and 8th are both Wednesdays in 2024).
_HORIZON_DAYS = 22


def status_at(hours: OpeningHours, moment: datetime, *, public_holidays: Collection[date] | None = None) -> Status:
    """Whether the place is open at `moment`, the wall-clock time where the place is.

    Pass a naive local datetime (Europe/Paris for mainland places, Pacific/Noumea in Nouvelle-Calédonie…) or an
    aware one already converted with `astimezone`: only its wall-clock fields are used. `public_holidays` defaults
    to the national holidays of mainland France (see `french_public_holidays`); pass the local list elsewhere.
    """
    local = moment.replace(tzinfo=None, second=0, microsecond=0)
    if public_holidays is None:
        public_holidays = _national_holidays_around(local.date())
    intervals = list(_intervals(hours, local.date(), public_holidays))
    current = next(((start, end) for start, end in intervals if start <= local < end), None)
    if current is not None:
        end = current[1]
        extended = True
        while extended:  # chain spans that touch, like `Mo-Su 00:00-24:00` or `18:00-24:00` then `00:00-02:00`
            extended = False
            for start, other_end in intervals:
                if start <= end < other_end:
                    end, extended = other_end, True
        horizon = datetime.combine(local.date(), datetime.min.time()) + timedelta(days=_HORIZON_DAYS)
        if end >= horizon - timedelta(days=1):
            label = "Ouvert 24 h sur 24" if hours.always_open else "Ouvert maintenant"
            return Status(True, label, None)
        return Status(True, f"Ouvert maintenant, jusqu'à {_until(local, end)}", end.replace(tzinfo=moment.tzinfo))
    upcoming = [start for start, _ in intervals if start > local]
    on_holiday = hours.holidays is not None and local.date() in public_holidays
    closed = "Fermé (jour férié)" if on_holiday else "Fermé"
    if not upcoming:
        return Status(False, closed, None)
    opening = min(upcoming)
    return Status(False, f"{closed}, ouvre {_when(local, opening)}", opening.replace(tzinfo=moment.tzinfo))


def _intervals(
    hours: OpeningHours, today: date, public_holidays: Collection[date]
) -> Iterator[tuple[datetime, datetime]]:
    for offset in range(-1, _HORIZON_DAYS):
        day_date = today + timedelta(days=offset)
        day = hours.week[day_date.weekday()]
        if hours.holidays is not None and day_date in public_holidays:
            day = hours.holidays
        midnight = datetime.combine(day_date, datetime.min.time())
        for start, end in day.spans:
            yield midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)


def _until(now: datetime, end: datetime) -> str:
    """« 18 h », « minuit », « demain à 2 h », « vendredi à minuit »: a span ending at 0 h ends the day before."""
    if end.time() == datetime.min.time():
        return _on_day(now.date(), end.date() - timedelta(days=1), "minuit", same_day="")
    return _on_day(now.date(), end.date(), french_time(end.hour * 60 + end.minute), same_day="")


def _when(now: datetime, moment: datetime) -> str:
    time = french_time(moment.hour * 60 + moment.minute)
    return _on_day(now.date(), moment.date(), time, same_day="aujourd'hui")


def _on_day(today: date, day: date, time: str, *, same_day: str) -> str:
    days = (day - today).days
    if days == 0:
        return f"{same_day} à {time}" if same_day else time
    if days == 1:
        return f"demain à {time}"
    name = DAY_NAMES[day.weekday()]
    if days < 7:
        return f"{name} à {time}"
    if days == 7:
        return f"{name} prochain à {time}"
    return f"le {name} {day.day} {MONTH_NAMES[day.month - 1]} à {time}"


# --- Public holidays -----------------------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the computus of Gauss as completed by Meeus)."""
    golden = year % 19
    century, year_in_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    moon_shift = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_shift + 15) % 30
    leap_years, year_rest = divmod(year_in_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * correction + 114, 31)
    return date(year, month, day + 1)


@cache
def french_public_holidays(year: int) -> frozenset[date]:
    """The eleven national public holidays of mainland France (without the two extra days of Alsace-Moselle)."""
    easter = easter_sunday(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    moving = [easter + timedelta(days=offset) for offset in (1, 39, 50)]  # Monday, Ascension, Whit Monday
    return frozenset([date(year, month, day) for month, day in fixed] + moving)


def _national_holidays_around(today: date) -> frozenset[date]:
    return (
        french_public_holidays(today.year - 1)
        | french_public_holidays(today.year)
        | french_public_holidays(today.year + 1)
    )


__all__ = [
    "Day",
    "HoursError",
    "OpeningHours",
    "Status",
    "describe",
    "easter_sunday",
    "french_public_holidays",
    "french_time",
    "normalise",
    "parse",
    "status_at",
    "to_osm",
]
