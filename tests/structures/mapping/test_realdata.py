"""The engine on real files it was not written for: every row ends up imported or rejected with a reason."""

import time
from datetime import date

import pytest

from mediane.structures.enums import ImportFormat
from mediane.structures.imports import read_places
from mediane.structures.mapping.apply import apply_profile
from mediane.structures.mapping.propose import propose_profile
from mediane.structures.mapping.tabular import Table, read_table
from mediane.structures.standard import FormatError

from .builders import shared_data

DATA = shared_data()
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(DATA is None, reason="../shared/data is absent"),
]
TODAY = date(2024, 4, 2)


@pytest.fixture(scope="module")
def libraries() -> Table:
    assert DATA is not None
    return read_table((DATA / "bibliotheques" / "adresses-bibliotheques-publiques.csv.gz").read_bytes(), "b.csv.gz")


def _head(table: Table, size: int | None) -> Table:
    if size is None:
        return table
    return Table(
        columns=table.columns,
        records=table.records[:size],
        lines=table.lines[:size],
        row_word=table.row_word,
        kind=table.kind,
    )


@pytest.mark.parametrize("size", [200, 2000, None])
def test_the_libraries_file_goes_in_through_a_proposed_profile_with_nothing_dropped(libraries, size):
    table = _head(libraries, size)
    profile = propose_profile(table, source="Ministère de la Culture", today=TODAY).profile

    start = time.process_time()
    result = apply_profile(table, profile)
    elapsed = time.process_time() - start

    assert len(result.rows) + len(result.rejected) == len(table.records)
    assert all(rejection.messages for rejection in result.rejected)
    assert len(result.rows) >= 0.99 * len(table.records)
    assert {c["column"] for c in result.column_report if c["column"]} == set(table.columns)
    assert len(result.warnings) < 10
    if size is None:
        assert len(table.records) == 15702
        assert len(table.records) / elapsed > 2000


def test_the_libraries_proposal_maps_the_places_fields_and_keeps_the_rest(libraries):
    proposal = propose_profile(libraries, source="Ministère de la Culture", today=TODAY)
    targets = {c.column: c.target for c in proposal.columns}

    assert targets["Code_bib"] == "id"
    assert targets["nom_de_l_etablissement"] == "nom"
    assert targets["Adresse"] == "adresse"
    assert targets["CP"] == "code_postal"
    assert targets["Ville"] == "commune"
    assert (targets["Latitude"], targets["Longitude"]) == ("latitude", "longitude")
    assert targets["connexion_wi_fi"] == "services"
    assert targets["gratuite_des_services"] == "frais_a_charge"
    assert targets["Population commune"] == "extra"


@pytest.mark.parametrize("name", ["auvergne-rhone-alpes-hub-legacy.json", "nouvelle-caledonie-schema-v1.json"])
def test_the_published_places_files_go_in_through_a_proposed_profile(name):
    assert DATA is not None
    table = read_table((DATA / "lieux" / name).read_bytes(), name)
    profile = propose_profile(table, source="Source", today=TODAY).profile

    result = apply_profile(table, profile)

    assert len(result.rows) + len(result.rejected) == len(table.records)
    assert all(rejection.messages for rejection in result.rejected)
    assert len(result.rows) >= 0.9 * len(table.records)


def test_the_v0_hub_file_sent_as_the_standard_is_pointed_to_the_old_format_and_reads_as_v0():
    assert DATA is not None
    data = (DATA / "lieux" / "auvergne-rhone-alpes-hub-legacy.json").read_bytes()

    with pytest.raises(FormatError, match="ancien format v0"):
        read_places(data, ImportFormat.STANDARD_JSON, published=TODAY)
    result = read_places(data, ImportFormat.LEGACY_JSON, published=TODAY)
    assert len(result.rows) + len(result.rejected) == 687


def test_the_new_caledonia_file_goes_in_whole_as_the_standard_with_its_extra_columns_kept():
    assert DATA is not None
    data = (DATA / "lieux" / "nouvelle-caledonie-schema-v1.json").read_bytes()

    result = read_places(data, ImportFormat.STANDARD_JSON, published=TODAY)

    assert (len(result.rows), len(result.rejected)) == (90, 0)
    assert sum(1 for extra in result.extras if "courriel" in extra) == 64
