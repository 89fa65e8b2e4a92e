"""Rendering a synthesis result for people and programs: the documented JSON shape and a French Markdown report.

The Markdown is read by a working group, not by statisticians: figures in plain words first, then the topics, the
short answers as a distribution, the contributions that fit no topic, every campaign of copied texts with its
text, the empty answers set aside with examples, and one closing line on the method in plain words (no score, no
seed: those stay in the JSON's `figures`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from mediane.french import count_phrase, number, plural, share
from mediane.synthesis.engine.documents import Document, SynthesisResult
from mediane.text import md_escape

EXCERPT_LENGTH = 280
QUOTES_IN_MARKDOWN = 2
# A text sent this many times or more is a campaign, shown with its text; smaller groups (pairs) are counted.
CAMPAIGN_SIZE = 3
EMPTY_EXAMPLES = 5
EMPTY_EXAMPLE_LENGTH = 80
# The keys of the JSON report, in order (README, « Synthèse en ligne de commande »), and of each of its topics.
JSON_KEYS = ("topics", "closed_answers", "other", "duplicates", "campaigns", "figures", "non_informative")
TOPIC_KEYS = ("label", "sentence", "sentence_id", "terms", "size", "member_ids", "representatives")
# People's text goes through `mediane.text.md_escape`, as in the working group's dossier: a contribution starting
# with « # » or holding « | » must not turn into a title or a column. A text that opens on « - », « + » or « 1. »
# is a list item in Markdown, even with the rest escaped.
_LIST_START = re.compile(r"^(\d*)([-+.)])(?=\s|$)")


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    return flat[: length - 1].rsplit(" ", 1)[0] + "…"


def _quote(text: str) -> str:
    """A Markdown quote of `text`: escaped, and not read as a list when it opens on « - » or « 1. »."""
    return "> " + _LIST_START.sub(r"\1\\\2", md_escape(text))


def _text_of(documents: Sequence[Document]) -> dict[str, str]:
    return {doc.id: doc.text for doc in documents}


def campaigns(result: SynthesisResult, text_of: dict[str, str]) -> list[dict[str, Any]]:
    """Groups of at least `CAMPAIGN_SIZE` copies, largest first, each with its most frequent text (an excerpt);
    `text_of` maps each document's id to its text."""
    groups = sorted((group for group in result.duplicates if len(group) >= CAMPAIGN_SIZE), key=len, reverse=True)
    return [
        {
            "text": excerpt(Counter(text_of[i].strip() for i in group).most_common(1)[0][0]),
            "size": len(group),
            "member_ids": group,
        }
        for group in groups
    ]


def to_json(result: SynthesisResult, documents: Sequence[Document]) -> dict[str, Any]:
    """The report for programs: the keys `JSON_KEYS` in this order, each topic with `TOPIC_KEYS` (README)."""
    text_of = _text_of(documents)
    topics = [
        {
            "label": topic.label,
            "sentence": topic.sentence,
            "sentence_id": topic.sentence_id,
            "terms": topic.terms,
            "size": topic.size,
            "member_ids": topic.member_ids,
            "representatives": [{"id": rid, "text": excerpt(text_of[rid])} for rid in topic.representatives],
        }
        for topic in result.topics
    ]
    values = (
        topics,
        [
            {"label": answer.label, "size": answer.size, "member_ids": answer.member_ids}
            for answer in result.closed_answers
        ],
        result.other_ids,
        result.duplicates,
        campaigns(result, text_of),
        {**result.figures, "topic_phrases": [topic.phrases for topic in result.topics]},
        result.non_informative_ids,
    )
    return dict(zip(JSON_KEYS, values, strict=True))


def to_markdown(result: SynthesisResult, documents: Sequence[Document]) -> str:
    """A readable French report: figures, topics, short answers, other contributions, campaigns, empty answers."""
    # Built once: at 1.9 million documents, each index of the texts costs seconds and hundreds of megabytes.
    text_of = _text_of(documents)
    groups = campaigns(result, text_of)
    lines = ["# Synthèse des contributions", "", *_figures(result, len(documents), groups)]
    total = result.figures.get("documents", len(documents))
    for position, topic in enumerate(result.topics, start=1):
        lines += [
            "",
            f"## {position}. {md_escape(topic.label)}",
            "",
            f"{count_phrase(topic.size, 'contribution', 'contributions')}, soit {share(topic.size, total)} "
            "de toutes les contributions.",
        ]
        if topic.sentence.strip():
            lines += ["", f"En une phrase : « {md_escape(excerpt(topic.sentence))} »"]
        lines += ["", f"Mots distinctifs : {', '.join(md_escape(term) for term in topic.terms) or '—'}."]
        if topic.phrases:
            lines.append(f"Expressions fréquentes : {', '.join(f'« {md_escape(p)} »' for p in topic.phrases)}.")
        lines += _quotes(topic.representatives, text_of)
    lines += _closed_answers(result)
    if result.other_ids:
        count = len(result.other_ids)
        lines += [
            "",
            "## Autres contributions",
            "",
            f"{count_phrase(count, 'contribution', 'contributions')} "
            f"{plural(count, 'ne se rattache', 'ne se rattachent')} à aucun sujet : "
            f"{plural(count, 'elle est gardée', 'elles sont gardées')} ici plutôt que rangée{plural(count, '', 's')} "
            "de force dans un sujet.",
            *_quotes(result.other_ids, text_of),
        ]
    lines += _campaigns(result, groups)
    lines += _empty_answers(result, text_of)
    seconds = result.figures.get("timings_seconds", {}).get("total")
    lines += [
        "",
        "**Comment cette synthèse a été faite** : les mots distinctifs de chaque contribution ont été repérés, les "
        "textes proches regroupés en sujets et les textes copiés repérés ; les réponses courtes (oui, non…) sont "
        "comptées par sorte et les réponses vides mises à part"
        + (f". Calcul en {number(round(seconds, 1))} s." if seconds is not None else "."),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _figures(result: SynthesisResult, read: int, groups: list[dict[str, Any]]) -> list[str]:
    """The figures at the top, one plain sentence each, only those that are not zero."""
    figures = result.figures
    in_topics = sum(topic.size for topic in result.topics)
    closed = sum(answer.size for answer in result.closed_answers)
    others = len(result.other_ids)
    lines = [f"- {count_phrase(figures.get('documents', read), 'contribution lue', 'contributions lues')}."]
    if result.topics:
        lines.append(
            f"- {count_phrase(len(result.topics), 'sujet', 'sujets')}, "
            f"qui {plural(len(result.topics), 'réunit', 'réunissent')} "
            f"{count_phrase(in_topics, 'contribution', 'contributions')}."
        )
    if others:
        lines.append(
            f"- {count_phrase(others, 'autre contribution', 'autres contributions')}, "
            f"qui {plural(others, 'ne se rattache', 'ne se rattachent')} à aucun sujet."
        )
    if closed:
        lines.append(
            f"- {count_phrase(closed, 'réponse courte', 'réponses courtes')} (oui, non, je ne sais pas…), "
            f"{plural(closed, 'comptée', 'comptées')} à part."
        )
    if result.non_informative_ids:
        empty = len(result.non_informative_ids)
        lines.append(
            f"- {count_phrase(empty, 'réponse vide', 'réponses vides')} (« RAS », « néant »…), "
            f"{plural(empty, 'mise', 'mises')} à part."
        )
    if groups:
        copies = sum(group["size"] for group in groups)
        lines.append(
            f"- {count_phrase(len(groups), 'campagne', 'campagnes')} : un même texte envoyé au moins "
            f"{CAMPAIGN_SIZE} fois ({count_phrase(copies, 'contribution', 'contributions')} en tout)."
        )
    evaluation = figures.get("evaluation")
    if evaluation:
        lines.append(
            f"- Accord avec les étiquettes fournies (1 = accord parfait) : NMI {number(round(evaluation['nmi'], 3))}, "
            f"ARI {number(round(evaluation['ari'], 3))} "
            f"({count_phrase(evaluation['documents'], 'contribution étiquetée', 'contributions étiquetées')})."
        )
    for warning in figures.get("warnings", []):
        lines.append(f"- **Attention** : {md_escape(warning)}")
    return lines


def _quotes(ids: list[str], text_of: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for rid in [rid for rid in ids if text_of[rid].strip()][:QUOTES_IN_MARKDOWN]:
        lines += ["", f"{_quote(excerpt(text_of[rid]))} — contribution {md_escape(rid)}"]
    return lines


def _closed_answers(result: SynthesisResult) -> list[str]:
    if not result.closed_answers:
        return []
    total = sum(answer.size for answer in result.closed_answers)
    lines = [
        "",
        "## Réponses courtes",
        "",
        f"{count_phrase(total, 'réponse courte', 'réponses courtes')}, {plural(total, 'comptée', 'comptées')} "
        f"par sorte plutôt que {plural(total, 'rangée', 'rangées')} dans un sujet.",
        "",
        "| Réponse | Nombre | Part des réponses courtes |",
        "|---|---:|---:|",
    ]
    for answer in sorted(result.closed_answers, key=lambda answer: answer.size, reverse=True):
        lines.append(f"| {md_escape(answer.label)} | {number(answer.size)} | {share(answer.size, total)} |")
    return lines


def _campaigns(result: SynthesisResult, groups: list[dict[str, Any]]) -> list[str]:
    if not result.duplicates:
        return []
    lines = ["", "## Campagnes et textes copiés"]
    for group in groups:
        lines += [
            "",
            f"**{count_phrase(group['size'], 'contribution', 'contributions')}** reprennent ce texte, ou presque :",
            "",
            _quote(group["text"] or "(texte vide)"),
        ]
    pairs = len(result.duplicates) - len(groups)
    if pairs and groups:
        lines += ["", f"Et {count_phrase(pairs, 'autre paire', 'autres paires')} de textes identiques ou presque."]
    elif pairs:
        lines += [
            "",
            f"{count_phrase(pairs, 'paire', 'paires')} de textes identiques ou presque, et aucune campagne "
            f"(un même texte envoyé au moins {CAMPAIGN_SIZE} fois).",
        ]
    return lines


def _empty_answers(result: SynthesisResult, text_of: dict[str, str]) -> list[str]:
    if not result.non_informative_ids:
        return []
    examples: dict[str, None] = {}
    for rid in result.non_informative_ids:
        typed = " ".join(text_of[rid].split())
        examples.setdefault(excerpt(typed, EMPTY_EXAMPLE_LENGTH) if typed else "(réponse vide)")
        if len(examples) == EMPTY_EXAMPLES:
            break
    count = len(result.non_informative_ids)
    return [
        "",
        "## Réponses vides mises à part",
        "",
        f"{count_phrase(count, 'réponse vide', 'réponses vides')} ou sans contenu, {plural(count, 'mise', 'mises')} "
        f"à part. Exemples : {', '.join(f'« {md_escape(example)} »' for example in examples)}.",
    ]
