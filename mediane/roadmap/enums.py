"""The roadmap's fixed vocabularies, with their French labels."""

from django.db import models


class UpdateKind(models.TextChoices):
    """What changed in an action, as its public history and the followers' digest tell it."""

    CREATED = "creation", "Action créée"
    STATUS = "statut", "Nouveau statut"
    PROGRESS = "avancement", "Nouvel avancement"
    MILESTONE = "jalon", "Nouvelle étape"


class FollowOrigin(models.TextChoices):
    """Why someone follows an action: they asked, or a proposal of theirs (written or supported) is linked to it."""

    CHOSEN = "choisi", "Suivi choisi"
    PROPOSAL = "proposition", "Suivi parce qu'une proposition liée est la vôtre ou que vous l'avez soutenue"
