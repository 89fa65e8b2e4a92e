"""Vocabularies of training (frameworks, courses, attendance and results, the audit log), with their French labels."""

from django.db import models


class FrameworkKind(models.TextChoices):
    """What a framework describes: the digital competences of anyone (Pix), or the trade of digital mediation."""

    PIX = "pix", "Compétences numériques (Pix)"
    MEDIATION = "mediation", "Métier de la médiation numérique"


class Modality(models.TextChoices):
    ON_SITE = "presentiel", "Présentiel"
    REMOTE = "distance", "À distance"
    BLENDED = "mixte", "Mixte"


class Attendance(models.TextChoices):
    UNKNOWN = "", "non noté"
    PRESENT = "present", "présent·e"
    ABSENT = "absent", "absent·e"


class Result(models.TextChoices):
    UNKNOWN = "", "pas encore de résultat"
    PASSED = "reussi", "réussi"
    CERTIFIED = "certifie", "certifié"
    FAILED = "non_reussi", "non réussi"


# Results that give the person the competences and levels the course covers.
SUCCESSFUL_RESULTS = (Result.PASSED, Result.CERTIFIED)


class LogAction(models.TextChoices):
    ATTENDANCE = "presence", "présence notée"
    RESULT = "resultat", "résultat noté"
    STAFF_ADDED = "equipe_ajout", "personne ajoutée à l'équipe"
    STAFF_REMOVED = "equipe_retrait", "personne retirée de l'équipe"
    STAFF_INVITED = "equipe_invite", "personne invitée dans l'équipe"
    STAFF_ACCEPTED = "equipe_accord", "invitation acceptée"
    STAFF_DECLINED = "equipe_refus", "invitation refusée"
    STAFF_LEFT = "equipe_depart", "personne partie de l'équipe"
