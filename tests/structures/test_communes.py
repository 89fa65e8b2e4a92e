import gzip
from pathlib import Path

import pytest

from mediane.structures.communes import (
    SHIPPED,
    Commune,
    CommuneNotFound,
    build_reference,
    departement_of_insee,
    load_communes,
    main,
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


def test_the_shipped_reference_holds_about_35000_communes_with_valid_coordinates(communes):
    assert 34_000 < len(communes) < 36_000
    assert all(-90 <= c.latitude <= 90 and -180 <= c.longitude <= 180 for c in communes)
    assert all((c.latitude, c.longitude) != (0, 0) for c in communes)
    assert all(c.postal_codes and all(len(code) == 5 and code.isdigit() for code in c.postal_codes) for c in communes)
    assert sum(c.population for c in communes) > 65_000_000


def test_a_commune_is_found_by_its_insee_code_with_its_article_and_all_its_postal_codes(communes):
    assert communes.by_insee("01001") == Commune(
        insee="01001",
        name="L'Abergement-Clémenciat",
        postal_codes=("01400",),
        departement="01",
        region="84",
        latitude=46.1517,
        longitude=4.9306,
        population=832,
    )


def test_a_corsican_commune_is_found_by_its_insee_code(communes):
    ajaccio = communes.resolve("2A004")

    assert ajaccio.name == "Ajaccio"
    assert ajaccio.departement == "2A"
    assert ajaccio.postal_codes == ("20000", "20090", "20167")
    assert communes.resolve(" 2a004 ") == ajaccio


def test_an_overseas_commune_takes_a_three_digit_departement(communes):
    saint_denis = communes.by_insee("97411")

    assert saint_denis.name == "Saint-Denis"
    assert saint_denis.departement == "974"
    assert saint_denis.latitude < 0
    assert communes.resolve("97400") == saint_denis


def test_an_unknown_insee_code_gives_none(communes):
    assert communes.by_insee("99999") is None
    assert communes.by_postal_code("99999") == []


def test_lyon_69001_is_the_first_arrondissement_because_the_source_lists_arrondissements_not_the_city(communes):
    lyon_1er = communes.resolve("69001")

    assert (lyon_1er.insee, lyon_1er.name) == ("69381", "Lyon 1er Arrondissement")
    assert communes.by_insee("69123") is None


def test_the_paris_16th_arrondissement_has_both_its_postal_codes(communes):
    assert communes.resolve("75116") == communes.resolve("75016")


def test_five_digits_are_read_as_a_postal_code_before_an_insee_code(communes):
    assert communes.by_insee("69001").name == "Affoux"
    assert communes.resolve("69001").name == "Lyon 1er Arrondissement"
    # 01001 is nobody's postal code, so it is read as an INSEE code.
    assert communes.resolve("01001").name == "L'Abergement-Clémenciat"


def test_a_shared_postal_code_lists_its_communes_most_populated_first(communes):
    sharing = communes.by_postal_code("51300")

    assert len(sharing) > 40
    assert [c.population for c in sharing] == sorted((c.population for c in sharing), reverse=True)
    assert sharing[0].name == "Vitry-le-François"


def test_a_shared_postal_code_resolves_to_its_most_populated_commune(communes):
    assert communes.resolve("51300").name == "Vitry-le-François"
    assert communes.resolve("85140").name == "Essarts-en-Bocage"


def test_equal_populations_are_ordered_by_insee_code(communes):
    # Mayotte counts 0 everywhere; the order must still not depend on chance.
    assert [c.insee for c in communes.by_postal_code("97615")] == ["97608", "97615"]


def test_spaces_around_and_inside_the_code_are_tolerated(communes):
    assert communes.resolve("  69 001 ").insee == "69381"


@pytest.mark.parametrize("text", ["99999", "00000", "2A999"])
def test_an_unknown_code_says_what_to_type(communes, text):
    with pytest.raises(CommuneNotFound) as error:
        communes.resolve(text)

    assert str(error.value) == (
        f"Code postal ou code INSEE inconnu : « {text} ». Vérifiez les 5 chiffres du code postal, par exemple 69001."
    )


@pytest.mark.parametrize("text", ["6900", "690011", "Lyon", "69-001", "2C004", "1e5"])
def test_a_malformed_code_says_what_to_type(communes, text):
    with pytest.raises(CommuneNotFound) as error:
        communes.resolve(text)

    assert str(error.value) == (
        f"« {text} » n'est pas un code postal. Saisissez les 5 chiffres du code postal, par exemple 69001."
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_code_asks_for_the_postal_code(communes, text):
    with pytest.raises(CommuneNotFound, match="Saisissez le code postal de votre commune"):
        communes.resolve(text)


def test_commune_not_found_is_a_value_error():
    assert issubclass(CommuneNotFound, ValueError)


@pytest.mark.parametrize(("insee", "departement"), [("01001", "01"), ("2B033", "2B"), ("97608", "976")])
def test_the_departement_is_the_start_of_the_insee_code(insee, departement):
    assert departement_of_insee(insee) == departement


def test_a_file_that_is_not_a_reference_is_refused(tmp_path):
    path = tmp_path / "other.csv.gz"
    path.write_bytes(gzip.compress(b"code,nom\n01001,Ailleurs\n"))

    with pytest.raises(ValueError, match="not a communes reference"):
        load_communes(path)


def test_the_build_command_refuses_a_missing_source_in_french(tmp_path, capsys):
    assert main(["build", str(tmp_path / "absent.csv.gz"), "--target", str(tmp_path / "out.csv.gz")]) == 2
    assert "est introuvable" in capsys.readouterr().err
    assert not (tmp_path / "out.csv.gz").exists()


def test_the_build_folds_rows_into_one_commune_each_and_leaves_out_those_without_centroid(tmp_path):
    source = tmp_path / "source.csv.gz"
    source.write_bytes(
        gzip.compress(
            (
                SOURCE_HEADER
                + "2A004,94,2A,Ajaccio,Ajaccio,20090,COM,,41.922744,8.705831,82.03,73822\n"
                + "2A004,94,2A,Ajaccio,Ajaccio,20000,COM,,41.922744,8.705831,82.03,73822\n"
                + "01015,84,01,Arboys en Bugey,Arboys en Bugey,01300,COM,,45.7,5.6,20.1,1200\n"
                + "01015,,,Arbignieu,Arbignieu,01300,COMD,01015,,,,1200\n"
                + "69381,84,69,Lyon 1er Arrondissement,Lyon 1er Arrondissement,69001,ARM,69123,45.7701,4.82637,1.5,2\n"
                + "85165,52,85,Oie,L'Oie,85140,COM,,,,10.2,1259\n"
            ).encode()
        )
    )
    target = tmp_path / "communes.csv.gz"

    assert build_reference(source, target) == 3

    reference = load_communes(target)
    assert [c.insee for c in reference] == ["01015", "2A004", "69381"]
    assert reference.by_insee("01015").name == "Arboys en Bugey"
    assert reference.by_insee("2A004").postal_codes == ("20000", "20090")
    assert reference.by_insee("2A004").latitude == 41.92274
    assert reference.by_insee("85165") is None


def test_the_build_command_prints_a_summary_in_french(tmp_path, capsys):
    source = tmp_path / "source.csv.gz"
    source.write_bytes(
        gzip.compress(
            (
                SOURCE_HEADER
                + "01001,84,01,Abergement-Clémenciat,L'Abergement-Clémenciat,01400,COM,,46.1517,4.9306,15.95,832\n"
                + "01002,84,01,Abergement-de-Varey,L'Abergement-de-Varey,01640,COM,,46.00713,5.42464,9.15,267\n"
                + "85165,52,85,Oie,L'Oie,85140,COM,,,,10.2,1259\n"
            ).encode()
        )
    )

    assert main(["build", str(source), "--target", str(tmp_path / "communes.csv.gz")]) == 0

    out = capsys.readouterr().out
    assert "2 communes écrites dans" in out
    assert "Communes écartées faute de coordonnées dans la source : 85165." in out


@pytest.mark.realdata
@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/data is absent")
def test_the_shipped_reference_is_rebuilt_identically_from_the_shared_source(tmp_path):
    target = tmp_path / "communes.csv.gz"

    count = build_reference(SOURCE, target)

    assert count == len(load_communes())
    assert gzip.decompress(target.read_bytes()) == gzip.decompress(SHIPPED.read_bytes())
