"""A small French corpus with three clear themes, shared by the synthesis tests."""

from __future__ import annotations

import random

from mediane.synthesis.engine import Document

THEMES = {
    "transport": ["bus", "train", "tramway", "gare", "horaires", "ligne de bus", "vélo", "piste cyclable", "trajet"],
    "santé": ["médecin", "hôpital", "urgences", "désert médical", "pharmacie", "soins", "généraliste", "maternité"],
    "école": ["école", "enseignants", "classe", "élèves", "collège", "cantine", "professeurs", "devoirs", "lycée"],
}
TEMPLATES = [
    "Il faudrait améliorer {0} et {1}, car {2} manque beaucoup. Plus de {3} !",
    "Dans notre village, {0} et {1} posent problème ; {2} est trop loin et {3} aussi.",
    "Je propose de financer {0}, {1} et {2} en priorité, avec {3}.",
]


def three_themes(per_theme: int = 30, seed: int = 1) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for theme, words in THEMES.items():
        for i in range(per_theme):
            picked = rng.sample(words, 4)
            text = rng.choice(TEMPLATES).format(*picked)
            documents.append(Document(id=f"{theme}-{i}", text=text, label=theme))
    return documents
