"""Topic labels as a person would write them: phrases taken from the topic's own texts in their real form
(« Prise en charge », « Transports en commun gratuits »), never across two clauses, with accents and case merged, and
one representative sentence.

Topics are found on lemmas, but a lemma is not French to a reader (simplemma turns « prise » into « priser » and
« data » into « dater »), so the words shown are read again from the texts. Each candidate is a run of one to
`MAX_CONTENT_WORDS` content words, with linking words (« de », « en », « à la »…) allowed between them, inside one
clause. It is scored by class-based TF-IDF: frequent in the topic's texts, rare in the others'.

Why not a parser's noun chunks (spaCy's `fr_core_news_md`, a 45 MB wheel)? It would add a model to load for every
theme and a parse of every text read, for phrases that runs of content words already give (not measured: the labels
of `make bench-synthesis` and the artefact test in `tests/synthesis/test_labels.py` are the check). What runs of
words cannot tell, a verb from a noun, is guessed from clear verb endings and the subject pronoun before a word.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import simplemma

from mediane.synthesis.engine import text

# Words with their digits (« 1ère », « 50 ») so that a number breaks a phrase rather than vanish from it.
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# « peut-il », « faut-il », « a-t-on »: a verb asked as a question.
INVERTED_RE = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)$", re.IGNORECASE)
ELISION_RE = re.compile(r"^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’](.+)$", re.IGNORECASE)
# Words allowed between two content words of a phrase, in lower case: « prise en charge », « accès à internet ».
LINK_WORDS = frozenset("de du des d' en à au aux la le les l' pour sur par sans avec entre".split())
# Articles do not change a phrase's meaning: « accès à la culture » and « accès à culture » are one phrase.
ARTICLES = frozenset("la le les l'".split())
_FOLDED_LINKS = frozenset(text.fold(word).replace(" ", "") for word in LINK_WORDS)
MAX_CONTENT_WORDS = 3
MAX_LINKS_IN_A_ROW = 2
# Texts read per topic, and characters per text: bounds the cost at 1.9 million answers.
TEXTS_PER_TOPIC = 600
CHARACTERS_PER_TEXT = 600
TERMS_PER_TOPIC = 8
PHRASES_PER_TOPIC = 5
# A phrase of several words is preferred to its single word when it is this often the way the word is used.
PHRASE_PREFERENCE = 0.2
CANDIDATES_WEIGHED = 300
# The second phrase of a label must score this share of the first.
SECOND_PHRASE_SHARE = 0.5
# Words that say how, not what: never a label on their own.
WEAK_LABEL_WORDS = frozenset(
    "assez vraiment toujours jamais rien surtout mieux tellement parfois plutôt déjà bon bonne bons bonnes mauvais "
    "mauvaise grand grande grands grandes petit petite gros vrai vraie certains certaines autres même an ans année "
    "années fois jour jours mois cas façon fin niveau savoir pouvoir besoin problème problèmes chose choses gens "
    "personne personnes monde contre surtout aussi".split()
)
SUBJECTS = frozenset("je j' il elle on nous vous ils elles ne n' me m' se s' te t' y en".split())
VERB_ENDINGS = ("ait", "aient", "rait", "raient", "erons", "erez", "eront", "ions", "iez", "ons", "ez", "ant")
SENTENCE_MIN = 25
SENTENCE_MAX = 240
NO_LABEL = "Sujet sans mot distinctif"


@dataclass(frozen=True)
class Description:
    label: str
    terms: list[str]
    phrases: list[str]


def _tokens(clause: str) -> list[str]:
    tokens: list[str] = []
    for token in TOKEN_RE.findall(clause):
        elided = ELISION_RE.match(token)
        if elided:
            tokens += [elided.group(1) + "'", elided.group(2)]
        else:
            tokens.append(token)
    return tokens


def _folded(token: str) -> str:
    return text.fold(token).replace(" ", "")


def _is_content(token: str) -> bool:
    lower = token.lower()
    if len(lower) < 2 or not lower.isalpha() and (any(ch.isdigit() for ch in lower) or INVERTED_RE.search(lower)):
        return False
    return text.content_lemma(lower) is not None


def _key_word(token: str) -> str:
    """What a content word counts as: its folded lemma, so that « hôpitaux » and « hôpital », « publiques » and
    « public », « impot » and « impôt » are one word. The lemma is never shown, only compared."""
    return _folded(text.lemma(token.lower()))


def _weight(token: str) -> float:
    """How well a word names a topic at the edge of a phrase: a word that says how (« assez », « bon ») or a
    conjugated verb (« changerait », « formant ») names none, so it counts for less than a noun. Only clear verb
    endings count: lemmas alone would take « prise » (« priser ») or « demande » for verbs."""
    lower = token.lower()
    if lower in WEAK_LABEL_WORDS:
        return 0.3
    if lower.endswith(VERB_ENDINGS) and text.lemma(lower) != lower and text.lemma(lower).endswith(("er", "ir", "re")):
        return 0.4
    return 1.0


def _shown(token: str) -> str:
    # An acronym keeps its capitals (« CAF », « MDPH »); other words, even typed in capitals, in lower case.
    if 2 <= len(token) <= 6 and token.isupper() and not simplemma.is_known(token.lower(), lang="fr"):
        return token
    return token.lower()


def candidates(raw: str) -> set[tuple[tuple[str, ...], str]]:
    """The candidate phrases of a text, once each: (key, surface form as written)."""
    found: set[tuple[tuple[str, ...], str]] = set()
    for clause in text.CLAUSE_RE.split(text.normalise(raw)[:CHARACTERS_PER_TEXT]):
        tokens = _tokens(clause)
        # A clause typed in capitals is shouted, not a row of acronyms.
        if len(tokens) >= 3 and sum(token.isupper() for token in tokens) * 2 > len(tokens):
            tokens = [token.lower() for token in tokens]
        lower = [token.lower() for token in tokens]
        content = [_is_content(token) for token in tokens]
        # After « je », « on », « nous »… comes a verb (« je demande la prise en charge »): no phrase starts there.
        opens = [not (start and lower[start - 1] in SUBJECTS) for start in range(len(tokens))]
        folded = [_folded(token) for token in tokens]
        for start in range(len(tokens)):
            if not content[start] or not opens[start]:
                continue
            key: list[str] = []
            links = 0
            words = 0
            for end in range(start, len(tokens)):
                if content[end]:
                    words += 1
                    links = 0
                    key.append(_key_word(tokens[end]))
                    if words > MAX_CONTENT_WORDS:
                        break
                    surface = " ".join(_shown(t) for t in tokens[start : end + 1]).replace("' ", "'")
                    found.add((tuple(key), surface))
                elif lower[end] in LINK_WORDS and links < MAX_LINKS_IN_A_ROW:
                    links += 1
                    if lower[end] not in ARTICLES:
                        key.append(folded[end])
                else:
                    break
    return found


def _known_words(form: str) -> int:
    return sum(simplemma.is_known(token.lower(), lang="fr") for token in _tokens(form))


def _best_surface(variants: Counter[str]) -> str:
    """The form most people wrote, preferring one spelt right (« impôt » over « impot », « vie » over « vîe »)."""
    top = max(variants.values())
    frequent = [form for form, count in variants.items() if count * 5 >= top]
    return max(frequent, key=lambda form: (_known_words(form), variants[form], form != text.fold(form), form))


def _with_acronyms(phrase: str, surfaces: dict[tuple[str, ...], Counter[str]]) -> str:
    """« supprimer l'ena » written « supprimer l'ENA » when people mostly write the word in capitals."""
    words = []
    for token in _tokens(phrase):
        alone = surfaces.get((_key_word(token),)) if _is_content(token) else None
        words.append(_best_surface(alone) if alone and _best_surface(alone).isupper() else token)
    return " ".join(words).replace("' ", "'")


def describe(topic_texts: Sequence[Sequence[str]]) -> list[Description]:
    """A label, distinctive words and phrases for each topic, from (a sample of) its texts."""
    counts: list[Counter[tuple[str, ...]]] = []
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for texts in topic_texts:
        count: Counter[tuple[str, ...]] = Counter()
        for raw in texts[:TEXTS_PER_TOPIC]:
            phrases = candidates(raw)
            count.update({key for key, _ in phrases})
            for key, surface in phrases:
                surfaces[key][surface] += 1
        counts.append(count)
    everywhere: Counter[tuple[str, ...]] = Counter()
    for count in counts:
        everywhere.update(count)
    total = max(1, sum(min(len(texts), TEXTS_PER_TOPIC) for texts in topic_texts))
    return [
        _describe_one(count, everywhere, surfaces, total, min(len(texts), TEXTS_PER_TOPIC))
        for count, texts in zip(counts, topic_texts, strict=True)
    ]


def _describe_one(
    count: Counter[tuple[str, ...]],
    everywhere: Counter[tuple[str, ...]],
    surfaces: dict[tuple[str, ...], Counter[str]],
    total: int,
    size: int,
) -> Description:
    # In a topic of a few texts, a phrase met once may be all there is; otherwise a label is said at least twice.
    least = 2 if size >= 4 and max(count.values(), default=0) >= 2 else 1
    raw = {
        key: (found / max(size, 1)) * math.log(1 + total / everywhere[key])
        for key, found in count.items()
        if found >= least
    }
    # Only the best candidates are weighed (a large topic has tens of thousands), by how well they name a topic.
    score: dict[tuple[str, ...], float] = {}
    opening: dict[tuple[str, ...], float] = {}
    for key in sorted(raw, key=lambda key: (-raw[key], key))[:CANDIDATES_WEIGHED]:
        content_words = sum(part not in _FOLDED_LINKS for part in key)
        words = _tokens(_best_surface(surfaces[key]))
        opening[key] = min(_weight(words[0]), _weight(words[-1]))
        score[key] = raw[key] * opening[key] * (1 + 0.15 * (content_words - 1))
    # A phrase stands for its word when it is often how the word is used: « impôt sur le revenu » for « impôt ».
    ranked = dict(score)
    for key in score:
        if len(key) == 1:
            continue
        for word in key:
            single = (word,)
            if single in score and count[key] >= max(2, PHRASE_PREFERENCE * count[single]):
                ranked[key] = max(ranked[key], score[single] * 1.05 * opening[key])
    order = sorted(ranked, key=lambda key: (-ranked[key], len(key), key))
    chosen: list[tuple[str, ...]] = []
    used: set[str] = set()
    for key in order:
        content = {part for part in key if part not in _FOLDED_LINKS}
        if chosen and ranked[key] < SECOND_PHRASE_SHARE * ranked[chosen[0]]:
            break
        # A phrase that holds the single word chosen first replaces it: « bon fonctionnement », not « bon · bon
        # fonctionnement ».
        if len(chosen) == 1 and len(chosen[0]) == 1 and chosen[0][0] in content and len(content) > 1:
            chosen, used = [key], set(content)
            continue
        # A second phrase may share one word with the first (« carte d'identité · carte grise »), no more.
        if content <= used or len(content & used) > (0 if len(key) == 1 else 1):
            continue
        chosen.append(key)
        used |= content
        if len(chosen) == 2:
            break
    shown = [_with_acronyms(_best_surface(surfaces[key]), surfaces) for key in chosen]
    label = " · ".join(shown) if shown else NO_LABEL
    terms = [_best_surface(surfaces[key]) for key in order if len(key) == 1][:TERMS_PER_TOPIC]
    phrases = [
        _best_surface(surfaces[key])
        for key in order
        if len(key) > 1 and count[key] >= 2 and opening.get(key, 0.0) == 1.0
    ][:PHRASES_PER_TOPIC]
    return Description(label=label[:1].upper() + label[1:], terms=terms, phrases=phrases)


SENTENCE_RE = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentence(representatives: Sequence[str], description: Description) -> tuple[str, int]:
    """The sentence of the topic's representative texts that holds most of its label's and phrases' words, and the
    index of the text it comes from ("" and -1 when there is none)."""
    wanted = [
        {_key_word(token) for token in _tokens(phrase) if _is_content(token)}
        for phrase in [*description.label.split(" · "), *description.phrases]
    ]
    best = ""
    best_score = -1.0
    source = -1
    for rank, raw in enumerate(representatives):
        for piece in SENTENCE_RE.split(text.normalise(raw)):
            piece = piece.strip(" -–—•*")
            if not SENTENCE_MIN <= len(piece) <= SENTENCE_MAX:
                continue
            words = {_key_word(token) for token in _tokens(piece)}
            found = sum(len(group & words) / len(group) for group in wanted if group)
            # A fuller sentence says more than « Partiellement Pôle emploi. ».
            score = found + 0.3 * min(len(piece), 120) / 120 - 0.01 * rank
            if score > best_score:
                best, best_score, source = piece, score, rank
    if not best and representatives:
        flat = text.normalise(representatives[0])
        best = flat if len(flat) <= SENTENCE_MAX else flat[: SENTENCE_MAX - 1].rsplit(" ", 1)[0] + "…"
        source = 0 if best else -1
    return best[:1].upper() + best[1:], source


def topic_texts(texts: Sequence[str], members: np.ndarray) -> list[str]:
    """The texts of a topic's members, at most `TEXTS_PER_TOPIC`, spread over the whole topic."""
    if len(members) > TEXTS_PER_TOPIC:
        members = members[np.linspace(0, len(members) - 1, TEXTS_PER_TOPIC).astype(np.int64)]
    return [texts[int(i)] for i in members]
