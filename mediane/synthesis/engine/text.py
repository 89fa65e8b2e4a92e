"""French text preparation: normalisation, folding, lemmatisation without stop words."""

from __future__ import annotations

import html
import re
import unicodedata

import simplemma

TAG_RE = re.compile(r"<[^>]{0,200}>")
URL_RE = re.compile(r"https?://\S+|www\.\S+")
# Words with letters only: digits and codes say little about a topic.
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
KEY_RE = re.compile(r"[^a-z0-9]+")
# Where a clause ends: punctuation, or a word that opens another idea. Two words on either side of it are never read
# as one expression (« transports ; santé » is not « transport santé »).
CLAUSE_RE = re.compile(
    r"[.;:!?()\[\]{}«»\"“”„…\n\r\t/|•·=+*<>]+|,|\s(?:car|mais|donc|parce|puis|afin|sinon|cependant|ensuite|or|"
    r"sauf|lorsque|quand|si|qui|que|qu['’]|dont|où|ou|et|ni)\s",
    re.IGNORECASE,
)
# The mark between two clauses in a text's lemma ids.
CLAUSE_BREAK = -2

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
# Stop words that still carry meaning when a text has nothing else: « donner l'exemple », « mettre plus de
# moyens », « aller voir ». A text without any other content word is read with these.
WEAK_WORDS = frozenset("exemple devoir dire aller mettre voir donner prendre chose faire falloir plus moins".split())

# simplemma's mistakes that show in Grand Débat topic labels (« carte griser »), and a common missing accent
# that split « Pôle emploi » into two topics.
LEMMA_OVERRIDES = {"grise": "grise", "grises": "grise", "pole": "pôle", "poles": "pôle"}

_lemma_cache: dict[str, str] = {}


def _fold_character(character: str) -> str:
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", character) if not unicodedata.combining(ch))
    return KEY_RE.sub(" ", plain)


class _FoldTable(dict[int, str]):
    """`str.translate` table that folds each character the first time it is met: the same result as decomposing
    the whole text, dropping accents and turning the rest to spaces, at a fraction of the cost."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def normalise(text: str) -> str:
    """The text as people wrote it, minus markup, links and irregular spacing."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if "<" in text:
        text = TAG_RE.sub(" ", text)
    if "http" in text or "www." in text:
        text = URL_RE.sub(" ", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case, no accents, punctuation turned to single spaces: the key for exact duplicates."""
    return " ".join(text.lower().translate(_FOLD_TABLE).split())


def lemma(word: str) -> str:
    """The French lemma of one lower-case word, cached: a corpus repeats the same few thousand words."""
    found = _lemma_cache.get(word)
    if found is None:
        found = LEMMA_OVERRIDES.get(word) or simplemma.lemmatize(word, lang="fr").lower()
        if len(_lemma_cache) < 500_000:
            _lemma_cache[word] = found
    return found


def content_lemma(word: str) -> str | None:
    if len(word) < 2 or word in STOP_WORDS:
        return None
    found = lemma(word)
    return found if len(found) > 1 and found not in STOP_WORDS else None


class LemmaTable(dict[str, int]):
    """Lemma ids for the words of one corpus: each distinct word is lemmatised once, then looked up.

    Maps a lower-case word to the id of its lemma in `lemmas`, or to -1 for a word that carries no meaning.
    """

    def __init__(self) -> None:
        super().__init__()
        self.lemmas: list[str] = []
        self._lemma_ids: dict[str, int] = {}

    def _id_of(self, found: str) -> int:
        # Lemmas are merged by their folded form: « impot » and « impôt » are one term, shown as first met.
        key = found.lower().translate(_FOLD_TABLE).replace(" ", "")
        lemma_id = self._lemma_ids.get(key, -1)
        if lemma_id < 0:
            lemma_id = self._lemma_ids[key] = len(self.lemmas)
            self.lemmas.append(found)
        return lemma_id

    def __missing__(self, word: str) -> int:
        found = content_lemma(word)
        lemma_id = -1 if found is None else self._id_of(found)
        self[word] = lemma_id
        return lemma_id

    def weak_ids(self, normalised: str) -> list[int]:
        """The ids of the `WEAK_WORDS` of `normalised`, for a text that has no other content word."""
        found = (lemma(word) for word in WORD_RE.findall(normalised.lower()))
        return [self._id_of(word) for word in found if word in WEAK_WORDS]

    def content_ids(self, normalised: str, *, clauses: bool = False) -> list[int]:
        """The ids of the lemmas of `normalised` that carry meaning (French stop words and one-letter words
        dropped), in text order; with `clauses`, `CLAUSE_BREAK` between the words of two clauses."""
        if not clauses:
            return [i for i in map(self.__getitem__, WORD_RE.findall(normalised.lower())) if i >= 0]
        ids: list[int] = []
        for clause in CLAUSE_RE.split(normalised.lower()):
            found = [i for i in map(self.__getitem__, WORD_RE.findall(clause)) if i >= 0]
            if found:
                if ids:
                    ids.append(CLAUSE_BREAK)
                ids += found
        return ids


def french_ratio(texts: list[str]) -> float:
    """Share of known French words over a sample of the texts (1.0 for an empty sample)."""
    sample = " ".join(texts)[:20_000]
    if not WORD_RE.search(sample):
        return 1.0
    return float(simplemma.in_target_language(sample, lang="fr"))
