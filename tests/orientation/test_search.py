"""The nearest-place search: order and filters against a brute-force answer, freshness of the index, errors."""

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from mediane.orientation import search
from mediane.orientation.geo import haversine_km
from mediane.structures import standard
from mediane.structures.models import Place
from mediane.structures.signals import places_changed
from tests.structures.factories import PlaceFactory

LYON_3 = "69003"


@pytest.fixture
def lyon():
    return search.resolve_commune(LYON_3)


def brute_force(commune, limit=5, **filters):
    """Every place that matches, by reading each one, nearest first, ties by id: the reference answer. A place that
    receives no public is never found."""
    found = []
    for place in Place.objects.located():
        ok = search.NO_PUBLIC not in place.modalites_acces
        for criterion in search.CRITERIA:
            chosen = set(filters.get(criterion.keyword, ()))
            have = set(getattr(place, criterion.field))
            if chosen and (not chosen & have if criterion.any_of else not chosen <= have):
                ok = False
        if ok:
            distance = haversine_km(commune.latitude, commune.longitude, place.latitude, place.longitude)
            found.append((distance, place.pk))
    return [pk for _, pk in sorted(found)[:limit]]


@pytest.fixture
def random_places(db):
    rng = random.Random(7)
    places = []
    for _ in range(60):
        places.append(
            PlaceFactory(
                latitude=45.76 + rng.uniform(-0.3, 0.3),
                longitude=4.85 + rng.uniform(-0.3, 0.3),
                services=rng.sample(standard.SERVICES, rng.randint(0, 4)),
                publics_specifiquement_adresses=rng.sample(standard.PUBLICS_SPECIFIQUEMENT_ADRESSES, rng.randint(0, 2)),
                prise_en_charge_specifique=rng.sample(standard.PRISE_EN_CHARGE_SPECIFIQUE, rng.randint(0, 2)),
                frais_a_charge=rng.sample(standard.FRAIS_A_CHARGE, 1),
                modalites_acces=rng.sample(standard.MODALITES_ACCES, rng.randint(0, 3)),
                modalites_accompagnement=rng.sample(standard.MODALITES_ACCOMPAGNEMENT, rng.randint(0, 2)),
            )
        )
    return places


FILTER_CASES = [
    {},
    {"services": ["Aide aux démarches administratives"]},
    {"services": ["Aide aux démarches administratives", "Utilisation sécurisée du numérique"]},
    {"publics": ["Seniors"], "fees": ["Gratuit", "Gratuit sous condition"]},
    {"supports": ["Surdité"]},
    {"access": ["Se présenter", "Téléphoner"], "modalities": ["Accompagnement individuel", "En autonomie"]},
    {"services": ["Loisirs et créations numériques"], "fees": ["Payant"], "limit": 3},
    {"limit": 50},
]


@pytest.mark.parametrize("filters", FILTER_CASES)
def test_places_come_nearest_first_with_the_filters_of_a_brute_force_search(random_places, lyon, filters):
    filters = dict(filters)
    limit = filters.pop("limit", 5)
    found = search.nearest_places(lyon, limit=limit, **filters)
    assert [f.place.pk for f in found] == brute_force(lyon, limit=limit, **filters)
    distances = [f.distance_km for f in found]
    assert distances == sorted(distances)
    for f in found:
        expected = haversine_km(lyon.latitude, lyon.longitude, f.place.latitude, f.place.longitude)
        assert f.distance_km == pytest.approx(expected, abs=1e-6)


def test_places_without_coordinates_are_never_found(db, lyon):
    PlaceFactory(latitude=None, longitude=None)
    located = PlaceFactory()
    assert [f.place for f in search.nearest_places(lyon)] == [located]


def test_results_and_their_structures_come_in_one_query(random_places, lyon, count_queries):
    search.place_index()
    with count_queries() as queries:
        found = search.nearest_places(lyon, limit=20)
        names = [f.place.structure.name for f in found]
    assert len(names) == 20
    assert len(queries) == 1


def test_the_index_is_built_in_one_query_and_kept(random_places, lyon, count_queries):
    with count_queries() as queries:
        search.nearest_places(lyon)
    assert len(queries) == 2  # the index, then the places
    with count_queries() as queries:
        search.nearest_places(lyon)
    assert len(queries) == 1


def test_a_new_place_is_found_at_the_next_search(db, lyon):
    far = PlaceFactory(latitude=46.5, longitude=4.85)
    assert [f.place for f in search.nearest_places(lyon)] == [far]
    near = PlaceFactory(latitude=lyon.latitude, longitude=lyon.longitude)
    assert [f.place for f in search.nearest_places(lyon)] == [near, far]


def test_a_changed_or_deleted_place_is_seen_at_the_next_search(db, lyon):
    place = PlaceFactory(latitude=lyon.latitude, longitude=lyon.longitude, services=[])
    assert search.nearest_places(lyon, services=["Aide aux démarches administratives"]) == []
    place.services = ["Aide aux démarches administratives"]
    place.save()
    assert [f.place for f in search.nearest_places(lyon, services=["Aide aux démarches administratives"])] == [place]
    place.delete()
    assert search.nearest_places(lyon) == []


def test_a_bulk_write_is_seen_once_structures_sends_places_changed(db, lyon):
    place = PlaceFactory(latitude=lyon.latitude, longitude=lyon.longitude)
    assert len(search.nearest_places(lyon)) == 1
    Place.objects.filter(pk=place.pk).update(latitude=None, longitude=None)  # no post_save
    assert len(search.nearest_places(lyon)) == 1  # the index does not know yet
    places_changed.send(sender=Place)
    assert search.nearest_places(lyon) == []


def test_another_process_sees_the_change_through_the_cache_token(db, lyon):
    from django.core.cache import cache

    assert search.nearest_places(lyon) == []
    # Another process imported places in bulk (no signal here) and moved the token in the shared cache.
    Place.objects.bulk_create([PlaceFactory.build(structure=None, latitude=lyon.latitude, longitude=lyon.longitude)])
    assert search.nearest_places(lyon) == []
    cache.set(search._VERSION_KEY, "jeton-d-un-autre-processus", timeout=None)
    assert len(search.nearest_places(lyon)) == 1


def test_an_unknown_label_suggests_the_closest_one(db, lyon):
    with pytest.raises(search.UnknownLabel) as error:
        search.nearest_places(lyon, services=["Aide aux demarches administratives"])
    assert error.value.suggestion == "Aide aux démarches administratives"
    assert "Vouliez-vous dire « Aide aux démarches administratives » ?" in str(error.value)


def test_an_unknown_commune_says_what_to_type():
    with pytest.raises(search.CommuneNotFound, match="Aucune commune ne s'appelle « Lyyon »"):
        search.resolve_commune("Lyyon")


def test_a_commune_is_resolved_by_its_name():
    assert search.resolve_commune("Lyon").insee == "69123"


# --- Territories, distances, places that receive no public -------------------------------------------------------


def test_a_place_that_receives_no_public_is_never_found(db, lyon):
    PlaceFactory(latitude=lyon.latitude, longitude=lyon.longitude, modalites_acces=[search.NO_PUBLIC])
    open_place = PlaceFactory(modalites_acces=["Se présenter"])
    assert [f.place for f in search.nearest_places(lyon, limit=10)] == [open_place]


def test_a_mainland_commune_never_gets_an_overseas_place_nor_the_reverse(db, lyon):
    noumea = search.resolve_commune("98800")
    caledonian = PlaceFactory(
        latitude=-22.27, longitude=166.45, departement="988", code_postal="98800", code_insee="98818"
    )
    mainland = PlaceFactory()
    assert [f.place for f in search.nearest_places(lyon, limit=10)] == [mainland]
    assert [f.place for f in search.nearest_places(noumea, limit=10)] == [caledonian]


def test_corsica_is_in_the_mainland_territory_and_each_overseas_departement_is_its_own(db):
    ajaccio = search.load_communes().by_insee("2A004")
    PlaceFactory(latitude=43.7, longitude=7.26, departement="06", code_postal="06000", code_insee="06088")
    assert len(search.nearest_places(ajaccio, limit=5)) == 1
    pointe_a_pitre = search.resolve_commune("97110")
    PlaceFactory(latitude=14.6, longitude=-61.07, departement="972", code_postal="97200", code_insee="97209")
    assert search.nearest_places(pointe_a_pitre, limit=5) == []


def test_the_farthest_a_search_goes_is_given_by_max_km(db, lyon):
    PlaceFactory(latitude=lyon.latitude + 0.2, longitude=lyon.longitude)  # about 22 km north
    grenoble = PlaceFactory(latitude=45.1885, longitude=5.7245)  # about 93 km
    PlaceFactory(latitude=48.85, longitude=2.35)  # Paris, about 390 km
    found = search.nearest_places(lyon, limit=10, max_km=search.FARTHER_KM)
    assert [f.place for f in found][-1] == grenoble
    assert [f.near for f in found] == [True, False]


def test_a_commune_without_a_known_position_takes_the_mean_position_of_its_places(db):
    fangatau = search.load_communes().by_insee("98717")
    assert fangatau.latitude is None
    assert search.position_of(fangatau) is None
    PlaceFactory(latitude=-15.8, longitude=-140.9, departement="987", code_postal="98765", code_insee="98717")
    PlaceFactory(latitude=-15.9, longitude=-140.8, departement="987", code_postal="98765", code_insee="98717")
    latitude, longitude = search.position_of(fangatau)
    assert latitude == pytest.approx(-15.85, abs=0.01)
    assert longitude == pytest.approx(-140.85, abs=0.01)


def test_with_no_position_at_all_the_places_of_the_territory_come_without_distance(db):
    fakarava = search.load_communes().by_insee("98716")
    assert fakarava.latitude is None
    papeete = PlaceFactory(
        latitude=-17.53, longitude=-149.56, departement="987", code_postal="98714", code_insee="98735"
    )
    PlaceFactory()  # Lyon: another territory
    [found] = search.nearest_places(fakarava, limit=5)
    assert (found.place, found.distance_km, found.distance_text, found.near) == (papeete, None, "", False)


def test_places_that_declared_no_service_are_found_apart(db, lyon):
    helping = PlaceFactory(services=["Aide aux démarches administratives"])
    silent = PlaceFactory(services=[])
    assert [f.place for f in search.nearest_places(lyon, declared=True)] == [helping]
    assert [f.place for f in search.nearest_places(lyon, declared=False)] == [silent]
    assert len(search.nearest_places(lyon)) == 2


def test_no_place_matching_gives_an_empty_list(random_places, lyon):
    PlaceFactory(services=["Aide aux démarches administratives"], prise_en_charge_specifique=[])
    assert search.nearest_places(lyon, supports=list(standard.PRISE_EN_CHARGE_SPECIFIQUE)) == []


@pytest.mark.parametrize(
    ("km", "text"),
    [
        (0.0, "à 10 m"),
        (0.354, "à 350 m"),
        (0.996, "à 1,0 km"),
        (2.345, "à 2,3 km"),
        (9.97, "à 10 km"),
        (57.4, "à 57 km"),
    ],
)
def test_distances_read_in_french(km, text):
    assert search.format_distance(km) == text


def test_hours_are_read_in_the_time_of_the_place(db):
    noumea = PlaceFactory.build(horaires="Mo-Fr 08:00-12:00", departement="988", code_insee="98818")
    paris = PlaceFactory.build(horaires="Mo-Fr 08:00-12:00", departement="75")
    # Monday 2024-09-02 at 22:00 UTC: Tuesday 09:00 in Nouméa (open), Tuesday 00:00 in Paris (closed).
    moment = dt.datetime(2024, 9, 2, 22, 0, tzinfo=ZoneInfo("UTC"))
    assert search.opening_of(noumea, moment).status.is_open
    assert not search.opening_of(paris, moment).status.is_open
    assert search.opening_of(paris, moment).lines == (
        "Du lundi au vendredi : de 8 h à 12 h",
        "Samedi et dimanche : fermé",
    )


def test_unreadable_hours_are_shown_as_written(db):
    place = PlaceFactory.build(horaires="le matin, sauf quand il pleut")
    opening = search.opening_of(place)
    assert opening.raw == "le matin, sauf quand il pleut"
    assert opening.lines == ()
    assert opening.status is None
    assert search.opening_of(PlaceFactory.build(horaires="")) is None


def test_the_time_zone_comes_from_the_postal_code_when_the_departement_is_unknown(db):
    nouméa = PlaceFactory.build(departement="", code_postal="98800", code_insee="98818")
    papeete = PlaceFactory.build(departement="", code_postal="98714", code_insee="")
    assert search.place_timezone(nouméa) == ZoneInfo("Pacific/Noumea")
    assert search.place_timezone(papeete) == ZoneInfo("Pacific/Tahiti")
