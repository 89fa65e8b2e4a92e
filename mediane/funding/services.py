"""Every write of funding schemes and of a structure's funding profile: create and edit a scheme with all its
eligibility rules at once, publish and unpublish it, save what a structure declares for the finder.

Each function checks everything first (every rule through `eligibility.check_rule`), then writes inside one
transaction, so a refused scheme leaves nothing half-written. Errors are `SchemeError` / `ProfileError` with French
messages that say what to write. Permissions are checked by the views (`funding.manage_schemes`,
`funding.edit_profile`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction

from mediane import text
from mediane.accounts.models import User
from mediane.structures.models import Structure

from . import eligibility
from .enums import FunderKind
from .models import EligibilityRule, Scheme, StructureProfile

MAX_RULES = 30
# The words of /financements/ that are pages of their own: a scheme's slug never takes one (`urls_schemes.py`).
RESERVED_SLUGS = frozenset(
    {
        "eligibilite",
        "donnees",
        "organisation",
        "demandes",
        "paiements",
        "totaux",
        "mes-demandes",
        "instruction",
        "chiffres",
    }
)
DESCRIPTION_MAX_LENGTH = 20_000
MAX_PEOPLE = 1_000_000
MAX_POPULATION = 100_000_000
MAX_EUROS = 2_000_000_000


class SchemeError(Exception):
    """A scheme that cannot be saved; `messages` lists every reason, each in French, naming the rule concerned."""

    def __init__(self, messages: str | Sequence[str]):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__(" ".join(self.messages))

    @property
    def message(self) -> str:
        return " ".join(self.messages)


class ProfileError(SchemeError):
    pass


@dataclass(frozen=True)
class RuleData:
    fact: str
    operator: str
    value: Any = None
    wording: str = ""


@dataclass(frozen=True)
class SchemeData:
    slug: str
    name: str
    funder: str
    funder_kind: str
    summary: str
    description: str
    amount_text: str
    short_name: str = ""
    source_url: str = ""
    period_text: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    rate_percent: int | None = None
    ceiling_euros: int | None = None
    unit_amount_euros: int | None = None
    unit_name: str = ""
    figures_are_illustrative: bool = False
    published: bool = True
    position: int = 0


# Each text field with its label and its Model's maximum length (the description has its own, larger one).
_TEXTS = {
    "name": ("Le nom", 200),
    "short_name": ("Le nom court", 60),
    "funder": ("Le financeur", 200),
    "summary": ("La phrase de présentation", 300),
    "description": ("La description", DESCRIPTION_MAX_LENGTH),
    "amount_text": ("Le montant en clair", 300),
    "unit_name": ("L'unité", 60),
    "period_text": ("La période en clair", 200),
}
_REQUIRED = ("name", "funder", "summary", "description", "amount_text")


def check_rules(rules: Sequence[RuleData]) -> None:
    """Raise SchemeError listing every rule that cannot be evaluated (« Règle 2 : … »)."""
    if len(rules) > MAX_RULES:
        raise SchemeError(f"Un dispositif a au plus {MAX_RULES} règles : regroupez-en ou supprimez-en.")
    errors = []
    for position, rule in enumerate(rules, start=1):
        try:
            eligibility.check_rule(rule.fact, rule.operator, rule.value, name=f"Règle {position}")
        except eligibility.RuleError as error:
            errors.append(str(error))
        message = text.control_character_message(rule.wording, f"Règle {position} : la phrase")
        if message:
            errors.append(message)
        if len(rule.wording) > 300:
            errors.append(f"Règle {position} : la phrase est trop longue (300 caractères au plus).")
    if errors:
        raise SchemeError(errors)


def check_scheme(data: SchemeData, rules: Sequence[RuleData], *, scheme: Scheme | None = None) -> None:
    """Raise SchemeError with every reason the scheme and its rules cannot be saved."""
    errors = []
    for name in _REQUIRED:
        if not str(getattr(data, name)).strip():
            errors.append(f"{_TEXTS[name][0]} est obligatoire.")
    for name, (label, limit) in _TEXTS.items():
        value = getattr(data, name)
        if len(value) > limit:
            errors.append(f"{label} est trop long : {limit} caractères au plus.")
        message = text.control_character_message(value, label)
        if message:
            errors.append(message)
    try:
        validate_slug(data.slug)
        if not data.slug or len(data.slug) > 60:
            raise ValidationError("")
    except ValidationError:
        errors.append(
            "L'identifiant d'adresse doit faire 1 à 60 caractères : lettres sans accents, chiffres et tirets, "
            "par exemple « dgd-bibliotheques »."
        )
    else:
        if data.slug in RESERVED_SLUGS:
            errors.append(f"L'identifiant « {data.slug} » est réservé à une page du site : choisissez-en un autre.")
        taken = Scheme.objects.filter(slug=data.slug)
        if scheme is not None:
            taken = taken.exclude(pk=scheme.pk)
        if taken.exists():
            errors.append(
                f"L'identifiant « {data.slug} » est déjà celui d'un autre dispositif : choisissez-en un autre."
            )
    if data.funder_kind not in FunderKind.values:
        errors.append("Choisissez le type de financeur dans la liste.")
    if data.source_url:
        try:
            URLValidator(schemes=["https", "http"])(data.source_url)
        except ValidationError:
            errors.append("La source officielle doit être une adresse web complète, commençant par https://.")
    if data.period_start and data.period_end and data.period_end < data.period_start:
        errors.append("La fin de la période doit venir après son début.")
    if data.rate_percent is not None and not 0 < data.rate_percent <= 100:
        errors.append("Le taux est un pourcentage entre 1 et 100.")
    for name, label in (("ceiling_euros", "Le plafond"), ("unit_amount_euros", "Le montant par unité")):
        value = getattr(data, name)
        if value is not None and not 0 < value <= MAX_EUROS:
            errors.append(f"{label} doit être un nombre d'euros positif.")
    if data.unit_amount_euros is not None and not data.unit_name.strip():
        errors.append("Dites ce que compte le montant par unité, par exemple « poste de conseiller ».")
    try:
        check_rules(rules)
    except SchemeError as error:
        errors.extend(error.messages)
    if errors:
        raise SchemeError(errors)


def _write_rules(scheme: Scheme, rules: Sequence[RuleData]) -> None:
    scheme.rules.all().delete()
    EligibilityRule.objects.bulk_create(
        EligibilityRule(
            scheme=scheme,
            position=position,
            fact=rule.fact,
            operator=rule.operator,
            value=rule.value,
            wording=rule.wording.strip(),
        )
        for position, rule in enumerate(rules, start=1)
    )


def create_scheme(data: SchemeData, rules: Sequence[RuleData]) -> Scheme:
    """Create a scheme with its rules, all or nothing."""
    check_scheme(data, rules)
    with transaction.atomic():
        scheme = Scheme.objects.create(**asdict(data))
        _write_rules(scheme, rules)
    return scheme


def update_scheme(scheme: Scheme, data: SchemeData, rules: Sequence[RuleData]) -> Scheme:
    """Replace a scheme's fields and its whole list of rules, all or nothing."""
    check_scheme(data, rules, scheme=scheme)
    with transaction.atomic():
        locked = Scheme.objects.select_for_update().get(pk=scheme.pk)
        for name, value in asdict(data).items():
            setattr(locked, name, value)
        locked.save()
        _write_rules(locked, rules)
    return locked


def set_published(scheme: Scheme, published: bool) -> Scheme:
    """Publish or unpublish a scheme. Its rules were checked when it was saved; they are checked again, so an
    older row written around the services is not shown."""
    if published:
        check_rules([RuleData(r.fact, r.operator, r.value, r.wording) for r in scheme.rules.all()])
    with transaction.atomic():
        Scheme.objects.filter(pk=scheme.pk).update(published=published)
    scheme.published = published
    return scheme


def scheme_data_of(scheme: Scheme) -> SchemeData:
    """A scheme's current fields, to change a few of them."""
    names = SchemeData.__dataclass_fields__
    return SchemeData(**{name: getattr(scheme, name) for name in names})


def rules_of(scheme: Scheme) -> list[RuleData]:
    return [RuleData(r.fact, r.operator, r.value, r.wording) for r in scheme.rules.all()]


# --- The structure's profile ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileData:
    rural_area: bool | None = None
    priority_neighbourhood: bool | None = None
    population_served: int | None = None
    staff_trained: int | None = None


def save_profile(structure: Structure, data: ProfileData, *, by: User) -> StructureProfile:
    """Write what a structure declares for the finder (one row per structure). The caller checked
    `funding.edit_profile`."""
    if data.population_served is not None and not 0 < data.population_served <= MAX_POPULATION:
        raise ProfileError("La population desservie est un nombre d'habitants, plus grand que 0.")
    if data.staff_trained is not None and not 0 <= data.staff_trained <= MAX_PEOPLE:
        raise ProfileError("Le nombre de personnes formées est un nombre entier, 0 ou plus.")
    with transaction.atomic():
        profile, _ = StructureProfile.objects.select_for_update().get_or_create(structure=structure)
        for name, value in asdict(data).items():
            setattr(profile, name, value)
        profile.updated_by = by
        profile.save()
    return profile
