"""The communes reference: every commune of the official list, found by INSEE code, postal code or name."""

import gzip
import json
import random
from pathlib import Path

import pytest

from mediane.structures import communes_build
from mediane.structures.communes import (
    SHIPPED,
    CommuneNotFound,
    departement_of_insee,
    load_communes,
    main,
    name_key,
    territory_of,
)

SOURCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "communes" / "communes-france-2024.csv.gz"

SOURCE_HEADER = (
    "insee_com,insee_reg,insee_dep,commune,commune_article,code_postal,commune_type,insee_parente,lat,lng,"
    "superficie_km2,population_2021\n"
)


@pytest.fixture(scope="module")
def communes():
    return load_communes()


def test_the_shipped_reference_is_loaded_once_per_process():
    assert load_communes() is load_communes()


def test_the_reference_holds_every_commune_and_municipal_arrondissement_of_the_official_list(communes):
    assert 34_900 < len(communes) < 35_200
    kinds = {c.kind for c in communes}
    assert kinds == {"commune", "arrondissement"}
    assert sum(c.kind == "arrondissement" for c in communes) == 45
    assert sum(c.population for c in communes) > 67_000_000
    located = [c for c in communes if c.located]
    assert all(-90 <= c.latitude <= 90 and -180 <= c.longitude <= 180 for c in located)
    # Only uninhabited lands and some Pacific communes lack a position (see data/README.md).
    assert {c.departement for c in communes if not c.located} <= {"984", "987", "988", "989"}


@pytest.mark.parametrize(
    ("insee", "name"),
    [("75056", "Paris"), ("69123", "Lyon"), ("13055", "Marseille"), ("98818", "Nouméa"), ("97502", "Saint-Pierre")],
)
def test_the_three_cities_and_the_overseas_collectivities_are_communes(communes, insee, name):
    commune = communes.by_insee(insee)
    assert commune.name == name
    assert commune.located


@pytest.mark.parametrize("departement", ["975", "977", "978", "986", "987", "988"])
def test_each_overseas_collectivity_has_its_communes(communes, departement):
    assert any(c.departement == departement for c in communes)


def test_a_city_is_placed_at_the_mean_of_its_arrondissements(communes):
    lyon = communes.by_insee("69123")
    assert lyon.position == communes_build.PARTS
    assert 45.7 < lyon.latitude < 45.8 and 4.8 < lyon.longitude < 4.9
    assert lyon.postal_codes == tuple(f"6900{n}" for n in range(1, 10))


def test_five_digits_are_a_postal_code_and_never_an_insee_code(communes):
    # 64160 is the postal code of Morlaàs (and its neighbours) and the INSEE code of Cambo-les-Bains, 100 km away.
    assert "Morlaàs" in [c.name for c in communes.find("64160")]
    assert "Cambo-les-Bains" not in [c.name for c in communes.find("64160")]
    assert communes.by_insee("64160").name == "Cambo-les-Bains"


def test_five_hundred_random_insee_codes_each_give_their_own_commune_and_are_among_their_postal_codes(communes):
    rng = random.Random(2026)
    sample = rng.sample(sorted(c.insee for c in communes), 500)
    for code in sample:
        commune = communes.by_insee(code)
        assert commune.insee == code
        if commune.postal_codes and commune.insee not in ("75056", "69123", "13055"):
            assert commune in communes.by_postal_code(commune.postal_codes[0]), code


@pytest.mark.parametrize(
    ("text", "insee"),
    [
        ("69001", "69381"),
        ("75011", "75111"),
        ("98800", "98818"),
        ("69 003", "69383"),
        ("Lyon", "69123"),
        ("lyon", "69123"),
        ("saint etienne", "42218"),
        ("St-Étienne", "42218"),
        ("SAINT-ETIENNE", "42218"),
        ("Nouméa", "98818"),
        ("noumea", "98818"),
        ("Abymes", "97101"),  # « Les Abymes » without its article
        ("Arbignieu", "01015"),  # a commune déléguée of Arboys en Bugey
        ("69100 Villeurbanne", "69266"),
        ("Villeurbanne 69100", "69266"),
        ("Kerguelen", "98412"),
    ],
)
def test_a_person_finds_their_commune_by_name_or_postal_code(communes, text, insee):
    assert [c.insee for c in communes.find(text)] == [insee]


def test_a_paris_postal_code_is_its_arrondissement_not_also_the_city(communes):
    assert [c.insee for c in communes.find("75011")] == ["75111"]
    assert [c.insee for c in communes.find("75116")] == ["75116"]


def test_a_shared_postal_code_lists_all_its_communes_in_alphabetical_order(communes):
    sharing = communes.find("51300")
    assert len(sharing) == 46
    assert [name_key(c.name) for c in sharing] == sorted(name_key(c.name) for c in sharing)
    assert "Vitry-le-François" in [c.name for c in sharing]
    # The lookup by postal code alone still puts the most populated first (the import of libraries uses it).
    assert communes.by_postal_code("51300")[0].name == "Vitry-le-François"


def test_a_common_name_lists_every_commune_of_that_name(communes):
    found = communes.find("Saint-Denis")
    assert {"93066", "97411"} <= {c.insee for c in found}
    assert all(c.name == "Saint-Denis" for c in found)


def test_the_start_of_a_name_lists_the_communes_that_begin_so(communes):
    found = communes.find("Villeurb")
    assert [c.name for c in found] == ["Villeurbanne"]
    assert len(communes.find("Paris 1")) == 11  # 1er, 10e to 19e


def test_resolve_refuses_several_communes_with_the_list(communes):
    with pytest.raises(CommuneNotFound, match="Plusieurs communes correspondent à « Saint-Denis »"):
        communes.resolve("Saint-Denis")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Écrivez le nom de votre commune ou son code postal"),
        ("6900", "« 6900 » n'est pas un code postal : il faut 5 chiffres."),
        ("690011", "« 690011 » n'est pas un code postal : il faut 5 chiffres."),
        ("00000", "Aucune commune n'a le code postal « 00000 »."),
        ("Lyyon", "Aucune commune ne s'appelle « Lyyon »."),
        ("²²²²²", "Aucune commune ne s'appelle « ²²²²² »."),  # Unicode digits are no postal code
    ],
)
def test_what_matches_nothing_says_what_to_type(communes, text, message):
    with pytest.raises(CommuneNotFound) as error:
        communes.find(text)
    assert str(error.value).startswith(message)


def test_a_commune_is_labelled_with_its_postal_codes(communes):
    assert communes.by_insee("69266").label == "Villeurbanne (69100)"
    assert communes.by_insee("69123").label == "Lyon (9 codes postaux)"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("St-Martin (Le)", "le saint martin"),
        ("Le Saint-Martin", "le saint martin"),
        ("L'Haÿ-les-Roses", "l hay les roses"),
    ],
)
def test_names_compare_without_accents_case_hyphens_or_abbreviations(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("insee", "departement", "territory"),
    [("01001", "01", "metropole"), ("2B033", "2B", "metropole"), ("97608", "976", "976"), ("98818", "988", "988")],
)
def test_the_departement_and_territory_come_from_the_insee_code(insee, departement, territory):
    assert departement_of_insee(insee) == departement
    assert territory_of(departement) == territory


def test_a_file_that_is_not_a_reference_is_refused(tmp_path):
    path = tmp_path / "other.csv.gz"
    path.write_bytes(gzip.compress(b"code,nom\n01001,Ailleurs\n"))

    with pytest.raises(ValueError, match="not a communes reference"):
        load_communes(path)


def test_the_build_command_refuses_a_missing_source_in_french(tmp_path, capsys):
    assert main(["build", str(tmp_path / "absent.csv.gz"), "--target", str(tmp_path / "out.csv.gz")]) == 2
    assert "est introuvable" in capsys.readouterr().err
    assert not (tmp_path / "out.csv.gz").exists()


def official(code, name, kind="commune-actuelle", postal_codes=(), departement=None, **extra):
    return {
        "code": code,
        "nom": name,
        "type": kind,
        "departement": departement or departement_of_insee(code),
        "region": "84",
        "codesPostaux": list(postal_codes),
        "population": 100,
        **extra,
    }


@pytest.fixture
def sources(tmp_path):
    """A small official list, centroids file and GeoNames file, in the formats of the real ones."""
    listed = [
        official("01015", "Arboys en Bugey", postal_codes=["01300"]),
        official("01015", "Arbignieu", kind="commune-deleguee", chefLieu="01015"),
        official("69123", "Lyon", postal_codes=["69001", "69002"]),
        official(
            "69381", "Lyon 1er Arrondissement", kind="arrondissement-municipal", commune="69123", postal_codes=["69001"]
        ),
        official(
            "69382", "Lyon 2e Arrondissement", kind="arrondissement-municipal", commune="69123", postal_codes=["69002"]
        ),
        official("14581", "Aurseulles", postal_codes=["14240"], anciensCodes=["14011", "14267"]),
        official("85165", "L'Oie", postal_codes=["85140"]),
        official("85083", "Essarts-en-Bocage", postal_codes=["85140"]),
        official("98818", "Nouméa", postal_codes=["98800"]),
        official("98717", "Fangatau", postal_codes=["98765"]),
    ]
    (tmp_path / "communes.json").write_text(json.dumps(listed), encoding="utf-8")
    centroids = (
        SOURCE_HEADER
        + "01015,84,01,Arboys en Bugey,Arboys en Bugey,01300,COM,,45.7,5.6,20.0,1200\n"
        + "69381,84,69,Lyon 1er Arrondissement,Lyon 1er Arrondissement,69001,ARM,69123,45.77,4.83,1.0,2\n"
        + "69382,84,69,Lyon 2e Arrondissement,Lyon 2e Arrondissement,69002,ARM,69123,45.75,4.83,3.0,2\n"
        + "14011,28,14,Anctoville,Anctoville,14240,COM,,49.1,-0.7,10.0,1\n"
        + "14267,28,14,Feuguerolles,Feuguerolles,14240,COM,,49.2,-0.7,10.0,1\n"
        + "85083,52,85,Essarts-en-Bocage,Essarts-en-Bocage,85140,COM,,46.77,-1.23,100.0,9000\n"
        + "85165,52,85,Oie,L'Oie,85140,COM,,,,14.06,1259\n"
    )
    (tmp_path / "centroids.csv.gz").write_bytes(gzip.compress(centroids.encode()))
    geonames = [
        {"name": "Nouméa", "lat": "-22.27", "lng": "166.44", "country": "NC", "admin1": "02", "admin2": "98818"},
        {"name": "Magenta", "lat": "-22.25", "lng": "166.46", "country": "NC", "admin1": "02", "admin2": "98818"},
        {"name": "Lyon", "lat": "45.75", "lng": "4.85", "country": "FR", "admin1": "84", "admin2": "69"},
    ]
    (tmp_path / "cities.json").write_text(json.dumps(geonames), encoding="utf-8")
    return tmp_path


def test_the_build_takes_the_best_position_known_for_each_commune(sources):
    report = communes_build.build(sources / "communes.json", sources / "centroids.csv.gz", sources / "cities.json")
    by_insee = {c.insee: c for c in report.communes}

    assert by_insee["01015"].position == communes_build.CENTROID
    assert by_insee["01015"].former_names == ("Arbignieu",)
    # Lyon: its arrondissements weighted by area (1 and 3 km²).
    assert (by_insee["69123"].latitude, by_insee["69123"].position) == (45.755, communes_build.PARTS)
    assert by_insee["69381"].city == "69123" and by_insee["69381"].kind == "arrondissement"
    # A commune nouvelle: the communes it was made of.
    assert (by_insee["14581"].latitude, by_insee["14581"].position) == (49.15, communes_build.PARTS)
    # A Pacific commune: the GeoNames places filed under its INSEE code.
    assert (by_insee["98818"].latitude, by_insee["98818"].longitude) == (-22.26, 166.45)
    assert by_insee["98818"].position == communes_build.GEONAMES_PLACES
    # A mainland commune without centroid: the other communes of its postal code.
    assert (by_insee["85165"].latitude, by_insee["85165"].position) == (46.77, communes_build.NEIGHBOURS)
    # Nothing known: no position, and said so.
    assert by_insee["98717"].latitude is None
    assert report.without_position == ["98717"]


def test_the_build_writes_a_reference_that_reads_back_the_same(sources, tmp_path, capsys):
    target = tmp_path / "out.csv.gz"
    arguments = ["build", str(sources / "centroids.csv.gz"), "--liste", str(sources / "communes.json")]
    assert main([*arguments, "--geonames", str(sources / "cities.json"), "--target", str(target)]) == 0

    out = capsys.readouterr().out
    assert "10 communes écrites dans" not in out  # the commune déléguée is a former name, not a commune
    assert "9 communes écrites dans" in out
    assert "Communes sans position connue : 98717." in out
    reference = load_communes(target)
    assert [c.insee for c in reference.find("Arbignieu")] == ["01015"]
    assert reference.by_insee("98717").latitude is None


@pytest.mark.realdata
@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/data is absent")
@pytest.mark.skipif(not communes_build.OFFICIAL_LIST.exists(), reason="node_modules is absent: make install")
def test_the_shipped_reference_is_rebuilt_identically_from_its_sources(tmp_path):
    target = tmp_path / "communes.csv.gz"

    report = communes_build.build(communes_build.OFFICIAL_LIST, SOURCE, communes_build.GEONAMES)
    communes_build.write_reference(report.communes, target)

    assert len(report.communes) == len(load_communes())
    assert gzip.decompress(target.read_bytes()) == gzip.decompress(SHIPPED.read_bytes())
