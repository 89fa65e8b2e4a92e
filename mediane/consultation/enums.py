"""Vocabularies of the forum, with their French labels and help texts."""

from django.db import models


class ThemePhase(models.TextChoices):
    UPCOMING = "a_venir", "À venir"
    OPEN = "ouverte", "Ouverte"
    CLOSED = "close", "Close"
    SYNTHESIS_PUBLISHED = "synthese_publiee", "Synthèse publiée"


class ContributionKind(models.TextChoices):
    EXPERIENCE = "retour_experience", "Retour d'expérience"
    VIGILANCE = "point_vigilance", "Point de vigilance"
    PROPOSAL = "proposition", "Proposition"


KIND_HELP_TEXTS = {
    ContributionKind.EXPERIENCE: "Racontez ce que vous avez fait ou vu : ce qui a marché, ce qui a été difficile.",
    ContributionKind.VIGILANCE: "Signalez un risque, une difficulté ou un point auquel il faut faire attention.",
    ContributionKind.PROPOSAL: "Proposez une idée concrète que le groupe de travail pourrait retenir.",
}


class ContributionStatus(models.TextChoices):
    PENDING = "en_attente", "En attente de modération"
    PUBLISHED = "publiee", "Publiée"
    HIDDEN = "masquee", "Masquée par la modération"
    WITHDRAWN = "retiree", "Retirée par son auteur·rice"


class CommentStatus(models.TextChoices):
    PUBLISHED = "publie", "Publié"
    HIDDEN = "masque", "Masqué par la modération"


class ContributionSource(models.TextChoices):
    ONLINE = "en_ligne", "En ligne"
    ASSISTED = "assistee", "Recueillie par un·e médiateur·rice"
    WORKSHOP_SHEET = "fiche_atelier", "Fiche d'atelier"
    DECIDIM = "decidim", "Import Decidim"


class AssistedChannel(models.TextChoices):
    LIBRARY_DESK = "accueil", "À l'accueil d'une bibliothèque"
    WORKSHOP = "atelier", "Pendant un atelier"
    PHONE = "telephone", "Par téléphone"
    OTHER = "autre", "Autre"


class ModerationReason(models.TextChoices):
    """Why an item is reported or hidden. The category is shown publicly on the placeholder."""

    OFF_TOPIC = "hors_sujet", "Hors sujet"
    ABUSIVE = "injurieux", "Propos injurieux ou discriminatoires"
    PERSONAL_DATA = "donnees_personnelles", "Données personnelles"
    SPAM = "publicite", "Publicité ou spam"
    ILLEGAL = "illegal", "Contenu illicite"
    PENDING_REVIEW = "en_examen", "En attente d'examen après plusieurs signalements"
    OTHER = "autre", "Autre raison"


class ModerationAction(models.TextChoices):
    REPORT = "signalement", "Signalement"
    HIDE = "masquage", "Masquage"
    AUTO_HIDE = "masquage_auto", "Masquage automatique après signalements"
    RESTORE = "retablissement", "Rétablissement"
    APPROVE = "validation", "Validation (pré-modération)"
    REJECT = "refus", "Refus (pré-modération)"
    DISMISS = "classement", "Signalements classés sans suite"
