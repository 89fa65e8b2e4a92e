"""Eligibility rules as data: the facts a rule may test, the operators each type of fact allows, the check of a
rule when a scheme is saved, and the evaluation of a scheme's rules against a structure's facts, in plain words.

Pure Python (no Django import): the model's `clean`, the services, the forms, the admin and the finder all call it.
A rule is `(fact, operator, value, wording)`; the finder never meets a rule that `check_rule` refused.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mediane.accounts.territories import DEPARTEMENTS
from mediane.french import number
from mediane.structures.hours import MONTH_NAMES
from mediane.structures.standard import DISPOSITIF_PROGRAMMES_NATIONAUX, FORMATIONS_LABELS

# Where the grille communale de densité comes from, for the rural-area fact (said on the profile form too).
RURAL_DEFINITION_URL = "https://www.insee.fr/fr/information/6439600"


class FactType(enum.StrEnum):
    CHOICE = "choice"  # one value among a list (structure type, région, département)
    SET = "set"  # several values among a list (labels)
    NUMBER = "number"  # a whole number (population, people trained)
    BOOLEAN = "boolean"  # yes or no (charter signed, quartier prioritaire)


class Outcome(enum.StrEnum):
    PASSES = "passes"
    FAILS = "fails"
    UNKNOWN = "unknown"


class Verdict(enum.StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    TO_CONFIRM = "to_confirm"
    CLOSED = "closed"  # the scheme's period has ended: whatever the rules say, it takes no application


VERDICT_LABELS = {
    Verdict.ELIGIBLE: "Éligible",
    Verdict.NOT_ELIGIBLE: "Non éligible",
    Verdict.TO_CONFIRM: "À confirmer",
    Verdict.CLOSED: "Clos",
}

# What a structure can do when a rule fails or a fact is missing; the view turns each into a link.
FIX_EDIT_PROFILE = "edit_profile"
FIX_SIGN_CHARTER = "sign_charter"


# --- The operators --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Operator:
    key: str
    label: str  # what the organisers' form shows
    needs_value: bool = True


OPERATORS: dict[str, Operator] = {
    op.key: op
    for op in (
        Operator("in", "est l'une de ces valeurs"),
        Operator("not_in", "n'est aucune de ces valeurs"),
        Operator("any_of", "comprend au moins une de ces valeurs"),
        Operator("none_of", "ne comprend aucune de ces valeurs"),
        Operator("at_least", "vaut au moins"),
        Operator("at_most", "vaut au plus"),
        Operator("between", "est compris entre (deux nombres)"),
        Operator("is_true", "est vrai (oui)", needs_value=False),
        Operator("is_false", "est faux (non)", needs_value=False),
    )
}

OPERATORS_BY_TYPE: dict[FactType, tuple[str, ...]] = {
    FactType.CHOICE: ("in", "not_in"),
    FactType.SET: ("any_of", "none_of"),
    FactType.NUMBER: ("at_least", "at_most", "between"),
    FactType.BOOLEAN: ("is_true", "is_false"),
}

# How an organiser writes the value of a rule, for each type (in the form's help and in refusals).
VALUE_HELP: dict[FactType, str] = {
    FactType.CHOICE: 'une liste de codes entre crochets, par exemple ["commune", "epci"]',
    FactType.SET: 'une liste de libellés entre crochets, par exemple ["France Services"]',
    FactType.NUMBER: "un nombre entier, par exemple 10000, ou pour « entre » deux nombres : [2000, 10000]",
    FactType.BOOLEAN: "rien (laissez la valeur vide)",
}


# --- The facts ------------------------------------------------------------------------------------------------

# The structure types of `structures.enums.StructureKind`, each as a sentence names it (with its article); a test
# checks that the codes are the same. The enum cannot be imported here: it is Django's.
STRUCTURE_KINDS: dict[str, str] = {
    "bibliotheque_municipale": "une bibliothèque municipale",
    "bibliotheque_intercommunale": "une bibliothèque intercommunale",
    "mediatheque_departementale": "une médiathèque départementale",
    "bibliotheque_autre": "une autre bibliothèque (associative, d'entreprise…)",
    "commune": "une commune",
    "epci": "une intercommunalité (EPCI)",
    "departement": "un département",
    "association": "une association",
    "france_services": "un espace France Services",
    "ccas": "un centre communal d'action sociale (CCAS)",
    "tiers_lieu": "un tiers-lieu",
    "entreprise": "une entreprise",
    "autre": "une structure d'un autre type",
}

# The régions by their INSEE code (the communes reference gives each commune's), with « en » or « à ».
REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}

# Where a structure is, region by region: « en Bretagne », « à La Réunion », « dans les Hauts-de-France ».
REGIONS_LOCATIVE: dict[str, str] = {
    "01": "en Guadeloupe",
    "02": "en Martinique",
    "03": "en Guyane",
    "04": "à La Réunion",
    "06": "à Mayotte",
    "11": "en Île-de-France",
    "24": "en Centre-Val de Loire",
    "27": "en Bourgogne-Franche-Comté",
    "28": "en Normandie",
    "32": "dans les Hauts-de-France",
    "44": "dans le Grand Est",
    "52": "dans les Pays de la Loire",
    "53": "en Bretagne",
    "75": "en Nouvelle-Aquitaine",
    "76": "en Occitanie",
    "84": "en Auvergne-Rhône-Alpes",
    "93": "en Provence-Alpes-Côte d'Azur",
    "94": "en Corse",
}

# A fact beside the rules' facts: true when the population is the one the structure declared for its territory
# (an intercommunality, a département), not its commune's.
POPULATION_IS_TERRITORY = "population_is_territory"

# The labels of the national standard a place may declare (its « dispositifs nationaux » and « formations et
# labels »); a structure has the labels of all its places.
LABELS: dict[str, str] = {label: label for label in (*DISPOSITIF_PROGRAMMES_NATIONAUX, *FORMATIONS_LABELS)}


@dataclass(frozen=True, slots=True)
class Fact:
    key: str
    type: FactType
    label: str  # « type de structure »: the organisers' form and the profile page
    choices: Mapping[str, str] = field(default_factory=dict)
    # Whether the structure itself can change the fact (declare it, sign, train): when it cannot, a failed rule
    # says that the scheme cannot apply, rather than what to do.
    changeable: bool = False
    fix: str = FIX_EDIT_PROFILE


FACTS: dict[str, Fact] = {
    fact.key: fact
    for fact in (
        Fact("structure_kind", FactType.CHOICE, "type de structure", STRUCTURE_KINDS),
        Fact("population", FactType.NUMBER, "population (commune ou territoire desservi)"),
        Fact("region", FactType.CHOICE, "région", REGIONS),
        Fact("departement", FactType.CHOICE, "département", DEPARTEMENTS),
        Fact("rural_area", FactType.BOOLEAN, "commune rurale"),
        Fact("labels", FactType.SET, "labels des lieux", LABELS, changeable=True),
        Fact("priority_neighbourhood", FactType.BOOLEAN, "lieu en quartier prioritaire"),
        Fact(
            "charter_signed",
            FactType.BOOLEAN,
            "charte de l'inclusion numérique signée (version en vigueur)",
            changeable=True,
            fix=FIX_SIGN_CHARTER,
        ),
        Fact("staff_trained", FactType.NUMBER, "nombre de personnes formées à la médiation numérique", changeable=True),
    )
}


# --- Checking a rule when a scheme is saved --------------------------------------------------------------------


class RuleError(ValueError):
    """A rule that cannot be evaluated; the message is French and says what to write instead."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_rule(fact_key: str, operator: str, value: Any, *, name: str = "Cette règle") -> None:
    """Raise RuleError when the rule cannot be evaluated: unknown fact, operator not allowed for the fact's type,
    value of the wrong type, value outside the fact's list. `name` names the rule in the message (« Règle 2 »)."""
    if not fact_key:
        raise RuleError(f"{name} : choisissez le critère que la règle teste, par exemple « type de structure ».")
    fact = FACTS.get(fact_key)
    if fact is None:
        known = ", ".join(f"« {f.key} » ({f.label})" for f in FACTS.values())
        raise RuleError(f"{name} : le critère « {fact_key} » n'existe pas. Choisissez l'un de ceux-ci : {known}.")
    allowed = OPERATORS_BY_TYPE[fact.type]
    if not operator:
        words = ", ".join(f"« {OPERATORS[key].label} »" for key in allowed)
        raise RuleError(f"{name} : choisissez la condition de la règle : {words}.")
    if operator not in allowed:
        words = ", ".join(f"« {OPERATORS[key].label} »" for key in allowed)
        shown = OPERATORS[operator].label if operator in OPERATORS else operator
        raise RuleError(
            f"{name} : la condition « {shown} » ne s'applique pas au critère « {fact.label} ». Choisissez : {words}."
        )
    expected = f"{name} : pour le critère « {fact.label} », écrivez {VALUE_HELP[fact.type]}."
    if fact.type is FactType.BOOLEAN:
        if value not in (None, "", []):
            raise RuleError(expected)
        return
    if fact.type is FactType.NUMBER:
        if operator == "between":
            if not (isinstance(value, list) and len(value) == 2 and all(_is_int(v) and v >= 0 for v in value)):
                raise RuleError(f"{name} : pour « entre », écrivez deux nombres entiers positifs : [2000, 10000].")
            if value[0] > value[1]:
                raise RuleError(f"{name} : le premier nombre doit être le plus petit : [{value[1]}, {value[0]}].")
            return
        if not (_is_int(value) and value >= 0):
            raise RuleError(expected)
        return
    if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
        raise RuleError(expected)
    unknown = [v for v in value if v not in fact.choices]
    if unknown:
        examples = ", ".join(f"« {code} »" for code in list(fact.choices)[:6])
        raise RuleError(
            f"{name} : {', '.join(f'« {v} »' for v in unknown)} ne fait pas partie des valeurs possibles du critère "
            f"« {fact.label} ». Valeurs possibles, par exemple : {examples}…"
        )
    if len(set(value)) != len(value):
        raise RuleError(f"{name} : une valeur est écrite deux fois ; écrivez chacune une seule fois.")


# --- Evaluating a scheme's rules ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as the evaluation reads it; `wording` is the organiser's sentence of what the scheme asks
    (« ce dispositif est ouvert aux communes et intercommunalités »), used instead of the generated one."""

    fact: str
    operator: str
    value: Any = None
    wording: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    why: str  # what the structure is and what the scheme asks, in one sentence
    to_pass: str = ""  # what would make it pass, or why nothing can ("" when it passes)
    fix: str = ""  # FIX_EDIT_PROFILE or FIX_SIGN_CHARTER: the page that lets the structure act

    @property
    def mark(self) -> str:
        return {Outcome.PASSES: "✓", Outcome.FAILS: "✗", Outcome.UNKNOWN: "?"}[self.outcome]


@dataclass(frozen=True, slots=True)
class Evaluation:
    verdict: Verdict
    results: tuple[RuleResult, ...]
    closed_on: dt.date | None = None  # the last day of the scheme's period, when it has passed

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def closed_text(self) -> str:
        return closed_sentence(self.closed_on) if self.closed_on else ""


def long_date(day: dt.date) -> str:
    """« 31 décembre 2021 », « 1er mars 2022 »."""
    return f"{'1er' if day.day == 1 else day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def closed_sentence(period_end: dt.date) -> str:
    return f"Ce dispositif est clos depuis le {long_date(period_end)}"


def closed_on(period_end: dt.date | None, today: dt.date) -> dt.date | None:
    """The scheme's last day when its period is over on `today`, else None."""
    return period_end if period_end is not None and period_end < today else None


def _listing(words: Sequence[str], last: str = "ou") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _choice_names(fact: Fact, codes: Sequence[str]) -> list[str]:
    if fact.key == "departement":
        return [f"{fact.choices.get(code, code)} ({code})" for code in codes]
    return [fact.choices.get(code, code) for code in codes]


def requirement(rule: Rule) -> str:
    """What the scheme asks, generated from the rule (« ce dispositif est réservé aux communes de moins de 10 000
    habitants »); the organiser's `wording` replaces it where given."""
    if rule.wording.strip():
        return rule.wording.strip().rstrip(".")
    fact = FACTS[rule.fact]
    value = rule.value
    op = rule.operator
    if fact.type is FactType.BOOLEAN:
        wanted = op == "is_true"
        return {
            "rural_area": "ce dispositif est réservé aux communes rurales"
            if wanted
            else "ce dispositif ne concerne pas les communes rurales",
            "priority_neighbourhood": "ce dispositif est réservé aux lieux situés en quartier prioritaire"
            if wanted
            else "ce dispositif ne concerne pas les quartiers prioritaires",
            "charter_signed": "ce dispositif demande d'avoir signé la charte de l'inclusion numérique en bibliothèque"
            if wanted
            else "ce dispositif est réservé aux structures qui n'ont pas signé la charte",
        }[fact.key]
    if fact.type is FactType.NUMBER:
        if fact.key == "population":
            if op == "at_least":
                return f"ce dispositif est réservé aux territoires d'au moins {number(value)} habitants"
            if op == "at_most":
                return f"ce dispositif est réservé aux communes de {number(value)} habitants au plus"
            low, high = value
            return f"ce dispositif est réservé aux territoires de {number(low)} à {number(high)} habitants"
        if op == "at_least":
            return f"ce dispositif demande au moins {number(value)} personnes formées dans l'équipe"
        if op == "at_most":
            return f"ce dispositif est réservé aux équipes de {number(value)} personnes formées au plus"
        low, high = value
        return f"ce dispositif demande de {number(low)} à {number(high)} personnes formées dans l'équipe"
    names = _choice_names(fact, value)
    if fact.key == "structure_kind":
        kinds = _listing([n.split(" ", 1)[1] for n in names], "et")
        return (
            f"ce dispositif est ouvert à ces types de structure : {kinds}"
            if op == "in"
            else (f"ce dispositif n'est pas ouvert à ces types de structure : {kinds}")
        )
    if fact.type is FactType.SET:
        return (
            f"ce dispositif est réservé aux structures qui ont le label {_listing(names)}"
            if op == "any_of"
            else f"ce dispositif n'est pas ouvert aux structures qui ont le label {_listing(names)}"
        )
    where = "ces régions" if fact.key == "region" else "ces départements"
    if op == "in":
        return f"ce dispositif est réservé à {where} : {_listing(names, 'et')}"
    return f"ce dispositif ne s'applique pas à {where} : {_listing(names, 'et')}"


def statement(fact: Fact, value: Any, facts: Mapping[str, Any] | None = None) -> str:
    """What the structure's fact is, as a sentence starts (« Votre structure est une bibliothèque municipale »)."""
    if fact.key == "structure_kind":
        return f"Votre structure est {fact.choices.get(str(value), str(value))}"
    if fact.key == "population":
        where = "territoire" if facts and facts.get(POPULATION_IS_TERRITORY) else "commune"
        return f"Votre {where} compte {number(value)} habitants"
    if fact.key == "region":
        place = REGIONS_LOCATIVE.get(str(value)) or f"dans la région : {value}"
        return f"Votre structure se trouve {place}"
    if fact.key == "departement":
        return f"Votre structure se trouve dans le département {_choice_names(fact, [str(value)])[0]}"
    if fact.key == "labels":
        labels = sorted(value)
        if not labels:
            return "Vos lieux n'ont déclaré aucun label"
        return f"Vos lieux ont {'le label' if len(labels) == 1 else 'les labels'} {_listing(labels, 'et')}"
    if fact.key == "staff_trained":
        people = "personne formée" if value in (0, 1) else "personnes formées"
        return f"Votre structure déclare {number(value)} {people}"
    yes = bool(value)
    return {
        "rural_area": "Votre commune est rurale" if yes else "Votre commune n'est pas rurale",
        "priority_neighbourhood": "Votre lieu est en quartier prioritaire"
        if yes
        else "Votre lieu n'est pas en quartier prioritaire",
        "charter_signed": "Votre structure a signé la version en vigueur de la charte"
        if yes
        else "Votre structure n'a pas signé la version en vigueur de la charte",
    }[fact.key]


def passes(fact: Fact, operator: str, rule_value: Any, value: Any) -> bool:
    """Whether the structure's `value` satisfies the rule (the rule was checked by `check_rule`)."""
    if operator == "is_true":
        return value is True
    if operator == "is_false":
        return value is False
    if operator == "in":
        return value in rule_value
    if operator == "not_in":
        return value not in rule_value
    if operator == "any_of":
        return bool(set(value) & set(rule_value))
    if operator == "none_of":
        return not set(value) & set(rule_value)
    if operator == "at_least":
        return value >= rule_value
    if operator == "at_most":
        return value <= rule_value
    low, high = rule_value
    return low <= value <= high


def _to_pass(fact: Fact, rule: Rule, value: Any) -> tuple[str, str]:
    """What would make a failed rule pass, and the fix it links to; or why nothing can."""
    if fact.key == "charter_signed" and rule.operator == "is_true":
        return "Signez la charte de l'inclusion numérique en bibliothèque pour votre structure.", FIX_SIGN_CHARTER
    missing = 0
    if fact.key == "staff_trained" and rule.operator in ("at_least", "between"):
        wanted = rule.value if rule.operator == "at_least" else rule.value[0]
        missing = wanted - value
    if fact.key == "staff_trained" and rule.operator in ("at_least", "between") and missing > 0:
        people = "personne" if missing == 1 else "personnes"
        return (
            f"Formez encore {number(missing)} {people} de votre équipe à la médiation numérique, puis mettez à jour "
            "le profil de votre structure.",
            FIX_EDIT_PROFILE,
        )
    if fact.key == "labels" and rule.operator == "any_of":
        names = _listing(_choice_names(fact, rule.value))
        return (
            f"Ce dispositif demande le label {names}. Si l'un de vos lieux l'a obtenu, indiquez-le dans la fiche "
            "de ce lieu.",
            "",
        )
    ask = requirement(rule)
    ask = f"{ask[:1].upper()}{ask[1:]}"
    if fact.changeable:
        return f"{ask}. Votre structure ne remplit pas cette condition aujourd'hui.", fix_of(fact)
    return f"{ask}. Il ne peut donc pas s'appliquer à votre structure.", ""


def fix_of(fact: Fact) -> str:
    return fact.fix


def evaluate_rule(rule: Rule, facts: Mapping[str, Any]) -> RuleResult:
    fact = FACTS[rule.fact]
    value = facts.get(rule.fact)
    if value is None:
        return RuleResult(
            rule,
            Outcome.UNKNOWN,
            f"Nous ne savons pas encore ceci de votre structure : {fact.label}. Or {requirement(rule)}.",
            f"Indiquez-le dans le profil de votre structure (« {fact.label} ») pour savoir si ce dispositif "
            "vous concerne.",
            fix_of(fact),
        )
    why = f"{statement(fact, value, facts)} : {requirement(rule)}."
    if passes(fact, rule.operator, rule.value, value):
        return RuleResult(rule, Outcome.PASSES, why)
    to_pass, fix = _to_pass(fact, rule, value)
    return RuleResult(rule, Outcome.FAILS, why, to_pass, fix)


def evaluate(rules: Sequence[Rule], facts: Mapping[str, Any], *, closed: dt.date | None = None) -> Evaluation:
    """Each rule's result, in order, and the scheme's verdict: closed when its period ended on `closed` (the rules
    are still shown), not eligible when a rule fails, to be confirmed when none fails but a fact is unknown,
    eligible otherwise (a scheme without rules is open to every structure)."""
    results = tuple(evaluate_rule(rule, facts) for rule in sorted(rules, key=lambda r: r.position))
    outcomes = {result.outcome for result in results}
    if closed is not None:
        verdict = Verdict.CLOSED
    elif Outcome.FAILS in outcomes:
        verdict = Verdict.NOT_ELIGIBLE
    elif Outcome.UNKNOWN in outcomes:
        verdict = Verdict.TO_CONFIRM
    else:
        verdict = Verdict.ELIGIBLE
    return Evaluation(verdict, results, closed)
