import csv
import gzip
import json
import random

import numpy as np
import pytest

from bench import synthesis_quality as quality
from bench import synthesis_samples as samples
from bench.grand_debat import DEFAULT_DATA, read_answers
from mediane.synthesis.engine import ClosedAnswer, SynthesisResult, Topic

SUBJECTS = {
    "q1": ("les transports en commun", "le bus du village", "le train régional", "la ligne de car"),
    "q2": ("l'impôt sur le revenu", "la taxe foncière", "la déclaration fiscale", "le prélèvement à la source"),
    "q3": ("l'école du quartier", "les enseignants du collège", "la cantine scolaire", "les classes surchargées"),
}
OPINIONS = ("coûte trop cher", "devrait être plus simple", "manque de moyens", "marche mal le dimanche", "est loin")
PLACES = ("à la campagne", "pour les familles", "depuis des années", "selon moi", "hélas", "en ville")


def _rows(per_question=40, questions=SUBJECTS):
    draw = random.Random(1)
    rows = []
    for question, subjects in questions.items():
        for _ in range(per_question):
            first, second = draw.sample(subjects, 2)
            text = f"{first} et {second} : {draw.choice(OPINIONS)} {draw.choice(PLACES)}"
            rows.append((question, f"Question {question} ?", text[0].upper() + text[1:] + "."))
    rows += [("q1", "Question q1 ?", "Oui"), ("q2", "Question q2 ?", "non"), ("q3", "Question q3 ?", "RAS")]
    return rows


@pytest.fixture
def answers_file(tmp_path):
    path = tmp_path / "answers.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["question_id", "question", "text"])
        writer.writerows(_rows())
    return path


def test_a_set_of_a_given_size_is_drawn_the_same_way_every_time():
    rows = _rows()

    first, again = samples.draw_sets(rows, [50], mixed=False)[0], samples.draw_sets(rows, [50], mixed=False)[0]

    assert first.size == 50
    assert first.texts == again.texts
    question_of = {text: question for question, _, text in rows}
    assert first.labels == [question_of[text] for text in first.texts]


def test_sizes_at_or_above_the_file_give_the_whole_file_once():
    rows = _rows()

    sets = samples.draw_sets(rows, [50, 10_000, 10**12], mixed=False)

    assert [s.name for s in sets] == ["50", f"{len(rows)} (all)"]
    assert sets[1].size == len(rows)


def test_the_mixed_set_takes_six_questions_in_uneven_shares():
    rows = [(f"q{q}", "?", f"texte {q} {i}") for q in range(8) for i in range(200)]

    mixed = samples.mixed_set(rows, size=300)

    assert [count for _, count in mixed.questions] == [120, 75, 45, 30, 18, 12]
    assert mixed.true_k == 6
    assert mixed.size == 300
    assert all(text.split()[1] == label[1:] for text, label in zip(mixed.texts, mixed.labels, strict=True))


def test_a_file_with_fewer_questions_mixes_all_of_them_in_the_first_shares():
    mixed = samples.mixed_set(_rows(), size=60)

    assert mixed.true_k == 3
    assert [count for _, count in mixed.questions] == [30, 19, 11]


def test_sizes_are_read_from_numbers_all_and_mixed():
    assert samples.parse_sizes("200, 1_000,all,mixed") == ([200, 1_000, 10**12], True)
    assert samples.parse_sizes("5000") == ([5_000], False)
    with pytest.raises(ValueError, match="taille inconnue"):
        samples.parse_sizes("200,beaucoup")


def test_every_answer_is_scored_in_a_topic_or_in_one_cluster_of_its_kind():
    def topic(ids):
        return Topic(label="Sujet", terms=[], phrases=[], size=len(ids), member_ids=ids, representatives=ids[:1])

    result = SynthesisResult(
        topics=[topic(["0", "1"]), topic(["2"])],
        duplicates=[],
        non_informative_ids=["3"],
        closed_answers=[ClosedAnswer("Oui", ["4", "5"]), ClosedAnswer("Non", ["6"])],
        other_ids=["7"],
    )

    clusters, kinds = samples.engine_clusters(result, [str(i) for i in range(9)])

    assert clusters == [
        "topic 0", "topic 0", "topic 1", "empty", "closed Oui", "closed Oui", "closed Non", "other", "unassigned",
    ]  # fmt: skip
    assert kinds == {"topic": 3, "empty": 1, "closed": 3, "other": 1, "unassigned": 1}


def test_scores_are_perfect_for_the_same_partition_under_other_names():
    assert samples.scores(["a", "a", "b"], ["x", "x", "y"]) == {"nmi": 1.0, "ari": 1.0}


def test_the_baseline_given_the_true_k_follows_the_questions():
    rows = _rows()
    texts, labels = [r[2] for r in rows], [r[0] for r in rows]

    vectors, info = samples.baseline_vectors(texts, seed=0)
    predicted, k = samples.baseline_with_k(vectors, 3, seed=0)

    assert info["min_df"] == 2
    assert vectors.shape == (len(texts), info["dimensions"])
    assert k == 3
    # Shared opinions blur the questions; a random partition in 3 would score about 0.02.
    assert samples.scores(labels, predicted.tolist())["nmi"] > 0.3


def test_the_baseline_chooses_k_by_silhouette_on_a_sample_above_the_choice_size(monkeypatch):
    monkeypatch.setattr(samples, "CHOICE_SAMPLE", 60)
    monkeypatch.setattr(samples, "SILHOUETTE_SAMPLE", 40)
    centres = np.eye(4, dtype=np.float32)
    vectors = np.repeat(centres, 30, axis=0) + np.random.default_rng(0).normal(0, 0.01, (120, 4)).astype(np.float32)

    labels, k, silhouettes = samples.baseline_by_silhouette(vectors, seed=0)

    assert k == 4
    assert len(labels) == 120
    assert samples.scores(np.repeat(np.arange(4), 30).tolist(), labels.tolist())["ari"] == 1.0
    assert set(silhouettes) <= set(samples.K_GRID)


def test_a_tiny_vocabulary_still_gives_vectors_and_clusters():
    vectors, info = samples.baseline_vectors(["chat", "chien", "oiseau", ""], seed=0)

    labels, k, _ = samples.baseline_by_silhouette(vectors, seed=0)

    assert info["min_df"] == 1
    assert len(labels) == 4
    assert k <= 3


def test_the_bench_prints_one_table_a_verdict_per_set_and_the_labels(answers_file, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(quality, "LABELS_SET", "60")
    monkeypatch.setattr(quality, "THEME_RUNS", 1)
    out = tmp_path / "out.json"

    assert quality.main([str(answers_file), "--sizes", "60,mixed", "--seeds", "0,1", "--json", str(out)]) == 0

    printed = capsys.readouterr().out
    assert "| Set | Method | k | NMI | ARI | Seconds |" in printed
    for method in ("Médiane, own k", "Baseline, k by silhouette", "Baseline, true k"):
        assert f"| 60 | {method} |" in printed
    assert "- 60: engine ≥ true-k baseline on NMI: " in printed
    assert "- mixed (3 questions, 123): engine ≥ true-k baseline" in printed
    assert "## The engine's topics on the 60-answer set, seed 0" in printed
    assert "Theme of 123 answers: the engine in" in printed
    assert "Total run time:" in printed
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert [entry["name"] for entry in raw["sets"]] == ["60", "mixed (3 questions, 123)"]
    runs = raw["sets"][0]["runs"]
    assert sorted((run["method"], run["seed"]) for run in runs) == [
        (method, seed) for method in ("engine", "oracle", "silhouette") for seed in (0, 1)
    ]
    assert all(run["answers_by_kind"]["unassigned"] == 0 for run in runs if run["method"] == "engine")


def test_an_unknown_size_is_refused_in_french(answers_file, capsys):
    assert quality.main([str(answers_file), "--sizes", "deux"]) == 2

    assert "Option invalide : taille inconnue : 'deux'" in capsys.readouterr().err


def test_a_missing_file_is_named(tmp_path, capsys):
    assert quality.main([str(tmp_path / "absent.csv.gz")]) == 1

    assert "Fichier introuvable" in capsys.readouterr().err


@pytest.mark.realdata
@pytest.mark.skipif(not DEFAULT_DATA.exists(), reason="../shared/data is absent")
def test_the_bench_runs_on_200_grand_debat_answers(monkeypatch, capsys):
    monkeypatch.setattr(quality, "THEME_RUNS", 1)

    assert quality.main([str(DEFAULT_DATA), "--sizes", "200", "--seeds", "0"]) == 0

    printed = capsys.readouterr().out
    assert "| 200 | Baseline, true k | 19 |" in printed
    assert len(read_answers(DEFAULT_DATA)) == 143_719
