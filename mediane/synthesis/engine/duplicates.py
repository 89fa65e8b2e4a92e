"""Near-duplicate detection: MinHash signatures of word shingles, banded (LSH) so it stays linear in the corpus.

Everything after reading the words is numpy: 1.9 million texts take seconds, not a Python loop per pair.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

NUM_PERMUTATIONS = 32
BAND_ROWS = 4
# Estimated Jaccard similarity of the shingle sets above which two texts count as the same text.
THRESHOLD = 0.75
# Texts longer than this are compared on their beginning only: a 1 MB text must not cost seconds here.
MAX_WORDS = 400
# Shingles hashed at once (times NUM_PERMUTATIONS 8-byte values): bounds the memory of the signature step.
SHINGLE_CHUNK = 262_144
# Candidate pairs compared at once.
PAIR_CHUNK = 500_000
# The signature of a key without words.
EMPTY = 0xFFFFFFFF
_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)


class _WordHashes(dict[str, int]):
    # crc32, not hash(): Python's string hash changes between processes and runs must be reproducible.
    def __missing__(self, word: str) -> int:
        value = zlib.crc32(word.encode())
        self[word] = value
        return value


def _shingles(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Word-bigram shingles of every key (its word for a one-word key), flat in key order, and their count by key."""
    hashes = _WordHashes()
    words: list[int] = []
    lengths: list[int] = []
    for key in keys:
        found = key.split(None, MAX_WORDS)[:MAX_WORDS]
        words.extend(map(hashes.__getitem__, found))
        lengths.append(len(found))
    word_hashes = np.array(words, dtype=np.uint64)
    word_counts = np.array(lengths, dtype=np.int64)
    del words
    ends = np.cumsum(word_counts)
    is_last = np.zeros(len(word_hashes), dtype=bool)
    is_last[ends[word_counts > 0] - 1] = True
    following = np.zeros_like(word_hashes)
    following[:-1] = word_hashes[1:]
    # A bigram starts at every word but the last of its key; a one-word key keeps its word.
    values = np.where(is_last, word_hashes, (word_hashes << np.uint64(32)) | following)
    keep = ~is_last
    keep[ends[word_counts == 1] - 1] = True
    return values[keep], np.maximum(word_counts - 1, 0) + (word_counts == 1)


def signatures(keys: Sequence[str], seed: int) -> np.ndarray:
    """MinHash signature of each key: `NUM_PERMUTATIONS` 32-bit minima of multiply-shift hashes of its shingles."""
    rng = np.random.default_rng(seed)
    multipliers = rng.integers(1, 2**63, size=NUM_PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    offsets = rng.integers(0, 2**63, size=NUM_PERMUTATIONS, dtype=np.uint64)
    values, counts = _shingles(keys)
    result = np.full((len(keys), NUM_PERMUTATIONS), EMPTY, dtype=np.uint32)
    nonempty = np.flatnonzero(counts)
    starts = (np.cumsum(counts) - counts)[nonempty]
    ends = starts + counts[nonempty]
    # Whole keys per chunk, so that each key's minimum is taken in one piece.
    position = 0
    while position < len(nonempty):
        first = starts[position]
        stop = max(int(np.searchsorted(ends, first + SHINGLE_CHUNK, side="right")), position + 1)
        # One row per permutation: reducing along rows is several times faster than along columns.
        block = multipliers[:, None] * values[None, first : ends[stop - 1]] + offsets[:, None]
        block >>= np.uint64(32)
        minima = np.minimum.reduceat(block, starts[position:stop] - first, axis=1)
        result[nonempty[position:stop]] = minima.T.astype(np.uint32)
        position = stop
    return result


def _band_keys(band: np.ndarray) -> np.ndarray:
    key = np.zeros(len(band), dtype=np.uint64)
    for column in range(band.shape[1]):
        key = key * _BAND_MIX + band[:, column].astype(np.uint64)
    return key


def near_duplicate_roots(keys: Sequence[str], seed: int = 0) -> np.ndarray:
    """For each key, the smallest index of the keys that are nearly the same as it (itself when it has none).

    `keys` are expected distinct (exact duplicates are grouped before). Within each LSH bucket, every member is
    compared with the bucket's first member and linked to it when their signatures agree enough, so the cost stays
    linear even for crowded buckets; linked keys then form groups (connected components).
    """
    n = len(keys)
    if n < 2:
        return np.arange(n, dtype=np.int64)
    signature = signatures(keys, seed)
    has_words = (signature != EMPTY).any(axis=1)
    sources: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    for start in range(0, NUM_PERMUTATIONS, BAND_ROWS):
        bucket = _band_keys(signature[:, start : start + BAND_ROWS])
        order = np.argsort(bucket, kind="stable")
        ordered = bucket[order]
        new_run = np.concatenate(([True], ordered[1:] != ordered[:-1]))
        head = order[np.flatnonzero(new_run)[np.cumsum(new_run) - 1]]
        members = np.flatnonzero((head != order) & has_words[order])
        for chunk in range(0, len(members), PAIR_CHUNK):
            picked = members[chunk : chunk + PAIR_CHUNK]
            a, b = order[picked], head[picked]
            agreement = (signature[a] == signature[b]).mean(axis=1)
            keep = agreement >= THRESHOLD
            sources.append(a[keep])
            targets.append(b[keep])
    if not sources or not sum(len(s) for s in sources):
        return np.arange(n, dtype=np.int64)
    row, column = np.concatenate(sources), np.concatenate(targets)
    graph = sparse.coo_matrix((np.ones(len(row), dtype=np.int8), (row, column)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    smallest = np.full(component.max() + 1, n, dtype=np.int64)
    np.minimum.at(smallest, component, np.arange(n, dtype=np.int64))
    return smallest[component]
