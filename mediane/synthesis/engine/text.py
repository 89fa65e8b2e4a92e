"""French text preparation: normalisation, lemmatisation without stop words, non-informative answers."""

from __future__ import annotations

import html
import re
import unicodedata

import simplemma

TAG_RE = re.compile(r"<[^>]{0,200}>")
URL_RE = re.compile(r"https?://\S+|www\.\S+")
SPACE_RE = re.compile(r"\s+")
# Words with letters only: digits and codes say little about a topic.
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
KEY_RE = re.compile(r"[^a-z0-9]+")

# French stop words, as lemmas and as surface forms (simplemma lemmatises « les » to « le », « sont » to « être »).
STOP_WORDS = frozenset(
    """
    a à afin ai aie aient ainsi alors après as au aucun aucune aujourd aussi autre autres aux avant avec avoir bcp
    beaucoup bien c ça car ce ceci cela celle celles celui cependant certain certaine certains ces cet cette ceux
    chaque chez ci comme comment d dans de déjà depuis des donc dont du elle elles en encore entre et etc être eu
    eux exemple faire fait faut falloir fois hors ici il ils j je jusqu l la là le lequel les leur leurs lors lui m
    ma mais me même mêmes mes moi moins mon n ne ni nos notre nous on ont or ou où par parce pas pendant peu peut
    peuvent plupart plus plusieurs pour pourquoi pouvoir puis qu quand que quel quelle quelles quels qui quoi s sa
    sans se selon ses si sinon soi son sont sous souvent sur t ta tant te tel telle tels tes toi ton tous tout toute
    toutes très trop tu un une vers via voilà vos votre vouloir vous y
    devoir dire aller mettre voir donner prendre chose non oui etc cf
    """.split()
)

# Whole answers that say nothing, compared after folding (lower case, no accents, no punctuation).
NON_INFORMATIVE_ANSWERS = frozenset(
    answer.strip()
    for answer in """
    ras|r a s|rien|rien a dire|rien a signaler|rien a ajouter|non|oui|non merci|neant|aucun|aucune|aucune idee|
    sans avis|pas d avis|sans opinion|je ne sais pas|ne sais pas|nsp|idem|voir ci dessus|cf ci dessus|voir plus haut|
    sans objet|na|n a|nc|ok|x|xx|xxx|test|pas de commentaire|pas de reponse|non concerne|non applicable|
    pas d idee|rien de plus|rien de particulier|deja dit|tout|rien du tout|pas grand chose|bof|je sais pas
    """.replace("\n", "").split("|")
)
MIN_LETTERS = 3
# simplemma's mistakes that show in Grand Débat topic labels (« carte griser »), and a common missing accent
# that split « Pôle emploi » into two topics.
LEMMA_OVERRIDES = {"grise": "grise", "grises": "grise", "pole": "pôle", "poles": "pôle"}

_lemma_cache: dict[str, str] = {}


def normalise(text: str) -> str:
    """The text as people wrote it, minus markup, links and irregular spacing."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = TAG_RE.sub(" ", text)
    text = URL_RE.sub(" ", text)
    return SPACE_RE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower case, no accents, punctuation turned to single spaces: the key for exact duplicates."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return KEY_RE.sub(" ", plain).strip()


def lemma(word: str) -> str:
    """The French lemma of one lower-case word, cached: a corpus repeats the same few thousand words."""
    found = _lemma_cache.get(word)
    if found is None:
        found = LEMMA_OVERRIDES.get(word) or simplemma.lemmatize(word, lang="fr").lower()
        if len(_lemma_cache) < 500_000:
            _lemma_cache[word] = found
    return found


def content_lemmas(text: str) -> list[str]:
    """The lemmas that carry meaning: French stop words and one-letter words dropped."""
    lemmas = []
    for word in WORD_RE.findall(text.lower()):
        if len(word) < 2 or word in STOP_WORDS:
            continue
        found = lemma(word)
        if len(found) > 1 and found not in STOP_WORDS:
            lemmas.append(found)
    return lemmas


def is_non_informative(folded: str, lemmas: list[str]) -> bool:
    """True for answers such as « RAS », « néant », « / » or a lone stop word, which belong to no topic."""
    if folded in NON_INFORMATIVE_ANSWERS or not lemmas:
        return True
    return sum(ch.isalpha() for ch in folded) < MIN_LETTERS


def french_ratio(texts: list[str]) -> float:
    """Share of known French words over a sample of the texts (1.0 for an empty sample)."""
    sample = " ".join(texts)[:20_000]
    if not WORD_RE.search(sample):
        return 1.0
    return float(simplemma.in_target_language(sample, lang="fr"))
