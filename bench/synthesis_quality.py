"""Synthesis quality at every size: the engine against a TF-IDF + SVD + k-means baseline, scored against the questions.

    make bench-synthesis
    make bench-synthesis BENCH_ARGS="--sizes 200,1000 --json out.json"
    .venv/bin/python bench/synthesis_quality.py path/to/organisation-etat-services-publics.csv.gz --sizes 200,mixed

Data: the Grand Débat « organisation de l'État et des services publics » answers (columns `question_id`,
`question`, `text`); the question an answer replies to is its reference label.

Sets (drawn once with seed 0, the same for every method and seed): random samples of 200, 1,000, 5,000, 20,000
answers and the whole file (143,719), plus a « mixed » set of 3,000 answers from 6 questions drawn at random, in the
shares 40/25/15/10/6/4 %. `--sizes` picks some of them (« all » is the whole file, « mixed » the mixed set).

For each set and each seed (0, 1, 2), three methods, all scored on every answer of the set (NMI, ARI):
- engine: `synthesise(documents, seed=s)` with its own choice of k; a topic is a cluster, and so are the truly empty
  answers, each kind of closed answer (« Oui », « Non »…) and « Autres contributions »;
- baseline, k by silhouette: sublinear TF-IDF (max_df 0.5, min_df 5; 2 under 5,000 texts; 1 if that leaves no
  term) → TruncatedSVD(100) → L2 normalisation → KMeans(n_init=3) for k = 2..20, 25, 30, 35, 40, keeping the best
  cosine silhouette on at most 5,000 texts; above 20,000 texts, the k-means of the grid run on 20,000 drawn at
  random and the chosen k is then run on all;
- baseline, true k: the same vectors and KMeans with k = the number of questions in the set.

Every method runs in this process, one after the other (memory is measured by `make bench-synthesis-scale`), after
one untimed engine run on 200 answers that loads what the engine loads on its first call. Seconds
exclude reading the file; each baseline's seconds include the vectors, computed once per set and seed and shared
by the two. The engine's labels of the 1,000-answer set (seed 0) are printed so that a reader can judge them, and
the engine is timed on a theme of 2,000 answers (median of 3 runs, target ≤ 5 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synthesis_samples as samples  # noqa: E402
from bench.grand_debat import add_data_argument, existing_data, read_answers  # noqa: E402
from bench.machine import load_average, machine_line  # noqa: E402

DEFAULT_SIZES = "200,1000,5000,20000,all,mixed"
SEEDS = (0, 1, 2)
LABELS_SET = "1,000"
THEME_SIZE = 2_000
THEME_RUNS = 3
THEME_TARGET_SECONDS = 5.0
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
METHODS = {
    "engine": "Médiane, own k",
    "silhouette": "Baseline, k by silhouette",
    "oracle": "Baseline, true k",
}


def _progress(message: str) -> None:
    print(f"[{dt.datetime.now(tz=dt.UTC).strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_engine(answers: samples.AnswerSet, seed: int) -> tuple[dict[str, Any], Any]:
    """The engine's run on `answers`: its row of numbers, and the result itself (for its labels)."""
    from mediane.synthesis.engine import Document, synthesise

    # No label reaches the engine: the bench scores on its own, so the questions cannot leak into the topics.
    documents = [Document(id=str(i), text=text) for i, text in enumerate(answers.texts)]
    gc.collect()
    started = time.perf_counter()
    result = synthesise(documents, seed=seed)
    seconds = time.perf_counter() - started
    clusters, kinds = samples.engine_clusters(result, [doc.id for doc in documents])
    figures = {
        key: result.figures[key]
        for key in ("chosen_k", "k_bounds", "k_selection", "timings_seconds")
        if key in result.figures
    }
    row = {
        "method": "engine",
        "seed": seed,
        "k": len(result.topics),
        "clusters": len(set(clusters)),
        "answers_by_kind": kinds,
        **samples.scores(answers.labels, clusters),
        "seconds": seconds,
        "figures": figures,
        "topics": [{"label": t.label, "sentence": t.sentence, "size": t.size} for t in result.topics],
    }
    return row, result


def run_baselines(answers: samples.AnswerSet, seed: int) -> list[dict[str, Any]]:
    """The two baselines on `answers`, sharing one computation of the vectors."""
    gc.collect()
    started = time.perf_counter()
    vectors, vector_info = samples.baseline_vectors(answers.texts, seed)
    vector_seconds = time.perf_counter() - started
    started = time.perf_counter()
    labels, k, silhouettes = samples.baseline_by_silhouette(vectors, seed)
    silhouette_seconds = time.perf_counter() - started
    started = time.perf_counter()
    oracle_labels, oracle_k = samples.baseline_with_k(vectors, answers.true_k, seed)
    oracle_seconds = time.perf_counter() - started
    return [
        {
            "method": "silhouette",
            "seed": seed,
            "k": k,
            **samples.scores(answers.labels, [str(label) for label in labels.tolist()]),
            "seconds": vector_seconds + silhouette_seconds,
            "vectors": vector_info,
            "vector_seconds": vector_seconds,
            "silhouettes": silhouettes,
        },
        {
            "method": "oracle",
            "seed": seed,
            "k": oracle_k,
            **samples.scores(answers.labels, [str(label) for label in oracle_labels.tolist()]),
            "seconds": vector_seconds + oracle_seconds,
        },
    ]


def summarise(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each method: the median, lowest and highest k, NMI, ARI and seconds over its seeds."""
    summary: dict[str, dict[str, Any]] = {}
    for method in METHODS:
        rows = [run for run in runs if run["method"] == method]
        if rows:
            summary[method] = {
                field: {
                    "median": statistics.median(row[field] for row in rows),
                    "min": min(row[field] for row in rows),
                    "max": max(row[field] for row in rows),
                }
                for field in ("k", "nmi", "ari", "seconds")
            }
    return summary


def _spread(value: dict[str, float], digits: int) -> str:
    if value["min"] == value["max"]:
        return f"{value['median']:.{digits}f}"
    return f"{value['median']:.{digits}f} ({value['min']:.{digits}f}–{value['max']:.{digits}f})"


def verdict(summary: dict[str, dict[str, Any]]) -> dict[str, bool]:
    """Whether the engine's median NMI and median ARI are at least the true-k baseline's."""
    engine, oracle = summary["engine"], summary["oracle"]
    return {score: engine[score]["median"] >= oracle[score]["median"] for score in ("nmi", "ari")}


def print_table(results: list[dict[str, Any]]) -> None:
    print("| Set | Method | k | NMI | ARI | Seconds |")
    print("|---|---|---:|---:|---:|---:|")
    for entry in results:
        for method, numbers in entry["summary"].items():
            print(
                f"| {entry['name']} | {METHODS[method]} | {_spread(numbers['k'], 0)} | {_spread(numbers['nmi'], 3)} | "
                f"{_spread(numbers['ari'], 3)} | {numbers['seconds']['median']:.1f} |"
            )
    print()
    for entry in results:
        if {"engine", "oracle"} <= entry["summary"].keys():
            engine, oracle = entry["summary"]["engine"], entry["summary"]["oracle"]
            met = entry["verdict"]
            print(
                f"- {entry['name']}: engine ≥ true-k baseline on NMI: {'yes' if met['nmi'] else 'no'} "
                f"({engine['nmi']['median']:.3f} vs {oracle['nmi']['median']:.3f}); on ARI: "
                f"{'yes' if met['ari'] else 'no'} ({engine['ari']['median']:.3f} vs {oracle['ari']['median']:.3f})"
            )


def print_labels(name: str, result: Any) -> None:
    print(f"\n## The engine's topics on the {name}-answer set, seed 0\n")
    print("| # | Topic | Size | Sentence |")
    print("|---:|---|---:|---|")
    for number, topic in enumerate(result.topics, start=1):
        sentence = f"« {topic.sentence.replace('|', '/')} »" if topic.sentence else ""
        print(f"| {number} | {topic.label} | {topic.size:,} | {sentence} |")
    closed = ", ".join(f"{answer.label} {answer.size:,}" for answer in result.closed_answers) or "none"
    print(
        f"\nTruly empty answers: {len(result.non_informative_ids):,}; closed answers: {closed}; "
        f"« Autres contributions »: {len(result.other_ids):,}."
    )


def time_theme(rows: list[tuple[str, str, str]]) -> list[float]:
    """Seconds of THEME_RUNS engine runs (seed 0) on THEME_SIZE answers drawn at random (all, for a smaller file)."""
    from mediane.synthesis.engine import Document, synthesise

    theme = samples.draw_sets(rows, [THEME_SIZE], mixed=False)[0]
    documents = [Document(id=str(i), text=text) for i, text in enumerate(theme.texts)]
    seconds = []
    for _ in range(THEME_RUNS):
        gc.collect()
        started = time.perf_counter()
        synthesise(documents, seed=0)
        seconds.append(time.perf_counter() - started)
    return seconds


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def run(rows: list[tuple[str, str, str]], sizes: list[int], mixed: bool, seeds: list[int]) -> dict[str, Any]:
    """Every set × seed × method, the labels of one run at 1,000 answers, and the theme timing."""
    results: list[dict[str, Any]] = []
    labels_result = None
    # The first call loads the lemma tables and warms the libraries: it would weigh on the smallest set's seconds.
    run_engine(samples.draw_sets(rows, [200], mixed=False)[0], 0)
    for answers in samples.draw_sets(rows, sizes, mixed):
        runs: list[dict[str, Any]] = []
        for seed in seeds:
            engine_row, result = run_engine(answers, seed)
            _progress(f"{answers.name}, seed {seed}: engine k={engine_row['k']} in {engine_row['seconds']:.1f} s")
            if answers.name == LABELS_SET and labels_result is None:
                labels_result = result
            del result
            runs.append(engine_row)
            for row in run_baselines(answers, seed):
                _progress(f"{answers.name}, seed {seed}: {row['method']} k={row['k']} in {row['seconds']:.1f} s")
                runs.append(row)
        summary = summarise(runs)
        results.append(
            {
                "name": answers.name,
                "answers": answers.size,
                "questions": answers.true_k,
                "mixed_counts": answers.questions,
                "summary": summary,
                "verdict": verdict(summary) if {"engine", "oracle"} <= summary.keys() else {},
                "runs": runs,
            }
        )
    if labels_result is None and len(rows) > 1_000:
        _, labels_result = run_engine(samples.draw_sets(rows, [1_000], mixed=False)[0], 0)
    return {"sets": results, "labels_result": labels_result, "theme_seconds": time_theme(rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_data_argument(parser)
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"sets, separated by commas: sizes, all, mixed (default {DEFAULT_SIZES})"
    )
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)), help="seeds, separated by commas (default 0,1,2)")
    parser.add_argument("--json", metavar="OUT.json", help="also write the raw numbers to this file")
    args = parser.parse_args(argv)
    try:
        sizes, mixed = samples.parse_sizes(args.sizes)
        seeds = [int(seed) for seed in args.seeds.split(",") if seed.strip()] or list(SEEDS)
    except ValueError as error:
        print(f"Option invalide : {error}", file=sys.stderr)
        return 2
    path = existing_data(args.data)
    if path is None:
        return 1

    started = time.perf_counter()
    load_start = load_average()
    # The commit the engine was imported from: the tree may move while the bench runs.
    engine_commit = commit()
    rows = read_answers(path)
    outcome = run(rows, sizes, mixed, seeds)
    total = time.perf_counter() - started
    theme = outcome["theme_seconds"]

    print(f"# Synthesis quality — {dt.datetime.now(tz=dt.UTC).date().isoformat()}, engine of commit {engine_commit}")
    print(machine_line())
    print(
        f"Data: {path} ({len(rows):,} answers); seeds {', '.join(map(str, seeds))}; load average {load_start} at the "
        f"start, {load_average()} at the end."
    )
    # On a shared machine, BLAS and OpenMP threads that fight other processes can multiply the seconds by ten.
    threads = ", ".join(f"{name}={os.environ.get(name, 'unset')}" for name in THREAD_VARIABLES)
    print(f"Threads: {threads}.\n")
    print("k, NMI and ARI: median over the seeds, (lowest–highest) when they differ; seconds: median.\n")
    print_table(outcome["sets"])
    for entry in outcome["sets"]:
        if entry["mixed_counts"]:
            counts = ", ".join(f"question {question}: {count:,}" for question, count in entry["mixed_counts"])
            print(f"\nThe {entry['name']} set: {counts}.")
    if outcome["labels_result"] is not None:
        print_labels(LABELS_SET, outcome["labels_result"])
    theme_median = statistics.median(theme)
    print(
        f"\nTheme of {min(THEME_SIZE, len(rows)):,} answers: the engine in {theme_median:.1f} s (median of "
        f"{len(theme)}: {', '.join(f'{s:.1f}' for s in theme)}); target ≤ {THEME_TARGET_SECONDS:.0f} s: "
        f"{'met' if theme_median <= THEME_TARGET_SECONDS else 'not met'}."
    )
    print(f"\nTotal run time: {total / 60:.1f} min ({total:.0f} s).")
    if args.json:
        raw = {
            "date": dt.datetime.now(tz=dt.UTC).date().isoformat(),
            "commit": engine_commit,
            "machine": machine_line(),
            "data": str(path),
            "seeds": seeds,
            "sets": outcome["sets"],
            "theme_seconds": theme,
            "total_seconds": total,
        }
        Path(args.json).write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
