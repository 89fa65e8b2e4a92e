"""The pure eligibility core: each operator, unknown facts, the wording, the refusal of rules that cannot be
evaluated, and properties over any rule and any facts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediane.funding import eligibility
from mediane.funding.eligibility import FACTS, Outcome, Rule, RuleError, Verdict, check_rule, evaluate
from mediane.structures.enums import StructureKind

LIBRARY = {
    "structure_kind": "bibliotheque_municipale",
    "population": 35_000,
    "region": "84",
    "departement": "69",
    "rural_area": False,
    "labels": frozenset({"France Services"}),
    "priority_neighbourhood": True,
    "charter_signed": False,
    "staff_trained": 1,
}


def outcome(rule: Rule, facts=LIBRARY) -> Outcome:
    return evaluate([rule], facts).results[0].outcome


def test_the_structure_kinds_are_those_of_the_structures_app():
    assert list(eligibility.STRUCTURE_KINDS) == list(StructureKind.values)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (Rule("structure_kind", "in", ["commune", "bibliotheque_municipale"]), Outcome.PASSES),
        (Rule("structure_kind", "in", ["commune", "epci"]), Outcome.FAILS),
        (Rule("structure_kind", "not_in", ["entreprise"]), Outcome.PASSES),
        (Rule("structure_kind", "not_in", ["bibliotheque_municipale"]), Outcome.FAILS),
        (Rule("labels", "any_of", ["France Services", "Aidants Connect"]), Outcome.PASSES),
        (Rule("labels", "any_of", ["Aidants Connect"]), Outcome.FAILS),
        (Rule("labels", "none_of", ["Aidants Connect"]), Outcome.PASSES),
        (Rule("labels", "none_of", ["France Services"]), Outcome.FAILS),
        (Rule("population", "at_least", 35_000), Outcome.PASSES),
        (Rule("population", "at_least", 35_001), Outcome.FAILS),
        (Rule("population", "at_most", 35_000), Outcome.PASSES),
        (Rule("population", "at_most", 34_999), Outcome.FAILS),
        (Rule("population", "between", [10_000, 100_000]), Outcome.PASSES),
        (Rule("population", "between", [35_000, 35_000]), Outcome.PASSES),
        (Rule("population", "between", [2_000, 10_000]), Outcome.FAILS),
        (Rule("priority_neighbourhood", "is_true"), Outcome.PASSES),
        (Rule("priority_neighbourhood", "is_false"), Outcome.FAILS),
        (Rule("charter_signed", "is_true"), Outcome.FAILS),
        (Rule("charter_signed", "is_false"), Outcome.PASSES),
        (Rule("region", "in", ["84"]), Outcome.PASSES),
        (Rule("departement", "not_in", ["69"]), Outcome.FAILS),
    ],
)
def test_each_operator_passes_or_fails_on_the_structures_value(rule, expected):
    assert outcome(rule) == expected


def test_a_fact_the_structure_has_not_given_is_unknown_and_the_scheme_is_to_be_confirmed():
    facts = {**LIBRARY, "rural_area": None}
    evaluation = evaluate(
        [Rule("structure_kind", "in", ["bibliotheque_municipale"]), Rule("rural_area", "is_true")], facts
    )
    assert [r.outcome for r in evaluation.results] == [Outcome.PASSES, Outcome.UNKNOWN]
    assert evaluation.verdict == Verdict.TO_CONFIRM
    assert evaluation.verdict_label == "À confirmer"
    unknown = evaluation.results[1]
    assert "commune rurale" in unknown.why
    assert "profil de votre structure" in unknown.to_pass
    assert unknown.fix == eligibility.FIX_EDIT_PROFILE
    assert unknown.mark == "?"


def test_a_missing_key_is_unknown_like_none():
    assert outcome(Rule("staff_trained", "at_least", 2), {}) == Outcome.UNKNOWN


def test_one_failed_rule_makes_the_scheme_not_eligible_even_with_unknowns():
    facts = {**LIBRARY, "rural_area": None}
    evaluation = evaluate([Rule("rural_area", "is_true"), Rule("population", "at_most", 10_000)], facts)
    assert evaluation.verdict == Verdict.NOT_ELIGIBLE


def test_a_scheme_without_rules_is_eligible():
    assert evaluate([], LIBRARY).verdict == Verdict.ELIGIBLE


def test_rules_are_evaluated_in_their_order():
    rules = [Rule("population", "at_least", 1, position=2), Rule("region", "in", ["84"], position=1)]
    assert [r.rule.fact for r in evaluate(rules, LIBRARY).results] == ["region", "population"]


def test_the_why_says_what_the_structure_is_and_what_the_scheme_asks_in_the_organisers_words():
    rule = Rule(
        "structure_kind", "in", ["commune", "epci"], "ce dispositif est ouvert aux communes et intercommunalités"
    )
    result = evaluate([rule], LIBRARY).results[0]
    assert result.why == (
        "Votre structure est une bibliothèque municipale : ce dispositif est ouvert aux communes et intercommunalités."
    )
    assert result.to_pass == (
        "Ce dispositif est ouvert aux communes et intercommunalités. Il ne peut donc pas s'appliquer à votre structure."
    )
    assert result.fix == ""
    assert result.mark == "✗"


def test_a_population_band_is_said_with_french_thousands():
    result = evaluate([Rule("population", "at_most", 10_000)], LIBRARY).results[0]
    assert result.why == (
        "Votre commune compte 35\u202f000 habitants : ce dispositif est réservé aux communes de 10\u202f000 habitants "
        "au plus."
    )
    assert "ne peut donc pas s'appliquer" in result.to_pass


def test_an_unsigned_charter_says_to_sign_it_with_its_link():
    result = evaluate([Rule("charter_signed", "is_true")], LIBRARY).results[0]
    assert result.to_pass == "Signez la charte de l'inclusion numérique en bibliothèque pour votre structure."
    assert result.fix == eligibility.FIX_SIGN_CHARTER


def test_too_few_people_trained_says_how_many_more():
    result = evaluate([Rule("staff_trained", "at_least", 3)], LIBRARY).results[0]
    assert result.to_pass.startswith("Formez encore 2 personnes de votre équipe")
    one_more = evaluate([Rule("staff_trained", "at_least", 2)], LIBRARY).results[0]
    assert one_more.to_pass.startswith("Formez encore 1 personne de votre équipe")


def test_a_passing_rule_says_nothing_to_do():
    result = evaluate([Rule("departement", "in", ["69", "01"])], LIBRARY).results[0]
    assert result.why == (
        "Votre structure se trouve dans le département Rhône (69) : ce dispositif est réservé à ces départements : "
        "Rhône (69) et Ain (01)."
    )
    assert (result.to_pass, result.fix, result.mark) == ("", "", "✓")


@pytest.mark.parametrize(
    ("fact", "operator", "value", "message"),
    [
        ("surface", "in", ["x"], "Règle 3 : le critère « surface » n'existe pas"),
        ("population", "in", [1], "Règle 3 : la condition « est l'une de ces valeurs » ne s'applique pas"),
        ("population", "contains", 1, "Règle 3 : la condition « contains » ne s'applique pas"),
        ("population", "at_least", "10000", "écrivez un nombre entier"),
        ("population", "at_least", 10.5, "écrivez un nombre entier"),
        ("population", "at_least", True, "écrivez un nombre entier"),
        ("population", "at_least", -1, "écrivez un nombre entier"),
        ("population", "between", [10, 2], "le premier nombre doit être le plus petit"),
        ("population", "between", [10], "écrivez deux nombres entiers positifs"),
        ("structure_kind", "in", "commune", "une liste de codes entre crochets"),
        ("structure_kind", "in", [], "une liste de codes entre crochets"),
        ("structure_kind", "in", ["mairie"], "« mairie » ne fait pas partie des valeurs possibles"),
        ("structure_kind", "in", ["commune", "commune"], "écrite deux fois"),
        ("labels", "any_of", ["Label inventé"], "« Label inventé » ne fait pas partie des valeurs possibles"),
        ("departement", "in", ["100"], "« 100 » ne fait pas partie"),
        ("charter_signed", "is_true", 3, "laissez la valeur vide"),
        ("charter_signed", "at_least", 3, "ne s'applique pas"),
    ],
)
def test_a_rule_that_cannot_be_evaluated_is_refused_with_a_french_message_naming_it(fact, operator, value, message):
    with pytest.raises(RuleError, match=message):
        check_rule(fact, operator, value, name="Règle 3")


facts_strategy = st.fixed_dictionaries(
    {},
    optional={
        "structure_kind": st.sampled_from(list(eligibility.STRUCTURE_KINDS)) | st.none(),
        "population": st.integers(min_value=0, max_value=3_000_000) | st.none(),
        "region": st.sampled_from(list(eligibility.REGIONS)) | st.none(),
        "departement": st.sampled_from(list(eligibility.DEPARTEMENTS)) | st.none(),
        "rural_area": st.booleans() | st.none(),
        "labels": st.frozensets(st.sampled_from(list(eligibility.LABELS))) | st.none(),
        "priority_neighbourhood": st.booleans() | st.none(),
        "charter_signed": st.booleans(),
        "staff_trained": st.integers(min_value=0, max_value=50) | st.none(),
    },
)


@st.composite
def valid_rules(draw):
    fact = FACTS[draw(st.sampled_from(list(FACTS)))]
    operator = draw(st.sampled_from(eligibility.OPERATORS_BY_TYPE[fact.type]))
    if fact.type is eligibility.FactType.BOOLEAN:
        value = None
    elif operator == "between":
        low, high = sorted(draw(st.lists(st.integers(0, 200_000), min_size=2, max_size=2)))
        value = [low, high]
    elif fact.type is eligibility.FactType.NUMBER:
        value = draw(st.integers(0, 200_000))
    else:
        value = draw(st.lists(st.sampled_from(list(fact.choices)), min_size=1, max_size=4, unique=True))
    return Rule(fact.key, operator, value)


# No deadline: the machine is shared, and a slow example is not a wrong one.
@settings(deadline=None)
@given(st.lists(valid_rules(), max_size=6), facts_strategy)
def test_any_checked_rule_evaluates_on_any_facts_with_a_sentence(rules, facts):
    for rule in rules:
        check_rule(rule.fact, rule.operator, rule.value)
    evaluation = evaluate(rules, facts)
    for result in evaluation.results:
        assert result.why.endswith(".")
        assert (result.outcome == Outcome.PASSES) == (result.to_pass == "")
    outcomes = {r.outcome for r in evaluation.results}
    if Outcome.FAILS in outcomes:
        assert evaluation.verdict == Verdict.NOT_ELIGIBLE
    elif Outcome.UNKNOWN in outcomes:
        assert evaluation.verdict == Verdict.TO_CONFIRM
    else:
        assert evaluation.verdict == Verdict.ELIGIBLE


@settings(deadline=None)
@given(valid_rules(), facts_strategy)
def test_in_and_not_in_and_their_pairs_are_opposites_on_a_known_fact(rule, facts):
    opposite = {"in": "not_in", "not_in": "in", "any_of": "none_of", "none_of": "any_of", "is_true": "is_false"}
    if rule.operator not in opposite or facts.get(rule.fact) is None:
        return
    first = outcome(rule, facts)
    second = outcome(Rule(rule.fact, opposite[rule.operator], rule.value), facts)
    assert {first, second} == {Outcome.PASSES, Outcome.FAILS}


def test_the_eligibility_core_imports_nothing_of_django():
    import subprocess
    import sys

    code = "import sys, mediane.funding.eligibility; print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == "False"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 300_000) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4),
    max_leaves=8,
)


@settings(deadline=None)
@given(
    st.sampled_from([*FACTS, "", "surface"]),
    st.sampled_from([*eligibility.OPERATORS, "", "contains"]),
    json_values | st.lists(st.sampled_from([*eligibility.STRUCTURE_KINDS, *eligibility.LABELS, "84", "69"])),
    facts_strategy,
)
def test_any_rule_is_either_refused_when_saved_or_evaluated_without_error(fact, operator, value, facts):
    """What an organiser or a forged request may write: `check_rule` refuses it in French, or the finder can
    evaluate it on any structure. Nothing is left for the finder to trip on."""
    try:
        check_rule(fact, operator, value, name="Règle 1")
    except RuleError as error:
        assert str(error).startswith("Règle 1 : ")
        return
    result = evaluate([Rule(fact, operator, value)], facts).results[0]
    assert result.why


def test_a_declared_territory_population_is_said_of_the_territory():
    facts = {**LIBRARY, "population": 250_000, eligibility.POPULATION_IS_TERRITORY: True}
    result = evaluate([Rule("population", "at_least", 100_000)], facts).results[0]
    assert result.why.startswith("Votre territoire compte 250\u202f000 habitants : ")


@pytest.mark.parametrize(
    ("code", "start"),
    [
        ("04", "Votre structure se trouve à La Réunion : "),
        ("53", "Votre structure se trouve en Bretagne : "),
        ("32", "Votre structure se trouve dans les Hauts-de-France : "),
    ],
)
def test_a_region_is_said_with_its_own_preposition(code, start):
    result = evaluate([Rule("region", "in", ["11"])], {**LIBRARY, "region": code}).results[0]
    assert result.why.startswith(start)


def test_every_region_has_its_preposition():
    assert eligibility.REGIONS_LOCATIVE.keys() == eligibility.REGIONS.keys()
