"""The reads of the eligibility finder: a structure's facts (from its own data and its declared profile), with where
each comes from, and every published scheme evaluated on them, eligible first. A constant number of queries,
whatever the number of schemes and rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format

from mediane import french
from mediane.roadmap.models import CharterSignature, CharterVersion
from mediane.structures.communes import load_communes
from mediane.structures.models import Structure

from . import eligibility
from .models import EligibilityRule, Scheme, StructureProfile

FROM_COMMUNES = "d'après le référentiel des communes"
FROM_STRUCTURE = "d'après la fiche de la structure"
FROM_PLACES = "d'après les fiches de vos lieux"
FROM_CHARTER = "d'après les signatures de la charte"
NOT_DECLARED = "pas encore indiqué"

VERDICT_ORDER = {
    eligibility.Verdict.ELIGIBLE: 0,
    eligibility.Verdict.TO_CONFIRM: 1,
    eligibility.Verdict.NOT_ELIGIBLE: 2,
    eligibility.Verdict.CLOSED: 3,
}


@dataclass
class StructureFacts:
    structure: Structure
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    profile: StructureProfile | None = None

    def rows(self) -> list[dict[str, str]]:
        """Each fact with its value in words and where it comes from, for the finder's « Votre structure »."""
        rows = []
        for fact in eligibility.FACTS.values():
            value = self.values.get(fact.key)
            rows.append(
                {"key": fact.key, "label": fact.label, "value": shown(fact, value), "source": self.sources[fact.key]}
            )
        return rows


def shown(fact: eligibility.Fact, value: Any) -> str:
    if value is None:
        return "Non renseigné"
    if fact.type is eligibility.FactType.BOOLEAN:
        return "Oui" if value else "Non"
    if fact.type is eligibility.FactType.NUMBER:
        return french.number(value)
    if fact.type is eligibility.FactType.SET:
        return ", ".join(sorted(value)) or "Aucun"
    if fact.key == "structure_kind":
        # « une bibliothèque municipale » → « Bibliothèque municipale »; a kind unknown to the list shows as is.
        name = str(fact.choices.get(value, value))
        bare = name.split(" ", 1)[1] if value in fact.choices and " " in name else name
        return bare[:1].upper() + bare[1:]
    if fact.key == "departement":
        return f"{fact.choices.get(value, value)} ({value})"
    return str(fact.choices.get(value, value))


def structure_facts(structure: Structure) -> StructureFacts:
    """The facts of one structure: 4 queries (profile, places' labels, charter in force, its signature)."""
    facts = StructureFacts(structure)
    profile = StructureProfile.objects.filter(structure=structure).first()
    facts.profile = profile
    declared = f"déclaré par votre structure le {date_format(profile.updated_at, 'j F Y')}" if profile else ""

    def set_declared(key: str, value: Any) -> None:
        facts.values[key] = value
        facts.sources[key] = declared if value is not None else NOT_DECLARED

    facts.values["structure_kind"] = structure.kind or None
    facts.sources["structure_kind"] = FROM_STRUCTURE
    commune = load_communes().by_insee(structure.insee_code) if structure.insee_code else None
    departement = structure.departement or (commune.departement if commune else "")
    region = structure.region or (commune.region if commune else "")
    facts.values["departement"] = departement or None
    facts.sources["departement"] = (
        FROM_STRUCTURE if structure.departement else (FROM_COMMUNES if commune else NOT_DECLARED)
    )
    facts.values["region"] = region or None
    facts.sources["region"] = FROM_STRUCTURE if structure.region else (FROM_COMMUNES if commune else NOT_DECLARED)
    if profile and profile.population_served is not None:
        set_declared("population", profile.population_served)
        facts.values[eligibility.POPULATION_IS_TERRITORY] = True
    elif commune and commune.population:
        facts.values["population"] = commune.population
        facts.sources["population"] = f"{FROM_COMMUNES}, pour {commune.name}"
    else:
        facts.values["population"] = None
        facts.sources["population"] = NOT_DECLARED
    for key in ("rural_area", "priority_neighbourhood", "staff_trained"):
        set_declared(key, getattr(profile, key) if profile else None)

    labels: set[str] = set()
    for programmes, other in structure.places.values_list("dispositif_programmes_nationaux", "formations_labels"):
        labels.update(label for label in [*programmes, *other] if label in eligibility.LABELS)
    facts.values["labels"] = frozenset(labels)
    facts.sources["labels"] = FROM_PLACES

    current = CharterVersion.objects.current()
    signed = current is not None and CharterSignature.objects.filter(structure=structure, version=current).exists()
    facts.values["charter_signed"] = signed
    facts.sources["charter_signed"] = FROM_CHARTER
    return facts


@dataclass(frozen=True)
class SchemeResult:
    scheme: Scheme
    evaluation: eligibility.Evaluation

    @property
    def verdict(self) -> str:
        return self.evaluation.verdict.value


def schemes_with_rules(user):
    """The schemes `user` may see with their rules: 2 queries."""
    rules = Prefetch("rules", queryset=EligibilityRule.objects.order_by("position", "pk"))
    return Scheme.objects.visible_to(user).prefetch_related(rules)


def evaluate_schemes(schemes, facts: StructureFacts) -> list[SchemeResult]:
    """Every scheme evaluated on the facts: eligible first, then to confirm, then not eligible, then the closed
    ones (their period is over); in the schemes' order within each."""
    today = timezone.localdate()
    results = [
        SchemeResult(
            scheme,
            eligibility.evaluate(
                [rule.as_rule() for rule in scheme.rules.all()],
                facts.values,
                closed=eligibility.closed_on(scheme.period_end, today),
            ),
        )
        for scheme in schemes
    ]
    return sorted(results, key=lambda result: VERDICT_ORDER[result.evaluation.verdict])
