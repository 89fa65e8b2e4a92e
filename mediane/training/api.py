"""API of training (/api/v1/formation/): the competence frameworks with their competences and levels, and the
published courses page by page, with the competences and levels they cover. Read only, public, no personal data.
"""

from __future__ import annotations

from ninja import Field, Query, Router, Schema

from mediane import numbers
from mediane.api_contract import StrictInt, errors
from mediane.structures.api import decode_cursor, encode_cursor

from .models import Competence, Course, Framework, Level

router = Router(tags=["formation"])

MAX_LIMIT = 100


class LevelOut(Schema):
    number: int = Field(description="Numéro du niveau (1 le plus simple).")
    name: str = Field(description="Nom du niveau (« Novice », « Expert »…).")
    description: str = Field(description="Ce que le niveau veut dire, en mots simples.")


class CompetenceOut(Schema):
    id: int
    code: str = Field(description="Code de la compétence, stable dans le temps (« 4.2 »).")
    label: str = Field(description="Intitulé en usage aujourd'hui.")
    domain: str = Field(description="Domaine de la compétence (« 4. Protection et sécurité »), vide s'il n'y en a pas.")


class FrameworkOut(Schema):
    slug: str = Field(description="Identifiant du référentiel.")
    name: str
    kind: str = Field(description="« pix » (compétences numériques) ou « mediation » (métier).")
    description: str
    source_url: str = Field(description="Source publique du référentiel, vide pour un document de travail.")
    competences: list[CompetenceOut]
    levels: list[LevelOut]


class CoverageOut(Schema):
    competence_id: int
    code: str
    level: int = Field(description="Niveau que la formation permet d'atteindre.")


class CourseOut(Schema):
    id: int
    title: str
    provider: str = Field(description="Organisme de formation.")
    description: str = Field(description="Description, telle qu'écrite (quelques marques Markdown possibles).")
    hours: str = Field(description="Durée en heures (nombre décimal, en texte).")
    modality: str = Field(description="« presentiel », « distance » ou « mixte ».")
    certifying: bool
    certification: str = Field(description="Certification préparée, vide si la formation n'est pas certifiante.")
    price: str = Field(description="Prix en euros (nombre décimal, en texte) ; « 0.00 » si elle est gratuite.")
    competences: list[CoverageOut]
    url: str = Field(description="Adresse de la page de la formation.")


class CoursePage(Schema):
    items: list[CourseOut]
    next_cursor: str | None = Field(
        description="À passer en paramètre `cursor` pour la page suivante ; absent sur la dernière page."
    )


class CourseFilters(Schema):
    limit: StrictInt = Field(50, ge=1, le=MAX_LIMIT, description=f"Formations par page ({MAX_LIMIT} au plus).")
    cursor: str | None = Field(None, description="Curseur `next_cursor` de la page précédente.")


@router.get("/formation/referentiels", response=list[FrameworkOut], summary="Référentiels de compétences")
def list_frameworks(request):
    """Les référentiels (Pix, médiation numérique), avec leurs compétences (intitulé d'aujourd'hui) et leurs
    niveaux. Trois requêtes, quel que soit leur nombre."""
    frameworks = list(Framework.objects.all())
    competences: dict[int, list] = {}
    for competence in Competence.objects.with_label().select_related("domain").order_by("position", "pk"):
        domain = competence.domain
        competences.setdefault(competence.framework_id, []).append(
            {
                "id": competence.pk,
                "code": competence.code,
                "label": competence.label or "",
                "domain": f"{domain.code}. {domain.name}" if domain else "",
            }
        )
    levels: dict[int, list] = {}
    for level in Level.objects.order_by("number"):
        levels.setdefault(level.framework_id, []).append(level)
    return [
        {
            "slug": framework.slug,
            "name": framework.name,
            "kind": framework.kind,
            "description": framework.description,
            "source_url": framework.source_url,
            "competences": competences.get(framework.pk, []),
            "levels": levels.get(framework.pk, []),
        }
        for framework in frameworks
    ]


def _cursor_id(cursor: str) -> int:
    value = decode_cursor(cursor)
    if not numbers.is_ascii_number(value) or len(value) > 12:
        decode_cursor("!")  # the same refusal, in the same words, as any damaged cursor
    return int(value)


def _course_item(course: Course) -> dict:
    return {
        "id": course.pk,
        "title": course.title,
        "provider": course.provider.name,
        "description": course.description,
        "hours": str(course.hours),
        "modality": course.modality,
        "certifying": course.certifying,
        "certification": course.certification,
        "price": str(course.price),
        "competences": [
            {"competence_id": row.competence_id, "code": row.competence.code, "level": row.level}
            for row in course.coverages.all()
        ],
        "url": course.get_absolute_url(),
    }


@router.get("/formation/formations", response={200: CoursePage, **errors(400)}, summary="Formations publiées")
def list_courses(request, filters: Query[CourseFilters]):
    """Les formations publiées, par ordre de numéro, page par page (suivre `next_cursor`), avec les compétences et
    niveaux qu'elles couvrent."""
    courses = Course.objects.published().for_listing()
    if filters.cursor:
        courses = courses.filter(pk__gt=_cursor_id(filters.cursor))
    rows = list(courses.order_by("pk")[: filters.limit + 1])
    has_more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return {
        "items": [_course_item(course) for course in rows],
        "next_cursor": encode_cursor(str(rows[-1].pk)) if has_more else None,
    }
