"""`synthesise`: from documents to topics, duplicates and figures, stage by stage, with timings."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from mediane.synthesis.engine import duplicates as near
from mediane.synthesis.engine import text, topics
from mediane.synthesis.engine.backends import get_backend
from mediane.synthesis.engine.documents import Document, ProgressCallback, SynthesisResult, Topic

DEFAULT_MIN_TOPICS = 3
DEFAULT_MAX_TOPICS = 40
# Below this share of known French words, the result carries a warning: topics of another language are poor.
FRENCH_RATIO_WARNING = 0.5
NON_INFORMATIVE_LABEL = "non_informative"
K_SELECTION = "silhouette (cosinus, échantillon), chaque sujet ajouté devant la relever assez"


class _Stages:
    def __init__(self, progress: ProgressCallback | None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str, fraction_done: float) -> Iterator[None]:
        if self.progress is not None:
            self.progress(name, fraction_done)
        started = time.perf_counter()
        yield
        self.timings[name] = round(time.perf_counter() - started, 3)


def _topic_label(terms: list[str], phrases: list[str]) -> str:
    words = phrases[:1] + [t for t in terms if not phrases or t not in phrases[0].split()]
    label = " · ".join(words[:3]) if words else "Sujet sans mot distinctif"
    return label[:1].upper() + label[1:]


def synthesise(
    documents: Sequence[Document],
    *,
    seed: int = 0,
    min_topics: int = DEFAULT_MIN_TOPICS,
    max_topics: int = DEFAULT_MAX_TOPICS,
    backend: str = "tfidf",
    progress: ProgressCallback | None = None,
) -> SynthesisResult:
    """Group `documents` into topics, with labels, representatives, duplicates and the figures behind the choices.

    Never raises on odd content: an empty corpus gives no topic, one text gives one topic, and warnings in
    `figures["warnings"]` (French) say why. Raises `SynthesisInputError` only for an unknown `backend`.
    """
    embed = get_backend(backend)
    stages = _Stages(progress)
    warnings: list[str] = []
    min_topics, max_topics = max(1, min_topics), max(1, max_topics)
    if min_topics > max_topics:
        min_topics, max_topics = max_topics, min_topics

    with stages.stage("prepare", 0.0):
        normalised = [text.normalise(doc.text) for doc in documents]
        folded = [text.fold(value) for value in normalised]
        lemmas = [text.content_lemmas(value) for value in normalised]
        informative = [i for i in range(len(documents)) if not text.is_non_informative(folded[i], lemmas[i])]
        informative_set = set(informative)
        non_informative_ids = [doc.id for i, doc in enumerate(documents) if i not in informative_set]
        ratio = text.french_ratio([normalised[i] for i in informative[:200]])

    with stages.stage("duplicates", 0.2):
        # One entry per distinct folded text; `copies[u]` lists the documents that share it.
        unique_of_key: dict[str, int] = {}
        copies: list[list[int]] = []
        for i in informative:
            u = unique_of_key.setdefault(folded[i], len(copies))
            if u == len(copies):
                copies.append([])
            copies[u].append(i)
        unique_keys = list(unique_of_key)
        groups = [
            sorted(i for u in group for i in copies[u]) for group in near.near_duplicate_groups(unique_keys, seed)
        ]
        in_near = {i for group in groups for i in group}
        groups += [list(members) for members in copies if len(members) > 1 and members[0] not in in_near]
        duplicates = sorted(([documents[i].id for i in group] for group in groups), key=lambda g: (-len(g), g[0]))

    firsts = [members[0] for members in copies]
    weights = np.array([len(members) for members in copies], dtype=np.float64)
    assignment = np.zeros(len(firsts), dtype=np.int64)
    k = 1 if firsts else 0
    scores: dict[int, float] = {}
    vectors = np.zeros((len(firsts), 1))
    described: list[tuple[list[str], list[str]]] = [([], [])] * k
    vocabulary_size = 0

    with stages.stage("vectorise", 0.35):
        vocabulary = topics.vectorise([" ".join(lemmas[i]) for i in firsts]) if firsts else None
        if vocabulary is not None:
            vocabulary_size = len(vocabulary.terms)
            vectors = embed([normalised[i] for i in firsts], vocabulary.tfidf, seed=seed)

    with stages.stage("cluster", 0.55):
        if vocabulary is not None:
            candidates = topics.candidate_counts(len(firsts), min_topics, max_topics)
            k, scores = topics.choose_topic_count(vectors, candidates, seed)
            assignment = topics.cluster(vectors, k, seed)

    with stages.stage("label", 0.8):
        if vocabulary is not None:
            described = topics.describe(vocabulary, assignment, weights, k)

    with stages.stage("represent", 0.9):
        built = []
        for topic in range(k):
            members = np.flatnonzero(assignment == topic)
            if not len(members):
                continue
            chosen = topics.representatives(vectors, members) if vocabulary is not None else members[:5].tolist()
            member_ids = [documents[i].id for u in members.tolist() for i in copies[u]]
            terms, phrases = described[topic]
            built.append(
                Topic(
                    label=_topic_label(terms, phrases),
                    terms=terms,
                    phrases=phrases,
                    size=len(member_ids),
                    member_ids=member_ids,
                    representatives=[documents[firsts[u]].id for u in chosen],
                )
            )
        built.sort(key=lambda t: (-t.size, t.label))

    if progress is not None:
        progress("done", 1.0)

    if not documents:
        warnings.append("Aucune contribution à synthétiser.")
    elif not firsts:
        warnings.append("Aucune contribution ne contient de texte exploitable : toutes sont classées non informatives.")
    elif len(firsts) == 1:
        warnings.append("Un seul texte distinct : il forme un sujet à lui seul, sans regroupement possible.")
    elif k == 1:
        warnings.append("Trop peu de textes distincts pour les répartir en plusieurs sujets : un seul sujet est formé.")
    if firsts and ratio < FRENCH_RATIO_WARNING:
        warnings.append(
            f"Les textes ne semblent pas rédigés en français ({round(ratio * 100)} % de mots français reconnus) : "
            "les sujets risquent d'être peu pertinents."
        )

    figures: dict[str, Any] = {
        "documents": len(documents),
        "informative": len(informative),
        "non_informative": len(non_informative_ids),
        "distinct_texts": len(firsts),
        "duplicate_groups": len(duplicates),
        "documents_in_duplicate_groups": sum(len(g) for g in duplicates),
        "topics": len(built),
        "chosen_k": k,
        "k_bounds": [min_topics, max_topics],
        "k_scores": {str(key): value for key, value in scores.items()},
        "k_selection": K_SELECTION if scores else "aucune (trop peu de textes)",
        "vocabulary_size": vocabulary_size,
        "vector_dimensions": int(vectors.shape[1]) if firsts else 0,
        "french_ratio": round(ratio, 3),
        "backend": backend,
        "seed": seed,
        "timings_seconds": {**stages.timings, "total": round(sum(stages.timings.values()), 3)},
        "warnings": warnings,
    }
    evaluation = _evaluate(documents, built, set(non_informative_ids))
    if evaluation is not None:
        figures["evaluation"] = evaluation
    return SynthesisResult(
        topics=built, duplicates=duplicates, non_informative_ids=non_informative_ids, figures=figures
    )


def _evaluate(documents: Sequence[Document], built: list[Topic], non_informative: set[str]) -> dict[str, Any] | None:
    """NMI and ARI of the topics against the documents' labels, when they carry some."""
    labelled = [doc for doc in documents if doc.label is not None]
    if not labelled:
        return None
    topic_of = {doc_id: index for index, topic in enumerate(built) for doc_id in topic.member_ids}
    truth = [str(doc.label) for doc in labelled]
    predicted = [str(topic_of[doc.id]) if doc.id in topic_of else NON_INFORMATIVE_LABEL for doc in labelled]
    return {
        "documents": len(labelled),
        "labels": len(set(truth)),
        "nmi": round(float(normalized_mutual_info_score(truth, predicted)), 4),
        "ari": round(float(adjusted_rand_score(truth, predicted)), 4),
    }
