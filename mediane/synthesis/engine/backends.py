"""Vector backends: how prepared texts become the dense, unit-length vectors that topics are clustered on.

The default `tfidf` backend needs no model. Another backend (a semantic one, for instance) registers itself with
`register_backend` and is then chosen by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

from mediane.synthesis.engine.documents import SynthesisInputError

SVD_DIMENSIONS = 100


class Backend(Protocol):
    def __call__(self, texts: Sequence[str], tfidf: sparse.csr_matrix, *, seed: int) -> np.ndarray:
        """Unit-length vectors, one row per text; `tfidf` holds the lemma TF-IDF rows of the same texts."""
        ...


def tfidf_backend(texts: Sequence[str], tfidf: sparse.csr_matrix, *, seed: int) -> np.ndarray:
    """Latent semantic analysis: TF-IDF reduced by truncated SVD, so synonyms used together end up close."""
    rows, columns = tfidf.shape
    dimensions = min(SVD_DIMENSIONS, columns - 1, rows - 1)
    if dimensions < 2:
        dense = np.asarray(tfidf.todense(), dtype=np.float64)
    else:
        svd = TruncatedSVD(n_components=dimensions, random_state=seed, algorithm="randomized", n_iter=5)
        dense = svd.fit_transform(tfidf)
    return normalize(dense)


_BACKENDS: dict[str, Backend] = {"tfidf": tfidf_backend}


def register_backend(name: str, backend: Backend) -> None:
    _BACKENDS[name] = backend


def get_backend(name: str) -> Backend:
    try:
        return _BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(_BACKENDS))
        raise SynthesisInputError(f"Méthode de synthèse « {name} » inconnue. Méthodes disponibles : {known}.") from None


def backend_names() -> list[str]:
    return sorted(_BACKENDS)
