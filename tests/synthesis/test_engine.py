from collections import Counter

from mediane.synthesis.engine import Document, synthesise
from tests.synthesis.corpus import three_themes


def _theme_of(doc_id: str) -> str:
    return doc_id.rsplit("-", 1)[0]


def test_three_clear_themes_give_three_topics_that_separate_them():
    result = synthesise(three_themes(), seed=0, min_topics=2, max_topics=8)

    assert len(result.topics) == 3
    for topic in result.topics:
        themes = Counter(_theme_of(doc_id) for doc_id in topic.member_ids)
        assert themes.most_common(1)[0][1] / topic.size > 0.9
    assert result.figures["chosen_k"] == 3
    assert set(result.figures["k_scores"]) >= {"2", "3", "4"}
    assert result.figures["evaluation"]["ari"] > 0.9


def test_topics_are_labelled_with_their_distinctive_lemmas_and_phrases():
    result = synthesise(three_themes(), seed=0, min_topics=2, max_topics=8)

    all_terms = {term for topic in result.topics for term in topic.terms[:5]}
    assert {"médecin", "bus", "école"} & all_terms
    assert any("désert médical" in topic.phrases or "piste cyclable" in topic.phrases for topic in result.topics)
    for topic in result.topics:
        assert topic.label
        assert "faudrait" not in topic.terms and "le" not in topic.terms


def test_representatives_are_members_of_their_topic_and_all_different():
    result = synthesise(three_themes(), seed=0)

    for topic in result.topics:
        assert 1 <= len(topic.representatives) <= 5
        assert set(topic.representatives) <= set(topic.member_ids)
        assert len(set(topic.representatives)) == len(topic.representatives)


def test_the_same_seed_gives_the_same_result():
    first = synthesise(three_themes(), seed=7)
    second = synthesise(three_themes(), seed=7)

    assert first.topics == second.topics
    assert first.duplicates == second.duplicates
    assert first.figures["k_scores"] == second.figures["k_scores"]


def test_non_informative_answers_go_to_their_own_bucket():
    empty = ["RAS", "néant", "Non", "rien", ".", "/", "", "   ", "R.A.S.", "oui", "Je ne sais pas"]
    documents = three_themes() + [Document(id=f"vide-{i}", text=text) for i, text in enumerate(empty)]

    result = synthesise(documents, seed=0)

    assert sorted(result.non_informative_ids) == sorted(f"vide-{i}" for i in range(len(empty)))
    in_topics = {doc_id for topic in result.topics for doc_id in topic.member_ids}
    assert not in_topics & set(result.non_informative_ids)
    assert result.figures["non_informative"] == len(empty)


def test_exact_and_near_duplicates_are_grouped():
    text = "La médiathèque devrait ouvrir le dimanche matin pour les familles qui travaillent toute la semaine."
    documents = three_themes() + [
        Document(id="d1", text=text),
        Document(id="d2", text=text.upper()),
        Document(id="d3", text=text.replace("dimanche matin", "dimanche matin aussi")),
    ]

    result = synthesise(documents, seed=0)

    assert ["d1", "d2", "d3"] in result.duplicates
    assert result.figures["duplicate_groups"] == len(result.duplicates)


def test_progress_is_reported_for_every_stage_up_to_completion():
    calls = []

    synthesise(three_themes(), seed=0, progress=lambda stage, fraction: calls.append((stage, fraction)))

    stages = [stage for stage, _ in calls]
    assert stages == ["prepare", "duplicates", "vectorise", "cluster", "label", "represent", "done"]
    fractions = [fraction for _, fraction in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_figures_report_counts_and_the_time_of_each_stage():
    figures = synthesise(three_themes(), seed=0).figures

    assert figures["documents"] == 90
    assert figures["distinct_texts"] <= 90
    assert set(figures["timings_seconds"]) == {
        "prepare",
        "duplicates",
        "vectorise",
        "cluster",
        "label",
        "represent",
        "total",
    }
    assert figures["backend"] == "tfidf"
