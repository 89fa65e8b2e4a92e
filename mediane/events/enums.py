"""Kinds and statuses of events, with their French labels."""

from django.db import models


class EventKind(models.TextChoices):
    INCLUSION_DAY = "journee", "Journée inclusion numérique"
    WORKSHOP = "atelier", "Atelier"
    TRAINING = "formation", "Formation"
    WEBINAR = "webinaire", "Webinaire"
    MEETING = "rencontre", "Rencontre"


class EventStatus(models.TextChoices):
    DRAFT = "brouillon", "brouillon"
    PUBLISHED = "publie", "publié"
    CANCELLED = "annule", "annulé"


PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)
