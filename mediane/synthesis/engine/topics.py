"""Topics: TF-IDF on lemmas, the number of topics, clustering, texts that fit no topic, and representatives."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform
from sklearn.cluster import MiniBatchKMeans
from sklearn.preprocessing import normalize

# Texts the first centres are fitted on: enough for stable centres, fast at 1.9 million texts.
SELECTION_SAMPLE = 20_000
# Distinct texts a topic should gather at least: it caps the number of topics of a small corpus.
MIN_TEXTS_PER_TOPIC = 3
# The number of topics is found in two steps, measured on Grand Débat samples of 200 to 143,719 answers and on a set
# of 6 questions in uneven shares (docs/benchmarks.md). First a fine partition, about one topic per this many
# distinct texts (up to the maximum); then topics whose centres are closer than `MERGE_SIMILARITY` (cosine, average
# linkage) are merged. The silhouette, used before, rose with k on these texts as much as on the same words shuffled
# between texts, so it could not tell a real topic from a split one; HDBSCAN left 30 to 80 % of the texts as noise.
TEXTS_PER_FINE_TOPIC = 6
MERGE_SIMILARITY = 0.2
# A text whose cosine to its topic's centre is below this fits no topic: it goes to « Autres contributions ». On the
# same samples, 2 to 7 % of the texts, and the agreement with the questions stays or rises a little.
OTHER_SIMILARITY = 0.15
KMEANS_RESTARTS = 3
SPHERICAL_PASSES = 30
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
    """Each lemma and each pair of neighbouring lemmas of a row (never across a clause break), as one integer
    code, with its row."""
    size = len(rows.lemmas)
    ids = rows.ids.astype(np.int64)
    lengths = np.diff(rows.indptr)
    row_of = np.repeat(np.arange(len(rows), dtype=np.int32), lengths)
    is_last = np.zeros(len(ids), dtype=bool)
    is_last[rows.indptr[1:][lengths > 0] - 1] = True
    word = ids >= 0
    pair = np.flatnonzero(~is_last)
    pair = pair[word[pair] & word[pair + 1]]
    # A bigram (a, b) is coded size + a * size + b: after the `size` unigram codes, and never two alike.
    codes = np.concatenate([ids[word], size + ids[pair] * size + ids[pair + 1]])
    return codes, np.concatenate([row_of[word], row_of[pair]])


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
    tfidf = counts
    np.log(tfidf.data, out=tfidf.data)
    tfidf.data += 1.0
    frequency_kept = document_frequency[kept].astype(np.float64)
    inverse_frequency = (np.log((1.0 + n) / (1.0 + frequency_kept)) + 1.0).astype(np.float32)
    tfidf.data *= inverse_frequency[tfidf.indices]
    return Vocabulary(tfidf=normalize(tfidf, copy=False), terms=terms.astype(str))


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


def fine_topic_count(n: int, min_topics: int, max_topics: int) -> int:
    """How many topics the first, fine partition of `n` distinct texts has: about one per
    `TEXTS_PER_FINE_TOPIC` texts, within the bounds, and never fewer than `MIN_TEXTS_PER_TOPIC` texts a topic (so a
    small corpus may get fewer than `min_topics`, and `synthesise` says so)."""
    upper = min(max_topics, n // MIN_TEXTS_PER_TOPIC)
    if upper < 2:
        return 1
    return max(min(min_topics, upper), min(upper, round(n / TEXTS_PER_FINE_TOPIC)))


def centres(vectors: np.ndarray, assignment: np.ndarray, k: int) -> np.ndarray:
    """The unit-length mean vector of each topic (a zero row for a topic without members)."""
    membership = sparse.csr_matrix(
        (np.ones(len(assignment), dtype=vectors.dtype), (assignment, np.arange(len(assignment)))),
        shape=(k, len(assignment)),
    )
    return normalize(np.asarray(membership @ vectors, dtype=np.float64))


def merge_close_topics(vectors: np.ndarray, assignment: np.ndarray, k: int, min_topics: int) -> tuple[np.ndarray, int]:
    """Topics of the fine partition whose centres are close merged, by average linkage on their cosine: the
    number of topics comes from the texts, not from a bound. Never below `min_topics` (nor below 1).

    Topics are numbered by their first member, so that the same partition always gets the same numbers.
    """
    if k <= max(min_topics, 1):
        return assignment, k
    centre = centres(vectors, assignment, k)
    distance = np.clip(1.0 - centre @ centre.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = hierarchy.linkage(squareform(distance, checks=False), method="average")
    merged = hierarchy.fcluster(tree, t=1.0 - MERGE_SIMILARITY, criterion="distance")
    if merged.max() < min_topics:
        merged = hierarchy.fcluster(tree, t=min_topics, criterion="maxclust")
    per_text = merged[assignment]
    _, first = np.unique(per_text, return_index=True)
    renumber = np.empty(merged.max() + 1, dtype=np.int64)
    renumber[per_text[np.sort(first)]] = np.arange(len(first))
    return renumber[per_text], len(first)


def outliers(vectors: np.ndarray, assignment: np.ndarray, k: int) -> np.ndarray:
    """Whether each text is further than `OTHER_SIMILARITY` from its topic's centre (never with a single topic)."""
    if k < 2:
        return np.zeros(len(assignment), dtype=bool)
    centre = centres(vectors, assignment, k)
    similarity = np.einsum("ij,ij->i", vectors, centre[assignment].astype(vectors.dtype))
    return similarity < OTHER_SIMILARITY


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
