"""Synthesis quality and speed on real text: the engine's default backend against a plain scikit-learn baseline.

    make bench-synthesis
    .venv/bin/python bench/synthesis_quality.py ../shared/data/grand-debat/organisation-etat-services-publics.csv.gz

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
the file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import multiprocessing
import platform
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "grand-debat" / "organisation-etat-services-publics.csv.gz"
FOCUS_QUESTION = (
    "Quels nouveaux services ou quelles démarches souhaitez-vous voir développées sur Internet en priorité ?"
)
BASELINE_K = 19
SEED = 0
TOPICS_SHOWN = 8
QUOTES_SHOWN = 2
QUOTE_LENGTH = 140


def read_answers(path: Path) -> list[tuple[str, str, str]]:
    """(question_id, question, text) rows, in file order."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return [(row["question_id"], row["question"], row["text"]) for row in csv.DictReader(handle)]


def _peak_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scores(truth: list[str], predicted: list[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return {
        "nmi": float(normalized_mutual_info_score(truth, predicted)),
        "ari": float(adjusted_rand_score(truth, predicted)),
    }


def run_engine(path: str) -> dict[str, Any]:
    from mediane.synthesis.engine import Document, synthesise

    rows = read_answers(Path(path))
    documents = [Document(id=str(i), text=text, label=qid) for i, (qid, _, text) in enumerate(rows)]
    started = time.perf_counter()
    result = synthesise(documents, seed=SEED)
    seconds = time.perf_counter() - started
    predicted = ["non_informative"] * len(documents)
    for index, topic in enumerate(result.topics):
        for doc_id in topic.member_ids:
            predicted[int(doc_id)] = str(index)
    figures = result.figures
    return {
        "method": "Médiane (tfidf, défaut)",
        "k": f"{len(result.topics)} + non informatif",
        **_scores([qid for qid, _, _ in rows], predicted),
        "seconds": seconds,
        "peak_mb": _peak_mb(),
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


def run_baseline(path: str) -> dict[str, Any]:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    rows = read_answers(Path(path))
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
        "peak_mb": _peak_mb(),
    }


def run_focus(path: str) -> dict[str, Any]:
    from mediane.synthesis.engine import Document, synthesise

    rows = [row for row in read_answers(Path(path)) if row[1] == FOCUS_QUESTION]
    documents = [Document(id=str(i), text=text) for i, (_, _, text) in enumerate(rows)]
    started = time.perf_counter()
    result = synthesise(documents, seed=SEED)
    seconds = time.perf_counter() - started
    text_of = {doc.id: doc.text for doc in documents}
    shown = []
    for topic in result.topics[:TOPICS_SHOWN]:
        quotes = [_quote(text_of[rid]) for rid in topic.representatives[:QUOTES_SHOWN]]
        shown.append({"label": topic.label, "size": topic.size, "terms": topic.terms[:6], "quotes": quotes})
    return {
        "answers": len(documents),
        "non_informative": len(result.non_informative_ids),
        "topics": len(result.topics),
        "seconds": seconds,
        "shown": shown,
    }


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_LENGTH:
        return flat
    return flat[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _in_fresh_process(function, path: str) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, path).result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="organisation-etat-services-publics.csv.gz")
    args = parser.parse_args(argv)
    path = Path(args.data)
    if not path.exists():
        print(f"Fichier introuvable : {path}", file=sys.stderr)
        return 1

    print(f"# Synthesis quality — {dt.datetime.now(tz=dt.UTC).date().isoformat()}")
    print(f"Machine: {multiprocessing.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"Data: {path}")
    engine = _in_fresh_process(run_engine, str(path))
    baseline = _in_fresh_process(run_baseline, str(path))
    focus = _in_fresh_process(run_focus, str(path))

    print(f"\n## All {engine['figures']['documents']:,} answers, scored against their {BASELINE_K} questions\n")
    print("| Method | k | NMI | ARI | Seconds | Peak memory (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in (engine, baseline):
        print(
            f"| {row['method']} | {row['k']} | {row['nmi']:.3f} | {row['ari']:.3f} | "
            f"{row['seconds']:.1f} | {row['peak_mb']:,.0f} |"
        )

    print("\n## Engine stages (full run)\n")
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

    print(f"\n## « {FOCUS_QUESTION} »\n")
    print(
        f"{focus['answers']:,} answers, {focus['non_informative']:,} non-informative, {focus['topics']} topics, "
        f"{focus['seconds']:.1f} s. The {TOPICS_SHOWN} largest:\n"
    )
    print("| # | Topic | Size | Quotes |")
    print("|---:|---|---:|---|")
    for number, topic in enumerate(focus["shown"], start=1):
        quotes = " / ".join(f"« {q.replace('|', '/')} »" for q in topic["quotes"])
        print(f"| {number} | {topic['label']} | {topic['size']:,} | {quotes} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
