"""The geo engine against known distances and, on random places, against a brute-force haversine search."""

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediane.orientation.geo import EARTH_RADIUS_KM, Match, Place, PlaceIndex, haversine_km

HALF_CIRCUMFERENCE = math.pi * EARTH_RADIUS_KM
TAGS = ("accès", "démarches", "parentalité", "rare")

# Every way to choose between walking the tree and scanning: the answer must not depend on it.
TUNINGS = (
    {},
    {"scan_below": 0},
    {"scan_below": 0, "tree_budget": 12},
    {"scan_below": 10**9},
)


def brute_force(places, latitude, longitude, limit=5, required=frozenset(), max_km=None):
    """Every qualifying place with its distance, nearest first, ties by id: the reference answer."""
    found = []
    for place in places:
        distance = haversine_km(latitude, longitude, place.latitude, place.longitude)
        if set(required) <= place.tags and (max_km is None or distance <= max_km):
            found.append(Match(place.id, distance))
    return sorted(found, key=lambda match: (match.distance_km, match.id))[:limit]


def assert_same_answer(got, expected, places, latitude, longitude):
    """Same length, same distances to 1e-6 km, same ids in the same order. Where ids differ, the two places
    must be at the same distance to 1e-9 km: a tie that the two formulas round differently."""
    assert len(got) == len(expected)
    assert len({match.id for match in got}) == len(got)
    by_id = {place.id: place for place in places}
    for mine, reference in zip(got, expected, strict=True):
        assert mine.distance_km == pytest.approx(reference.distance_km, abs=1e-6)
        if mine.id != reference.id:
            place = by_id[mine.id]
            true_distance = haversine_km(latitude, longitude, place.latitude, place.longitude)
            assert true_distance == pytest.approx(reference.distance_km, abs=1e-9)


# --- distances ---------------------------------------------------------------------------------------------------


def test_paris_to_lyon_is_about_392_km():
    assert haversine_km(48.8566, 2.3522, 45.7640, 4.8357) == pytest.approx(391.5, abs=0.5)


def test_a_point_is_at_zero_km_from_itself():
    assert haversine_km(45.764, 4.8357, 45.764, 4.8357) == 0.0


def test_antipodes_are_half_a_circumference_apart():
    assert haversine_km(0, 0, 0, 180) == pytest.approx(HALF_CIRCUMFERENCE, abs=1e-6)
    assert haversine_km(45, 10, -45, -170) == pytest.approx(HALF_CIRCUMFERENCE, abs=1e-6)
    assert haversine_km(90, 0, -90, 0) == pytest.approx(HALF_CIRCUMFERENCE, abs=1e-6)


def test_one_degree_across_the_date_line_is_one_degree():
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(HALF_CIRCUMFERENCE / 180, abs=1e-6)


def test_the_pole_is_one_point_whatever_the_longitude():
    assert haversine_km(90, 0, 90, 123) == pytest.approx(0, abs=1e-9)
    assert haversine_km(89, 0, 89, 180) == pytest.approx(2 * HALF_CIRCUMFERENCE / 180, abs=1e-6)


# --- nearest -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tuning", TUNINGS)
def test_places_come_nearest_first(tuning):
    places = [
        Place(1, 45.764, 4.8357),  # Lyon
        Place(2, 48.8566, 2.3522),  # Paris
        Place(3, 45.1885, 5.7245),  # Grenoble
        Place(4, 43.2965, 5.3698),  # Marseille
    ]
    found = PlaceIndex(places, **tuning).nearest(45.75, 4.85, limit=3)
    assert [match.id for match in found] == [1, 3, 4]
    assert found[0].distance_km == pytest.approx(haversine_km(45.75, 4.85, 45.764, 4.8357))


@pytest.mark.parametrize("tuning", TUNINGS)
def test_places_at_the_same_distance_come_by_id(tuning):
    places = [Place(30, 45.0, 5.0), Place(10, 45.0, 5.0), Place(20, 45.0, 5.0), Place(5, 46.0, 5.0)]
    found = PlaceIndex(places, **tuning).nearest(45.0, 5.0, limit=3)
    assert found == [Match(10, 0.0), Match(20, 0.0), Match(30, 0.0)]


@pytest.mark.parametrize("tuning", TUNINGS)
def test_a_tie_that_the_limit_cuts_through_is_still_broken_by_id(tuning):
    tied_ids = list(range(100, 140))
    random.Random(0).shuffle(tied_ids)
    places = [Place(place_id, 45.0, 5.0) for place_id in tied_ids]
    places += [Place(999, 45.0001, 5.0), Place(1, 45.2, 5.0), Place(2, 46.0, 5.0)]
    index = PlaceIndex(places, **tuning)
    assert [match.id for match in index.nearest(45.0001, 5.0, limit=4)] == [999, 100, 101, 102]
    assert [match.id for match in index.nearest(45.0, 5.0, limit=2)] == [100, 101]


@pytest.mark.parametrize("tuning", TUNINGS)
def test_the_nearest_place_may_be_across_the_date_line(tuning):
    places = [Place(1, 0.0, 170.0), Place(2, 0.0, 179.9), Place(3, 0.0, -179.9), Place(4, 0.0, -170.0)]
    found = PlaceIndex(places, **tuning).nearest(0.0, -179.95, limit=4)
    assert [match.id for match in found] == [3, 2, 4, 1]
    assert found[1].distance_km == pytest.approx(0.15 * HALF_CIRCUMFERENCE / 180, abs=1e-6)


@pytest.mark.parametrize("tuning", TUNINGS)
def test_around_the_pole_every_longitude_is_as_near(tuning):
    places = [Place(place_id, 89.0, longitude) for place_id, longitude in ((3, -120.0), (1, 0.0), (2, 120.0))]
    places.append(Place(9, 80.0, 0.0))
    found = PlaceIndex(places, **tuning).nearest(90.0, 45.0, limit=4)
    assert [match.id for match in found] == [1, 2, 3, 9]
    assert found[0].distance_km == pytest.approx(found[2].distance_km, abs=1e-9)


@pytest.mark.parametrize("tuning", TUNINGS)
def test_a_place_must_have_every_required_tag(tuning):
    places = [
        Place(1, 45.0, 5.0, frozenset({"accès"})),
        Place(2, 45.1, 5.0, frozenset({"accès", "démarches"})),
        Place(3, 45.2, 5.0, frozenset({"démarches"})),
        Place(4, 45.3, 5.0, frozenset({"accès", "démarches", "parentalité"})),
    ]
    index = PlaceIndex(places, **tuning)
    assert [match.id for match in index.nearest(45.0, 5.0, required={"accès", "démarches"})] == [2, 4]
    assert [match.id for match in index.nearest(45.0, 5.0, required={"démarches"})] == [2, 3, 4]
    assert index.nearest(45.0, 5.0, required={"inconnu"}) == []
    assert index.nearest(45.0, 5.0, required={"accès", "inconnu"}) == []


@pytest.mark.parametrize("tuning", TUNINGS)
def test_a_limit_above_the_matching_places_gives_them_all(tuning):
    places = [
        Place(place_id, 45.0 + place_id / 10, 5.0, frozenset({"rare"} if place_id % 5 == 0 else ()))
        for place_id in range(40)
    ]
    found = PlaceIndex(places, **tuning).nearest(45.0, 5.0, limit=100, required={"rare"})
    assert [match.id for match in found] == [0, 5, 10, 15, 20, 25, 30, 35]
    assert len(PlaceIndex(places, **tuning).nearest(45.0, 5.0, limit=100)) == 40


@pytest.mark.parametrize("tuning", TUNINGS)
def test_max_km_leaves_out_farther_places(tuning):
    places = [Place(1, 45.0, 5.0), Place(2, 45.1, 5.0), Place(3, 46.0, 5.0)]
    index = PlaceIndex(places, **tuning)
    assert [match.id for match in index.nearest(45.0, 5.0, max_km=20)] == [1, 2]
    assert [match.id for match in index.nearest(45.0, 5.0, max_km=0)] == [1]
    assert index.nearest(44.0, 5.0, max_km=50) == []


def test_an_empty_index_finds_nothing():
    index = PlaceIndex([])
    assert len(index) == 0
    assert index.nearest(45.0, 5.0) == []
    assert index.nearest(45.0, 5.0, required={"accès"}) == []


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        (None, 5.0, "Lieu 42 : latitude invalide (None), attendue entre -90 et 90."),
        (math.nan, 5.0, "Lieu 42 : latitude invalide (nan), attendue entre -90 et 90."),
        (90.5, 5.0, "Lieu 42 : latitude invalide (90.5), attendue entre -90 et 90."),
        (45.0, -180.01, "Lieu 42 : longitude invalide (-180.01), attendue entre -180 et 180."),
        (45.0, math.inf, "Lieu 42 : longitude invalide (inf), attendue entre -180 et 180."),
        ("45.0", 5.0, "Lieu 42 : latitude invalide ('45.0'), attendue entre -90 et 90."),
    ],
)
def test_a_place_without_valid_coordinates_is_refused_by_its_id(latitude, longitude, message):
    places = [Place(1, 45.0, 5.0), Place(42, latitude, longitude)]
    with pytest.raises(ValueError) as error:
        PlaceIndex(places)
    assert str(error.value) == message


def test_two_places_with_the_same_id_are_refused():
    with pytest.raises(ValueError, match="Identifiants de lieu en double : 7."):
        PlaceIndex([Place(7, 45.0, 5.0), Place(8, 45.0, 5.0), Place(7, 46.0, 5.0)])


def test_a_bad_query_is_refused_in_french():
    index = PlaceIndex([Place(1, 45.0, 5.0)])
    with pytest.raises(ValueError, match="Point de recherche : latitude invalide"):
        index.nearest(-91.0, 5.0)
    with pytest.raises(ValueError, match="au moins 1"):
        index.nearest(45.0, 5.0, limit=0)
    with pytest.raises(ValueError, match="positive ou nulle"):
        index.nearest(45.0, 5.0, max_km=-1)
    with pytest.raises(TypeError, match="collection, pas un texte"):
        index.nearest(45.0, 5.0, required="accès")


# --- against brute force -----------------------------------------------------------------------------------------

# Random coordinates, plus a few fixed points that bring exact ties, the poles and the date line.
SPECIAL_POINTS = [(90.0, 0.0), (-90.0, 0.0), (0.0, 180.0), (0.0, -180.0), (45.0, 5.0), (45.0, 5.0001), (0.0, 0.0)]
latitudes = st.floats(-90, 90, allow_nan=False)
longitudes = st.floats(-180, 180, allow_nan=False)
points = st.one_of(st.tuples(latitudes, longitudes), st.sampled_from(SPECIAL_POINTS))
tag_sets = st.frozensets(st.sampled_from(TAGS[:3])) | st.just(frozenset({"rare", "accès"}))


@st.composite
def place_lists(draw):
    located = draw(st.lists(st.tuples(points, tag_sets), max_size=60))
    ids = draw(st.lists(st.integers(-(10**6), 10**6), min_size=len(located), max_size=len(located), unique=True))
    return [Place(i, lat, lon, tags) for i, ((lat, lon), tags) in zip(ids, located, strict=True)]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    places=place_lists(),
    tuning=st.sampled_from(TUNINGS),
    queries=st.lists(
        st.tuples(
            points,
            st.integers(1, 70),
            st.frozensets(st.sampled_from((*TAGS, "inconnu")), max_size=2),
            st.none() | st.floats(0, 21_000),
        ),
        min_size=1,
        max_size=5,
    ),
)
def test_nearest_gives_the_brute_force_answer_on_random_places(places, tuning, queries):
    index = PlaceIndex(places, **tuning)
    for (latitude, longitude), limit, required, max_km in queries:
        got = index.nearest(latitude, longitude, limit=limit, required=required, max_km=max_km)
        expected = brute_force(places, latitude, longitude, limit, required, max_km)
        assert_same_answer(got, expected, places, latitude, longitude)


def _france_like_places(count, seed):
    """Places clustered like a national map: most around a few cities, tags at realistic frequencies."""
    rng = random.Random(seed)
    cities = [(48.86, 2.35), (45.76, 4.84), (43.30, 5.37), (-21.1, 55.5), (-22.27, 166.45), (16.24, -61.53)]
    frequencies = {"accès": 0.95, "démarches": 0.7, "parentalité": 0.35, "rare": 0.01}
    places = []
    for place_id in range(count):
        lat, lon = rng.choice(cities)
        if rng.random() < 0.3:
            lat, lon = rng.uniform(42, 51), rng.uniform(-5, 8)
        spread = rng.choice((0.01, 0.3, 2.0))
        lat = max(-90.0, min(90.0, lat + rng.gauss(0, spread)))
        tags = frozenset(tag for tag, share in frequencies.items() if rng.random() < share)
        places.append(Place(place_id * 3 + 1, lat, lon + rng.gauss(0, spread), tags))
    return places


LARGE_PLACES = _france_like_places(4_000, seed=1)
LARGE_INDEX = PlaceIndex(LARGE_PLACES)


@settings(max_examples=100, deadline=None)
@given(
    point=st.tuples(st.floats(-30, 55), st.floats(-70, 170)) | st.sampled_from([(48.86, 2.35), (-21.1, 55.5)]),
    limit=st.integers(1, 20),
    required=st.frozensets(st.sampled_from(TAGS), max_size=2),
    max_km=st.none() | st.floats(0, 500),
)
def test_nearest_gives_the_brute_force_answer_at_national_scale(point, limit, required, max_km):
    latitude, longitude = point
    got = LARGE_INDEX.nearest(latitude, longitude, limit=limit, required=required, max_km=max_km)
    expected = brute_force(LARGE_PLACES, latitude, longitude, limit, required, max_km)
    assert_same_answer(got, expected, LARGE_PLACES, latitude, longitude)
