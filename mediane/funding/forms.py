"""Forms of funding schemes: the organisers' scheme form with its rules (a formset that works without JavaScript),
the structure's funding profile, and the finder's choice of structure. They shape and label input; the checks of
the rules live in `eligibility.py` and `services.py`, which name the rule in their French messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms

from mediane import numbers
from mediane.forms import ControlledTextMixin, Form, IntegerField

from . import eligibility
from .models import Scheme
from .services import MAX_PEOPLE, MAX_POPULATION, MAX_RULES, ProfileData, RuleData, SchemeData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# What separates two numbers of « entre » or two codes of a list: commas, semicolons, « à », « et », a dash.
_NUMBER_SEPARATORS = re.compile(r"\s*(?:[,;\[\]]|\bà\b|\bet\b|-|–)\s*")


class SchemeForm(ControlledTextMixin, forms.ModelForm):
    source_url = forms.URLField(
        label="Source officielle",
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text="La page officielle du dispositif. Format attendu : https://…",
    )

    class Meta:
        model = Scheme
        fields = [
            "name",
            "short_name",
            "slug",
            "funder",
            "funder_kind",
            "summary",
            "description",
            "source_url",
            "period_text",
            "period_start",
            "period_end",
            "amount_text",
            "rate_percent",
            "ceiling_euros",
            "unit_amount_euros",
            "unit_name",
            "figures_are_illustrative",
            "published",
            "position",
        ]
        field_classes = {
            "rate_percent": IntegerField,
            "ceiling_euros": IntegerField,
            "unit_amount_euros": IntegerField,
            "position": IntegerField,
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10}),
            "period_start": DATE,
            "period_end": DATE,
        }
        help_texts = {
            "slug": "Dans l'adresse de la page : lettres sans accents, chiffres et tirets, par exemple « ctl-cdli ».",
            "period_start": "Format attendu : JJ/MM/AAAA (facultatif)",
            "period_end": "Format attendu : JJ/MM/AAAA (facultatif)",
        }

    def validate_unique(self):
        """The services check the slug (and say so in French); the model's own check would say it twice."""

    def scheme_data(self) -> SchemeData:
        data = self.cleaned_data
        return SchemeData(**{name: data.get(name) for name in SchemeData.__dataclass_fields__ if name in data})


def parse_value(fact_key: str, operator: str, text: str) -> Any:
    """The value of a rule as an organiser types it, read for its fact: « commune, epci » is a list, « 2000 à
    10000 » two numbers. What cannot be read is kept as typed, and `check_rule` says what to write."""
    text = (text or "").strip()
    fact = eligibility.FACTS.get(fact_key)
    if fact is None or fact.type is eligibility.FactType.BOOLEAN:
        return text or None
    if text.startswith("["):
        # A value is a list of words or numbers: deeper nesting is refused before parsing (thousands of « [ »
        # would exhaust the parser's recursion), and `check_rule` says what to write.
        if _nesting(text) > 2:
            return text
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            return text
    if fact.type is eligibility.FactType.NUMBER:
        parts = [part for part in _NUMBER_SEPARATORS.split(text.replace("\u202f", "").replace("\xa0", "")) if part]
        try:
            read = [numbers.parse_int(part.replace(" ", ""), label="Ce nombre") for part in parts]
        except numbers.NumberError:
            return text
        if operator == "between":
            return read
        return read[0] if len(read) == 1 else text
    return [part.strip() for part in text.split(",") if part.strip()]


def _nesting(text: str) -> int:
    """How deeply the brackets of `text` nest (strings' content aside is not worth parsing: a rule's words hold
    no bracket)."""
    depth = deepest = 0
    for char in text:
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]":
            depth -= 1
    return deepest


def shown_value(value: Any) -> str:
    """A stored value as the form shows it again."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class RuleForm(Form):
    fact = forms.ChoiceField(
        label="Critère",
        required=False,
        choices=[("", "— Choisir un critère —"), *[(f.key, f.label) for f in eligibility.FACTS.values()]],
    )
    operator = forms.ChoiceField(
        label="Condition",
        required=False,
        choices=[("", "— Choisir une condition —"), *[(o.key, o.label) for o in eligibility.OPERATORS.values()]],
    )
    value = forms.CharField(
        label="Valeur",
        required=False,
        max_length=2000,
        help_text="Des codes séparés par des virgules (« commune, epci »), un nombre (« 10000 »), deux nombres pour "
        "« entre » (« 2000 à 10000 »), ou rien pour oui / non.",
    )
    wording = forms.CharField(
        label="Ce que demande le dispositif, en clair (facultatif)",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Par exemple « ce dispositif est ouvert aux communes et intercommunalités ».",
    )

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("fact") or data.get("operator") or data.get("value") or data.get("wording"))

    def rule_data(self) -> RuleData:
        data = self.cleaned_data
        return RuleData(
            fact=data["fact"],
            operator=data["operator"],
            value=parse_value(data["fact"], data["operator"], data["value"]),
            wording=data["wording"],
        )


class BaseRuleFormSet(forms.BaseFormSet):
    def kept_forms(self) -> list[RuleForm]:
        """The rows that are rules, in their order: blank rows and rows marked « Supprimer » left out. The services
        number the rules in this order (« Règle 2 »)."""
        return [
            form
            for form in self.forms
            if not form.is_blank() and not (self.can_delete and form.cleaned_data.get("DELETE"))
        ]

    def rules(self) -> list[RuleData]:
        return [form.rule_data() for form in self.kept_forms()]

    def show_refusals(self, messages: list[str]) -> None:
        """Each refusal « Règle N : … » of the services also under the row of rule N, where it is fixed."""
        kept = self.kept_forms()
        for message in messages:
            match = re.match(r"Règle (\d+) :", message)
            number = numbers.query_int(match.group(1), default=0) if match else 0
            if 1 <= number <= len(kept):
                kept[number - 1].add_error(None, message)


RuleFormSet = forms.formset_factory(
    RuleForm, formset=BaseRuleFormSet, extra=0, can_delete=True, max_num=MAX_RULES, absolute_max=MAX_RULES
)


def rule_initial(scheme: Scheme) -> list[dict[str, str]]:
    return [
        {"fact": r.fact, "operator": r.operator, "value": shown_value(r.value), "wording": r.wording}
        for r in scheme.rules.all()
    ]


def with_one_more_rule(data, prefix: str = "rules") -> tuple[Any, bool]:
    """The posted data with one more (blank) row: « Ajouter une règle » re-renders the form, nothing is saved.

    At `MAX_RULES` rows no row is added, and the second value says so (the page tells the organiser); the rows
    already typed are kept. A forged total counts as that maximum, never as zero.
    """
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    total = min(numbers.query_int(data.get(key), default=0, maximum=10**9), MAX_RULES)
    if total >= MAX_RULES:
        data[key] = str(MAX_RULES)
        return data, True
    data[key] = str(total + 1)
    return data, False


RULES_FULL_MESSAGE = f"Un dispositif a {MAX_RULES} règles au plus : aucune règle n'a été ajoutée."


YES_NO = [("oui", "Oui"), ("non", "Non"), ("", "Je ne sais pas")]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("oui" if value else "non")


class ProfileForm(Form):
    rural_area = forms.ChoiceField(
        label="Votre commune est-elle rurale ?",
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        help_text="L'Insee classe chaque commune dans sa « grille communale de densité » : une commune « peu dense » "
        "ou « très peu dense » est rurale.",
    )
    priority_neighbourhood = forms.ChoiceField(
        label="Votre lieu est-il dans un quartier prioritaire de la politique de la ville ?",
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    population_served = IntegerField(
        label="Population desservie (facultatif)",
        required=False,
        min_value=1,
        max_value=MAX_POPULATION,
        help_text="Pour une intercommunalité ou un département : le nombre d'habitants du territoire. Laissez vide "
        "pour prendre la population de la commune.",
    )
    staff_trained = IntegerField(
        label="Nombre de personnes de votre équipe formées à la médiation numérique",
        required=False,
        min_value=0,
        max_value=MAX_PEOPLE,
        help_text="Laissez vide si vous ne savez pas.",
    )

    @classmethod
    def initial_for(cls, profile) -> dict[str, Any]:
        if profile is None:
            return {}
        return {
            "rural_area": _yes_no(profile.rural_area),
            "priority_neighbourhood": _yes_no(profile.priority_neighbourhood),
            "population_served": profile.population_served,
            "staff_trained": profile.staff_trained,
        }

    def profile_data(self) -> ProfileData:
        data = self.cleaned_data

        def yes_no(name: str) -> bool | None:
            return {"oui": True, "non": False}.get(data.get(name) or "")

        return ProfileData(
            rural_area=yes_no("rural_area"),
            priority_neighbourhood=yes_no("priority_neighbourhood"),
            population_served=data.get("population_served"),
            staff_trained=data.get("staff_trained"),
        )


class StructureChoiceForm(Form):
    """The finder's choice among the structures a person may run it on (GET: a bad value is ignored)."""

    structure = forms.TypedChoiceField(label="Votre structure", coerce=str, required=False)

    def __init__(self, *args, structures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = [(str(s.pk), s.name) for s in structures]
