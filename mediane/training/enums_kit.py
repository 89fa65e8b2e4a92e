"""Vocabularies of the kit (publics, formats, licences), with their French labels."""

from django.db import models


class KitPublic(models.TextChoices):
    """Who a resource is meant for, as mediators say it."""

    EVERYONE = "tout_public", "Tout public"
    SENIORS = "seniors", "Seniors"
    YOUTH = "jeunes", "Jeunes"
    PARENTS = "parents", "Parents"
    JOB_SEEKERS = "emploi", "Personnes en recherche d'emploi"
    NON_FRENCH_SPEAKERS = "allophones", "Personnes allophones"
    DISABLED = "handicap", "Personnes en situation de handicap"
    LIBRARIANS = "bibliotheques", "Professionnels de bibliothèque"
    MEDIATORS = "mediateurs", "Médiateurs et médiatrices numériques"
    SOCIAL_WORKERS = "travailleurs_sociaux", "Travailleurs sociaux et aidants"


class KitFormat(models.TextChoices):
    SHEET = "fiche", "Fiche pratique"
    VIDEO = "video", "Tutoriel vidéo"
    GAME = "jeu", "Jeu"
    COURSE = "parcours", "Parcours en ligne"
    TOOL = "outil", "Outil"
    WORKSHOP_KIT = "kit_atelier", "Kit d'atelier"
    GUIDE = "guide", "Guide"
    ASSESSMENT = "evaluation", "Test ou évaluation"


class KitLicence(models.TextChoices):
    """The licence under which a resource may be reused. « Non précisée » when its producer does not say: a
    licence is never guessed."""

    OPEN_LICENCE = "lo2", "Licence Ouverte 2.0 (Etalab)"
    CC_BY = "cc_by", "CC BY"
    CC_BY_SA = "cc_by_sa", "CC BY-SA"
    CC_BY_NC_SA = "cc_by_nc_sa", "CC BY-NC-SA"
    ALL_RIGHTS_RESERVED = "tous_droits", "Tous droits réservés"
    OTHER = "autre", "Autre licence"
    UNSPECIFIED = "non_precisee", "Non précisée"
