"""Opening hours in OpenStreetMap syntax: reading, writing back, French descriptions and « ouvert maintenant »."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediane.structures.hours import (
    ALL_DAY,
    CLOSED,
    Day,
    HoursError,
    OpeningHours,
    describe,
    easter_sunday,
    french_public_holidays,
    french_time,
    normalise,
    parse,
    status_at,
)

LIEUX = Path(__file__).resolve().parents[3] / "shared" / "data" / "lieux"
NOUVELLE_CALEDONIE = LIEUX / "nouvelle-caledonie-schema-v1.json"
LEGACY = LIEUX / "auvergne-rhone-alpes-hub-legacy.json"

LIBRARY = "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:30; PH off"
MO, TU, WE, TH, FR, SA, SU = range(7)


def at(text: str) -> datetime:
    """A naive local moment; 2024-04-08 is a Monday, 2024-05-01 (Wednesday) and 2024-05-08 are public holidays."""
    return datetime.fromisoformat(text)


def spans(hours: OpeningHours, weekday: int) -> tuple[tuple[int, int], ...]:
    return hours.week[weekday].spans


# --- Reading -------------------------------------------------------------------------------------------------


def test_a_weekday_range_with_two_spans_opens_those_days_only():
    hours = parse("Mo-Fr 09:00-12:00,14:00-18:00")
    for weekday in (MO, TU, WE, TH, FR):
        assert spans(hours, weekday) == ((540, 720), (840, 1080))
    assert hours.week[SA] == hours.week[SU] == CLOSED
    assert hours.holidays is None


def test_weekday_lists_and_ranges_mix():
    hours = parse("Tu-Th,Sa 10:00-12:00; Mo,We,Fr 16:00-17:00")
    assert [bool(day.spans) for day in hours.week] == [True, True, True, True, True, True, False]
    assert spans(hours, WE) == ((960, 1020),)
    assert spans(hours, TH) == ((600, 720),)


def test_a_weekday_range_may_wrap_round_the_week_end():
    assert [bool(day.spans) for day in parse("Fr-Mo 10:00-12:00").week] == [True, False, False, False, True, True, True]


def test_a_later_rule_replaces_the_earlier_hours_of_its_days():
    hours = parse("Mo-Fr 08:00-16:00; Tu 13:00-16:00")
    assert spans(hours, MO) == ((480, 960),)
    assert spans(hours, TU) == ((780, 960),)


def test_a_rule_after_a_comma_adds_to_the_days_instead_of_replacing_them():
    hours = parse("Mo-Fr 09:00-12:00, We 14:00-18:00")
    assert spans(hours, WE) == ((540, 720), (840, 1080))
    assert spans(hours, TU) == ((540, 720),)


def test_off_after_a_comma_only_closes_the_hours_it_names():
    hours = parse("Mo-Fr 09:00-18:00, We 12:00-14:00 off")
    assert spans(hours, WE) == ((540, 720), (840, 1080))
    assert spans(hours, TH) == ((540, 1080),)


@pytest.mark.parametrize("word", ["off", "closed"])
def test_off_and_closed_close_the_whole_day(word):
    hours = parse(f"Mo-Sa 08:00-17:00; We {word}")
    assert hours.week[WE] == CLOSED
    assert spans(hours, TH) == ((480, 1020),)


def test_a_time_without_days_applies_to_every_day():
    assert all(day.spans == ((600, 720),) for day in parse("10:00-12:00").week)


def test_days_without_time_are_open_all_day():
    hours = parse("Sa-Su")
    assert hours.week[SA] == hours.week[SU] == ALL_DAY
    assert hours.week[MO] == CLOSED


def test_24_7_is_always_open_and_equals_every_day_from_0_to_24_h():
    assert parse("24/7").always_open
    assert parse("24/7") == parse("Mo-Su 00:00-24:00")
    assert not parse("24/7; PH off").always_open


def test_a_span_past_midnight_belongs_to_the_day_it_starts():
    hours = parse("Fr 20:00-02:00")
    assert spans(hours, FR) == ((1200, 1560),)
    assert hours.week[SA] == CLOSED


def test_extended_hours_and_wrapped_hours_are_the_same():
    assert parse("Mo 20:00-26:00") == parse("Mo 20:00-02:00")


def test_24_00_ends_the_day():
    assert spans(parse("Mo 18:00-24:00"), MO) == ((1080, 1440),)


def test_overlapping_and_touching_spans_are_merged():
    assert spans(parse("Mo 09:00-12:00,11:00-13:00,13:00-14:00"), MO) == ((540, 840),)


def test_public_holidays_off_is_recorded():
    hours = parse(LIBRARY)
    assert hours.closed_on_public_holidays
    assert hours.holidays == CLOSED


def test_public_holidays_can_have_their_own_hours_and_share_a_rule_with_weekdays():
    hours = parse("Mo-Fr,PH 10:00-12:00")
    assert hours.holidays == Day(((600, 720),))
    assert not hours.closed_on_public_holidays
    assert spans(hours, MO) == ((600, 720),)


def test_a_comment_is_kept_with_its_days():
    hours = parse('Mo-Fr 09:00-12:00; Sa 10:00-12:00 "sur rendez-vous"')
    assert hours.week[SA] == Day(((600, 720),), "sur rendez-vous")
    assert hours.week[FR].comment == ""


def test_a_comment_alone_leaves_the_hours_unknown():
    assert parse('Sa "sur rendez-vous"').week[SA] == Day((), "sur rendez-vous", unknown=True)


def test_a_semicolon_inside_a_comment_does_not_split_the_rules():
    assert parse('Mo 08:00-12:00 "le matin; pas l\'après-midi"').week[MO].comment == "le matin; pas l'après-midi"


@pytest.mark.parametrize(
    "sloppy",
    [
        "Mo-Fr 09:00-12:00, 14:00-18:00",
        "Mo-Fr 09:00 - 12:00 , 14:00 – 18:00;",
        "mo-fr 9:00-12:00,14:00-18:00",
        "Mo-Fr: 09:00-12:00,14:00-18:00",
        "  Mo-Fr   09:00-12:00,14:00-18:00 ; ; ",
    ],
)
def test_harmless_slips_are_forgiven(sloppy):
    assert parse(sloppy) == parse("Mo-Fr 09:00-12:00,14:00-18:00")


# --- Errors --------------------------------------------------------------------------------------------------


def test_hours_error_is_a_value_error():
    assert issubclass(HoursError, ValueError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Mo-Fr 9h-12h",
            "Horaires illisibles : « Mo-Fr 9h-12h ». Écrivez-les comme « Mo-Fr 09:00-12:00 ».",
        ),
        (
            "Mo-Fr 09:00-12:00; Sa 9h30-12h",
            "Horaires illisibles : « Sa 9h30-12h ». Écrivez-les comme « Sa 09:30-12:00 ».",
        ),
        (
            "Lundi au vendredi de 9h à 12h et de 14h à 17h30",
            "Horaires illisibles : « Lundi au vendredi de 9h à 12h et de 14h à 17h30 ». "
            "Écrivez-les comme « Mo-Fr 09:00-12:00,14:00-17:30 ».",
        ),
        (
            "Lu-Ve 09:00-12:00",
            "Horaires illisibles : « Lu-Ve 09:00-12:00 ». Écrivez-les comme « Mo-Fr 09:00-12:00 ».",
        ),
        (
            "Mo 09:60-10:00",
            "Horaires illisibles : « Mo 09:60-10:00 ». L'heure « 09:60 » n'existe pas.",
        ),
        (
            "Mo 25:00-26:00",
            "Horaires illisibles : « Mo 25:00-26:00 ». L'heure « 25:00 » n'existe pas.",
        ),
        (
            'Mo 09:00-12:00 "sur rendez-vous',
            'Horaires illisibles : « Mo 09:00-12:00 "sur rendez-vous ». '
            "Il manque un guillemet à la fin du commentaire.",
        ),
        (
            "Mo 10:00",
            "Horaires illisibles : « Mo 10:00 ». Écrivez-les comme « Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00 ».",
        ),
    ],
)
def test_unreadable_hours_say_which_part_and_how_to_write_it(text, message):
    with pytest.raises(HoursError) as error:
        parse(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("text", "part", "reason"),
    [
        ("Jan-Mar Mo 10:00-12:00", "Jan-Mar Mo 10:00-12:00", "Les mois ne sont pas pris en charge"),
        ("Mo-Fr 09:00-12:00; week 1-10 Mo off", "week 1-10 Mo off", "Les numéros de semaine"),
        ("Mo-Fr 09:00-12:00 SH off", "Mo-Fr 09:00-12:00 SH off", "Les vacances scolaires"),
        ("sunrise-sunset", "sunrise-sunset", "lever et du coucher du soleil"),
        ("2024 Mo 10:00-12:00", "2024 Mo 10:00-12:00", "Les dates et les années"),
        ("Mo[1] 10:00-12:00", "Mo[1] 10:00-12:00", "Les jours du mois"),
        ("Mo-Fr 10:00+", "Mo-Fr 10:00+", "Une heure de fermeture manque"),
        ("Mo-Fr 10:00-12:00 || Sa off", "Mo-Fr 10:00-12:00 || Sa off", "Les règles de secours"),
        ("Mo-Fr 09:00-12:00,", "Mo-Fr 09:00-12:00,", "Écrivez-les comme"),
        ("Mo-", "Mo-", "Écrivez-les comme"),
        ("@", "@", "Écrivez-les comme"),
    ],
)
def test_unsupported_constructs_raise_a_french_hours_error_naming_the_part(text, part, reason):
    with pytest.raises(HoursError) as error:
        parse(text)
    assert str(error.value).startswith(f"Horaires illisibles : « {part} ».")
    assert reason in str(error.value)


@pytest.mark.parametrize("empty", ["", "   ", ";"])
def test_empty_hours_are_an_error(empty):
    with pytest.raises(HoursError, match="Aucun horaire n'est indiqué."):
        parse(empty)


# --- Writing back --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (LIBRARY, LIBRARY),
        ("Mo-Fr 08:00-16:00; Tu 13:00-16:00", "Mo,We-Fr 08:00-16:00; Tu 13:00-16:00"),
        ("Mo-Su 00:00-24:00", "24/7"),
        ("10:00-12:00", "Mo-Su 10:00-12:00"),
        ("Mo 20:00-26:00", "Mo 20:00-02:00"),
        ("Mo 10:00-11:00; Mo off", "off"),
        ("Sa,Mo,Su 10:00-12:00", "Mo,Sa,Su 10:00-12:00"),
        ('Sa "sur rendez-vous"', 'Sa "sur rendez-vous"'),
        ("Sa unknown", "Sa unknown"),
        ('Sa off "travaux"', 'Sa off "travaux"'),
        ("24/7; PH off", "Mo-Su 00:00-24:00; PH off"),
    ],
)
def test_normalise_writes_the_canonical_form(text, canonical):
    assert normalise(text) == canonical
    assert parse(canonical) == parse(text)


# --- Describing ----------------------------------------------------------------------------------------------


def test_describe_groups_consecutive_days_and_names_public_holidays():
    assert describe(parse(LIBRARY)) == [
        "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 18 h",
        "Samedi : de 10 h à 12 h 30",
        "Dimanche : fermé",
        "Fermé les jours fériés",
    ]


def test_describe_does_not_group_days_that_are_not_next_to_each_other():
    assert describe(parse("Mo,We 10:00-12:00")) == [
        "Lundi : de 10 h à 12 h",
        "Mardi : fermé",
        "Mercredi : de 10 h à 12 h",
        "Du jeudi au dimanche : fermé",
    ]


def test_describe_joins_two_days_with_et_and_lists_three_spans():
    assert describe(parse("Mo-Fr 08:00-09:00,10:00-11:00,14:05-18:00")) == [
        "Du lundi au vendredi : de 8 h à 9 h, de 10 h à 11 h et de 14 h 05 à 18 h",
        "Samedi et dimanche : fermé",
    ]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("24/7", ["Ouvert 24 h sur 24, 7 jours sur 7"]),
        ("off", ["Fermé tous les jours"]),
        ("10:00-18:00; PH off", ["Tous les jours : de 10 h à 18 h", "Fermé les jours fériés"]),
        ("Mo-Su 20:00-02:00", ["Tous les jours : de 20 h à 2 h le lendemain"]),
        ("Mo-Su 18:00-24:00", ["Tous les jours : de 18 h à minuit"]),
        ("Mo-Su 00:00-02:00", ["Tous les jours : de 0 h à 2 h"]),
        ("Sa-Su; Mo-Fr off", ["Du lundi au vendredi : fermé", "Samedi et dimanche : ouvert 24 h sur 24"]),
        ("Mo-Su 10:00-12:00; PH 10:00-11:00", ["Tous les jours : de 10 h à 12 h", "Jours fériés : de 10 h à 11 h"]),
        (
            'Mo-Sa 10:00-12:00 "sur rendez-vous"; Su "le premier du mois"',
            ["Du lundi au samedi : de 10 h à 12 h (sur rendez-vous)", "Dimanche : le premier du mois"],
        ),
        ('Mo-Su off "travaux"', ["Tous les jours : fermé (travaux)"]),
        ("Mo-Su unknown", ["Tous les jours : horaires non précisés"]),
    ],
)
def test_describe_says_it_in_plain_french(text, lines):
    assert describe(parse(text)) == lines


@pytest.mark.parametrize(
    ("minutes", "text"), [(540, "9 h"), (750, "12 h 30"), (545, "9 h 05"), (0, "0 h"), (1440, "minuit")]
)
def test_french_time_writes_hours_the_french_way(minutes, text):
    assert french_time(minutes) == text


# --- Open or closed ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "is_open", "label"),
    [
        ("2024-04-08T08:59", False, "Fermé, ouvre aujourd'hui à 9 h"),
        ("2024-04-08T09:00", True, "Ouvert maintenant, jusqu'à 12 h"),
        ("2024-04-08T11:59", True, "Ouvert maintenant, jusqu'à 12 h"),
        ("2024-04-08T12:00", False, "Fermé, ouvre aujourd'hui à 14 h"),
        ("2024-04-08T13:30", False, "Fermé, ouvre aujourd'hui à 14 h"),
        ("2024-04-08T14:00", True, "Ouvert maintenant, jusqu'à 18 h"),
        ("2024-04-08T18:00", False, "Fermé, ouvre demain à 9 h"),
        ("2024-04-12T18:30", False, "Fermé, ouvre demain à 10 h"),
        ("2024-04-13T10:15", True, "Ouvert maintenant, jusqu'à 12 h 30"),
        ("2024-04-13T12:30", False, "Fermé, ouvre lundi à 9 h"),
        ("2024-04-14T11:00", False, "Fermé, ouvre demain à 9 h"),
        ("2024-05-01T10:00", False, "Fermé (jour férié), ouvre demain à 9 h"),
        ("2024-05-07T19:00", False, "Fermé, ouvre vendredi à 9 h"),  # May 8th and Ascension Day are holidays
    ],
)
def test_status_around_the_opening_hours_of_a_library(moment, is_open, label):
    status = status_at(parse(LIBRARY), at(moment))
    assert (status.is_open, status.label) == (is_open, label)


def test_status_says_when_it_changes():
    assert status_at(parse(LIBRARY), at("2024-04-08T10:00")).changes_at == at("2024-04-08T12:00")
    assert status_at(parse(LIBRARY), at("2024-04-13T13:00")).changes_at == at("2024-04-15T09:00")


@pytest.mark.parametrize(
    ("moment", "is_open", "label"),
    [
        ("2024-04-12T19:59", False, "Fermé, ouvre aujourd'hui à 20 h"),
        ("2024-04-12T23:30", True, "Ouvert maintenant, jusqu'à demain à 2 h"),
        ("2024-04-13T01:59", True, "Ouvert maintenant, jusqu'à 2 h"),
        ("2024-04-13T02:00", False, "Fermé, ouvre vendredi à 20 h"),
        ("2024-04-12T02:00", False, "Fermé, ouvre aujourd'hui à 20 h"),
        ("2024-04-12T21:00", True, "Ouvert maintenant, jusqu'à demain à 2 h"),
        ("2024-04-08T01:00", False, "Fermé, ouvre vendredi à 20 h"),
    ],
)
def test_status_follows_a_span_past_midnight(moment, is_open, label):
    status = status_at(parse("Fr 20:00-02:00"), at(moment))
    assert (status.is_open, status.label) == (is_open, label)


def test_a_place_open_until_midnight_closes_at_minuit():
    assert status_at(parse("Mo-Fr 18:00-24:00"), at("2024-04-08T23:00")).label == "Ouvert maintenant, jusqu'à minuit"
    assert status_at(parse("Mo-Fr"), at("2024-04-08T23:00")).label == "Ouvert maintenant, jusqu'à vendredi à minuit"


def test_touching_spans_across_midnight_are_one_opening():
    status = status_at(parse("Mo-Sa 18:00-24:00, Tu-Su 00:00-02:00"), at("2024-04-08T21:00"))
    assert status.label == "Ouvert maintenant, jusqu'à demain à 2 h"


def test_a_place_always_open_never_closes():
    status = status_at(parse("24/7"), at("2024-04-08T03:00"))
    assert (status.is_open, status.label, status.changes_at) == (True, "Ouvert 24 h sur 24", None)


def test_a_place_open_every_day_but_closed_on_holidays_closes_on_the_next_one():
    status = status_at(parse("24/7; PH off"), at("2024-04-29T10:00"))
    assert status.label == "Ouvert maintenant, jusqu'à demain à minuit"  # May 1st, a Wednesday


def test_a_place_that_never_opens_is_just_closed():
    assert status_at(parse("off"), at("2024-04-08T10:00")) == status_at(
        parse('Sa "sur rendez-vous"'), at("2024-04-08T10:00")
    )
    status = status_at(parse("off"), at("2024-04-08T10:00"))
    assert (status.is_open, status.label, status.changes_at) == (False, "Fermé", None)


def test_a_weekly_opening_falling_on_a_holiday_is_put_off_a_week():
    status = status_at(parse("We 10:00-12:00; PH off"), at("2024-04-30T10:00"))  # May 1st and 8th
    assert status.label == "Fermé, ouvre le mercredi 15 mai à 10 h"


def test_a_weekly_opening_seven_days_ahead_is_next_week():
    assert status_at(parse("Mo 10:00-12:00"), at("2024-04-08T13:00")).label == "Fermé, ouvre lundi prochain à 10 h"


def test_public_holidays_are_ordinary_days_without_a_ph_rule():
    assert status_at(parse("We 10:00-12:00"), at("2024-05-01T10:00")).is_open


def test_the_caller_may_give_local_public_holidays():
    hours = parse("Tu 10:00-12:00; PH off")
    citizenship_day = date(2024, 9, 24)  # Nouvelle-Calédonie
    assert status_at(hours, at("2024-09-24T10:00")).is_open
    assert not status_at(hours, at("2024-09-24T10:00"), public_holidays={citizenship_day}).is_open


def test_an_aware_moment_is_read_on_its_own_wall_clock():
    moment = datetime(2024, 4, 8, 9, 30, tzinfo=ZoneInfo("Pacific/Noumea"))
    status = status_at(parse(LIBRARY), moment)
    assert status.is_open
    assert status.changes_at == datetime(2024, 4, 8, 12, 0, tzinfo=ZoneInfo("Pacific/Noumea"))


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2019, date(2019, 4, 21)), (2038, date(2038, 4, 25))],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


def test_the_french_public_holidays_of_2024():
    assert sorted(french_public_holidays(2024)) == [
        date(2024, 1, 1),
        date(2024, 4, 1),
        date(2024, 5, 1),
        date(2024, 5, 8),
        date(2024, 5, 9),
        date(2024, 5, 20),
        date(2024, 7, 14),
        date(2024, 8, 15),
        date(2024, 11, 1),
        date(2024, 11, 11),
        date(2024, 12, 25),
    ]


# --- Properties ----------------------------------------------------------------------------------------------

WINDOW_START = datetime.fromisoformat("2024-04-29T00:00")  # a Monday; May 1st, 8th and 9th are holidays
HOLIDAYS = french_public_holidays(2024)

day_sets = st.frozensets(st.integers(0, 6), min_size=1)
raw_spans = st.lists(
    st.tuples(st.integers(0, 95).map(lambda quarter: quarter * 15), st.integers(1, 96).map(lambda n: n * 15)).map(
        lambda pair: (pair[0], pair[0] + pair[1])
    ),
    min_size=1,
    max_size=3,
)
rules = st.fixed_dictionaries(
    {
        "days": st.none() | day_sets,
        "holidays": st.booleans(),
        "spans": st.none() | raw_spans,  # None: off
        "additional": st.booleans(),
        "closed_word": st.sampled_from(["off", "closed"]),
        "ranges": st.booleans(),
    }
)


def osm_days(days, holidays, ranges):
    names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    parts, ordered = [], sorted(days)
    while ordered:
        run = [ordered.pop(0)]
        while ordered and ordered[0] == run[-1] + 1:
            run.append(ordered.pop(0))
        if ranges and len(run) >= 2:
            parts.append(f"{names[run[0]]}-{names[run[-1]]}")
        else:
            parts.extend(names[index] for index in run)
    return ",".join((["PH"] if holidays else []) + parts)


def adds(rule):
    """Whether the rule is written after a comma. Only rules with days and hours are, since `Mo 10:00-12:00,
    14:00-16:00` would read as a second span of Monday."""
    return rule["additional"] and rule["spans"] is not None and rule["days"] is not None


def osm_time(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def osm_text(rule_list):
    text = ""
    for position, rule in enumerate(rule_list):
        holidays = rule["holidays"] and rule["days"] is not None
        selector = osm_days(rule["days"], holidays, rule["ranges"]) if rule["days"] is not None else ""
        if rule["spans"] is None:
            body = rule["closed_word"]
        else:
            body = ",".join(
                f"{osm_time(start)}-{osm_time(end % 1440 if end > 1440 else end)}" for start, end in rule["spans"]
            )
        separator = ", " if adds(rule) else "; "
        text += ("" if position == 0 else separator) + f"{selector} {body}".strip()
    return text


def reference_week(rule_list):
    """The meaning of the generated rules, worked out without the parser: per weekday and for holidays a set of
    (start, end) minutes, replaced by `;` rules and added to by `,` rules."""
    week = [set() for _ in range(7)]
    holidays = None
    for position, rule in enumerate(rule_list):
        added = adds(rule) and position > 0
        new = set(rule["spans"] or [])
        for index in rule["days"] if rule["days"] is not None else range(7):
            week[index] = week[index] | new if added else new
        if rule["holidays"] and rule["days"] is not None:
            holidays = (holidays | new) if added and holidays is not None else new
    return week, holidays


def reference_intervals(rule_list, first_day, last_day):
    week, holidays = reference_week(rule_list)
    for offset in range(first_day, last_day):
        day = (WINDOW_START + timedelta(days=offset)).date()
        chosen = holidays if holidays is not None and day in HOLIDAYS else week[day.weekday()]
        midnight = WINDOW_START + timedelta(days=offset)
        for start, end in chosen:
            yield midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)


@settings(max_examples=300, deadline=None)
@given(st.lists(rules, min_size=1, max_size=5))
def test_normalised_hours_read_back_the_same(rule_list):
    text = osm_text(rule_list)
    assert parse(normalise(text)) == parse(text), (text, normalise(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(rules, min_size=1, max_size=5), st.integers(0, 14 * 24 * 60 - 1))
def test_status_agrees_with_a_minute_by_minute_check_of_the_rules(rule_list, minute):
    moment = WINDOW_START + timedelta(minutes=minute)
    intervals = list(reference_intervals(rule_list, -1, 45))
    is_open = any(start <= moment < end for start, end in intervals)
    status = status_at(parse(osm_text(rule_list)), moment)
    assert status.is_open == is_open
    assert status.label.startswith("Ouvert" if is_open else "Fermé")
    changes = sorted(point for interval in intervals for point in interval if point > moment)
    next_change = next((point for point in changes if any(s <= point < e for s, e in intervals) != is_open), None)
    if status.changes_at is None:
        assert next_change is None or next_change - moment > timedelta(days=13)
    else:
        assert status.changes_at == next_change


# --- Real data -----------------------------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.skipif(not NOUVELLE_CALEDONIE.exists(), reason="../shared/data is absent")
@pytest.mark.parametrize("path", [NOUVELLE_CALEDONIE, LEGACY], ids=["nouvelle-caledonie", "legacy-hub"])
def test_every_published_opening_hours_value_is_read(path):
    values = [record["horaires"] for record in json.loads(path.read_text()) if record.get("horaires")]
    unreadable = []
    for value in values:
        try:
            hours = parse(value)
        except HoursError as error:
            unreadable.append(str(error))
            continue
        assert parse(normalise(value)) == hours
        assert describe(hours)
    assert len(values) > 50
    assert unreadable == []
