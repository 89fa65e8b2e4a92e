"""A structure's facts for the finder, and where each comes from: its record, the communes reference, its places'
labels, the charter's signatures and what it declared."""

import pytest

from mediane.funding import eligibility, finder
from tests.funding.factories import StructureProfileFactory
from tests.roadmap.factories import CharterSignatureFactory, CharterVersionFactory
from tests.structures.factories import PlaceFactory, StructureFactory

pytestmark = pytest.mark.django_db


def test_the_population_comes_from_the_communes_reference():
    facts = finder.structure_facts(StructureFactory(insee_code="69029", departement="69", region="84"))
    assert facts.values["population"] > 40_000  # Bron
    assert facts.sources["population"] == "d'après le référentiel des communes, pour Bron"


def test_a_declared_population_served_replaces_the_communes():
    structure = StructureFactory(kind="epci", insee_code="69029")
    StructureProfileFactory(structure=structure, population_served=250_000)
    facts = finder.structure_facts(structure)
    assert facts.values["population"] == 250_000
    assert facts.sources["population"].startswith("déclaré par votre structure le ")


def test_the_departement_and_region_come_from_the_commune_when_the_structure_lacks_them():
    facts = finder.structure_facts(StructureFactory(insee_code="01053", departement="", region=""))
    assert (facts.values["departement"], facts.values["region"]) == ("01", "84")
    assert facts.sources["departement"] == finder.FROM_COMMUNES


def test_without_a_commune_or_a_profile_the_facts_are_unknown():
    facts = finder.structure_facts(StructureFactory(insee_code="", departement="", region=""))
    for key in ("population", "departement", "region", "rural_area", "priority_neighbourhood", "staff_trained"):
        assert facts.values[key] is None, key
        assert facts.sources[key] == finder.NOT_DECLARED


def test_the_labels_are_those_of_every_place_of_the_structure_known_to_the_standard():
    structure = StructureFactory()
    PlaceFactory(structure=structure, dispositif_programmes_nationaux=["France Services"])
    PlaceFactory(structure=structure, formations_labels=["Fabriques de Territoire"], dispositif_programmes_nationaux=[])
    PlaceFactory(dispositif_programmes_nationaux=["Aidants Connect"])  # another structure's
    assert finder.structure_facts(structure).values["labels"] == {"France Services", "Fabriques de Territoire"}


def test_the_charter_counts_only_when_the_version_in_force_is_signed():
    structure = StructureFactory()
    first = CharterVersionFactory(number=1)
    CharterSignatureFactory(structure=structure, version=first)
    assert finder.structure_facts(structure).values["charter_signed"] is True
    CharterVersionFactory(number=2)  # a new version: the signature is to be renewed
    assert finder.structure_facts(structure).values["charter_signed"] is False


def test_every_fact_has_a_row_with_its_value_in_words():
    structure = StructureFactory(insee_code="69029")
    StructureProfileFactory(structure=structure, rural_area=True, staff_trained=1200)
    rows = {row["key"]: row for row in finder.structure_facts(structure).rows()}
    assert rows["structure_kind"]["value"] == "Bibliothèque municipale"
    assert rows["rural_area"]["value"] == "Oui"
    assert rows["staff_trained"]["value"] == "1\u202f200"
    assert rows["departement"]["value"] == "Rhône (69)"
    assert rows["labels"]["value"] == "Aucun"


def test_a_kind_missing_from_the_list_is_shown_as_it_is():
    structure = StructureFactory()
    structure.kind = "ancien_type"  # a kind the list no longer has
    rows = {row["key"]: row for row in finder.structure_facts(structure).rows()}
    assert rows["structure_kind"]["value"] == "Ancien_type"


def test_a_declared_population_served_is_the_territorys():
    structure = StructureFactory(kind="epci", insee_code="69029")
    assert eligibility.POPULATION_IS_TERRITORY not in finder.structure_facts(structure).values
    StructureProfileFactory(structure=structure, population_served=250_000)
    assert finder.structure_facts(structure).values[eligibility.POPULATION_IS_TERRITORY] is True
