"""The communes reference: every commune of the official list, with its postal codes, position and population.

Pure Python. The project ships a compact file built from public data (`data/communes.csv.gz`, see
`data/README.md`), so that orientation works on a fresh machine: the communes and municipal arrondissements of
the Code officiel géographique, overseas collectivities included, with the La Poste postal codes. Rebuild it with
`python -m mediane.structures.communes build <centroids.csv.gz>` (`communes_build.py`).

A person names a commune by its postal code or its name (`CommuneReference.find`); a program by its INSEE code
(`by_insee`). The two codes are never guessed one for the other: five digits typed by a person are a postal code.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mediane.numbers import is_ascii_number

SHIPPED = Path(__file__).resolve().parent / "data" / "communes.csv.gz"

COLUMNS = (
    "insee",
    "name",
    "kind",
    "city",
    "postal_codes",
    "region",
    "latitude",
    "longitude",
    "position",
    "population",
    "former_names",
)
LIST_SEPARATOR = "|"

COMMUNE = "commune"
ARRONDISSEMENT = "arrondissement"

# How many communes a search offers to choose from; past that, the person is asked to say more.
MAX_CHOICES = 12
POSTAL_CODE_RE = re.compile(r"^[0-9]{5}$")
_DIGITS = re.compile(r"[0-9]+")
_EXAMPLES = "par exemple « Villeurbanne » ou « 69100 »"

# Overseas, a territory is its département or collectivity; mainland France and Corsica are one territory.
# Orientation never sends a person from one territory to another (an ocean lies between them).
MAINLAND = "metropole"
TERRITORIES = {
    MAINLAND: "en France métropolitaine",
    "971": "en Guadeloupe",
    "972": "en Martinique",
    "973": "en Guyane",
    "974": "à La Réunion",
    "975": "à Saint-Pierre-et-Miquelon",
    "976": "à Mayotte",
    "977": "à Saint-Barthélemy",
    "978": "à Saint-Martin",
    "984": "dans les Terres australes et antarctiques françaises",
    "986": "à Wallis-et-Futuna",
    "987": "en Polynésie française",
    "988": "en Nouvelle-Calédonie",
    "989": "à Clipperton",
}


def departement_of_insee(insee: str) -> str:
    """The département of a commune: the first two characters of its INSEE code, three overseas (97x, 98x)."""
    return insee[:3] if insee.startswith(("97", "98")) else insee[:2]


def territory_of(departement: str) -> str:
    """The territory of a département: itself overseas, `MAINLAND` for the others (Corsica included)."""
    return departement if departement in TERRITORIES else MAINLAND


def fold(text: str) -> str:
    """Accent-, case- and space-free form, to compare names: « Saint-Étienne » → « saint-etienne »."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(stripped.split())


_ARTICLE_AFTER = re.compile(r"(.*?)\s*\((l'|l’|le|la|les)\)", flags=re.IGNORECASE)
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def name_key(name: str) -> str:
    """The form in which two spellings of a commune compare equal: « St-Martin (Le) », « Le Saint-Martin » and
    « le saint martin » are all « le saint martin » (accents, case, hyphens and apostrophes folded)."""
    name = name.strip()
    article = _ARTICLE_AFTER.fullmatch(name)
    if article:
        name = f"{article.group(2)} {article.group(1)}"
    words = re.findall(r"[a-z0-9]+", fold(name))
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


_ARTICLES = ("l ", "le ", "la ", "les ")


def _without_article(key: str) -> str:
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


class CommuneNotFound(ValueError):
    """No commune matches what the person typed; the message says what to type instead, in French."""


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str  # with its article: « L'Abergement-Clémenciat », « Lyon 1er Arrondissement »
    postal_codes: tuple[str, ...]
    departement: str
    region: str
    latitude: float | None  # None: no known position (see data/README.md)
    longitude: float | None
    population: int  # legal population; 0 where none is published (uninhabited)
    kind: str = COMMUNE  # COMMUNE or ARRONDISSEMENT (of Paris, Lyon and Marseille)
    city: str = ""  # for an arrondissement, the INSEE code of its city (75056, 69123, 13055)
    position: str = ""  # where the position comes from (see data/README.md); "" when unknown
    former_names: tuple[str, ...] = ()  # its communes déléguées and associées, which people still name

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def territory(self) -> str:
        return territory_of(self.departement)

    @property
    def postal_code(self) -> str:
        """The postal code to show beside the name: the first one, "" for an uninhabited commune."""
        return self.postal_codes[0] if self.postal_codes else ""

    @property
    def label(self) -> str:
        """« Villeurbanne (69100) », the commune as a page names it; « Lyon (9 codes postaux) » for a city."""
        if len(self.postal_codes) > 3:
            return f"{self.name} ({len(self.postal_codes)} codes postaux)"
        if self.postal_codes:
            return f"{self.name} ({', '.join(self.postal_codes)})"
        return self.name


class CommuneReference:
    """Communes by INSEE code, by postal code and by name. Build it with `load_communes()`."""

    def __init__(self, communes: Sequence[Commune]) -> None:
        self._by_insee = {commune.insee: commune for commune in communes}
        by_postal_code: dict[str, list[Commune]] = {}
        for commune in communes:
            for postal_code in commune.postal_codes:
                by_postal_code.setdefault(postal_code, []).append(commune)
        # An arrondissement and its city share the postal code: the arrondissement is the more precise answer.
        self._by_postal_code = {
            code: tuple(sorted(_precise(sharing), key=lambda c: (-c.population, c.insee)))
            for code, sharing in by_postal_code.items()
        }
        keys: dict[str, set[str]] = {}
        for commune in communes:
            for name in (commune.name, *commune.former_names):
                key = name_key(name)
                keys.setdefault(key, set()).add(commune.insee)
                keys.setdefault(_without_article(key), set()).add(commune.insee)
        self._keys = sorted(keys)
        self._insee_of_key = {key: tuple(sorted(codes)) for key, codes in keys.items()}

    def __len__(self) -> int:
        return len(self._by_insee)

    def __iter__(self) -> Iterator[Commune]:
        return iter(self._by_insee.values())

    def by_insee(self, code: str) -> Commune | None:
        return self._by_insee.get((code or "").strip().upper())

    def by_postal_code(self, code: str) -> list[Commune]:
        """The communes that have this postal code, largest population first. An arrondissement stands for its
        city: 69003 is Lyon 3e Arrondissement only, not also Lyon."""
        return list(self._by_postal_code.get(code, ()))

    def by_name(self, text: str) -> list[Commune]:
        """The communes named so (accents, case, hyphens, « St », the article folded), or, when none is, those
        whose name starts so; largest population first, at most `MAX_CHOICES`."""
        key = name_key(text)
        if not key:
            return []
        exact = self._insee_of_key.get(key, ())
        if exact:
            return self._ranked(exact)[:MAX_CHOICES]
        start = bisect.bisect_left(self._keys, key)
        found: set[str] = set()
        for candidate in self._keys[start:]:
            if not candidate.startswith(key):
                break
            found.update(self._insee_of_key[candidate])
        if not found:
            # « Kerguelen » for « Archipel des Kerguelen »: a word of the name, when no name starts so.
            inner = f" {key}"
            for candidate, codes in self._insee_of_key.items():
                if inner in candidate:
                    found.update(codes)
        return self._ranked(found)[:MAX_CHOICES]

    def _ranked(self, codes) -> list[Commune]:
        return sorted((self._by_insee[code] for code in codes), key=lambda c: (-c.population, c.name, c.insee))

    def find(self, text: str) -> list[Commune]:
        """The communes a person means by a postal code or a name, or raise CommuneNotFound with what to type.

        One commune: found. Several: the person chooses; the communes of a shared postal code come all, in
        alphabetical order (the person looks for their name), those of a name largest population first. Five
        digits are a postal code, never an INSEE code: 64160 is Morlaàs, whose postal code it is, not
        Cambo-les-Bains, whose INSEE code it is. A postal code with a name (« 69100 Villeurbanne ») keeps the
        communes of that code that bear the name. Spaces inside the code are tolerated (« 69 001 »).
        """
        text = " ".join((text or "").split())
        if not text:
            raise CommuneNotFound(f"Écrivez le nom de votre commune ou son code postal, {_EXAMPLES}.")
        compact = text.replace(" ", "")
        if is_ascii_number(compact):
            if not POSTAL_CODE_RE.match(compact):
                raise CommuneNotFound(
                    f"« {text} » n'est pas un code postal : il faut 5 chiffres. Vous pouvez aussi écrire le nom "
                    "de la commune."
                )
            return sorted(self._postal_code_or_error(compact), key=lambda c: (name_key(c.name), c.insee))
        digits = [group for group in _DIGITS.findall(text) if len(group) == 5]
        if len(digits) == 1:
            sharing = self._postal_code_or_error(digits[0])
            words = name_key(text.replace(digits[0], " "))
            named = [c for c in sharing if words and words in name_key(c.name)]
            return named or sharing
        found = self.by_name(text)
        if not found:
            raise CommuneNotFound(
                f"Aucune commune ne s'appelle « {text} ». Vérifiez l'orthographe, ou écrivez le code postal."
            )
        return found

    def _postal_code_or_error(self, code: str) -> list[Commune]:
        sharing = self.by_postal_code(code)
        if not sharing:
            raise CommuneNotFound(
                f"Aucune commune n'a le code postal « {code} ». Vérifiez les 5 chiffres, ou écrivez le nom de la "
                "commune."
            )
        return sharing

    def resolve(self, text: str) -> Commune:
        """The one commune meant by `text`, or CommuneNotFound (none, or several to choose from)."""
        found = self.find(text)
        if len(found) > 1:
            raise CommuneNotFound(
                f"Plusieurs communes correspondent à « {text.strip()} » : "
                f"{', '.join(c.label for c in found[:5])}{'…' if len(found) > 5 else ''}. Choisissez la vôtre."
            )
        return found[0]


def _precise(sharing: list[Commune]) -> list[Commune]:
    cities = {c.city for c in sharing if c.kind == ARRONDISSEMENT}
    return [c for c in sharing if c.insee not in cities]


def load_communes(path: Path = SHIPPED) -> CommuneReference:
    """Read a reference written by `communes_build`. The shipped one is read once per process."""
    if path == SHIPPED:
        return _load_shipped()
    return read_reference(path)


@functools.lru_cache(maxsize=1)
def _load_shipped() -> CommuneReference:
    return read_reference(SHIPPED)


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split(LIST_SEPARATOR)) if value else ()


def read_reference(path: Path) -> CommuneReference:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        if tuple(next(rows, ())) != COLUMNS:
            raise ValueError(f"{path} is not a communes reference: its header is not {','.join(COLUMNS)}")
        communes = [
            Commune(
                insee=insee,
                name=name,
                kind=kind,
                city=city,
                postal_codes=_split(postal_codes),
                departement=departement_of_insee(insee),
                region=region,
                latitude=float(latitude) if latitude else None,
                longitude=float(longitude) if longitude else None,
                position=position,
                population=int(population),
                former_names=_split(former_names),
            )
            for insee, name, kind, city, postal_codes, region, latitude, longitude, position, population, former_names in rows  # noqa: E501
        ]
    return CommuneReference(communes)


def main(argv: Sequence[str] | None = None) -> int:
    from . import communes_build

    return communes_build.main(argv)


if __name__ == "__main__":
    sys.exit(main())
