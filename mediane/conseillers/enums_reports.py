"""The vocabulary of the advisers' activity reports (« CRA »), as « La Coop de la médiation numérique » has it: the
stored values are the Coop's API values, the labels its French labels, so that a report can go from one tool to the
other and the figures can be exchanged. The three missions of the Conseillers numériques scheme come on top: each
thématique counts toward one of them (`MISSION_OF_THEMATIQUE`).
"""

from functools import cache

from django.db import models

# The quick choices of the duration field, in minutes (any other value from 1 to MAX_MINUTES can be typed).
DURATION_CHOICES = (15, 30, 45, 60, 90, 120)
MAX_MINUTES = 8 * 60
# A collective session counts its participants; more than this is a typing mistake, not a workshop.
MAX_PARTICIPANTS = 500


class ActivityType(models.TextChoices):
    INDIVIDUAL = "individuel", "Accompagnement individuel"
    COLLECTIVE = "collectif", "Atelier collectif"


class PlaceType(models.TextChoices):
    ACTIVITY_PLACE = "lieu_activite", "Lieu d'activité"
    HOME = "domicile", "À domicile"
    REMOTE = "a_distance", "À distance"
    OTHER = "autre", "Autre lieu"


class Thematique(models.TextChoices):
    DIAGNOSTIC = "diagnostic_numerique", "Diagnostic numérique"
    DEVICE_HANDLING = "prendre_en_main_du_materiel", "Prendre en main du matériel"
    DEVICE_MAINTENANCE = "maintenance_de_materiel", "Maintenance de matériel"
    CONTENTS = "gere_ses_contenus_numeriques", "Gérer ses contenus numériques"
    BROWSING = "navigation_sur_internet", "Navigation sur internet"
    EMAIL = "email", "E-mail"
    OFFICE = "bureautique", "Bureautique"
    SOCIAL_NETWORKS = "reseaux_sociaux", "Réseaux sociaux communication"
    HEALTH = "sante", "Santé"
    BANKING = "banque_et_achats_en_ligne", "Banque et achats en ligne"
    ENTREPRENEURSHIP = "entrepreneuriat", "Accompagner un professionnel"
    EMPLOYMENT = "insertion_professionnelle", "Insertion professionnelle"
    SECURITY = "securite_numerique", "Prévention en sécurité numérique"
    PARENTING = "parentalite", "Parentalité"
    SCHOOLING = "scolarite_et_numerique", "Scolarité et numérique"
    CREATING = "creer_avec_le_numerique", "Créer avec le numérique"
    CULTURE = "culture_numerique", "Culture numérique"
    AI = "intelligence_artificielle", "Intelligence artificielle (IA)"
    PROCEDURES = "aide_aux_demarches_administratives", "Aide aux démarches administratives"
    # The administrative-procedure themes.
    PAPERS = "papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté"
    FAMILY = "famille_scolarite", "Famille - Scolarité"
    SOCIAL_HEALTH = "social_sante", "Social - Santé"
    WORK = "travail_formation", "Travail - Formation - Entreprise"
    HOUSING = "logement", "Logement"
    TRANSPORT = "transports_mobilite", "Transports - Mobilité"
    MONEY = "argent_impots", "Argent - Impôts"
    JUSTICE = "justice", "Justice"
    FOREIGNERS = "etrangers_europe", "Étrangers - Europe"
    LEISURE = "loisirs_sports_culture", "Loisirs - Sports - Culture"
    ASSOCIATIONS = "associations", "Associations"


ADMINISTRATIVE_THEMATIQUES = (
    Thematique.PAPERS,
    Thematique.FAMILY,
    Thematique.SOCIAL_HEALTH,
    Thematique.WORK,
    Thematique.HOUSING,
    Thematique.TRANSPORT,
    Thematique.MONEY,
    Thematique.JUSTICE,
    Thematique.FOREIGNERS,
    Thematique.LEISURE,
    Thematique.ASSOCIATIONS,
)


class Mission(models.TextChoices):
    """The three missions of a conseiller numérique, as the scheme describes them."""

    EVERYDAY = "usages_quotidiens", "Soutenir les usages quotidiens du numérique"
    AWARENESS = "sensibilisation", "Sensibiliser aux enjeux du numérique"
    PROCEDURES = "demarches_en_ligne", "Rendre autonome pour les démarches en ligne"


MISSION_OF_THEMATIQUE: dict[str, str] = {
    **{
        value: Mission.EVERYDAY
        for value in (
            Thematique.DIAGNOSTIC,
            Thematique.DEVICE_HANDLING,
            Thematique.DEVICE_MAINTENANCE,
            Thematique.CONTENTS,
            Thematique.BROWSING,
            Thematique.EMAIL,
            Thematique.OFFICE,
            Thematique.SOCIAL_NETWORKS,
            Thematique.HEALTH,
            Thematique.BANKING,
            Thematique.ENTREPRENEURSHIP,
            Thematique.EMPLOYMENT,
            Thematique.CREATING,
        )
    },
    **{
        value: Mission.AWARENESS
        for value in (
            Thematique.SECURITY,
            Thematique.PARENTING,
            Thematique.SCHOOLING,
            Thematique.CULTURE,
            Thematique.AI,
        )
    },
    Thematique.PROCEDURES: Mission.PROCEDURES,
    **{value: Mission.PROCEDURES for value in ADMINISTRATIVE_THEMATIQUES},
}


class Materiel(models.TextChoices):
    COMPUTER = "ordinateur", "Ordinateur"
    PHONE = "telephone", "Téléphone"
    TABLET = "tablette", "Tablette"
    OTHER = "autre", "Autre"
    NONE = "aucun", "Pas de matériel"


class Autonomie(models.TextChoices):
    """How autonomous the person was (an individual accompaniment only), with the Coop's stars out of 3."""

    GUIDED = "entierement_accompagne", "Avec guidage"
    PARTLY = "partiellement_autonome", "Autonome avec guidage en cas de besoin"
    AUTONOMOUS = "autonome", "Autonome"


AUTONOMIE_STARS = {Autonomie.GUIDED: 1, Autonomie.PARTLY: 2, Autonomie.AUTONOMOUS: 3}


class WorkshopLevel(models.TextChoices):
    BEGINNER = "debutant", "Débutant"
    INTERMEDIATE = "intermediaire", "Intermédiaire"
    ADVANCED = "avance", "Avancé"


LEVEL_STARS = {WorkshopLevel.BEGINNER: 1, WorkshopLevel.INTERMEDIATE: 2, WorkshopLevel.ADVANCED: 3}


class Redirection(models.TextChoices):
    """Where the person was sent next, as a kind of structure (or a place of the directory, see the report)."""

    ADMINISTRATION = "administration", "Administration (mairie, préfecture…)"
    MEDIATION = "mediation_numerique", "Autre structure de médiation numérique"
    OPERATOR = "operateur_ou_organisme_en_charge", "Opérateur ou organisme en charge de la démarche administrative"
    SOCIAL = "aide_sociale", "Structure d'aide sociale (maison des solidarités, centre social…)"
    EMPLOYMENT = (
        "insertion_professionnelle",
        "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)",
    )
    PROCEDURES = (
        "aide_aux_demarches_administratives",
        "Structure d'aide aux démarches administratives (France Services…)",
    )
    OTHER = "autre", "Autre"


class AgeBand(models.TextChoices):
    UNDER_12 = "moins_de_douze", "Moins de 12 ans"
    FROM_12 = "douze_dix_huit", "12 - 17 ans"
    FROM_18 = "dix_huit_vingt_quatre", "18 - 24 ans"
    FROM_25 = "vingt_cinq_trente_neuf", "25 - 39 ans"
    FROM_40 = "quarante_cinquante_neuf", "40 - 59 ans"
    FROM_60 = "soixante_soixante_neuf", "60 - 69 ans"
    FROM_70 = "soixante_dix_plus", "70 ans et plus"
    UNKNOWN = "non_communique", "Non communiqué"


class SocialStatus(models.TextChoices):
    SCHOOL = "scolarise", "Scolarisé"
    UNEMPLOYED = "sans_emploi", "Sans emploi"
    EMPLOYED = "en_emploi", "En emploi"
    RETIRED = "retraite", "Retraité"
    UNKNOWN = "non_communique", "Non communiqué ou hétérogène"


class Gender(models.TextChoices):
    MALE = "masculin", "Masculin"
    FEMALE = "feminin", "Féminin"
    UNKNOWN = "non_communique", "Non communiqué"


UNKNOWN = "non_communique"


class DurationBand(models.TextChoices):
    """The duration bands of the programme's statistics."""

    UNDER_30 = "moins_30", "Moins de 30 minutes"
    FROM_30 = "30_60", "30 à 60 minutes"
    FROM_60 = "60_120", "Plus d'une heure, jusqu'à 2 heures"
    OVER_120 = "plus_120", "Plus de 2 heures"


def duration_band(minutes: int) -> str:
    if minutes < 30:
        return DurationBand.UNDER_30
    if minutes <= 60:
        return DurationBand.FROM_30
    if minutes <= 120:
        return DurationBand.FROM_60
    return DurationBand.OVER_120


@cache
def labels_of(choices: type[models.TextChoices]) -> dict[str, str]:
    """Stored value → French label of one vocabulary."""
    return {str(value): str(text) for value, text in choices.choices}


def label(choices: type[models.TextChoices], value: str) -> str:
    """The French label of a stored value, or the value itself when it is not (or no longer) in the vocabulary:
    never an empty cell."""
    return labels_of(choices).get(value, value)
