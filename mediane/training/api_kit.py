"""API of the kit (/api/v1/formation/kit): published resources only, read-only. Three SQL queries per call."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from .models_kit import KitResource

router = Router(tags=["formation"])

MAX_RESOURCES = 500


class CompetenceOut(Schema):
    code: str
    intitule: str = Field(description="Le nom de la compétence aujourd'hui (il peut changer, le code reste).")


class KitResourceOut(Schema):
    slug: str = Field(description="Identifiant de la ressource, celui de l'adresse de sa page.")
    titre: str
    resume: str
    description: str = Field(description="Texte, au format Markdown réduit du forum.")
    lien: str = Field(description="Adresse de la ressource chez son producteur ; vide s'il n'y en a pas.")
    auteur: str
    format: str
    format_libelle: str
    licence: str
    licence_libelle: str
    publics: list[str] = Field(description="Les publics visés, en toutes lettres.")
    competences: list[CompetenceOut]
    publiee_le: dt.datetime | None
    url: str = Field(description="Adresse de la page de la ressource.")


def _out(resource: KitResource) -> KitResourceOut:
    return KitResourceOut(
        slug=resource.slug,
        titre=resource.title,
        resume=resource.summary,
        description=resource.description,
        lien=resource.link,
        auteur=resource.author,
        format=resource.format,
        format_libelle=resource.get_format_display(),
        licence=resource.licence,
        licence_libelle=resource.get_licence_display(),
        publics=resource.public_labels,
        competences=[
            CompetenceOut(code=competence.code, intitule=competence.label or "")
            for competence in resource.competences.all()
        ],
        publiee_le=resource.published_at,
        url=settings.MEDIANE_BASE_URL.rstrip("/") + resource.get_absolute_url(),
    )


@router.get("/formation/kit", response=list[KitResourceOut], summary="Ressources du kit")
def list_kit_resources(request):
    """Les ressources publiées du kit, par titre (500 au plus)."""
    return [_out(resource) for resource in KitResource.objects.published().for_listing()[:MAX_RESOURCES]]


@router.get("/formation/kit/{slug}", response=KitResourceOut, summary="Une ressource du kit")
def get_kit_resource(request, slug: str):
    return _out(get_object_or_404(KitResource.objects.published().for_listing(), slug=slug))
