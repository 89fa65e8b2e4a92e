"""Vocabularies of structures and places, with their French labels.

The controlled vocabularies of the national standard are not repeated here: `standard.py` holds them, exactly as
the schema spells them (the readers, the forms and the search filters use them from there).
"""

from django.db import models


class StructureKind(models.TextChoices):
    """The legal kind of a structure; libraries come first, as the programme is about them."""

    MUNICIPAL_LIBRARY = "bibliotheque_municipale", "Bibliothèque municipale"
    INTERCOMMUNAL_LIBRARY = "bibliotheque_intercommunale", "Bibliothèque intercommunale"
    DEPARTMENTAL_LIBRARY = "mediatheque_departementale", "Médiathèque départementale"
    OTHER_LIBRARY = "bibliotheque_autre", "Autre bibliothèque (associative, d'entreprise…)"
    COMMUNE = "commune", "Commune"
    EPCI = "epci", "Intercommunalité (EPCI)"
    DEPARTEMENT = "departement", "Département"
    ASSOCIATION = "association", "Association"
    FRANCE_SERVICES = "france_services", "France Services"
    SOCIAL_ACTION = "ccas", "Centre communal d'action sociale (CCAS)"
    THIRD_PLACE = "tiers_lieu", "Tiers-lieu"
    COMPANY = "entreprise", "Entreprise"
    OTHER = "autre", "Autre"


class ImportFormat(models.TextChoices):
    """The files of places an import reads (`imports.read_places`)."""

    STANDARD_CSV = "standard_csv", "Standard national, fichier CSV"
    STANDARD_JSON = "standard_json", "Standard national, fichier JSON"
    LEGACY_JSON = "legacy_json", "Ancien format v0 (JSON)"
    LIBRARIES = "bibliotheques", "Fichier des bibliothèques publiques du ministère de la Culture (CSV)"
    # A producer's own file (CSV, JSON, GeoJSON or XLSX), read through its source's mapping (`mapping/`).
    MAPPED = "producteur", "Fichier d'un producteur, lu avec sa correspondance"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "en attente"
    RUNNING = "running", "en cours"
    SUCCEEDED = "succeeded", "terminé"
    FAILED = "failed", "échoué"


# What each stage of an import means, for the progress bar.
IMPORT_STAGE_LABELS = {
    "": "en attente d'un processus disponible",
    "read": "lecture du fichier",
    "plan": "comparaison avec les lieux déjà enregistrés",
    "write": "enregistrement des lieux",
    "done": "import terminé",
}


class RevisionRole(models.TextChoices):
    """Who changed a place, as its history shows it: a role, never a name."""

    STRUCTURE_MANAGER = "structure", "responsable de la structure"
    PLACE_MANAGER = "gestionnaire", "gestionnaire du lieu"
    ORGANISER = "equipe", "équipe d'animation"
    IMPORT = "import", "import de la source"


class RevisionKind(models.TextChoices):
    CORRECTION = "correction", "correction"
    CONFIRMATION = "confirmation", "confirmation sans changement"


class ManagerRequestStatus(models.TextChoices):
    PENDING = "en_attente", "en attente"
    APPROVED = "acceptee", "acceptée"
    REFUSED = "refusee", "refusée"
    WITHDRAWN = "retiree", "retirée"


class ErrorReportStatus(models.TextChoices):
    OPEN = "ouvert", "à traiter"
    HANDLED = "traite", "traité"
