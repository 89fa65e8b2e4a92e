"""`synthesise`: from documents to topics, duplicates and figures, stage by stage, with timings."""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from threadpoolctl import threadpool_limits

from mediane.synthesis.engine import closed, labels, text, topics
from mediane.synthesis.engine import duplicates as near
from mediane.synthesis.engine.backends import get_backend
from mediane.synthesis.engine.documents import ClosedAnswer, Document, ProgressCallback, SynthesisResult, Topic

DEFAULT_MIN_TOPICS = 3
DEFAULT_MAX_TOPICS = 40
# Below this share of known French words, the result carries a warning: topics of another language are poor.
FRENCH_RATIO_WARNING = 0.5
# Texts whose share of French words is measured: the first informative ones.
FRENCH_SAMPLE = 200
SINGLE_THREAD_BELOW = 50_000
CLOSED_CODES = {closed.EMPTY: 0, **{label: code for code, label in enumerate(closed.CLOSED_LABELS, start=1)}}
K_SELECTION = (
    "un premier découpage fin (environ un sujet pour 6 textes différents, dans les limites demandées), puis les "
    "sujets qui emploient les mêmes mots réunis"
)


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


class _LazyTexts(Sequence[str]):
    """The texts of some documents (`indices`), each passed through `transform` when it is read: most backends
    never read them, and labels read a sample."""

    def __init__(
        self, documents: Sequence[Document], indices: np.ndarray, transform: Callable[[str], str] = str
    ) -> None:
        self._documents = documents
        self._indices = indices
        self._transform = transform

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._transform(self._documents[i].text) for i in self._indices[index].tolist()]
        return self._transform(self._documents[int(self._indices[index])].text)


@dataclass
class _Prepared:
    # For each document, its distinct informative text (an index into `keys`), or -1 when empty or closed.
    distinct_of_document: np.ndarray
    # For each document, -1 when informative, 0 when empty, 1 + the index of its kind in `closed.CLOSED_LABELS`.
    short_of_document: np.ndarray
    # One folded text per distinct informative text, in order of first appearance.
    keys: list[str]
    # The first document of each distinct text: its text stands for the others.
    first_document: np.ndarray
    lemma_rows: topics.LemmaRows
    french_ratio: float


def _prepare(documents: Sequence[Document]) -> _Prepared:
    """Normalise, fold and lemmatise each different raw text once, and set aside the non-informative ones.

    Python's work is per distinct raw text and per word (a lemma is looked up, not recomputed); the rest is numpy.
    """
    raw_index: dict[str, int] = {}
    raw_of_document = np.fromiter(
        (raw_index.setdefault(doc.text, len(raw_index)) for doc in documents), dtype=np.int64, count=len(documents)
    )
    table = text.LemmaTable()
    distinct_index: dict[str, int] = {}
    distinct_of_raw = array("q")
    short_of_raw = array("q")
    first_raw = array("q")
    # Lists, not arrays: extending a list copies pointers, an array converts every int.
    lemma_ids: list[int] = []
    lemma_lengths: list[int] = []
    french_sample: list[str] = []
    for raw_number, raw in enumerate(raw_index):
        normalised = text.normalise(raw)
        folded = text.fold(normalised)
        kind = closed.kind_of(folded)
        ids = table.content_ids(normalised, clauses=True) if kind is None else []
        if kind is None and not ids:
            ids = table.weak_ids(normalised)
            kind = None if ids else closed.EMPTY
        if kind is not None:
            distinct_of_raw.append(-1)
            short_of_raw.append(CLOSED_CODES[kind])
            continue
        short_of_raw.append(-1)
        distinct = distinct_index.setdefault(folded, len(distinct_index))
        distinct_of_raw.append(distinct)
        if distinct == len(first_raw):
            first_raw.append(raw_number)
            lemma_ids.extend(ids)
            lemma_lengths.append(len(ids))
            if len(french_sample) < FRENCH_SAMPLE:
                french_sample.append(normalised)
    del raw_index
    first_document_of_raw = np.unique(raw_of_document, return_index=True)[1]
    lengths = np.array(lemma_lengths, dtype=np.int64)
    return _Prepared(
        distinct_of_document=np.frombuffer(distinct_of_raw, dtype=np.int64)[raw_of_document],
        short_of_document=np.frombuffer(short_of_raw, dtype=np.int64)[raw_of_document],
        keys=list(distinct_index),
        first_document=first_document_of_raw[np.frombuffer(first_raw, dtype=np.int64)],
        lemma_rows=topics.LemmaRows(
            ids=np.array(lemma_ids, dtype=np.int32),
            indptr=np.concatenate(([0], np.cumsum(lengths))).astype(np.int64),
            lemmas=table.lemmas,
        ),
        french_ratio=text.french_ratio(french_sample),
    )


def _per_document(values: np.ndarray, distinct_of_document: np.ndarray) -> np.ndarray:
    """`values` of each document's distinct text, -1 for a non-informative document."""
    result = np.full(len(distinct_of_document), -1, dtype=np.int64)
    informative = distinct_of_document >= 0
    result[informative] = values[distinct_of_document[informative]]
    return result


def _groups(labels: np.ndarray) -> dict[int, np.ndarray]:
    """For each label ≥ 0, the indices that carry it, in increasing order."""
    order = np.argsort(labels, kind="stable")
    order = order[labels[order] >= 0]
    if not len(order):
        return {}
    boundaries = np.flatnonzero(np.diff(labels[order])) + 1
    return {int(labels[group[0]]): group for group in np.split(order, boundaries)}


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

    A corpus of fewer than `SINGLE_THREAD_BELOW` documents runs with one BLAS thread: a theme's few thousand texts
    gain nothing from a second one, and on a busy server the threads of numpy's BLAS fight over the cores with the
    web and the other jobs (on the benchmark's 2 shared cores, 1,000 answers took 0.9 s with one thread and from 7
    to 42 s with two).
    """
    limit = threadpool_limits(limits=1, user_api="blas") if len(documents) < SINGLE_THREAD_BELOW else nullcontext()
    with limit:
        return _synthesise(
            documents, seed=seed, min_topics=min_topics, max_topics=max_topics, backend=backend, progress=progress
        )


def _synthesise(
    documents: Sequence[Document],
    *,
    seed: int = 0,
    min_topics: int = DEFAULT_MIN_TOPICS,
    max_topics: int = DEFAULT_MAX_TOPICS,
    backend: str = "tfidf",
    progress: ProgressCallback | None = None,
) -> SynthesisResult:
    """`synthesise`'s work, in its thread limit."""
    embed = get_backend(backend)
    stages = _Stages(progress)
    warnings: list[str] = []
    min_topics, max_topics = max(1, min_topics), max(1, max_topics)
    if min_topics > max_topics:
        min_topics, max_topics = max_topics, min_topics

    with stages.stage("prepare", 0.0):
        prepared = _prepare(documents)
        distinct_of_document = prepared.distinct_of_document
        informative = distinct_of_document >= 0
        short = prepared.short_of_document
        non_informative_ids = [documents[i].id for i in np.flatnonzero(short == 0).tolist()]
        closed_answers = sorted(
            (
                ClosedAnswer(label=label, member_ids=[documents[i].id for i in np.flatnonzero(short == code).tolist()])
                for label, code in CLOSED_CODES.items()
                if code and (short == code).any()
            ),
            key=lambda answer: (-answer.size, closed.CLOSED_LABELS.index(answer.label)),
        )
        firsts = prepared.first_document
        n_distinct = len(firsts)

    with stages.stage("duplicates", 0.2):
        # Exact copies share a distinct text; near copies share the smallest distinct text of their group.
        root = near.near_duplicate_roots(prepared.keys, seed)
        duplicates = sorted(
            (
                [documents[i].id for i in group.tolist()]
                for group in _groups(_per_document(root, distinct_of_document)).values()
                if len(group) > 1
            ),
            key=lambda g: (-len(g), g[0]),
        )
        del root

    assignment = np.zeros(n_distinct, dtype=np.int64)
    k = 1 if n_distinct else 0
    fine_k = k
    vectors = np.zeros((n_distinct, 1), dtype=np.float32)
    vocabulary_size = 0

    with stages.stage("vectorise", 0.35):
        vocabulary = topics.vectorise(prepared.lemma_rows) if n_distinct else None
        if vocabulary is not None:
            vocabulary_size = len(vocabulary.terms)
            vectors = embed(_LazyTexts(documents, firsts, text.normalise), vocabulary.tfidf, seed=seed)

    with stages.stage("cluster", 0.55):
        if vocabulary is not None:
            fine_k = topics.fine_topic_count(n_distinct, min_topics, max_topics)
            fine = topics.spherical_kmeans(vectors, fine_k, seed)
            assignment, k = topics.merge_close_topics(vectors, fine, fine_k, min_topics)
            # Texts far from every topic go to « Autres contributions » (numbered k) rather than into a topic.
            assignment = np.where(topics.outliers(vectors, assignment, k), k, assignment)

    with stages.stage("represent", 0.8):
        topic_of_document = _per_document(assignment, distinct_of_document)
        other_ids = [documents[i].id for i in np.flatnonzero(topic_of_document == k).tolist()] if k else []
        members_of = _groups(topic_of_document)
        distinct_texts = _LazyTexts(documents, firsts)
        members_by_topic: list[tuple[int, np.ndarray]] = [
            (topic, members) for topic in range(k) if len(members := np.flatnonzero(assignment == topic))
        ]
        chosen_by_topic = [
            topics.representatives(vectors, members) if vocabulary is not None else members[:5].tolist()
            for _, members in members_by_topic
        ]

    with stages.stage("label", 0.9):
        described = labels.describe([labels.topic_texts(distinct_texts, members) for _, members in members_by_topic])
        built: list[Topic] = []
        for (topic, _), chosen, description in zip(members_by_topic, chosen_by_topic, described, strict=True):
            member_ids = [documents[i].id for i in members_of[topic].tolist()]
            representative_ids = [documents[int(firsts[u])].id for u in chosen]
            sentence, source = labels.sentence([distinct_texts[u] for u in chosen], description)
            built.append(
                Topic(
                    label=description.label,
                    terms=description.terms,
                    phrases=description.phrases,
                    size=len(member_ids),
                    member_ids=member_ids,
                    representatives=representative_ids,
                    sentence=sentence,
                    sentence_id=representative_ids[source] if source >= 0 else "",
                )
            )
        built.sort(key=lambda found: (-found.size, found.label))

    if progress is not None:
        progress("done", 1.0)

    if not documents:
        warnings.append("Aucune contribution à synthétiser.")
    elif not n_distinct:
        warnings.append(
            "Aucune contribution ne développe d'idée : toutes sont des réponses courtes (oui, non…) ou vides, "
            "comptées à part, non informatives pour les sujets."
        )
    elif n_distinct == 1:
        warnings.append("Un seul texte distinct : il forme un sujet à lui seul, sans regroupement possible.")
    elif len(built) == 1 and max_topics > 1:
        warnings.append("Trop peu de textes distincts pour les répartir en plusieurs sujets : un seul sujet est formé.")
    elif len(built) < min_topics:
        warnings.append(
            f"Trop peu de textes distincts ({n_distinct}) pour former au moins {min_topics} sujets, chacun devant en "
            f"réunir au moins {topics.MIN_TEXTS_PER_TOPIC} : {len(built)} sujets sont formés."
        )
    if n_distinct and prepared.french_ratio < FRENCH_RATIO_WARNING:
        warnings.append(
            f"Les textes ne semblent pas rédigés en français ({round(prepared.french_ratio * 100)} % de mots "
            "français reconnus) : les sujets risquent d'être peu pertinents."
        )

    figures: dict[str, Any] = {
        "documents": len(documents),
        "informative": int(informative.sum()),
        "non_informative": len(non_informative_ids),
        "closed_answers": sum(answer.size for answer in closed_answers),
        "other": len(other_ids),
        "distinct_texts": n_distinct,
        "duplicate_groups": len(duplicates),
        "documents_in_duplicate_groups": sum(len(g) for g in duplicates),
        "topics": len(built),
        # The topics formed: a topic whose every text went to « Autres contributions » is not one.
        "chosen_k": len(built),
        "k_bounds": [min_topics, max_topics],
        "fine_topics": fine_k,
        "k_selection": K_SELECTION if fine_k > 1 else _no_selection(max_topics),
        "vocabulary_size": vocabulary_size,
        "vector_dimensions": int(vectors.shape[1]) if n_distinct else 0,
        "french_ratio": round(prepared.french_ratio, 3),
        "backend": backend,
        "seed": seed,
        "timings_seconds": {**stages.timings, "total": round(sum(stages.timings.values()), 3)},
        "warnings": warnings,
    }
    # Documents are scored by their topic's cluster number; the empty ones form one more cluster, and each kind of
    # closed answer one more.
    scored = topic_of_document.copy()
    scored[short >= 0] = -1 - short[short >= 0]
    evaluation = _evaluate(documents, scored)
    if evaluation is not None:
        figures["evaluation"] = evaluation
    return SynthesisResult(
        topics=built,
        duplicates=duplicates,
        non_informative_ids=non_informative_ids,
        figures=figures,
        closed_answers=closed_answers,
        other_ids=other_ids,
    )


def _no_selection(max_topics: int) -> str:
    """Why no number of topics was chosen by score."""
    return "aucune (un seul sujet demandé)" if max_topics == 1 else "aucune (trop peu de textes)"


def _evaluate(documents: Sequence[Document], topic_of_document: np.ndarray) -> dict[str, Any] | None:
    """NMI and ARI of the topics (-1: non-informative, one more cluster) against the documents' labels, if any."""
    labelled = np.array([doc.label is not None for doc in documents], dtype=bool)
    if not labelled.any():
        return None
    codes: dict[str, int] = {}
    truth = np.array(
        [codes.setdefault(str(doc.label), len(codes)) for doc in documents if doc.label is not None], dtype=np.int64
    )
    predicted = topic_of_document[labelled]
    return {
        "documents": len(truth),
        "labels": len(codes),
        "nmi": round(float(normalized_mutual_info_score(truth, predicted)), 4),
        "ari": round(float(adjusted_rand_score(truth, predicted)), 4),
    }
