"""Topics: TF-IDF on lemmas, the choice of the number of topics, clustering, labels and representatives."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

# Texts used to choose the number of topics, and to score each choice: enough for a stable choice, fast at 143k.
SELECTION_SAMPLE = 20_000
SILHOUETTE_SAMPLE = 3_000
MAX_CANDIDATES = 10
# Distinct texts a topic should gather at least: it caps the number of topics of a small corpus.
MIN_TEXTS_PER_TOPIC = 3
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
# Rows multiplied by the centres at once when assigning texts to topics.
ASSIGN_CHUNK = 262_144
# Terms kept for topics: in at least 2 texts (1 for a tiny corpus), at most half of them, 200,000 at most.
MAX_DOCUMENT_SHARE = 0.5
MAX_FEATURES = 200_000


@dataclass
class Vocabulary:
    counts: sparse.csr_matrix
    tfidf: sparse.csr_matrix
    terms: np.ndarray


@dataclass
class LemmaRows:
    """The content lemmas of each text as ids into `lemmas`, flat: row r is `ids[indptr[r]:indptr[r + 1]]`."""

    ids: np.ndarray
    indptr: np.ndarray
    lemmas: list[str]

    def __len__(self) -> int:
        return len(self.indptr) - 1


def _term_codes(rows: LemmaRows) -> tuple[np.ndarray, np.ndarray]:
    """Each lemma and each pair of neighbouring lemmas of a row, as one integer code, with its row."""
    size = len(rows.lemmas)
    ids = rows.ids.astype(np.int64)
    lengths = np.diff(rows.indptr)
    row_of = np.repeat(np.arange(len(rows), dtype=np.int32), lengths)
    is_last = np.zeros(len(ids), dtype=bool)
    is_last[rows.indptr[1:][lengths > 0] - 1] = True
    pair = np.flatnonzero(~is_last)
    # A bigram (a, b) is coded size + a * size + b: after the `size` unigram codes, and never two alike.
    codes = np.concatenate([ids, size + ids[pair] * size + ids[pair + 1]])
    return codes, np.concatenate([row_of, row_of[pair]])


def _term_text(code: int, lemmas: list[str]) -> str:
    size = len(lemmas)
    if code < size:
        return lemmas[code]
    first, second = divmod(code - size, size)
    return f"{lemmas[first]} {lemmas[second]}"


def vectorise(rows: LemmaRows) -> Vocabulary | None:
    """Counts and sublinear TF-IDF of lemmas and lemma bigrams; None when no term is left.

    The same terms and weights as scikit-learn's `CountVectorizer(ngram_range=(1, 2), min_df, max_df,
    max_features)` then `TfidfTransformer(sublinear_tf=True)`, computed on integer codes rather than strings, so
    that 1.9 million texts fit in a few seconds and a few hundred megabytes. Columns are in alphabetical order.
    """
    n = len(rows)
    codes, row_of = _term_codes(rows)
    if not len(codes):
        return None
    unique_codes, column = np.unique(codes, return_inverse=True)
    del codes
    every = sparse.csr_matrix(
        (np.ones(len(column), dtype=np.float32), (row_of, column.reshape(-1))), shape=(n, len(unique_codes))
    )
    del column, row_of
    every.sum_duplicates()
    document_frequency = np.bincount(every.indices, minlength=len(unique_codes))
    max_documents = MAX_DOCUMENT_SHARE * n if n >= 20 else n
    for min_documents in dict.fromkeys((2 if n >= 20 else 1, 1)):
        kept = np.flatnonzero((document_frequency >= min_documents) & (document_frequency <= max_documents))
        if len(kept):
            break
    else:
        return None
    if len(kept) > MAX_FEATURES:
        frequency = np.asarray(every.sum(axis=0)).reshape(-1)[kept]
        kept = np.sort(kept[np.argsort(-frequency, kind="stable")[:MAX_FEATURES]])
    terms = np.array([_term_text(int(code), rows.lemmas) for code in unique_codes[kept]], dtype=object)
    alphabetical = np.argsort(terms.astype(str), kind="stable")
    terms, kept = terms[alphabetical], kept[alphabetical]
    new_column = np.full(len(unique_codes), -1, dtype=np.int64)
    new_column[kept] = np.arange(len(kept))
    mapped = new_column[every.indices]
    present = mapped >= 0
    kept_before = np.concatenate(([0], np.cumsum(present)))
    counts = sparse.csr_matrix((every.data[present], mapped[present], kept_before[every.indptr]), shape=(n, len(kept)))
    del every, mapped, present
    counts.sort_indices()
    tfidf = counts.copy()
    np.log(tfidf.data, out=tfidf.data)
    tfidf.data += 1.0
    frequency_kept = document_frequency[kept].astype(np.float64)
    inverse_frequency = (np.log((1.0 + n) / (1.0 + frequency_kept)) + 1.0).astype(np.float32)
    tfidf.data *= inverse_frequency[tfidf.indices]
    return Vocabulary(counts=counts, tfidf=normalize(tfidf, copy=False), terms=terms.astype(str))


def _kmeans(k: int, seed: int) -> MiniBatchKMeans:
    return MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=KMEANS_RESTARTS, batch_size=2048, max_iter=100)


def _nearest(vectors: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Index of the closest centre (largest dot product) of each vector, a block of rows at a time."""
    centres_t = np.ascontiguousarray(centres.T, dtype=vectors.dtype)
    nearest = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), ASSIGN_CHUNK):
        nearest[start : start + ASSIGN_CHUNK] = np.argmax(vectors[start : start + ASSIGN_CHUNK] @ centres_t, axis=1)
    return nearest


def _sample(vectors: np.ndarray, seed: int) -> np.ndarray:
    """At most `SELECTION_SAMPLE` rows of `vectors`, drawn with `seed`, in their order."""
    if len(vectors) <= SELECTION_SAMPLE:
        return vectors
    rng = np.random.default_rng(seed)
    return vectors[np.sort(rng.choice(len(vectors), SELECTION_SAMPLE, replace=False))]


def spherical_kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Cluster unit vectors by cosine: mini-batch k-means on a sample, then spherical passes on every text.

    Mini-batch k-means alone on the whole corpus depended on the seed (its ARI on the Grand Débat moved between
    0.04 and 0.10); full passes with unit-length centres settle it, as fast.
    """
    if k <= 1:
        return np.zeros(len(vectors), dtype=np.int64)
    centres = normalize(_kmeans(k, seed).fit(_sample(vectors, seed)).cluster_centers_)
    assignment = _nearest(vectors, centres)
    ones = np.ones(len(assignment), dtype=vectors.dtype)
    columns = np.arange(len(assignment))
    for _ in range(SPHERICAL_PASSES):
        membership = sparse.csr_matrix((ones, (assignment, columns)), shape=(k, len(assignment)))
        sums = np.asarray(membership @ vectors, dtype=np.float64)
        # A centre that lost every member keeps its place rather than vanishing.
        empty = ~sums.any(axis=1)
        sums[empty] = centres[empty]
        centres = normalize(sums)
        updated = _nearest(vectors, centres)
        if np.array_equal(updated, assignment):
            break
        assignment = updated
    return assignment


def candidate_counts(n: int, min_topics: int, max_topics: int) -> list[int]:
    """The numbers of topics worth trying for `n` distinct texts: a topic should gather at least
    `MIN_TEXTS_PER_TOPIC` of them, so a small corpus may get fewer than `min_topics` (`synthesise` says so)."""
    upper = min(max_topics, n // MIN_TEXTS_PER_TOPIC)
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
    sample = _sample(vectors, seed)
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
