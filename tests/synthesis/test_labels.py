"""Topic labels in French as people write them, and the artefacts of lemmas that must never come back."""

import random
import re

from mediane.synthesis.engine import Document, synthesise
from mediane.synthesis.engine.labels import candidates

# Forms that lemmas made up in earlier labels (« Priser conscience », « Open dater », « Obligation asile ·
# remplier », « Main oeuvrer »), and an accent split (« Impot revenu » beside « Impôt revenu »).
KNOWN_ARTEFACTS = ("priser", "dater", "remplier", "oeuvrer", "impot", "griser")

# Each theme: its key phrase, written in several ways, and the words people put around it.
THEMES = {
    "charge": (
        ["la prise en charge", "une meilleure prise en charge", "la Prise en charge"],
        ["frais médicaux", "personnes âgées", "soins dentaires", "domicile", "sécurité sociale", "lunettes"],
    ),
    "entreprises": (
        ["les petites entreprises", "des petites entreprises", "nos Petites entreprises"],
        ["formulaires", "artisans", "apprentis", "déclarations remplies", "la main-d'œuvre", "comptables"],
    ),
    "transports": (
        ["des transports en commun gratuits", "les transports en commun gratuits"],
        ["jeunes", "retraités", "pollution", "week-end", "villes moyennes", "campagnes"],
    ),
    "impots": (
        ["l'impôt sur le revenu", "l'impot sur le revenu", "l'IMPOT SUR LE REVENU", "l'Impôt sur le revenu"],
        ["niches fiscales", "justice fiscale", "tranches", "déclaration", "foyers", "barème"],
    ),
    "conscience": (
        ["une prise de conscience", "la prise de conscience"],
        ["écologie", "déchets", "climat", "élus", "enfants", "gaspillage"],
    ),
    "data": (
        ["l'open data", "plus d'open data", "de l'Open Data"],
        ["données publiques", "subventions", "marchés publics", "la vie privée", "transparence", "cartes grises"],
    ),
}
TEMPLATES = [
    "Il faut {0} : {1} et {2}.",
    "Je demande {0}, surtout pour {1}. Pensez aussi à {2} !",
    "Pour {1}, {0} changerait tout ; et pour {2} aussi.",
]


def _corpus(per_theme: int = 30, seed: int = 3) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for theme, (phrases, context) in THEMES.items():
        for i in range(per_theme):
            first, second = rng.sample(context, 2)
            text = rng.choice(TEMPLATES).format(rng.choice(phrases), first, second)
            documents.append(Document(id=f"{theme}-{i}", text=text, label=theme))
    return documents


def _words(value: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\w+", value)}


def test_labels_are_phrases_in_their_real_french_form():
    result = synthesise(_corpus(), seed=0)

    labels = " | ".join(topic.label for topic in result.topics)
    for expected in ("Prise en charge", "Petites entreprises", "Transports en commun gratuits", "Open data"):
        assert expected in labels, labels
    assert "Impôt sur le revenu" in labels, labels


def test_no_known_lemma_artefact_reaches_a_label_a_term_or_a_phrase():
    result = synthesise(_corpus(), seed=0)

    for topic in result.topics:
        shown = _words(" ".join([topic.label, *topic.terms, *topic.phrases]))
        assert not shown & set(KNOWN_ARTEFACTS), (topic.label, topic.terms, topic.phrases)


def test_accents_and_case_are_merged_into_one_topic():
    result = synthesise(_corpus(), seed=0)

    income = [topic for topic in result.topics if "revenu" in topic.label.lower()]
    assert len(income) == 1
    assert {doc_id.split("-")[0] for doc_id in income[0].member_ids} == {"impots"}
    assert income[0].size == 30


def test_a_phrase_never_joins_two_clauses():
    found = {surface for _, surface in candidates("Plus de bus ; santé pour tous, école gratuite et culture")}

    assert "bus" in found and "santé" in found and "école gratuite" in found
    assert not {phrase for phrase in found if "bus" in phrase and "santé" in phrase}
    assert "gratuite culture" not in {phrase.replace(" et ", " ") for phrase in found}


def test_each_topic_has_a_sentence_taken_from_one_of_its_contributions():
    documents = _corpus()
    text_of = {doc.id: doc.text for doc in documents}

    result = synthesise(documents, seed=0)

    for topic in result.topics:
        assert topic.sentence
        assert any(topic.sentence.lower() in text_of[doc_id].lower() for doc_id in topic.member_ids)


def test_an_acronym_keeps_its_capitals_and_a_shouted_word_does_not():
    found = {surface for _, surface in candidates("La MDPH et la CAF ; IMPOT SUR LE REVENU")}

    assert "MDPH" in found and "CAF" in found
    assert "impot sur le revenu" in found
