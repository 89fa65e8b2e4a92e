"""The kit's open data: every published resource as a CSV row and as a JSON object (`mediane.downloads`). Nothing
personal: a resource names its producer, never who wrote its entry."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings

from .models_kit import KitResource

COLUMNS = [
    ("adresse", "Identifiant de la ressource ; sa page est /formation/kit/<adresse>/."),
    ("titre", "Titre de la ressource."),
    ("resume", "Résumé en une ou deux phrases."),
    ("lien", "Adresse de la ressource chez son producteur ; vide s'il n'y en a pas."),
    ("auteur", "Auteur ou producteur."),
    ("format", "Format (« Fiche pratique », « Jeu »…)."),
    ("licence", "Licence donnée par le producteur ; « Non précisée » s'il n'en donne pas."),
    ("publics", "Publics visés, séparés par « ; »."),
    ("competences", "Codes des compétences travaillées (par exemple 4.2 pour Pix), séparés par « ; »."),
    ("publiee_le", "Date de publication dans le kit (AAAA-MM-JJ)."),
    ("page", "Adresse complète de la page de la ressource."),
]
NAMES = [name for name, _ in COLUMNS]


def rows() -> Iterator[list]:
    """One row per published resource, by title: three queries whatever their number."""
    base = settings.MEDIANE_BASE_URL.rstrip("/")
    for resource in KitResource.objects.published().for_listing():
        yield [
            resource.slug,
            resource.title,
            resource.summary,
            resource.link,
            resource.author,
            resource.get_format_display(),
            resource.get_licence_display(),
            " ; ".join(resource.public_labels),
            " ; ".join(competence.code for competence in resource.competences.all()),
            resource.published_at.date().isoformat() if resource.published_at else "",
            base + resource.get_absolute_url(),
        ]
