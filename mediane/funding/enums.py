"""Vocabularies of funding, with their French labels."""

from django.db import models


class FunderKind(models.TextChoices):
    STATE = "etat", "État"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    EUROPE = "europe", "Union européenne"
    OTHER = "autre", "Autre financeur"


class ApplicationStatus(models.TextChoices):
    """The life of an application; the allowed moves are `services_applications.ALLOWED_TRANSITIONS`."""

    DRAFT = "brouillon", "Brouillon"
    SUBMITTED = "deposee", "Déposée"
    UNDER_REVIEW = "instruction", "En instruction"
    ACCEPTED = "acceptee", "Acceptée"
    REFUSED = "refusee", "Refusée"


class ApplicationEvent(models.TextChoices):
    """What an entry of an application's history records."""

    TRANSITION = "etat", "Changement d'état"
    TRANCHE = "echeance", "Échéance ajoutée"
    TRANCHE_REMOVED = "echeance_retiree", "Échéance retirée"
    PAYMENT = "versement", "Versement enregistré"
    DOCUMENT = "piece", "Pièce ajoutée"
    DOCUMENT_REMOVED = "piece_retiree", "Pièce retirée"
