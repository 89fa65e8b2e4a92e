"""The programme's kit page, public: the certifying course and its open sessions, and the training kit's published
resources for each of an adviser's three missions (chosen by the Pix competences they work on). Read-only."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.shortcuts import render

from mediane.training.enums import FrameworkKind
from mediane.training.models import Framework
from mediane.training.models_kit import KitResource

from . import services_training

RESOURCES_PER_MISSION = 6
RESOURCES_READ = 60  # one query for the three missions: the newest resources that fit any of them


@dataclass
class Mission:
    title: str
    summary: str
    competences: tuple[str, ...]  # Pix codes
    resources: list[KitResource] = field(default_factory=list)


def missions() -> list[Mission]:
    """The three missions of an adviser and the Pix competences that fit each (a resource may serve two)."""
    return [
        Mission(
            "Les usages numériques du quotidien",
            "Se servir d'un ordinateur ou d'un téléphone, chercher sur internet, écrire un courriel, régler un "
            "problème simple.",
            ("1.1", "2.1", "5.1", "5.2"),
        ),
        Mission(
            "Les usages citoyens et critiques",
            "Vérifier une information, protéger ses données et sa vie privée, utiliser les réseaux sociaux, prendre "
            "soin de soi et de l'environnement.",
            ("2.2", "2.4", "4.2", "4.3"),
        ),
        Mission(
            "Les démarches administratives en ligne",
            "Créer ses comptes en sécurité, ranger et envoyer ses documents, remplir un formulaire, pour faire ses "
            "démarches seul ou seule.",
            ("1.2", "3.1", "4.1"),
        ),
    ]


def kit(request):
    """Six queries whatever the catalogue's size: the course, its sessions, the Pix framework, the resources and
    their competences and publics."""
    course = services_training.programme_course()
    sessions = services_training.open_sessions(course)[:10] if course is not None else []
    chosen = missions()
    codes = {code for mission in chosen for code in mission.competences}
    pix = list(Framework.objects.filter(kind=FrameworkKind.PIX).values_list("pk", flat=True))
    resources = list(
        KitResource.objects.published()
        .filter(competences__framework__in=pix, competences__code__in=codes)
        .distinct()
        .order_by("-published_at", "-pk")
        .for_listing()[:RESOURCES_READ]
    )
    for resource in resources:
        resource_codes = {c.code for c in resource.competences.all() if c.framework_id in pix}
        for mission in chosen:
            if resource_codes & set(mission.competences) and len(mission.resources) < RESOURCES_PER_MISSION:
                mission.resources.append(resource)
    context = {"course": course if course is not None and course.published else None, "sessions": sessions}
    return render(request, "conseillers/kit.html", context | {"missions": chosen})
