"""The engine's data in and out: documents, topics, the result, and the French error it raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ProgressCallback = Callable[[str, float], None]


class SynthesisInputError(ValueError):
    """Input the engine or a reader cannot use; the message is French and says what to fix."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"Ligne {line} : {message}" if line is not None else message)


# Slots: a national consultation holds millions of documents, and each saves its attribute dictionary.
@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    label: str | None = None


@dataclass(frozen=True)
class Topic:
    label: str
    terms: list[str]
    phrases: list[str]
    size: int
    member_ids: list[str]
    # Ids of central and mutually different contributions, most central first.
    representatives: list[str]
    # One sentence taken from a representative contribution, the one that says the topic best ("" when none).
    sentence: str = ""
    # The id of the contribution the sentence is taken from ("" when there is no sentence): a page shows the
    # sentence only while that contribution is public.
    sentence_id: str = ""


@dataclass(frozen=True)
class ClosedAnswer:
    """Short closed answers of one kind (« Oui », « Non », « Je ne sais pas »…): counted, not clustered."""

    label: str
    member_ids: list[str]

    @property
    def size(self) -> int:
        return len(self.member_ids)


@dataclass
class SynthesisResult:
    topics: list[Topic]
    # Groups of ids whose texts are the same or nearly the same; each group has at least two ids.
    duplicates: list[list[str]]
    # Truly empty answers (« RAS », « néant », « . »…), set aside: their count and a few examples are shown.
    non_informative_ids: list[str]
    figures: dict[str, Any] = field(default_factory=dict)
    # Closed answers by kind, largest first: a distribution, not a topic.
    closed_answers: list[ClosedAnswer] = field(default_factory=list)
    # « Autres contributions »: informative texts that fit no topic well, rather than forced into one.
    other_ids: list[str] = field(default_factory=list)
