"""Vocabularies of the working group, with their French labels."""

from django.db import models


class OrganisationKind(models.TextChoices):
    """What kind of body a member represents; the public page groups members by it, in this order."""

    LIBRARIES = "bibliotheques", "Associations de professionnels des bibliothèques"
    DIGITAL_MEDIATION = "mediation", "Acteurs de la médiation numérique"
    ELECTED_OFFICIALS = "elus", "Associations d'élus"
    STATE = "etat", "Administrations et agences de l'État"
    TRAINING = "formation", "Organismes de formation"


class MeetingStatus(models.TextChoices):
    PLANNED = "prevue", "Prévue"
    HELD = "tenue", "Tenue"


class DecisionStatus(models.TextChoices):
    ADOPTED = "adoptee", "Adoptée"
    TO_STUDY = "a_etudier", "À étudier"
    SET_ASIDE = "ecartee", "Écartée"


# Allowed status changes of a decision; anything else is refused by the service.
DECISION_TRANSITIONS: dict[str, set[str]] = {
    DecisionStatus.TO_STUDY: {DecisionStatus.ADOPTED, DecisionStatus.SET_ASIDE},
    DecisionStatus.ADOPTED: {DecisionStatus.TO_STUDY},
    DecisionStatus.SET_ASIDE: {DecisionStatus.TO_STUDY},
}


class DecisionAction(models.TextChoices):
    RECORD = "enregistrement", "Enregistrement"
    EDIT = "modification", "Modification"
    STATUS = "changement_etat", "Changement d'état"


class DossierStatus(models.TextChoices):
    QUEUED = "queued", "En attente"
    RUNNING = "running", "En cours de génération"
    SUCCEEDED = "succeeded", "Prêt"
    # The Markdown was written but not the PDF (WeasyPrint could not run): the error says why.
    PARTIAL = "partial", "Prêt sans PDF"
    FAILED = "failed", "Échec"


class DossierStage(models.TextChoices):
    COLLECT = "collect", "Rassemblement de la synthèse et des chiffres"
    MARKDOWN = "markdown", "Écriture du Markdown"
    PDF = "pdf", "Mise en page du PDF"
    DONE = "done", "Terminé"
