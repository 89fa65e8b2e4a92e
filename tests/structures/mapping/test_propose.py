"""Proposals of a mapping for producers' files in shapes unlike the standard, from names and contents."""

from datetime import date

from mediane.structures.mapping.profile import FieldRule, Profile
from mediane.structures.mapping.propose import candidates_for, propose_profile
from mediane.structures.mapping.tabular import read_table
from mediane.structures.standard import PIVOT_PLACEHOLDER

from .builders import file_bytes, mobile_network_xlsx

TODAY = date(2024, 4, 2)


def _targets(proposal):
    return {c.column: c.target for c in proposal.columns}


def test_a_regional_hub_csv_is_mapped_from_its_french_column_names_and_contents():
    proposal = propose_profile(read_table(file_bytes("hub_regional.csv")), source="Hub Exemple", today=TODAY)

    assert _targets(proposal) == {
        "Nom de la structure": "nom",
        "Adresse postale": "adresse",
        "Code postal": "code_postal",
        "Ville": "commune",
        "Téléphone": "telephone",
        "Mail": "courriels",
        "Site internet": "site_web",
        "Horaires d'ouverture": "horaires",
        "Thématiques": "services",
        "Public": "publics_specifiquement_adresses",
        "Tarif": "frais_a_charge",
        "Nom du référent": "extra",
        "Colonne vide": "ignored",
    }
    profile = proposal.profile
    assert profile.fields["services"].separator == ";"
    assert profile.fields["services"].translation_of("Démarches en ligne") == ["Aide aux démarches administratives"]
    assert profile.fields["services"].translation_of("accès WIFI") == ["Accès internet et matériel informatique"]
    assert profile.fields["publics_specifiquement_adresses"].translation_of("Tout public") == []
    assert (profile.extra, profile.ignored) == (["Nom du référent"], ["Colonne vide"])


def test_reasons_say_why_in_french_and_samples_are_three_distinct_values():
    proposal = propose_profile(read_table(file_bytes("hub_regional.csv")), today=TODAY)
    by_column = {c.column: c for c in proposal.columns}

    assert by_column["Ville"].reason == "nom de colonne proche de « commune »"
    assert by_column["Code postal"].reason.startswith("100\u00a0% des valeurs ressemblent à des codes postaux")
    assert by_column["Ville"].samples == ["Bourg-en-Bresse", "Lyon", "Oyonnax"]
    assert by_column["Ville"].filled == 4
    assert by_column["Colonne vide"].reason == "colonne vide"


def test_defaults_are_proposed_for_required_fields_without_a_column():
    profile = propose_profile(read_table(file_bytes("hub_regional.csv")), source="Hub Exemple", today=TODAY).profile

    assert profile.fields["pivot"] == FieldRule(default=PIVOT_PLACEHOLDER)
    assert profile.fields["date_maj"] == FieldRule(default="2024-04-02")
    assert profile.fields["source"] == FieldRule(default="Hub Exemple")
    assert "id" not in profile.fields


def test_a_departements_geojson_with_nested_properties():
    proposal = propose_profile(read_table(file_bytes("departement.geojson")), today=TODAY)
    targets = _targets(proposal)

    assert targets["identifiant"] == "id"
    assert targets["siret"] == "pivot"
    assert targets["adresse.voie"] == "adresse"
    assert targets["adresse.code_postal"] == "code_postal"
    assert targets["adresse.code_insee"] == "code_insee"
    assert targets["contact.telephone"] == "telephone"
    assert targets["contact.courriel"] == "courriels"
    assert (targets["geometry.latitude"], targets["geometry.longitude"]) == ("latitude", "longitude")
    assert targets["mis_a_jour"] == "date_maj"
    labels = {p.label: p for p in proposal.labels["services"]}
    assert labels["Initiation informatique"].candidates[0] == "Maîtrise des outils numériques du quotidien"
    assert len(labels["Initiation informatique"].candidates) <= 3
    assert labels["Cuisine collective"].candidates == []
    assert proposal.profile.fields["services"].translation_of("Cuisine collective") is None


def test_a_mobile_networks_workbook_joins_street_number_and_name_into_the_address():
    proposal = propose_profile(read_table(mobile_network_xlsx()), today=TODAY)
    targets = _targets(proposal)

    assert proposal.profile.fields["adresse"].columns == ["N° de voie", "Libellé voie"]
    assert targets["SIRET"] == "pivot"
    assert (targets["Lat"], targets["Lng"]) == ("latitude", "longitude")
    assert targets["Tél"] == "telephone"
    assert targets["Jours de passage"] == "horaires"
    assert proposal.profile.fields["itinerance"].translation_of("Bus") == ["Itinérant"]


def test_a_near_v0_json_gets_the_v0_labels_translated_and_its_labels_column_in_the_right_field():
    proposal = propose_profile(read_table(file_bytes("reseau_quasi_v0.json")), today=TODAY)
    profile = proposal.profile

    assert profile.fields["services"].separator == ";"
    assert profile.fields["services"].translation_of("Prendre en main un ordinateur") == [
        "Maîtrise des outils numériques du quotidien"
    ]
    assert profile.fields["publics_specifiquement_adresses"].translation_of("Seniors (+ 65 ans)") == ["Seniors"]
    assert profile.fields["dispositif_programmes_nationaux"].columns == ["labels"]
    assert _targets(proposal)["courriel"] == "courriels"


def test_a_single_valued_field_is_never_proposed_twice_the_best_column_wins():
    table = read_table(b"Ville;Commune;CP\nLyon;Lyon 8e;69008\n")

    targets = _targets(propose_profile(table, today=TODAY))

    assert list(targets.values()).count("commune") == 1
    assert targets["CP"] == "code_postal"


def test_yes_no_columns_named_after_a_feature_become_labels():
    table = read_table(b"Nom;connexion_wi_fi;gratuite_des_services\nA;Oui;Non\nB;Non;Oui\n")

    profile = propose_profile(table, today=TODAY).profile

    assert profile.fields["services"].translations == {"Oui": ["Accès internet et matériel informatique"], "Non": []}
    assert profile.fields["frais_a_charge"].translations == {"Non": ["Payant"], "Oui": ["Gratuit"]}


def test_the_previous_profile_wins_for_the_columns_it_knows():
    table = read_table(file_bytes("hub_regional.csv"))
    previous = Profile(
        source="Hub",
        fields={
            "nom": FieldRule(columns=["Nom du référent"]),
            "services": FieldRule(columns=["Thématiques"], separator=";", translations={"Accès wifi": []}),
        },
        ignored=["Nom de la structure", "Colonne disparue"],
    )

    proposal = propose_profile(table, previous=previous, today=TODAY)
    targets = _targets(proposal)

    assert targets["Nom du référent"] == "nom"
    assert targets["Nom de la structure"] == "ignored"
    assert proposal.profile.fields["services"].translation_of("Accès wifi") == []
    assert proposal.profile.source == "Hub"
    assert "Colonne disparue" not in proposal.profile.ignored
    assert proposal.profile.unplaced_columns(table.columns) == []


def test_every_proposal_places_every_column_and_is_a_valid_profile_file():
    for data in (file_bytes("hub_regional.csv"), file_bytes("departement.geojson"), mobile_network_xlsx()):
        table = read_table(data)
        profile = propose_profile(table, today=TODAY).profile

        assert profile.unplaced_columns(table.columns) == []
        assert Profile.loads(profile.dumps()) == profile


def test_label_candidates_rank_synonyms_then_close_spellings():
    assert candidates_for("services", "Démarches en ligne")[0] == "Aide aux démarches administratives"
    assert candidates_for("frais_a_charge", "gratuit sous conditions")[0] == "Gratuit sous condition"
    assert candidates_for("prise_en_charge_specifique", "PMR") == ["Handicaps moteurs"]
    assert candidates_for("publics_specifiquement_adresses", "Tout public") == []


def test_x_and_y_are_coordinates_only_when_their_values_are_degrees_in_france():
    degrees = read_table(b"Nom;X;Y\nA;4.85;45.76\nB;5.72;45.18\n")
    lambert = read_table(b"Nom;X;Y\nA;842000.5;6519000.2\nB;913000.1;6458000.7\n")

    assert {k: v for k, v in _targets(propose_profile(degrees, today=TODAY)).items() if k in "XY"} == {
        "X": "longitude",
        "Y": "latitude",
    }
    assert {k: v for k, v in _targets(propose_profile(lambert, today=TODAY)).items() if k in "XY"} == {
        "X": "extra",
        "Y": "extra",
    }
