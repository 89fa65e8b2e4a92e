"""API of funding schemes (/api/v1/financements/dispositifs): the published schemes with their eligibility rules in
data form (fact, operator, value) and in plain words. Read-only; two SQL queries per call."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema

from .models import EligibilityRule, Scheme

router = Router(tags=["financements"])


class RuleOut(Schema):
    position: int
    critere: str = Field(
        description="Le fait testé : structure_kind, population, region, departement, rural_area, "
        "labels, priority_neighbourhood, charter_signed ou staff_trained."
    )
    critere_libelle: str
    condition: str = Field(description="in, not_in, any_of, none_of, at_least, at_most, between, is_true, is_false.")
    valeur: Any = Field(description="Une liste de codes, un nombre, deux nombres pour between, ou null.")
    en_clair: str = Field(description="La règle en mots simples.")


class SchemeOut(Schema):
    identifiant: str
    nom: str
    nom_court: str
    financeur: str
    type_de_financeur: str
    resume: str
    description: str = Field(description="Texte, au format Markdown réduit du forum.")
    periode: str
    debut: str | None = Field(description="Date d'ouverture (AAAA-MM-JJ), ou null.")
    fin: str | None = Field(description="Date de fin (AAAA-MM-JJ), ou null.")
    montant: str
    taux_maximal_pourcent: int | None
    plafond_euros: int | None
    montant_par_unite_euros: int | None
    unite: str
    chiffres_illustratifs: bool = Field(
        description="Vrai quand les montants sont des exemples, pas des chiffres officiels."
    )
    source: str
    url: str = Field(description="Adresse de la page du dispositif.")
    regles: list[RuleOut]


def _schemes():
    return Scheme.objects.public().prefetch_related(
        Prefetch("rules", queryset=EligibilityRule.objects.order_by("position", "pk"))
    )


def _out(scheme: Scheme) -> SchemeOut:
    return SchemeOut(
        identifiant=scheme.slug,
        nom=scheme.name,
        nom_court=scheme.short_name,
        financeur=scheme.funder,
        type_de_financeur=scheme.funder_kind,
        resume=scheme.summary,
        description=scheme.description,
        periode=scheme.period_text,
        debut=scheme.period_start.isoformat() if scheme.period_start else None,
        fin=scheme.period_end.isoformat() if scheme.period_end else None,
        montant=scheme.amount_text,
        taux_maximal_pourcent=scheme.rate_percent,
        plafond_euros=scheme.ceiling_euros,
        montant_par_unite_euros=scheme.unit_amount_euros,
        unite=scheme.unit_name,
        chiffres_illustratifs=scheme.figures_are_illustrative,
        source=scheme.source_url,
        url=settings.MEDIANE_BASE_URL.rstrip("/") + scheme.get_absolute_url(),
        regles=[
            RuleOut(
                position=rule.position,
                critere=rule.fact,
                critere_libelle=rule.get_fact_display(),
                condition=rule.operator,
                valeur=rule.value,
                en_clair=rule.sentence,
            )
            for rule in scheme.rules.all()
        ],
    )


@router.get("/financements/dispositifs", response=list[SchemeOut], summary="Dispositifs de financement")
def list_schemes(request):
    """Les dispositifs publiés, avec leurs règles d'éligibilité."""
    return [_out(scheme) for scheme in _schemes()]


@router.get("/financements/dispositifs/{slug}", response=SchemeOut, summary="Un dispositif de financement")
def get_scheme(request, slug: str = Path(..., max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")):
    return _out(get_object_or_404(_schemes(), slug=slug))
