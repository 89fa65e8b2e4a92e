"""The pure synthesis engine (no Django): French texts in, topics, representatives and duplicates out."""

from mediane.synthesis.engine.backends import backend_names, register_backend
from mediane.synthesis.engine.documents import (
    ClosedAnswer,
    Document,
    ProgressCallback,
    SynthesisInputError,
    SynthesisResult,
    Topic,
)
from mediane.synthesis.engine.pipeline import synthesise

__all__ = [
    "ClosedAnswer",
    "Document",
    "ProgressCallback",
    "SynthesisInputError",
    "SynthesisResult",
    "Topic",
    "backend_names",
    "register_backend",
    "synthesise",
]
