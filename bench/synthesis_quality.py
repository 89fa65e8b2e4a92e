"""Synthesis quality and speed on real text: the engine's default backend against a plain scikit-learn baseline.

    make bench-synthesis
    .venv/bin/python bench/synthesis_quality.py ../shared/data/grand-debat/organisation-etat-services-publics.csv.gz
    .venv/bin/python bench/synthesis_quality.py --repeat 3 --semantic-sample 6000

Data: the Grand Débat « organisation de l'État et des services publics » answers (columns `question_id`,
`question`, `text`); the question each answer replies to is the reference label.

Both methods see every answer, and every answer is scored, so neither gets an easier subset:
- engine: an answer belongs to the topic whose `member_ids` hold it; exact and near duplicates are members of
  their topic (the engine puts every copy there); answers the engine sets aside as non-informative (« RAS »,
  « non », empty…) together form one more cluster, labelled `non_informative`.
- baseline: TfidfVectorizer (the parameters of scikit-learn's own LSA example: max_df=0.5, min_df=5) →
  TruncatedSVD(100) → L2 normalisation → KMeans(k=19), seed 0; empty answers are clustered like any other.

Each method runs alone in a fresh process (spawned, one after the other), so its peak resident memory
(`ru_maxrss`) is its own: interpreter, libraries, the loaded answers and the method's work. Times exclude reading
the file. `--repeat N` runs each full-corpus method N times (each in its own process) and reports the median time
and the highest peak; the scores do not change from one run to the next (same seed), and the script checks it.

When the optional semantic backend is installed (`pip install -e ".[semantic]"`), the same run compares it with the
default backend and the baseline on a random sample of the answers (`--semantic-sample`, 6,000 by default): its
sentence model computes 25 to 70 texts a second on 2 cores, so the 101,736 distinct answers would take half an
hour to an hour. `--semantic-sample 0` leaves it out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.grand_debat import add_data_argument, existing_data, read_answers  # noqa: E402
from bench.machine import in_fresh_process, load_average, machine_line, peak_mb  # noqa: E402

FOCUS_QUESTION = (
    "Quels nouveaux services ou quelles démarches souhaitez-vous voir développées sur Internet en priorité ?"
)
BASELINE_K = 19
SEED = 0
TOPICS_SHOWN = 8
QUOTES_SHOWN = 2
QUOTE_LENGTH = 140


def _scores(truth: list[str], predicted: list[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return {
        "nmi": float(normalized_mutual_info_score(truth, predicted)),
        "ari": float(adjusted_rand_score(truth, predicted)),
    }


def _rows(path: str, sample: int) -> list[tuple[str, str, str]]:
    rows = read_answers(Path(path))
    if 0 < sample < len(rows):
        rows = [rows[i] for i in sorted(random.Random(SEED).sample(range(len(rows)), sample))]
    return rows


def run_engine(path: str, backend: str = "tfidf", sample: int = 0) -> dict[str, Any]:
    from mediane.synthesis.engine import Document, synthesise

    rows = _rows(path, sample)
    documents = [Document(id=str(i), text=text, label=qid) for i, (qid, _, text) in enumerate(rows)]
    started = time.perf_counter()
    result = synthesise(documents, seed=SEED, backend=backend)
    seconds = time.perf_counter() - started
    predicted = ["non_informative"] * len(documents)
    for index, topic in enumerate(result.topics):
        for doc_id in topic.member_ids:
            predicted[int(doc_id)] = str(index)
    figures = result.figures
    return {
        "method": f"Médiane ({backend}{', défaut' if backend == 'tfidf' else ''})",
        "k": f"{len(result.topics)} + non informatif",
        **_scores([qid for qid, _, _ in rows], predicted),
        "seconds": seconds,
        "peak_mb": peak_mb(),
        "timings": figures["timings_seconds"],
        "figures": {
            key: figures[key]
            for key in (
                "documents",
                "informative",
                "non_informative",
                "distinct_texts",
                "duplicate_groups",
                "documents_in_duplicate_groups",
                "chosen_k",
                "k_bounds",
                "k_scores",
                "k_selection",
                "vocabulary_size",
                "vector_dimensions",
            )
            if key in figures
        },
        "labels": [topic.label for topic in result.topics],
    }


def run_baseline(path: str, sample: int = 0) -> dict[str, Any]:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    rows = _rows(path, sample)
    started = time.perf_counter()
    tfidf = TfidfVectorizer(max_df=0.5, min_df=5).fit_transform(text for _, _, text in rows)
    vectors = normalize(TruncatedSVD(n_components=100, random_state=SEED).fit_transform(tfidf))
    labels = KMeans(n_clusters=BASELINE_K, random_state=SEED).fit_predict(vectors)
    seconds = time.perf_counter() - started
    return {
        "method": "Référence scikit-learn (TF-IDF → SVD 100 → k-means)",
        "k": str(BASELINE_K),
        **_scores([qid for qid, _, _ in rows], [str(label) for label in labels.tolist()]),
        "seconds": seconds,
        "peak_mb": peak_mb(),
    }


def run_focus(path: str, backend: str = "tfidf") -> dict[str, Any]:
    from mediane.synthesis.engine import Document, synthesise
    from mediane.synthesis.engine.report import excerpt

    rows = [row for row in read_answers(Path(path)) if row[1] == FOCUS_QUESTION]
    documents = [Document(id=str(i), text=text) for i, (_, _, text) in enumerate(rows)]
    started = time.perf_counter()
    result = synthesise(documents, seed=SEED, backend=backend)
    seconds = time.perf_counter() - started
    text_of = {doc.id: doc.text for doc in documents}
    shown = []
    for topic in result.topics[:TOPICS_SHOWN]:
        quotes = [excerpt(text_of[rid], QUOTE_LENGTH) for rid in topic.representatives[:QUOTES_SHOWN]]
        shown.append({"label": topic.label, "size": topic.size, "terms": topic.terms[:6], "quotes": quotes})
    return {
        "backend": backend,
        "answers": len(documents),
        "non_informative": len(result.non_informative_ids),
        "topics": len(result.topics),
        "seconds": seconds,
        "shown": shown,
    }


def semantic_available() -> bool:
    from mediane.synthesis.engine import backend_names

    return "semantique" in backend_names()


def _repeated(times: int, function, *args: Any) -> dict[str, Any]:
    """`function` run `times` times, each in a fresh process: median seconds, highest peak, same scores checked."""
    runs = [in_fresh_process(function, *args) for _ in range(times)]
    first = runs[0]
    if any((run["nmi"], run["ari"]) != (first["nmi"], first["ari"]) for run in runs):
        raise SystemExit(f"{first['method']} : les scores changent d'un passage à l'autre, avec la même graine.")
    merged = {**first, "seconds": statistics.median(run["seconds"] for run in runs)}
    merged["all_seconds"] = [run["seconds"] for run in runs]
    merged["peak_mb"] = max(run["peak_mb"] for run in runs)
    if "timings" in first:
        merged["timings"] = {
            stage: statistics.median(run["timings"][stage] for run in runs) for stage in first["timings"]
        }
    return merged


def _method_table(rows: list[dict[str, Any]], baseline: dict[str, Any]) -> None:
    print("| Method | k | NMI | ARI | ARI ÷ baseline | Seconds (median) | Peak memory (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        ratio = row["ari"] / baseline["ari"] if baseline["ari"] > 0 else float("nan")
        print(
            f"| {row['method']} | {row['k']} | {row['nmi']:.3f} | {row['ari']:.3f} | {ratio:.1f} × | "
            f"{row['seconds']:.1f} | {row['peak_mb']:,.0f} |"
        )


def _focus_table(focus: dict[str, Any]) -> None:
    print(
        f"Backend {focus['backend']}: {focus['answers']:,} answers, {focus['non_informative']:,} non-informative, "
        f"{focus['topics']} topics, {focus['seconds']:.1f} s. The {TOPICS_SHOWN} largest:\n"
    )
    print("| # | Topic | Size | Quotes |")
    print("|---:|---|---:|---|")
    for number, topic in enumerate(focus["shown"], start=1):
        quotes = " / ".join(f"« {q.replace('|', '/')} »" for q in topic["quotes"])
        print(f"| {number} | {topic['label']} | {topic['size']:,} | {quotes} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_data_argument(parser)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each full-corpus method (median time)")
    parser.add_argument(
        "--semantic-sample",
        type=int,
        default=6_000,
        help="answers drawn for the semantic comparison (0: none; default 6,000)",
    )
    parser.add_argument(
        "--semantic-focus", action="store_true", help="also run the semantic backend on the focus question"
    )
    args = parser.parse_args(argv)
    path = existing_data(args.data)
    if path is None:
        return 1
    semantic = args.semantic_sample > 0 and semantic_available()

    print(f"# Synthesis quality — {dt.datetime.now(tz=dt.UTC).date().isoformat()}")
    print(machine_line())
    print(f"Data: {path}; load average at start: {load_average()}; each full-corpus method run {args.repeat} time(s)")
    engine = _repeated(args.repeat, run_engine, str(path))
    baseline = _repeated(args.repeat, run_baseline, str(path))
    focus = in_fresh_process(run_focus, str(path))
    sampled: list[dict[str, Any]] = []
    semantic_focus = None
    if semantic:
        sampled = [
            in_fresh_process(run_engine, str(path), "tfidf", args.semantic_sample),
            in_fresh_process(run_engine, str(path), "semantique", args.semantic_sample),
            in_fresh_process(run_baseline, str(path), args.semantic_sample),
        ]
        if args.semantic_focus:
            semantic_focus = in_fresh_process(run_focus, str(path), "semantique")
    print(f"Load average at the end: {load_average()}")

    print(f"\n## All {engine['figures']['documents']:,} answers, scored against their {BASELINE_K} questions\n")
    _method_table([engine, baseline], baseline)
    if args.repeat > 1:
        for row in (engine, baseline):
            print(f"\n{row['method']}: seconds of each run {', '.join(f'{v:.1f}' for v in row['all_seconds'])}")

    print("\n## Engine stages (full run, median seconds)\n")
    print("| Stage | Seconds |")
    print("|---|---:|")
    for stage, seconds in engine["timings"].items():
        print(f"| {stage} | {seconds:.1f} |")
    print(f"\nPeak memory of the full engine run: {engine['peak_mb']:,.0f} MB (ru_maxrss of its process).")
    print("\nEngine figures:")
    for key, value in engine["figures"].items():
        print(f"- {key}: {value}")
    print("\nEngine topic labels (full run):")
    for label in engine["labels"]:
        print(f"- {label}")

    if sampled:
        print(f"\n## Semantic backend: {args.semantic_sample:,} answers drawn at random (seed {SEED})\n")
        _method_table(sampled, sampled[-1])
    elif args.semantic_sample > 0:
        print('\nSemantic backend not installed (pip install -e ".[semantic]"): not compared.')

    print(f"\n## « {FOCUS_QUESTION} »\n")
    _focus_table(focus)
    if semantic_focus is not None:
        print()
        _focus_table(semantic_focus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
