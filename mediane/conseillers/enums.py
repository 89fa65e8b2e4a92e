"""Vocabularies of the Conseillers numériques programme, with their French labels.

The statuses of structures and recruitments are the real programme's own; their allowed moves are the tables of
the services (`services_hosts.ALLOWED_TRANSITIONS`, `transitions.ALLOWED_TRANSITIONS`).
"""

from django.db import models


class HostKind(models.TextChoices):
    """Who may host an adviser: public bodies and private non-profits."""

    COMMUNE = "commune", "Commune"
    EPCI = "epci", "Intercommunalité (EPCI)"
    DEPARTEMENT = "departement", "Département"
    REGION = "region", "Région"
    GIP = "gip", "Groupement d'intérêt public (GIP)"
    ASSOCIATION = "association", "Association"
    PRIVATE_NON_PROFIT = "prive_non_lucratif", "Autre structure privée à but non lucratif"


class HostStatus(models.TextChoices):
    CREATED = "creee", "Créée"
    FURTHER_EXAMINATION = "examen_complementaire", "Examen complémentaire"
    VALIDATED = "validee", "Validée"
    REFUSED = "refusee", "Refusée"
    ABANDONED = "abandon", "Abandon"
    CANCELLED = "annulee", "Annulée"
    DUPLICATE = "doublon", "Doublon"


class RequestKind(models.TextChoices):
    ADD = "ajout", "Demande de postes"
    GIVE_BACK = "rendu", "Rendu de postes"


class RequestStatus(models.TextChoices):
    PENDING = "en_cours", "En cours"
    VALIDATED = "validee", "Validée"
    REFUSED = "refusee", "Refusée"


class Opinion(models.TextChoices):
    """The selection committee's opinion on a request."""

    FAVOURABLE = "favorable", "Avis favorable"
    FURTHER_EXAMINATION = "examen_complementaire", "Examen complémentaire"
    UNFAVOURABLE = "defavorable", "Avis défavorable"


class QuotaIndex(models.TextChoices):
    """What the quotas of the départements can be computed from (largest remainder)."""

    POPULATION = "population", "Population"
    # Typed or uploaded by the team, for example the share of people in digital difficulty per département
    # published by INSEE: the platform ships no such table (no public source is bundled with it).
    GIVEN = "indice_donne", "Un indice par département donné par l'équipe"


class Situation(models.TextChoices):
    JOB_SEEKER = "demandeur_emploi", "Demandeur·se d'emploi"
    EMPLOYED = "en_emploi", "En emploi"
    IN_TRAINING = "en_formation", "En formation"


class EducationLevel(models.TextChoices):
    NONE = "aucun", "Sans diplôme"
    CAP_BEP = "cap_bep", "CAP ou BEP"
    BAC = "bac", "Baccalauréat"
    BAC_2 = "bac_2", "Bac + 2 (BTS, DUT, DEUST…)"
    BAC_3 = "bac_3", "Bac + 3 (licence, BUT…)"
    BAC_5 = "bac_5", "Bac + 5 ou plus (master…)"


class MediationDiploma(models.TextChoices):
    """Diplomas of digital mediation a candidate may hold (several)."""

    REMN = "titre_remn", "Titre professionnel Responsable d'espace de médiation numérique (REMN)"
    REMN_CCP = "ccp_remn", "Un certificat de compétences (CCP) du titre REMN"
    BPJEPS = "bpjeps", "BPJEPS Animateur, mention animation culturelle ou numérique"
    DEJEPS = "dejeps", "DEJEPS Animation socio-éducative ou culturelle"
    DEUST_LICENCE = "deust_licence", "DEUST ou licence professionnelle de médiation numérique"
    PIX_PLUS = "pix_plus", "Certification Pix+ Édu ou Pix Pro"
    OTHER = "autre", "Autre diplôme de la médiation numérique"


# How far a candidate is ready to travel; the real programme offered these.
# The distances a candidate and a structure may choose, one list for both: a pair matches within the smaller.
MAX_DISTANCE_CHOICES = [(km, f"{km} km") for km in (5, 10, 15, 20, 40, 60, 100)]


class RecruitmentStatus(models.TextChoices):
    """The life of a candidate's application to a structure, as the real programme named it."""

    NEW = "nouvelle", "Nouvelle"
    INTERESTED = "interessee", "Intéressée"
    NOT_INTERESTED = "non_interessee", "Non intéressée"
    RECRUITED = "recrutee", "Recrutée"
    FINALISED = "finalisee", "Finalisée"
    RUPTURE = "rupture", "Rupture"
    RUPTURE_FINALISED = "rupture_finalisee", "Rupture finalisée"
    RENEWAL = "renouvellement", "Renouvellement"
    ENDED = "terminee", "Terminée"


# The statuses in which a recruitment holds one of the structure's granted positions, and the candidate: a
# structure has at most `positions_granted` of them, a candidate at most one (a partial unique index).
HOLDING_STATUSES = (
    RecruitmentStatus.RECRUITED,
    RecruitmentStatus.FINALISED,
    RecruitmentStatus.RUPTURE,
    RecruitmentStatus.RENEWAL,
)
# The statuses in which the structure has shown interest: the candidate sees them on their page, and the structure
# is « in touch » (reads the CV and contact details).
INTEREST_STATUSES = (
    RecruitmentStatus.INTERESTED,
    *HOLDING_STATUSES,
    RecruitmentStatus.RUPTURE_FINALISED,
    RecruitmentStatus.ENDED,
)


class ContractType(models.TextChoices):
    CDD = "cdd", "Contrat à durée déterminée (CDD)"
    CDI = "cdi", "Contrat à durée indéterminée (CDI)"
    PROJECT = "contrat_de_projet", "Contrat de projet"
    PEC = "pec", "Parcours emploi compétences (PEC)"


class RuptureReason(models.TextChoices):
    RESIGNATION = "demission", "Démission"
    DISMISSAL = "licenciement", "Licenciement"
    AGREED = "rupture_conventionnelle", "Rupture conventionnelle"
    TRIAL_PERIOD = "periode_essai", "Fin de la période d'essai"
    OTHER = "autre", "Autre motif"


class LogAction(models.TextChoices):
    """What the programme's audit log records."""

    HOST_REGISTERED = "structure_inscrite", "Structure inscrite"
    HOST_STATUS = "structure_statut", "Statut de la structure changé"
    HOST_UPDATED = "structure_modifiee", "Structure modifiée"
    REQUEST_CREATED = "demande_deposee", "Demande de postes déposée"
    DECISION = "avis_comite", "Avis du comité de sélection"
    CONVENTION = "convention", "Convention établie"
    QUOTAS = "quotas", "Quotas des départements changés"
    CANDIDATE = "candidature", "Candidature"
    CV = "cv", "CV"
    RECRUITMENT = "recrutement", "Recrutement"
    SUBSIDY = "subvention", "Subvention"
    TRAINING = "formation", "Formation"
