"""The synthesis on real Grand Débat answers: the number of topics holds across seeds, the topics agree with the
questions better than a plain TF-IDF + SVD + k-means given the true number of questions, and no lemma artefact
reaches a label. `make bench-synthesis` measures the same at every size."""

import csv
import gzip
import random
from pathlib import Path

import pytest

from mediane.synthesis.engine import Document, synthesise
from tests.synthesis.test_labels import KNOWN_ARTEFACTS

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
GRAND_DEBAT = DATA / "grand-debat" / "organisation-etat-services-publics.csv.gz"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not GRAND_DEBAT.exists(), reason="../shared/data is absent"),
]


@pytest.fixture(scope="module")
def answers():
    with gzip.open(GRAND_DEBAT, "rt", encoding="utf-8", newline="") as handle:
        rows = [(row["question_id"], row["text"]) for row in csv.DictReader(handle)]
    picked = sorted(random.Random(0).sample(range(len(rows)), 1_000))
    return [Document(id=str(i), text=rows[i][1], label=rows[i][0]) for i in picked]


def _baseline_scores(documents, k):
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    from sklearn.preprocessing import normalize

    matrix = TfidfVectorizer(sublinear_tf=True, max_df=0.5, min_df=2).fit_transform([d.text for d in documents])
    vectors = normalize(TruncatedSVD(100, random_state=0).fit_transform(matrix))
    predicted = KMeans(k, n_init=3, random_state=0).fit_predict(vectors)
    truth = [d.label for d in documents]
    return normalized_mutual_info_score(truth, predicted), adjusted_rand_score(truth, predicted)


def test_a_thousand_answers_give_topics_that_agree_with_the_questions_at_every_seed(answers):
    results = [synthesise(answers, seed=seed) for seed in range(3)]
    nmi, ari = _baseline_scores(answers, k=len({d.label for d in answers}))

    counts = [len(result.topics) for result in results]
    assert max(counts) - min(counts) <= 4, counts
    for result in results:
        assert result.figures["evaluation"]["nmi"] >= nmi
        assert result.figures["evaluation"]["ari"] >= ari
    for topic in results[0].topics:
        words = {word.lower() for word in " ".join([topic.label, *topic.terms, *topic.phrases]).split()}
        assert not words & set(KNOWN_ARTEFACTS), topic.label
        assert topic.sentence


def test_closed_answers_are_counted_not_thrown_away(answers):
    result = synthesise(answers, seed=0)

    kinds = {answer.label: answer.size for answer in result.closed_answers}
    assert kinds.get("Non", 0) > 10
    text_of = {doc.id: doc.text.strip().lower().rstrip(".!") for doc in answers}
    set_aside = {text_of[doc_id] for doc_id in result.non_informative_ids}
    assert not set_aside & {"oui", "non", "non concerné", "aucun", "je ne sais pas"}
    # « RAS », « néant »… are a few percent of the answers, not the tens of percent that closed answers were.
    assert len(result.non_informative_ids) <= 0.08 * len(answers)
