"""Vocabularies of the accounts app, with their French labels."""

from django.db import models


class ParticipantCategory(models.TextChoices):
    LIBRARY_PROFESSIONAL = "bibliotheque", "Professionnel·le de bibliothèque"
    DIGITAL_MEDIATION = "mediation", "Acteur·rice de la médiation numérique"
    ELECTED_OFFICIAL = "elu", "Élu·e"
    ASSOCIATION = "association", "Association"
    USER = "usager", "Usager·e"
    OTHER = "autre", "Autre"


class Role(models.TextChoices):
    """Roles are Django groups with these names; rules.py reads them."""

    ORGANISER = "organisateur", "Organisateur·rice"
    MODERATOR = "moderateur", "Modérateur·rice"
    MEDIATOR = "mediateur", "Médiateur·rice"
    WORKING_GROUP_MEMBER = "groupe_de_travail", "Membre du groupe de travail"
    PROGRAMME = "equipe_programme", "Équipe du programme Conseillers numériques"
