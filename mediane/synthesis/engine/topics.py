"""Topics: TF-IDF on lemmas, the choice of the number of topics, clustering, labels and representatives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

# Texts used to choose the number of topics, and to score each choice: enough for a stable choice, fast at 143k.
SELECTION_SAMPLE = 20_000
SILHOUETTE_SAMPLE = 3_000
MAX_CANDIDATES = 10
KMEANS_RESTARTS = 3
SPHERICAL_PASSES = 30
# Silhouette a larger k must add per extra topic over the current choice. On real answers the silhouette creeps
# up with k (Grand Débat: +0.001 a topic past 19 topics for 19 questions), and creeping only splits topics.
SILHOUETTE_GAIN_PER_TOPIC = 0.002
TERMS_PER_TOPIC = 8
PHRASES_PER_TOPIC = 5
REPRESENTATIVES_PER_TOPIC = 5
MMR_POOL = 40
MMR_LAMBDA = 0.7


@dataclass
class Vocabulary:
    counts: sparse.csr_matrix
    tfidf: sparse.csr_matrix
    terms: np.ndarray


def vectorise(lemma_texts: Sequence[str]) -> Vocabulary | None:
    """Counts and sublinear TF-IDF of lemmas and lemma bigrams; None when no term is left."""
    min_df = 2 if len(lemma_texts) >= 20 else 1
    for attempt_min_df in dict.fromkeys((min_df, 1)):
        vectorizer = CountVectorizer(
            token_pattern=r"\S+",  # noqa: S106 (a regular expression, not a password)
            lowercase=False,
            ngram_range=(1, 2),
            min_df=attempt_min_df,
            max_df=0.5 if len(lemma_texts) >= 20 else 1.0,
            max_features=200_000,
            dtype=np.float64,
        )
        try:
            counts = vectorizer.fit_transform(lemma_texts).tocsr()
        except ValueError:  # empty vocabulary
            continue
        tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
        return Vocabulary(counts=counts, tfidf=tfidf, terms=vectorizer.get_feature_names_out())
    return None


def _kmeans(k: int, seed: int) -> MiniBatchKMeans:
    return MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=KMEANS_RESTARTS, batch_size=2048, max_iter=100)


def spherical_kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Cluster unit vectors by cosine: mini-batch k-means on a sample, then spherical passes on every text.

    Mini-batch k-means alone on the whole corpus depended on the seed (its ARI on the Grand Débat moved between
    0.04 and 0.10); full passes with unit-length centres settle it, as fast.
    """
    if k <= 1:
        return np.zeros(len(vectors), dtype=np.int64)
    rng = np.random.default_rng(seed)
    sample = vectors
    if len(vectors) > SELECTION_SAMPLE:
        sample = vectors[np.sort(rng.choice(len(vectors), SELECTION_SAMPLE, replace=False))]
    centres = normalize(_kmeans(k, seed).fit(sample).cluster_centers_)
    assignment = np.argmax(vectors @ centres.T, axis=1)
    for _ in range(SPHERICAL_PASSES):
        membership = sparse.csr_matrix(
            (np.ones(len(assignment)), (assignment, np.arange(len(assignment)))), shape=(k, len(assignment))
        )
        sums = np.asarray(membership @ vectors)
        # A centre that lost every member keeps its place rather than vanishing.
        empty = ~sums.any(axis=1)
        sums[empty] = centres[empty]
        centres = normalize(sums)
        updated = np.argmax(vectors @ centres.T, axis=1)
        if np.array_equal(updated, assignment):
            break
        assignment = updated
    return assignment.astype(np.int64)


def candidate_counts(n: int, min_topics: int, max_topics: int) -> list[int]:
    """The numbers of topics worth trying for `n` distinct texts: a topic should gather at least 3 of them."""
    upper = min(max_topics, n // 3)
    lower = min(max(min_topics, 2), upper)
    if upper < 2:
        return [1]
    candidates = sorted({int(round(v)) for v in np.linspace(lower, upper, num=min(MAX_CANDIDATES, upper - lower + 1))})
    return candidates


def choose_topic_count(vectors: np.ndarray, candidates: list[int], seed: int) -> tuple[int, dict[int, float]]:
    """The candidate with the best silhouette (cosine, on a sample), and every score tried.

    Candidates are read in increasing order; a larger one wins only if it adds `SILHOUETTE_GAIN_PER_TOPIC`
    per extra topic over the current choice, so the bound on k is not what decides.
    """
    if candidates == [1]:
        return 1, {}
    rng = np.random.default_rng(seed)
    sample = vectors
    if len(vectors) > SELECTION_SAMPLE:
        sample = vectors[np.sort(rng.choice(len(vectors), SELECTION_SAMPLE, replace=False))]
    scores: dict[int, float] = {}
    for k in candidates:
        labels = _kmeans(k, seed).fit_predict(sample)
        if len(set(labels.tolist())) < 2:
            scores[k] = -1.0
            continue
        size = min(SILHOUETTE_SAMPLE, len(sample))
        scores[k] = round(float(silhouette_score(sample, labels, sample_size=size, random_state=seed)), 4)
    best = candidates[0]
    for k in candidates[1:]:
        if scores[k] - scores[best] >= SILHOUETTE_GAIN_PER_TOPIC * (k - best):
            best = k
    return best, scores


def cluster(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    return spherical_kmeans(vectors, k, seed)


def describe(
    vocabulary: Vocabulary, assignment: np.ndarray, weights: np.ndarray, k: int
) -> list[tuple[list[str], list[str]]]:
    """Each topic's distinctive lemmas and phrases, by class-based TF-IDF (terms frequent here, rare elsewhere)."""
    membership = sparse.csr_matrix(
        (weights.astype(np.float64), (assignment, np.arange(len(assignment)))), shape=(k, len(assignment))
    )
    per_topic = np.asarray((membership @ vocabulary.counts).todense())
    totals = per_topic.sum(axis=1, keepdims=True)
    tf = per_topic / np.maximum(totals, 1.0)
    average_words = max(float(totals.mean()), 1.0)
    idf = np.log1p(average_words / np.maximum(per_topic.sum(axis=0), 1.0))
    scores = tf * idf
    is_phrase = np.char.find(vocabulary.terms.astype(str), " ") >= 0
    described = []
    for topic in range(k):
        order = np.argsort(-scores[topic], kind="stable")
        present = order[per_topic[topic, order] > 0]
        terms = [str(vocabulary.terms[i]) for i in present if not is_phrase[i]][:TERMS_PER_TOPIC]
        phrases = [str(vocabulary.terms[i]) for i in present if is_phrase[i] and per_topic[topic, i] >= 2]
        described.append((terms, phrases[:PHRASES_PER_TOPIC]))
    return described


def representatives(vectors: np.ndarray, members: np.ndarray, count: int = REPRESENTATIVES_PER_TOPIC) -> list[int]:
    """Members close to the topic's centre and different from each other (maximal marginal relevance)."""
    if len(members) == 0:
        return []
    block = vectors[members]
    centre = block.mean(axis=0)
    norm = np.linalg.norm(centre)
    relevance = block @ (centre / norm) if norm > 0 else np.zeros(len(members))
    pool = np.argsort(-relevance, kind="stable")[:MMR_POOL]
    chosen: list[int] = []
    while pool.size and len(chosen) < count:
        if chosen:
            redundancy = (block[pool] @ block[chosen].T).max(axis=1)
        else:
            redundancy = np.zeros(len(pool))
        score = MMR_LAMBDA * relevance[pool] - (1 - MMR_LAMBDA) * redundancy
        best = int(np.argmax(score))
        chosen.append(int(pool[best]))
        pool = np.delete(pool, best)
    return [int(members[i]) for i in chosen]
