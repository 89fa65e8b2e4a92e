"""The pieces of `make bench-synthesis`: the sets drawn from the Grand Débat answers, the baseline it is compared
with, and how a clustering is scored against the questions.

Kept apart from the runner (`bench/synthesis_quality.py`) so that tests can check each piece on a tiny CSV.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mediane import numbers

# The seed of the draws: a set is the same for every method and every method seed, so the spread over seeds is the
# methods' own.
SAMPLE_SEED = 0
MIXED_SIZE = 3_000
# Uneven shares of the questions in the « mixed » set, largest first: a few large ideas and some small ones.
MIXED_SHARES = (0.40, 0.25, 0.15, 0.10, 0.06, 0.04)
SILHOUETTE_SAMPLE = 5_000
# Above this many texts, k is chosen on a random sample of this size, then k-means runs on all: without it the grid
# alone takes several minutes per seed on the whole file, as the engine also chooses its k on a sample.
CHOICE_SAMPLE = 20_000
KMEANS_INIT = 3
SVD_DIMENSIONS = 100
# Every k up to 20, then steps of 5: the whole bench stays within about 15 minutes on 2 cores.
K_GRID = (*range(2, 21), 25, 30, 35, 40)


@dataclass
class AnswerSet:
    """Answers scored together: `texts[i]` replies to the question `labels[i]`."""

    name: str
    texts: list[str]
    labels: list[str]
    # For the mixed set, how many answers each question gives, largest first.
    questions: list[tuple[str, int]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.texts)

    @property
    def true_k(self) -> int:
        return len(set(self.labels))


def _random_set(name: str, rows: list[tuple[str, str, str]], size: int) -> AnswerSet:
    chosen = sorted(random.Random(SAMPLE_SEED).sample(range(len(rows)), size))
    return AnswerSet(name, [rows[i][2] for i in chosen], [rows[i][0] for i in chosen])


def mixed_set(rows: list[tuple[str, str, str]], size: int = MIXED_SIZE) -> AnswerSet:
    """`size` answers from len(MIXED_SHARES) questions drawn at random, in the shares MIXED_SHARES.

    A file with fewer questions uses the first shares, scaled up to 1; a question with too few answers gives them all.
    """
    by_question: dict[str, list[int]] = {}
    for index, (question_id, _, _) in enumerate(rows):
        by_question.setdefault(question_id, []).append(index)
    draw = random.Random(SAMPLE_SEED)
    questions = draw.sample(sorted(by_question), min(len(MIXED_SHARES), len(by_question)))
    shares = MIXED_SHARES[: len(questions)]
    chosen: list[int] = []
    counts: list[tuple[str, int]] = []
    for question, share in zip(questions, shares, strict=True):
        wanted = min(round(size * share / sum(shares)), len(by_question[question]))
        chosen.extend(draw.sample(by_question[question], wanted))
        counts.append((question, wanted))
    chosen.sort()
    return AnswerSet(
        f"mixed ({len(questions)} questions, {len(chosen):,})",
        [rows[i][2] for i in chosen],
        [rows[i][0] for i in chosen],
        questions=counts,
    )


def draw_sets(rows: list[tuple[str, str, str]], sizes: list[int], mixed: bool) -> list[AnswerSet]:
    """One random set per size (a size at or above the file's is the whole file, once), then the mixed set."""
    sets: list[AnswerSet] = []
    whole = False
    for size in sorted(set(sizes)):
        if size >= len(rows):
            if not whole:
                sets.append(AnswerSet(f"{len(rows):,} (all)", [r[2] for r in rows], [r[0] for r in rows]))
            whole = True
        elif size > 0:
            sets.append(_random_set(f"{size:,}", rows, size))
    if mixed:
        sets.append(mixed_set(rows))
    return sets


def parse_sizes(value: str) -> tuple[list[int], bool]:
    """`--sizes 200,1000,mixed` → ([200, 1000], True); « all » is the whole file."""
    sizes: list[int] = []
    mixed = False
    for part in value.replace("_", "").split(","):
        part = part.strip().lower()
        if part == "mixed":
            mixed = True
        elif part == "all":
            sizes.append(10**12)
        elif numbers.is_ascii_number(part) and int(part) > 0:
            sizes.append(int(part))
        elif part:
            raise ValueError(
                f"taille inconnue : {part[:40]!r} (des nombres, « all » ou « mixed », séparés par des virgules)"
            )
    return sizes, mixed


def engine_clusters(result: Any, ids: list[str]) -> tuple[list[str], dict[str, int]]:
    """The cluster of every answer in the engine's `result`, and how many answers each kind of cluster holds.

    A topic is a cluster; the truly empty answers are one; each kind of closed answer is one; « Autres
    contributions » is one. An answer in none of them (which the engine should never leave) is counted as
    `unassigned` and scored in one more cluster, so that no answer escapes scoring.
    """
    cluster_of: dict[str, str] = {}
    for index, topic in enumerate(result.topics):
        cluster_of.update(dict.fromkeys(topic.member_ids, f"topic {index}"))
    cluster_of.update(dict.fromkeys(result.non_informative_ids, "empty"))
    for answer in result.closed_answers:
        cluster_of.update(dict.fromkeys(answer.member_ids, f"closed {answer.label}"))
    cluster_of.update(dict.fromkeys(result.other_ids, "other"))
    clusters = [cluster_of.get(doc_id, "unassigned") for doc_id in ids]
    kinds = Counter(cluster.split(" ", 1)[0] for cluster in clusters)
    return clusters, {kind: kinds.get(kind, 0) for kind in ("topic", "empty", "closed", "other", "unassigned")}


def scores(truth: list[str], predicted: list[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return {
        "nmi": float(normalized_mutual_info_score(truth, predicted)),
        "ari": float(adjusted_rand_score(truth, predicted)),
    }


def baseline_vectors(texts: list[str], seed: int) -> tuple[np.ndarray, dict[str, Any]]:
    """Sublinear TF-IDF (max_df 0.5, min_df 5, or 2 under 5,000 texts, or 1 if that leaves no term) → TruncatedSVD
    (100 dimensions, fewer for a tiny vocabulary) → unit length; a text without any kept term stays a zero vector."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    tfidf = None
    first_min_df = 5 if len(texts) >= 5_000 else 2
    # A tiny set may keep no term at 0.5: only then is max_df lifted too.
    for min_df, max_df in ((first_min_df, 0.5), (1, 0.5), (1, 1.0)):
        try:
            tfidf = TfidfVectorizer(sublinear_tf=True, max_df=max_df, min_df=min_df).fit_transform(texts)
            break
        except ValueError:
            continue
    if tfidf is None:
        return np.zeros((len(texts), 1), dtype=np.float32), {"min_df": None, "terms": 0, "dimensions": 0}
    terms = tfidf.shape[1]
    dimensions = min(SVD_DIMENSIONS, terms - 1, len(texts) - 1)
    if dimensions >= 1:
        vectors = TruncatedSVD(n_components=dimensions, random_state=seed).fit_transform(tfidf)
    else:
        vectors, dimensions = tfidf.toarray(), terms
    return normalize(vectors).astype(np.float32), {
        "min_df": min_df,
        "max_df": max_df,
        "terms": terms,
        "dimensions": dimensions,
    }


def distinct_rows(vectors: np.ndarray) -> int:
    return len(np.unique(vectors, axis=0))


def kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=KMEANS_INIT, random_state=seed).fit_predict(vectors)


def k_grid(vectors: np.ndarray) -> list[int]:
    """K_GRID, without the k that would leave a cluster empty (more clusters than distinct vectors)."""
    return [k for k in K_GRID if k <= distinct_rows(vectors)]


def baseline_by_silhouette(vectors: np.ndarray, seed: int) -> tuple[np.ndarray, int, dict[int, float]]:
    """The labels and k of the best cosine silhouette over the grid, and the silhouette of each k.

    For each k, k-means on at most CHOICE_SAMPLE texts, its silhouette on at most SILHOUETTE_SAMPLE of them (the
    same ones for every k); with more texts than CHOICE_SAMPLE, k-means then runs again on all with the chosen k.
    """
    from sklearn.metrics import silhouette_score

    rows = len(vectors)
    draw = np.random.default_rng(seed)
    chosen = np.sort(draw.choice(rows, size=CHOICE_SAMPLE, replace=False)) if rows > CHOICE_SAMPLE else None
    fitted = vectors if chosen is None else vectors[chosen]
    grid = k_grid(fitted)
    sample = draw.choice(len(fitted), size=min(len(fitted), SILHOUETTE_SAMPLE), replace=False)
    best: tuple[float, int, np.ndarray] | None = None
    silhouettes: dict[int, float] = {}
    for k in grid:
        labels = kmeans(fitted, k, seed)
        if len(set(labels[sample].tolist())) < 2:
            continue
        silhouettes[k] = float(silhouette_score(fitted[sample], labels[sample], metric="cosine"))
        if best is None or silhouettes[k] > best[0]:
            best = (silhouettes[k], k, labels)
    if best is None:
        return np.zeros(rows, dtype=np.int64), 1, silhouettes
    if chosen is None:
        return best[2], best[1], silhouettes
    return baseline_with_k(vectors, best[1], seed)[0], best[1], silhouettes


def baseline_with_k(vectors: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, int]:
    """K-means with `k` clusters (fewer if there are fewer distinct vectors), and the k used."""
    k = max(1, min(k, distinct_rows(vectors)))
    return kmeans(vectors, k, seed), k
