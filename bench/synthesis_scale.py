"""Synthesis at Grand Débat scale: the 143,719 answers replicated to 1.9 million, end to end, on one machine.

    make bench-synthesis-scale
    .venv/bin/python bench/synthesis_scale.py ../shared/data/grand-debat/organisation-etat-services-publics.csv.gz

Two corpora of the same size are built from the file, each in its own fresh process:
- plain: the answers copied as they are (13 whole copies, then the first answers once more). The engine folds
  identical texts together, so this costs little more than the original file: it measures the per-document work.
- perturbed: every copy after the first drops one word, swaps two neighbouring words or inserts a filler word
  (« aussi », « donc »…, a stop word: it adds no term), once or a few times, and no two documents share a folded
  text unless an answer has too few words for that (« RAS », « non »). Each copy is then a near duplicate of its
  original, and every stage works on about 1.5 million distinct texts: this is the honest measure.

Each run prints the time of every stage, the peak resident memory reached by the end of each stage (`VmHWM`),
and the peak of the whole process (`ru_maxrss`: interpreter, libraries, the 1.9 million documents and the
engine's work). Building the corpus is not timed. The answers keep their question as label, so the run also gives
NMI and ARI at scale (their computation is in « scoring and result »).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.grand_debat import add_data_argument, existing_data, read_answers  # noqa: E402
from bench.machine import in_fresh_process, load_average, machine_line, peak_mb, status_mb  # noqa: E402

TARGET = 1_900_000
SEED = 0
STAGES = ("prepare", "duplicates", "vectorise", "cluster", "label", "represent")
LIMIT_SECONDS = 15 * 60
LIMIT_MB = 8 * 1024


# Fillers that the engine drops as stop words: inserting one makes a new text without adding a term to the topics.
FILLERS = ("aussi", "bien", "donc", "alors", "très", "encore", "déjà", "ainsi")
# A copy whose text an earlier document already has tries the next of its edits, this many times at most.
TRIES = 50


def single_edits(count: int) -> int:
    """Light edits of a `count`-word text: drop a word, swap two neighbours, or insert a filler before a word."""
    return (count if count > 1 else 0) + (count - 1) + len(FILLERS) * (count + 1) if count else 0


def perturb(words: list[str], edits: list[int]) -> str:
    """`words` with edits numbered as in `single_edits`: drops first (0 ≤ e < n), then swaps of word i with the
    next, then inserts of filler f before word i. Swaps go first, then drops and inserts from the end of the text,
    so that every edit still finds its original position."""
    count = len(words)
    drops = count if count > 1 else 0
    edited = list(words)
    changes: list[tuple[int, int, str]] = []
    for edit in sorted(set(edits)):
        if edit < drops:
            changes.append((edit, 0, ""))
        elif edit < drops + count - 1:
            position = edit - drops
            edited[position], edited[position + 1] = edited[position + 1], edited[position]
        else:
            position, filler = divmod(edit - drops - (count - 1), len(FILLERS))
            changes.append((position, 1, FILLERS[filler]))
    # From the end; at the same position, the word is dropped before the filler goes in.
    for position, is_insert, filler in sorted(changes, key=lambda c: (c[0], -c[1]), reverse=True):
        if is_insert:
            edited.insert(position, filler)
        else:
            del edited[position]
    return " ".join(edited)


def edit_of(answer_key: tuple[int, int], count: int, step: int) -> list[int]:
    """The edits of try number `step` for one answer, read as digits in base n (its number of single edits), each
    through an affine permutation (a·d + b mod n): steps below n give each single edit once, the next ones pairs,
    then triples, and nothing is stored per copy."""
    total = single_edits(count)
    multiplier, offset = answer_key
    edits = []
    for place in range(4):
        step, digit = divmod(step, total)
        edits.append((multiplier * digit + offset + place) % total)
        if not step:
            break
    return edits


def build_corpus(path: str, variant: str, target: int) -> list[Any]:
    """`target` documents: the answers again and again. In « perturbed », copy r ≥ 1 of an answer takes its edit
    number r - 1, or, when an earlier document already has that text once folded (lower case, no accents), the
    edits r - 1 + R·t (R copies) for t = 1, 2… up to `TRIES`: a very short answer that many people gave (« Non »,
    « Impôts ») runs out of edits, and some of its copies stay the same text."""
    from mediane.synthesis.engine import Document
    from mediane.synthesis.engine.text import fold

    rows = read_answers(Path(path))
    copies = -(-target // len(rows))
    rng = random.Random(SEED)
    keys: list[tuple[int, int]] = []
    if variant == "perturbed":
        for _, _, answer in rows:
            total = max(single_edits(len(answer.split())), 1)
            multiplier = rng.randrange(1, total + 1)
            while math.gcd(multiplier, total) != 1:
                multiplier = rng.randrange(1, total + 1)
            keys.append((multiplier, rng.randrange(total)))
    seen = {fold(answer) for _, _, answer in rows} if keys else set()
    documents = []
    for replica in range(copies):
        for number, (question, _, answer) in enumerate(rows[: target - len(documents)]):
            words = answer.split()
            if replica and keys and single_edits(len(words)):
                for attempt in range(TRIES):
                    candidate = perturb(words, edit_of(keys[number], len(words), replica - 1 + copies * attempt))
                    folded = fold(candidate)
                    if folded not in seen:
                        break
                seen.add(folded)
                answer = candidate
            documents.append(Document(id=f"{replica}-{number}", text=answer, label=question))
    del seen, keys
    gc.collect()
    return documents


def run(path: str, variant: str, target: int) -> dict[str, Any]:
    from mediane.synthesis.engine import synthesise

    started = time.perf_counter()
    documents = build_corpus(path, variant, target)
    built_seconds = time.perf_counter() - started
    rss_documents = status_mb("VmRSS")
    marks: dict[str, float] = {}

    def progress(stage: str, _fraction: float) -> None:
        # Called as each stage starts: the high-water mark so far is the peak of the stages before it.
        marks[stage] = status_mb("VmHWM")

    started = time.perf_counter()
    result = synthesise(documents, seed=SEED, progress=progress)
    seconds = time.perf_counter() - started
    # Read before the figures below allocate anything.
    peak = peak_mb()
    figures = result.figures
    names = [*STAGES, "done"]
    peak_by_stage = {stage: marks.get(names[i + 1], 0.0) for i, stage in enumerate(STAGES)}
    return {
        "variant": variant,
        "documents": len(documents),
        "distinct_raw": len({doc.text for doc in documents}),
        "built_seconds": built_seconds,
        "rss_documents_mb": rss_documents,
        "seconds": seconds,
        "timings": figures["timings_seconds"],
        "peak_by_stage": peak_by_stage,
        "peak_mb": peak,
        "figures": {
            key: figures[key]
            for key in (
                "informative",
                "non_informative",
                "distinct_texts",
                "duplicate_groups",
                "documents_in_duplicate_groups",
                "chosen_k",
                "fine_topics",
                "other",
                "closed_answers",
                "vocabulary_size",
            )
        },
        "evaluation": figures.get("evaluation", {}),
        "labels": [topic.label for topic in result.topics],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_data_argument(parser)
    parser.add_argument("--target", type=int, default=TARGET, help="number of answers to build (default 1,900,000)")
    parser.add_argument(
        "--variants", default="plain,perturbed", help="comma-separated: plain, perturbed (default: both)"
    )
    args = parser.parse_args(argv)
    path = existing_data(args.data)
    if path is None:
        return 1
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = set(variants) - {"plain", "perturbed"}
    if unknown:
        print(f"Variante inconnue : {', '.join(sorted(unknown))} (plain, perturbed)", file=sys.stderr)
        return 1

    print(f"# Synthesis at scale — {dt.datetime.now(tz=dt.UTC).date().isoformat()}")
    print(machine_line())
    print(f"Data: {path}; target {args.target:,} answers; load average at start: {load_average()}")
    results = []
    for variant in variants:
        results.append(in_fresh_process(run, str(path), variant, args.target))
        print(f"(done: {variant}; load average now: {load_average()})", flush=True)

    print("\n## Corpora\n")
    print(
        "| Variant | Documents | Distinct raw texts | Distinct folded, informative | Duplicate groups "
        "| In groups | Non-informative | Build (s, not timed) | RSS with documents (MB) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        f = r["figures"]
        print(
            f"| {r['variant']} | {r['documents']:,} | {r['distinct_raw']:,} | {f['distinct_texts']:,} | "
            f"{f['duplicate_groups']:,} | {f['documents_in_duplicate_groups']:,} | {f['non_informative']:,} | "
            f"{r['built_seconds']:.0f} | {r['rss_documents_mb']:,.0f} |"
        )

    print("\n## Stages (seconds; peak RSS reached by the end of the stage, MB)\n")
    print("| Stage | " + " | ".join(f"{r['variant']} s | {r['variant']} peak MB" for r in results) + " |")
    print("|---|" + "---:|---:|" * len(results))
    for stage in STAGES:
        cells = " | ".join(f"{r['timings'][stage]:.1f} | {r['peak_by_stage'][stage]:,.0f}" for r in results)
        print(f"| {stage} | {cells} |")
    cells = " | ".join(f"{r['seconds'] - r['timings']['total']:.1f} | " for r in results)
    print(f"| scoring and result | {cells} |")
    cells = " | ".join(f"**{r['seconds']:.1f}** | **{r['peak_mb']:,.0f}**" for r in results)
    print(f"| **total (synthesise)** | {cells} |")

    print("\n## Against the issue's limits (≤ 15 min, ≤ 8 GB)\n")
    print("| Variant | Seconds | Peak memory (MB) | k | NMI | ARI | Within limits |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        ok = r["seconds"] <= LIMIT_SECONDS and r["peak_mb"] <= LIMIT_MB
        e = r["evaluation"]
        print(
            f"| {r['variant']} | {r['seconds']:.0f} | {r['peak_mb']:,.0f} | {r['figures']['chosen_k']} | "
            f"{e.get('nmi', float('nan')):.3f} | {e.get('ari', float('nan')):.3f} | {'yes' if ok else 'NO'} |"
        )
    for r in results:
        f = r["figures"]
        print(
            f"\n{r['variant']}: vocabulary {f['vocabulary_size']:,}; fine partition {f['fine_topics']} topics, "
            f"merged to {f['chosen_k']}; « Autres contributions » {f['other']:,}; short answers {f['closed_answers']:,}"
        )
        print("Topics: " + "; ".join(r["labels"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
