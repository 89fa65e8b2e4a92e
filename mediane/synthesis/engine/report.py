"""Rendering a synthesis result for people and programs: the documented JSON shape and a French Markdown report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mediane.french import count_phrase
from mediane.synthesis.engine.documents import Document, SynthesisResult

EXCERPT_LENGTH = 280
QUOTES_IN_MARKDOWN = 2


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    return flat[: length - 1].rsplit(" ", 1)[0] + "…"


def to_json(result: SynthesisResult, documents: Sequence[Document]) -> dict[str, Any]:
    """`{"topics": [...], "duplicates": [[ids…]], "figures": {...}, "non_informative": [ids…]}` (see README)."""
    text_of = {doc.id: doc.text for doc in documents}
    return {
        "topics": [
            {
                "label": topic.label,
                "terms": topic.terms,
                "size": topic.size,
                "member_ids": topic.member_ids,
                "representatives": [{"id": rid, "text": excerpt(text_of[rid])} for rid in topic.representatives],
            }
            for topic in result.topics
        ],
        "duplicates": result.duplicates,
        "figures": {**result.figures, "topic_phrases": [topic.phrases for topic in result.topics]},
        "non_informative": result.non_informative_ids,
    }


def to_markdown(result: SynthesisResult, documents: Sequence[Document]) -> str:
    """A readable French report: figures, then each topic with its terms and two quotes."""
    text_of = {doc.id: doc.text for doc in documents}
    figures = result.figures
    lines = [
        "# Synthèse des contributions",
        "",
        f"- {count_phrase(figures['documents'], 'contribution lue', 'contributions lues')}, "
        f"dont {count_phrase(figures['non_informative'], 'non informative', 'non informatives')} "
        "(« RAS », « néant », réponse vide…), mises à part.",
        f"- {count_phrase(len(result.topics), 'sujet retenu', 'sujets retenus')} "
        f"(entre {figures['k_bounds'][0]} et {figures['k_bounds'][1]} essayés, méthode : {figures['k_selection']}).",
        f"- {count_phrase(len(result.duplicates), 'groupe', 'groupes')} de contributions identiques ou presque, "
        f"qui réunissent {count_phrase(figures['documents_in_duplicate_groups'], 'contribution', 'contributions')}.",
        f"- Durée du calcul : {figures['timings_seconds']['total']:.1f} s.",
    ]
    evaluation = figures.get("evaluation")
    if evaluation:
        lines.append(
            f"- Accord avec les étiquettes fournies : NMI {evaluation['nmi']:.3f}, ARI {evaluation['ari']:.3f} "
            f"({evaluation['documents']} contributions étiquetées)."
        )
    for warning in figures.get("warnings", []):
        lines.append(f"- **Attention** : {warning}")
    for number, topic in enumerate(result.topics, start=1):
        share = topic.size / max(figures["documents"], 1)
        lines += [
            "",
            f"## {number}. {topic.label}",
            "",
            f"{count_phrase(topic.size, 'contribution', 'contributions')} ({share:.0%} du total).",
            "",
            f"Mots distinctifs : {', '.join(topic.terms) or '—'}.",
        ]
        if topic.phrases:
            lines.append(f"Expressions fréquentes : {', '.join(f'« {p} »' for p in topic.phrases)}.")
        lines.append("")
        for rid in topic.representatives[:QUOTES_IN_MARKDOWN]:
            lines.append(f"> {excerpt(text_of[rid])} — contribution {rid}")
            lines.append("")
    if result.non_informative_ids:
        lines += [
            "",
            "## Contributions non informatives",
            "",
            count_phrase(len(result.non_informative_ids), "contribution", "contributions") + ".",
        ]
    return "\n".join(lines).rstrip() + "\n"
