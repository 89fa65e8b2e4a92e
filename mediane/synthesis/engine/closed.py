"""Short answers that are not ideas: closed answers (« oui », « non », « je ne sais pas », « voir plus haut »…),
counted as a distribution, and truly empty ones (« RAS », « néant », « . »), set aside.

Every rule reads the folded text (`text.fold`: lower case, no accents, punctuation turned to spaces), and only short
texts are compared: a longer one says something and goes to a topic, even when it starts with « oui ».
"""

from __future__ import annotations

import re

from mediane.synthesis.engine import text

# Closed answers by kind, as people label them; the order is the order of the distribution's table.
YES = "Oui"
NO = "Non"
DONT_KNOW = "Je ne sais pas"
NOT_CONCERNED = "Non concerné"
NONE = "Aucun, rien"
ALL = "Tous, tout"
FINE = "Bien, très bien"
MIXED = "Bof, mitigé"
SEE_ABOVE = "Voir une réponse précédente"
NOT_UNDERSTOOD = "Je ne comprends pas la question"
CLOSED_LABELS = (YES, NO, DONT_KNOW, NOT_CONCERNED, NONE, ALL, FINE, MIXED, SEE_ABOVE, NOT_UNDERSTOOD)
# Closed answers that say nothing of a subject: a title above one of them is not what the person answered.
ANSWERS_WITHOUT_SUBJECT = frozenset({YES, NO, DONT_KNOW, NOT_CONCERNED, SEE_ABOVE, NOT_UNDERSTOOD})
# The marker of a truly empty answer.
EMPTY = ""

# Answers longer than this (folded) are never closed nor empty.
MAX_LENGTH = 80
MAX_WORDS = 12


def _phrases(block: str) -> frozenset[str]:
    return frozenset(phrase.strip() for phrase in block.replace("\n", " ").split("|") if phrase.strip())


_EXACT = {
    YES: _phrases(
        """oui | o | yes | ok | d accord | tout a fait | absolument | bien sur | evidemment | certainement |
        oui bien sur | oui tout a fait | oui absolument | oui evidemment | oui certainement | oui oui | oui merci |
        oui bien entendu | bien entendu | oui surement | oui je pense | je pense que oui | plutot oui | oui plutot |
        oui parfois | parfois | oui souvent | oui toujours | toujours | souvent | oui en partie | en partie |
        oui un peu | oui beaucoup | oui tres | oui assez | assez | oui c est le cas | c est le cas | oui bien |
        oui pourquoi pas | pourquoi pas | oui sans doute | sans doute | favorable | oui favorable | pour |
        je suis pour | oui je suis pour"""
    ),
    NO: _phrases(
        """non | n | no | non merci | non pas du tout | pas du tout | absolument pas | surtout pas | jamais |
        non jamais | aucunement | non aucunement | nope | non non | plutot non | non plutot | pas vraiment |
        non pas vraiment | non pas encore | pas encore | non rarement | rarement | non pas assez | pas assez |
        non je ne pense pas | je ne pense pas | je pense que non | non je pense pas | je pense pas | non plus |
        non pas forcement | pas forcement | non pas necessairement | pas necessairement | non pas toujours |
        pas toujours | defavorable | non defavorable | contre | je suis contre | non je suis contre | non aucun |
        non aucune | non pas du tout merci | non ce n est pas le cas | ce n est pas le cas | pas de"""
    ),
    DONT_KNOW: _phrases(
        """je ne sais pas | ne sais pas | je sais pas | sais pas | nsp | ne se prononce pas | sans avis |
        pas d avis | aucun avis | sans opinion | pas d opinion | aucune opinion | aucune idee | pas d idee |
        je n ai pas d avis | je n ai pas d idee | je n en sais rien | j en sais rien | peut etre | je ne sais |
        difficile a dire | je ne sais pas trop | je ne sais pas vraiment | bonne question | je ne me prononce pas |
        pas d avis particulier | sans avis particulier | ne sait pas"""
    ),
    NOT_CONCERNED: _phrases(
        """non concerne | non concernee | non concernes | pas concerne | pas concernee | pas concernes |
        je ne suis pas concerne | je ne suis pas concernee | non applicable | sans objet | so | na | n a | nc |
        non c | pas applicable | ne s applique pas | ne me concerne pas | cela ne me concerne pas |
        ca ne me concerne pas | pas de cas | pas eu le cas | je n ai pas eu le cas | pas eu a le faire"""
    ),
    NONE: _phrases(
        """aucun | aucune | aucuns | aucunes | rien | rien du tout | ne rien | ne rien faire | aucun service |
        aucune demarche | aucune en particulier | aucun en particulier | pas grand chose | personne | nulle part |
        je n en ai pas eu | je n en ai pas | pas a ma connaissance | aucun a ma connaissance"""
    ),
    ALL: _phrases(
        """tous | toutes | tout | tous et toutes | toutes et tous | tous les services | toutes les demarches |
        tout ce qui peut l etre | tout ce qui est possible | la totalite | tous sans exception | absolument tout |
        tous les domaines | partout | tout le monde"""
    ),
    FINE: _phrases(
        """bien | tres bien | tres bien merci | bien merci | ca va | ca va bien | satisfaisant | satisfait |
        satisfaite | tres satisfait | tres satisfaite | correct | correctement | bon | tres bon | excellent |
        parfait | parfaitement | nickel | rien a redire | pas de probleme | aucun probleme | sans probleme |
        tout va bien | ca marche | ca fonctionne | ca fonctionne bien | fonctionne bien | efficace | tres efficace |
        non aucun probleme"""
    ),
    MIXED: _phrases(
        """bof | bof bof | moyen | moyennement | pas terrible | mouais | mitige | mitigee | couci couca |
        plus ou moins | ca depend | cela depend | tout depend | ni oui ni non | oui et non | oui mais | pas mal"""
    ),
    SEE_ABOVE: _phrases(
        """idem | id | voir ci dessus | cf ci dessus | voir plus haut | cf plus haut | deja dit | deja repondu |
        comme ci dessus | comme plus haut | comme precedemment | meme reponse | meme chose | pareil | voir avant |
        voir precedemment | idem ci dessus | idem plus haut | idem que ci dessus | cf supra | voir supra | ditto |
        meme remarque | meme commentaire | meme avis | voir au dessus | cf au dessus | comme au dessus"""
    ),
    NOT_UNDERSTOOD: _phrases(
        """je ne comprends pas la question | je ne comprends pas | question incomprehensible | pas compris |
        je n ai pas compris | je n ai pas compris la question | pas compris la question | incomprehensible |
        question pas claire | question floue | je ne comprends pas bien la question | question mal posee |
        la question n est pas claire | je ne vois pas | je ne vois pas ce que vous voulez dire"""
    ),
}
_CLOSED_OF = {phrase: label for label, phrases in _EXACT.items() for phrase in phrases}

# The only words a longer form may hold: « idem pour les transports » or « pas compris pourquoi les impôts
# augmentent » say something else, and go to a topic.
_PATTERN_WORDS = frozenset(
    """voir cf confer se referer reporter reportez vous meme memes idem comme deja pareil identique reponse reponses
    question questions ci dessus plus haut au precedente precedentes precedent precedemment supra ma mes la le les
    l a aux de des du d que qu qui ce cette cet c est j ai je n ne pas comprends comprend saisis saisi compris
    incomprehensible claire clair floue flou absurde mal posee pose orientee bien sens tres vraiment trop numero no
    n votre vos ma mon ou avant dit repondu ete y autre autres""".split()
) | frozenset(str(number) for number in range(1, 100))
# Longer forms, read as patterns: « voir ma réponse à la question 3 », « même réponse que précédemment »,
# « je ne comprends pas bien le sens de cette question ».
_SEE_ABOVE_RE = re.compile(
    r"^(?:(?:voir|cf|confer|se referer|se reporter|reportez vous|meme|memes|idem|comme|deja|pareil|identique)\b"
    r".*\b(?:reponses?|ci dessus|plus haut|au dessus|question precedente|precedemment|supra)\b.*"
    r"|(?:voir|cf|se referer|se reporter)\b.*\bquestions?\b.*|idem\b.*)$"
)
_NOT_UNDERSTOOD_RE = re.compile(
    r"^(?:je |j )?(?:ne )?(?:comprends?|saisis) pas\b.*\bquestion\b.*$|^question\b.*\b(?:incomprehensible|"
    r"pas claire|floue|absurde|mal posee|orientee)\b.*$|^(?:je n ai |j ai )?pas compris\b.*$"
)

_EMPTY = _phrases(
    """ras | r a s | r a s merci | ras merci | rien a dire | rien a signaler | rien a ajouter | rien de plus |
    rien de particulier | rien a declarer | neant | aucun commentaire | aucune remarque | nr | x | xx | xxx | test |
    pas de commentaire | pas de commentaires | pas de reponse | pas de remarque | merci | vide | neant merci |
    rien merci | pas d observation | sans commentaire | pas de suggestion | aucune suggestion | pas d autre remarque |
    rien d autre | pas de proposition | aucune proposition | je n ai rien a dire | je n ai rien a ajouter |
    rien a proposer | le | la | les | de | du | un | une | a"""
)
# An answer with fewer letters than this says nothing (« a », « ?? », « 12 »), unless it is a closed answer (« o »).
MIN_LETTERS = 3
# Whether a folded answer has `MIN_LETTERS` letters, searched rather than counted (a text may be 1 MB).
_ENOUGH_LETTERS_RE = re.compile(r"[a-z][^a-z]*" * (MIN_LETTERS - 1) + "[a-z]")


# Words around a short answer that change nothing: « RAS, merci », « Non donc », « Bon, je ne sais pas ».
FILLERS = frozenset("merci donc alors bon ben bah euh voila enfin sinon bref madame monsieur".split())


def _lookup(folded: str) -> str | None:
    found = _CLOSED_OF.get(folded)
    if found is not None:
        return found
    return EMPTY if folded in _EMPTY else None


def _short_kind(folded: str) -> str | None:
    """The kind of a short answer, with fillers left out and a closing « oui » or « non » dropped after another
    closed answer (« Aucune idée, non. »)."""
    found = _lookup(folded)
    if found is not None:
        return found
    words = [word for word in folded.split() if word not in FILLERS]
    if not words:
        return EMPTY
    found = _lookup(" ".join(words))
    if found is None and len(words) > 1 and words[-1] in ("oui", "non"):
        found = _lookup(" ".join(words[:-1]))
    return found


def kind_of(folded: str) -> str | None:
    """`EMPTY` for an answer with nothing to read, a label of `CLOSED_LABELS` for a closed answer, else None.

    `folded` is the answer folded by `text.fold`. An answer with fewer than `MIN_LETTERS` letters (« . », « 0 »,
    « ??? ») is empty.
    """
    if len(folded) > MAX_LENGTH:
        return None
    found = _short_kind(folded)
    if found is not None:
        return found
    if _ENOUGH_LETTERS_RE.search(folded) is None:
        return EMPTY
    if folded.count(" ") >= MAX_WORDS or any(word not in _PATTERN_WORDS for word in folded.split()):
        return None
    if _NOT_UNDERSTOOD_RE.match(folded):
        return NOT_UNDERSTOOD
    if _SEE_ABOVE_RE.match(folded):
        return SEE_ABOVE
    return None


def titled_text(title: str, body: str) -> str:
    """A contribution with a title as the synthesis reads it (the forum's, a Decidim proposal's): the title as its
    first sentence, then the body; or the body alone when it answers a question without a subject of its own
    (`ANSWERS_WITHOUT_SUBJECT`), so that « Mon avis » / « Oui » counts as a « Oui » rather than as a text about
    « avis ». Other bodies keep their title: « Wifi » / « Partout » and « Plus de bus le soir » / « Rien à
    ajouter. » say something."""
    title, body = title.strip(), body.strip()
    if not title:
        return body
    if not body:
        return title
    if kind_of(text.fold(text.normalise(body))) in ANSWERS_WITHOUT_SUBJECT:
        return body
    return f"{title} {body}" if title[-1] in ".!?…:;" else f"{title}. {body}"
