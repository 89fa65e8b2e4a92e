"""Choices of the synthesis app, with their French labels."""

from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "en attente"
    RUNNING = "running", "en cours"
    SUCCEEDED = "succeeded", "terminée"
    FAILED = "failed", "échouée"


class TopicKind(models.TextChoices):
    TOPIC = "topic", "sujet"
    # One kind of short closed answer (« Oui », « Non », « Je ne sais pas »…): counted, never clustered.
    CLOSED = "closed", "réponses courtes"
    # Informative texts that fit no topic well: kept together rather than forced into a topic.
    OTHER = "other", "autres contributions"
    # The engine's bucket of empty or non-informative answers (« RAS », « néant »…).
    NON_INFORMATIVE = "non_informative", "réponses sans contenu exploitable"


# The order in which a run's groups are read: topics, then the others, the short answers, the empty ones.
KIND_ORDER: dict[str, int] = {TopicKind.TOPIC: 0, TopicKind.OTHER: 1, TopicKind.CLOSED: 2, TopicKind.NON_INFORMATIVE: 3}


class EditAction(models.TextChoices):
    LAUNCH = "launch", "lancement"
    RENAME = "rename", "renommage"
    MERGE = "merge", "fusion"
    SPLIT = "split", "scission"
    PUBLISH = "publish", "publication"
    UNPUBLISH = "unpublish", "dépublication"


# What each stage of a run means, for the progress bar. The engine's stages, then the platform's own around them.
STAGE_LABELS = {
    "": "en attente d'un processus disponible",
    "read": "lecture des contributions",
    "prepare": "préparation des textes",
    "duplicates": "recherche des doublons",
    "vectorise": "analyse du vocabulaire",
    "cluster": "regroupement en sujets",
    "label": "choix des intitulés",
    "represent": "choix des contributions représentatives",
    "done": "analyse terminée",
    "save": "enregistrement du résultat",
}
