"""Open data of training: the published courses, one row each, with the competences and levels they cover. No
personal data (no session's participants). The same reads as the catalogue (`Course.objects.published()`)."""

from __future__ import annotations

from collections.abc import Iterator

from .models import Course

COLUMNS = (
    "id",
    "titre",
    "organisme",
    "modalite",
    "duree_heures",
    "certifiante",
    "certification",
    "prix_euros",
    "competences",
    "adresse",
)


def course_rows() -> Iterator[tuple]:
    """One row per published course, by number; `competences` reads « 4.2:3;M1:2 » (code:level). Three queries."""
    for course in Course.objects.published().for_listing().order_by("pk"):
        yield (
            course.pk,
            course.title,
            course.provider.name,
            course.modality,
            str(course.hours),
            "oui" if course.certifying else "non",
            course.certification,
            str(course.price),
            ";".join(f"{row.competence.code}:{row.level}" for row in course.coverages.all()),
            course.get_absolute_url(),
        )
