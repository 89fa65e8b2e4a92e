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
    assert result.figures["fine_topics"] >= 3
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
    assert first.other_ids == second.other_ids and first.figures["chosen_k"] == second.figures["chosen_k"]


def test_empty_answers_are_set_aside_and_closed_answers_counted_by_kind():
    empty = ["RAS", "néant", "Rien à signaler", ".", "/", "", "   ", "R.A.S."]
    closed = {
        "c0": "Non",
        "c1": "oui",
        "c2": "Je ne sais pas",
        "c3": "Oui.",
        "c4": "voir ma réponse précédente",
        "c5": "Non concerné",
        "c6": "Aucun.",
        "c7": "Tous !",
    }
    documents = (
        three_themes()
        + [Document(id=f"vide-{i}", text=text) for i, text in enumerate(empty)]
        + [Document(id=doc_id, text=text) for doc_id, text in closed.items()]
    )

    result = synthesise(documents, seed=0)

    assert sorted(result.non_informative_ids) == sorted(f"vide-{i}" for i in range(len(empty)))
    assert [(answer.label, answer.member_ids) for answer in result.closed_answers] == [
        ("Oui", ["c1", "c3"]),
        ("Non", ["c0"]),
        ("Je ne sais pas", ["c2"]),
        ("Non concerné", ["c5"]),
        ("Aucun, rien", ["c6"]),
        ("Tous, tout", ["c7"]),
        ("Voir une réponse précédente", ["c4"]),
    ]
    in_topics = {doc_id for topic in result.topics for doc_id in topic.member_ids}
    assert not in_topics & (set(result.non_informative_ids) | set(closed))
    assert result.figures["non_informative"] == len(empty)
    assert result.figures["closed_answers"] == len(closed)


def test_a_non_informative_answer_stays_so_with_stop_words_or_thanks_around_it():
    empty = ["RAS, merci", "Rien à signaler donc", "Merci", "Bon, néant."]
    closed = ["Non merci !", "Aucune idée, non."]
    kept = ["Merci pour ce débat sur la santé", "Rien à signaler sur les bus, ils sont parfaits", "Donner l'exemple"]
    documents = three_themes() + [Document(id=f"x{i}", text=text) for i, text in enumerate(empty + closed + kept)]

    result = synthesise(documents, seed=0)

    assert sorted(result.non_informative_ids) == [f"x{i}" for i in range(len(empty))]
    assert {answer.label: answer.member_ids for answer in result.closed_answers} == {
        "Non": [f"x{len(empty)}"],
        "Je ne sais pas": [f"x{len(empty) + 1}"],
    }


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
    assert stages == ["prepare", "duplicates", "vectorise", "cluster", "represent", "label", "done"]
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


def test_the_vocabulary_and_weights_are_those_of_scikit_learn():
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    from mediane.synthesis.engine import text, topics

    table = text.LemmaTable()
    ids = [table.content_ids(text.normalise(doc.text)) for doc in three_themes()]
    rows = topics.LemmaRows(
        ids=np.array([i for row in ids for i in row], dtype=np.int32),
        indptr=np.concatenate(([0], np.cumsum([len(row) for row in ids]))),
        lemmas=table.lemmas,
    )
    lemma_texts = [" ".join(table.lemmas[i] for i in row) for row in ids]
    vectorizer = CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2, max_df=0.5)
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(vectorizer.fit_transform(lemma_texts))

    vocabulary = topics.vectorise(rows)

    assert vocabulary is not None
    assert vocabulary.terms.tolist() == vectorizer.get_feature_names_out().tolist()
    assert np.allclose(vocabulary.tfidf.toarray(), expected.toarray(), atol=1e-6)


def test_near_duplicates_point_to_the_first_text_of_their_group_and_other_texts_to_themselves():
    from mediane.synthesis.engine.duplicates import near_duplicate_roots

    base = "la médiathèque devrait ouvrir le dimanche matin pour les familles qui travaillent toute la semaine"
    keys = [base, base + " aussi", "plus de bus le soir pour rentrer du travail", base.replace("matin", "midi"), ""]

    assert near_duplicate_roots(keys, seed=0).tolist() == [0, 0, 2, 0, 4]


def test_the_number_of_topics_does_not_move_with_the_seed():
    from tests.synthesis.test_labels import _corpus

    counts = {len(synthesise(_corpus(), seed=seed).topics) for seed in range(4)}

    assert counts == {6}


def test_a_text_that_fits_no_topic_goes_to_other_contributions_not_into_a_topic():
    strays = {
        "s1": "Les licornes violettes dansent sous la lune argentée du Groenland.",
        "s2": "Mon perroquet apprécie énormément les symphonies baroques allemandes.",
    }
    documents = three_themes() + [Document(id=doc_id, text=text) for doc_id, text in strays.items()]

    result = synthesise(documents, seed=0)

    assert set(strays) <= set(result.other_ids)
    in_topics = {doc_id for topic in result.topics for doc_id in topic.member_ids}
    assert not in_topics & set(result.other_ids)
    assert len(in_topics) + len(result.other_ids) == len(documents)
    assert result.figures["other"] == len(result.other_ids)


def test_a_small_corpus_is_not_forced_into_the_fewest_topics():
    from tests.synthesis.test_labels import _corpus

    small = [doc for doc in _corpus() if int(doc.id.rsplit("-", 1)[1]) < 8]

    result = synthesise(small, seed=0)

    assert len(result.topics) >= 5


def test_a_titled_short_answer_is_read_as_the_short_answer_it_is():
    from mediane.synthesis.engine.closed import titled_text

    assert titled_text("Mon avis", "Oui.") == "Oui."
    assert titled_text("Horaires", "Ouvrir le dimanche") == "Horaires. Ouvrir le dimanche"
    assert titled_text("Pourquoi ?", "Parce que.") == "Pourquoi ? Parce que."
    assert titled_text("", "Non") == "Non" and titled_text("Titre seul", "") == "Titre seul"


def test_a_title_above_a_body_that_names_nothing_by_itself_is_kept():
    from mediane.synthesis.engine.closed import titled_text

    assert titled_text("Plus de bus le soir", "Rien à ajouter.") == "Plus de bus le soir. Rien à ajouter."
    assert titled_text("Wifi", "Partout") == "Wifi. Partout"


def test_a_long_form_of_a_closed_answer_holds_nothing_else():
    from mediane.synthesis.engine.closed import SEE_ABOVE, kind_of
    from mediane.synthesis.engine.text import fold

    assert kind_of(fold("Voir ma réponse à la question 3.")) == SEE_ABOVE
    for idea in (
        "Comme toujours, les réponses de l'administration sont trop lentes",
        "idem pour les transports en commun",
        "Pas compris pourquoi les impôts augmentent",
    ):
        assert kind_of(fold(idea)) is None, idea
