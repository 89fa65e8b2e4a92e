import pytest

from mediane.synthesis.engine import Document, SynthesisInputError, synthesise
from tests.synthesis.corpus import three_themes


def test_an_empty_corpus_gives_no_topic_and_says_so():
    result = synthesise([], seed=0)

    assert result.topics == [] and result.duplicates == []
    assert result.figures["warnings"] == ["Aucune contribution à synthétiser."]


def test_a_single_contribution_forms_one_topic():
    result = synthesise([Document(id="1", text="Ouvrir la bibliothèque le dimanche pour les familles.")], seed=0)

    assert [topic.member_ids for topic in result.topics] == [["1"]]
    assert result.topics[0].representatives == ["1"]
    assert "Un seul texte distinct" in result.figures["warnings"][0]


def test_a_corpus_that_is_all_duplicates_forms_one_topic_and_one_duplicate_group():
    documents = [Document(id=str(i), text="Plus de conseillers numériques en mairie !") for i in range(40)]

    result = synthesise(documents, seed=0)

    assert len(result.topics) == 1 and result.topics[0].size == 40
    assert result.duplicates == [[str(i) for i in range(40)]]


def test_a_corpus_of_only_non_informative_answers_gives_no_topic():
    result = synthesise([Document(id=str(i), text=t) for i, t in enumerate(["RAS", "non", "."])], seed=0)

    assert result.topics == [] and len(result.non_informative_ids) == 3
    assert "non informatives" in result.figures["warnings"][0]


def test_text_that_is_not_french_gets_a_warning_but_still_topics():
    english = [
        Document(id=str(i), text=f"The {w} should open earlier every weekend for working families and children")
        for i, w in enumerate(["library", "museum", "swimming pool", "town hall", "post office", "school"] * 3)
    ]

    result = synthesise(english, seed=0)

    assert result.topics
    assert any("ne semblent pas rédigés en français" in warning for warning in result.figures["warnings"])


def test_a_one_megabyte_text_is_synthesised_quickly():
    huge = ("Les bibliothèques doivent proposer des ateliers numériques pour les seniors. " * 14_000)[:1_000_000]
    documents = three_themes() + [Document(id="huge", text=huge)]

    result = synthesise(documents, seed=0)

    assert any("huge" in topic.member_ids for topic in result.topics)
    assert result.figures["timings_seconds"]["total"] < 10


def test_an_unknown_backend_is_refused_with_a_french_message():
    with pytest.raises(SynthesisInputError, match="Méthode de synthèse « magique » inconnue"):
        synthesise(three_themes(), backend="magique")


def test_bounds_given_in_the_wrong_order_are_swapped():
    result = synthesise(three_themes(), seed=0, min_topics=6, max_topics=2)

    assert result.figures["k_bounds"] == [2, 6]
