"""How a place's name, address and commune read on the public pages: clean, without changing the stored data.

Pure Python. Imported files carry names in capitals (« CYBER CENTRE »), abbreviations (« Bibliothèque Du 1er
Arrdt »), stray punctuation (« 11 Petite rue du Roulet ) », « Place du dispensaire - ») and the postal code and
commune repeated inside the address. The data keeps what the producer published (exports and the API give it
back as it came); pages show it through these functions. No accent is ever guessed: « PERI » becomes « Peri »,
not « Péri ». A commune's name is taken from the communes reference, which spells it, when the place gives its
INSEE code or its postal code and the names agree.
"""

from __future__ import annotations

import re

from mediane.structures.communes import CommuneReference, fold, name_key
from mediane.structures.libraries import KNOWN_WORDS

# Small words that French writes in lower case inside a name or an address (never as its first word).
_SMALL_WORDS = frozenset("à au aux avec chez d de des du en et l la le les par pour sous sur un une".split())
# In a name written in ordinary case, only these are lowered: « Le », « La » and « Les » may begin a proper name
# inside it (« Centre culturel Le Toboggan »), « Du » or « De » never do (« Bibliothèque Du 1er »).
_LOWERED_IN_MIXED_CASE = frozenset("au aux d de des du et en sur sous".split())
# The kinds of way of an address, in lower case after the number (« 57 avenue Gabriel Peri »).
_ARTICLE_WORDS = frozenset("l la le les".split())
_WAY_TYPES = frozenset(
    (
        "allée allee avenue boulevard chemin cité cite clos cours domaine esplanade faubourg hameau impasse lieu-dit "
        "lotissement montée montee parvis passage place promenade quai quartier résidence residence route rue "
        "ruelle sentier square traverse villa voie"
    ).split()
)
# Acronyms common in the names of places that help with digital tools; kept in capitals.
_ACRONYMS = frozenset(
    (
        "caf ccas cdi cias cij cpam csc epn fjt mjc msa mfs pij pmi ehpad esat chrs udaf afpa greta caps ccs "
        "cyber-base ntic tic"
    ).split()
)
_ABBREVIATIONS = {
    "arrdt": "arrondissement",
    "arrdt.": "arrondissement",
    "arrt": "arrondissement",
    "arrt.": "arrondissement",
}
# In an address only: in a name, « BD » is a comic book (« Espace BD »), not a boulevard.
_ADDRESS_ABBREVIATIONS = {**_ABBREVIATIONS, "bd": "boulevard", "bd.": "boulevard", "av": "avenue", "av.": "avenue"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", flags=re.UNICODE)
_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " -–—,;:/|.·"


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _balanced(text: str) -> str:
    """Without the brackets that close nothing or open nothing: « 11 Petite rue du Roulet ) » loses its « ) »."""
    kept: list[str] = []
    opened: list[int] = []
    for char in text:
        if char in "([":
            opened.append(len(kept))
        elif char in ")]":
            if not opened:
                continue
            opened.pop()
        kept.append(char)
    for position in reversed(opened):
        del kept[position]
    return "".join(kept)


def _tidy(text: str) -> str:
    """Spaces collapsed, brackets balanced, no space before a comma or inside brackets, no stray punctuation at
    either end (« Place du dispensaire - » → « Place du dispensaire »)."""
    text = _collapse(_balanced(_collapse(text)))
    text = re.sub(r"\s+([,)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r",(?=\S)", ", ", text)
    text = text.strip(_EDGE_PUNCTUATION)
    # A full stop ends an abbreviation or a sentence, never a name: it was only stripped at the end when stray.
    return _collapse(text)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _known(word: str, first: bool) -> str | None:
    """The spelling of a common word of place names whose spelling is known (« BIBLIOTHEQUE » → « bibliothèque »),
    capitalised when it begins the name; None for any other word."""
    known = KNOWN_WORDS.get(fold(word))
    if known is None or fold(word) in _ARTICLE_WORDS:
        return None
    return known[:1].upper() + known[1:] if first else known


def _title_word(word: str, first: bool, ways: bool) -> str:
    lower = word.lower()
    if lower in _ACRONYMS:
        return word.upper()
    known = _known(word, first)
    if known is not None:
        return known
    if not any(c in "aeiouyàâäéèêëîïôöùûü" for c in lower):
        return word  # « NC », « MJC »: an acronym without vowels stays as written
    if not first and lower in _SMALL_WORDS:
        return lower
    if ways and lower in _WAY_TYPES:
        return lower
    # Each part of « SAINT-ETIENNE » and « L'ESPACE » gets its capital: « Saint-Etienne », « L'Espace ».
    parts = re.split(r"(['’-])", lower)
    titled = [part[:1].upper() + part[1:] if part not in ("'", "’", "-") else part for part in parts]
    if not first and len(parts) >= 3 and parts[0] in ("l", "d") and parts[1] in ("'", "’"):
        titled[0] = parts[0]  # « de l'Espace », « salle d'Activités »
    return "".join(titled)


def _retitle(text: str, *, ways: bool) -> str:
    """A text in capitals in ordinary French capitalisation, without guessing any accent."""
    pieces = _WORD.split(text)
    words = _WORD.findall(text)
    out = [pieces[0]]
    for position, word in enumerate(words):
        out.append(_title_word(word, position == 0, ways))
        out.append(pieces[position + 1])
    return "".join(out)


def _expand(text: str, abbreviations: dict[str, str] = _ABBREVIATIONS) -> str:
    """« Arrdt » and « Arrt » become « arrondissement » (and, in an address, « Bd » « boulevard »)."""
    return " ".join(abbreviations.get(token.lower(), token) for token in text.split(" "))


def _lower_small_words(text: str) -> str:
    """« Bibliothèque Du 1er arrondissement » → « Bibliothèque du 1er arrondissement » (not the first word), and the
    accents of the common words whose spelling is known (« Bibliotheque Municipale » → « Bibliothèque Municipale »):
    their capital stays, for « Point du Jour » is a name."""
    words = text.split(" ")
    out = []
    for position, word in enumerate(words):
        if position and word.lower() in _LOWERED_IN_MIXED_CASE:
            out.append(word.lower())
            continue
        known = _known(word, position == 0) if word.isalpha() else None
        if known is not None and word[:1].isupper():
            known = known[:1].upper() + known[1:]
        out.append(known if known is not None else word)
    return " ".join(out)


def clean_name(name: str) -> str:
    """A place's or a structure's name as a page shows it."""
    text = _expand(_tidy(name))
    if _in_capitals(text):
        return _retitle(text, ways=False)
    return _lower_small_words(text)


def clean_address(address: str, postal_code: str = "", commune: str = "") -> str:
    """The street part of an address as a page shows it, without the postal code and commune that some producers
    repeat at its end (« 20 rue Anatole France 98 800 Nouméa »): the page writes them once, after it."""
    text = _tidy(address)
    if postal_code:
        spaced = rf"{postal_code[:2]}\s?{postal_code[2:]}"
        text = re.sub(rf"[\s,\-–]*{spaced}(?:\s+{re.escape(commune)})?\s*$", "", text, flags=re.IGNORECASE)
        text = _tidy(text)
    text = _expand(text, _ADDRESS_ABBREVIATIONS)
    if _in_capitals(text):
        return _retitle(text, ways=True)
    return text


def clean_commune(commune: str, postal_code: str, code_insee: str, communes: CommuneReference) -> str:
    """The commune's name as the reference spells it (« ST GENIS LAVAL » → « Saint-Genis-Laval »), when the place's
    INSEE code or postal code points to a commune of that name; otherwise the given name, tidied."""
    key = name_key(commune)
    candidates = []
    known = communes.by_insee(code_insee) if code_insee else None
    if known is not None:
        candidates.append(known)
    candidates += communes.by_postal_code(postal_code)
    for candidate in candidates:
        if key and name_key(candidate.name) in (key, f"le {key}", f"la {key}", f"les {key}", f"l {key}"):
            return candidate.name
    text = _tidy(commune)
    return _retitle(text, ways=False) if _in_capitals(text) else text


def adds_to(subtitle: str, name: str) -> bool:
    """Whether a subtitle (the structure's name) says more than the place's name: not when one holds the other
    (« Médiathèque Jean Macé » under « Médiathèque Jean Macé »)."""
    sub, title = name_key(subtitle), name_key(name)
    return bool(sub) and sub not in title and title not in sub


_VOWELS = tuple("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒaeiouyàâäéèêëîïôöùûüœ")


def of(name: str) -> str:
    """« de » before a commune's name, as French says it: « de Lyon », « d'Aurillac », « du Mans » (Le Mans),
    « des Abymes » (Les Abymes), « de La Rochelle »."""
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name.startswith(_VOWELS):
        return f"d'{name}"
    return f"de {name}"
