"""Near-duplicate detection: MinHash signatures of word shingles, banded (LSH) so it stays linear in the corpus."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

NUM_PERMUTATIONS = 32
BAND_ROWS = 4
# Estimated Jaccard similarity of the shingle sets above which two texts count as the same text.
THRESHOLD = 0.75
_PRIME = (1 << 31) - 1
# Texts longer than this are compared on their beginning only: a 1 MB text must not cost seconds here.
MAX_WORDS = 400


def _shingles(folded: str) -> np.ndarray:
    words = folded.split()[:MAX_WORDS]
    grams = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] or words
    # crc32, not hash(): Python's string hash changes between processes and runs must be reproducible.
    return np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.int64, count=len(grams))


def _signatures(keys: Sequence[str], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, _PRIME, size=NUM_PERMUTATIONS, dtype=np.int64)
    b = rng.integers(0, _PRIME, size=NUM_PERMUTATIONS, dtype=np.int64)
    shingles = [_shingles(key) for key in keys]
    lengths = np.array([len(s) for s in shingles], dtype=np.int64)
    flat = np.concatenate(shingles) if shingles else np.zeros(0, dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    signatures = np.full((len(keys), NUM_PERMUTATIONS), _PRIME, dtype=np.int64)
    nonempty = lengths > 0
    for p in range(NUM_PERMUTATIONS):
        hashed = (a[p] * (flat % _PRIME) + b[p]) % _PRIME
        if len(hashed):
            signatures[nonempty, p] = np.minimum.reduceat(hashed, starts[nonempty])
    return signatures


def near_duplicate_groups(keys: Sequence[str], seed: int = 0) -> list[list[int]]:
    """Groups (indices into `keys`, each of at least two) of folded texts that are nearly the same.

    `keys` are expected distinct (exact duplicates are grouped before). Each LSH bucket links its members to its
    first member when their signatures agree enough, so the cost stays linear even for crowded buckets.
    """
    n = len(keys)
    if n < 2:
        return []
    signatures = _signatures(keys, seed)
    parent = np.arange(n)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    for start in range(0, NUM_PERMUTATIONS, BAND_ROWS):
        band = np.ascontiguousarray(signatures[:, start : start + BAND_ROWS])
        _, inverse, counts = np.unique(band, axis=0, return_inverse=True, return_counts=True)
        inverse = inverse.reshape(-1)
        crowded = np.flatnonzero(counts[inverse] > 1)
        if not len(crowded):
            continue
        order = crowded[np.argsort(inverse[crowded], kind="stable")]
        buckets = inverse[order]
        starts = np.concatenate(([True], buckets[1:] != buckets[:-1]))
        head_of = dict(zip(buckets[starts].tolist(), order[starts].tolist(), strict=True))
        for member in order.tolist():
            head = head_of[int(inverse[member])]
            if head == member:
                continue
            agreement = float(np.mean(signatures[member] == signatures[head]))
            if agreement >= THRESHOLD:
                root_a, root_b = find(member), find(head)
                if root_a != root_b:
                    parent[max(root_a, root_b)] = min(root_a, root_b)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]
