"""Choices of the synthesis app, with their French labels."""

from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "en attente"
    RUNNING = "running", "en cours"
    SUCCEEDED = "succeeded", "terminée"
    FAILED = "failed", "échouée"


class TopicKind(models.TextChoices):
    TOPIC = "topic", "sujet"
    # The engine's bucket of empty or non-informative answers (« RAS », « néant »…).
    NON_INFORMATIVE = "non_informative", "réponses sans contenu exploitable"


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
