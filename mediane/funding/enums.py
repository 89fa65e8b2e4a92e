"""Vocabularies of funding, with their French labels."""

from django.db import models


class FunderKind(models.TextChoices):
    STATE = "etat", "État"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    EUROPE = "europe", "Union européenne"
    OTHER = "autre", "Autre financeur"
