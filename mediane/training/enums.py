"""Vocabularies of training, with their French labels."""

from django.db import models


class FrameworkKind(models.TextChoices):
    """What a framework describes: the digital competences of anyone (Pix), or the trade of digital mediation."""

    PIX = "pix", "Compétences numériques (Pix)"
    MEDIATION = "mediation", "Métier de la médiation numérique"
