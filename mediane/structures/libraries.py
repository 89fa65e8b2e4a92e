"""The Ministry of Culture's file of public libraries, read into rows of the national standard v1.0.2.

Pure Python, no Django. The file is « Adresses des bibliothèques publiques » (data.culture.gouv.fr, Licence
Ouverte): one row per library, with the Ministry's code (`Code_bib`), the address, the commune and some answers of
the yearly survey. `read_libraries` gives, for every row, either a `Library` (a valid standard row plus what the
standard cannot carry) or a `Rejection` with its physical line, and French warnings that count every value it
corrected or could not use. A row without a name, a commune or a valid postal code (the standard requires them),
or without an address and coordinates, is rejected, saying which column to fill; the file writes « 0 » (sometimes
« _ ») for a missing value, which counts as empty. A value the standard refuses (a coordinate out of range)
rejects the row with the standard's own message.

How each standard field is filled, and why:

- `id` is « bib- » followed by `Code_bib` (« bib-LI5119 »): the Ministry's code is stable from one edition of the
  file to the next, so a new edition updates the same places. A code seen twice rejects the second row.
- `pivot` is the standard's placeholder (`standard.PIVOT_PLACEHOLDER`): the file has no SIRET, and guessing the
  commune's SIRET would attach the library to the town hall.
- `nom` is the file's name with runs of spaces collapsed. The « 03 - » or « 69M – » prefix of the départemental
  libraries is a département code, not part of the name: it is removed (the département is kept as a fact).
  A name written in capitals is rewritten in ordinary French capitalisation only when every word is either a
  common word of library names whose spelling we know (« MEDIATHEQUE » → « médiathèque », with its accents) or
  part of the row's commune or département name, whose spelling the file gives (« Val d'Oust »). Any other word
  (a person, a place, an acronym) could lose an accent or a capital, so those names are kept in capitals.
- `adresse` is the address with spaces collapsed. A library without street address but with its coordinates (the
  file has some 800, often in small communes) is kept with a blank `adresse`: Médiane shows it with its commune and
  its position, and the standard's exports, which require an address, leave it out and say so. Without
  coordinates either, nothing tells where it is: the row is rejected. `code_postal` is zero-padded when the file
  lost the leading zero (« 2300 » or « 2300.0 » → « 02300 »). `commune` is the file's `Ville`.
- `code_insee` comes from the communes reference: the commune that has this postal code and this name (compared
  without accents, case, hyphens or apostrophes; « St » is « Saint »; « Paris » with 75013 is « Paris 13e
  Arrondissement »). When the postal code matches none, for instance a CEDEX code, the name is looked up in the
  département. Failing that, a commune renamed or merged since keeps the old name in its new one (« Laguenne » is
  now « Laguenne-sur-Avalouze »): the only commune of the postal code whose name contains the file's is taken.
  Several matches (« Lyon » with a CEDEX code) or none leave it empty; each way is counted.
- `latitude` and `longitude` are copied when both are given; a row without them is kept (they are optional in
  the standard) and counted.
- `site_web` is `site_internet` when it is a web address; a bare host name (« www.bm-lyon.fr ») gets « https:// »,
  and so does a host after a mistyped scheme (« https:/ », « htpps:// »).
  The other values (« Oui », « non », « 0 », « NC », « Site internet propre », « page facebook »…) say whether
  there is a site, not where: they are left out and counted.
- `typologie` is « BIB », the data·inclusion code for libraries and media libraries, the vocabulary the schema's
  description points to.
- `date_maj` is the date the caller gives (the file's publication date); `source` is `SOURCE`.
- `itinerance`: « Itinérant » for a bibliobus, « Fixe » for a building open to the public; nothing for the others.
- `modalites_acces`: « Ce lieu n'accueille pas de public » for a place the file calls administrative only or a
  reserve not open to the public. These are read, not rejected: the import decides what to do with them.
- `services`: only « Accès internet et matériel informatique », and only when `connexion_wi_fi` is « Oui » in a
  place that receives the public. A public Wi-Fi is an access to the internet, and the standard has no label for
  internet access alone: the project already reads the old « Accéder à une connexion internet » as this service
  (`standard_readers.LEGACY_SERVICES`). Wi-Fi in a reserve or an administrative office serves the staff, so it is not
  taken. The file says nothing about help or workshops, so no other service is given, nor any
  `modalites_accompagnement`: a row that says nothing gets no service.
- `frais_a_charge`: « Gratuit » when `gratuite_des_services` is « Oui ». « Non » is left empty: it means some
  service is charged (often the borrowing card), not that internet access or help is; « Payant » would mislead.

Not carried into the standard: `type_adresse` (kept as `Library.library_type`), département and région (kept as
facts, taken from the communes reference when the commune is resolved, because the file's codes are sometimes
wrong, else from the file), Sunday opening (the standard only takes full opening hours), and the survey's
figures (books, visits, staff, spending, population), which describe the library, not its digital offer.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mediane.accounts.territories import InvalidPostalCode, departement_from_postal_code
from mediane.french import plural
from mediane.structures.communes import Commune, CommuneReference, departement_of_insee, load_communes
from mediane.structures.communes import fold as _fold
from mediane.structures.communes import name_key as _commune_key
from mediane.structures.standard import PIVOT_PLACEHOLDER, FormatError, Rejection, Row, validate_row

SOURCE = "Ministère de la Culture — Adresses des bibliothèques publiques"
TYPOLOGIE = "BIB"
ID_PREFIX = "bib-"

# The values of `type_adresse`, as the file writes them; « 0 » also occurs and means the type was not given.
OPEN_BUILDING = "Bâtiment ouvert"
BIBLIOBUS = "Bibliobus"
DEPARTMENTAL_LIBRARY = "Bibliothèque départementale"
ADMINISTRATIVE_ONLY = "Lieu uniquement administratif"
CLOSED_RESERVE = "Réserve de documents non ouverte au public"
LIBRARY_TYPES = (OPEN_BUILDING, BIBLIOBUS, DEPARTMENTAL_LIBRARY, ADMINISTRATIVE_ONLY, CLOSED_RESERVE)
_NO_PUBLIC_TYPES = (ADMINISTRATIVE_ONLY, CLOSED_RESERVE)

INTERNET_ACCESS = "Accès internet et matériel informatique"
NO_PUBLIC = "Ce lieu n'accueille pas de public"

# Columns without which no row can be read; the others are optional and read as empty when absent.
REQUIRED_COLUMNS = ("Code_bib", "nom_de_l_etablissement", "Adresse", "CP", "Ville")
OPTIONAL_COLUMNS = (
    "code_region",
    "code_departement",
    "Longitude",
    "Latitude",
    "type_adresse",
    "site_internet",
    "connexion_wi_fi",
    "gratuite_des_services",
)

_EXAMPLES = 5  # line numbers quoted in a warning before « … »


@dataclass(frozen=True)
class Library:
    """One accepted row: the standard row and the facts about the library that the standard has no field for."""

    line: int  # physical line in the file (header = 1)
    code: str  # the Ministry's `Code_bib`
    library_type: str  # one of LIBRARY_TYPES, or "" when the file does not say
    departement: str  # « 03 », « 2A », « 974 »; "" when unknown
    region: str  # INSEE region code, two digits (« 84 », « 04 »); "" when unknown
    row: Row


@dataclass
class LibrariesResult:
    """Every data line ends up either in `libraries` or in `rejected`; `warnings` count what was corrected or
    left out, with the first line numbers concerned."""

    libraries: list[Library] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [library.row for library in self.libraries]


# --- Names -----------------------------------------------------------------------------------------------------


_WORD = re.compile(r"([^\W\d_]+)")


_SPACES = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _given(text: str) -> str:
    """The cell's text with spaces collapsed, or "" when it only stands for a missing value: the file writes « 0 »
    where nothing was given, and sometimes « _ » or « - »."""
    text = _collapse(text)
    return "" if text == "0" or not any(c.isalnum() for c in text) else text


# A département code (« 03 », « 2A », « 974 », « 69M » for the Métropole de Lyon) then a dash, at the start.
_DEPARTEMENT_PREFIX = re.compile(r"(?:\d{2}|2[AB]|97\d|69M)\s*[-–]\s+")

# The common words of library names, spelt as they are written in lower case. An upper-case name is rewritten
# only when all its words are here or in the row's commune or département name (see the module docstring).
# Words that often name a building (« ESPACE », « MAISON », « PÔLE », « CENTRE », « SALLE ») are left out on
# purpose: « MEDIATHEQUE DE L'ESPACE » is « de l'Espace », so it stays in capitals.
KNOWN_WORDS = {
    _fold(word): word
    for word in (
        "annexe antenne association associative au aux bibliobus bibliothèque bibliothèques communal communale "
        "communauté communautaire commune communes culturel culturelle d de départemental départementale des "
        "direction du en et intercommunal intercommunale l la le lecture les livre livres ludothèque ludothèques "
        "mairie médiathèque médiathèques multimédia municipal municipale pays point prêt publique réseau service sur"
    ).split()
}


def _proper_spans(words: Sequence[str], proper_names: Iterable[str]) -> dict[int, str]:
    """Where the words of the commune or département name occur in `words`: position → spelling to use."""
    spelling: dict[int, str] = {}
    folded = [_fold(w) for w in words]
    for proper in proper_names:
        proper_words = _WORD.findall(proper)
        size = len(proper_words)
        if not size:
            continue
        target = [_fold(w) for w in proper_words]
        for start in range(len(words) - size + 1):
            if folded[start : start + size] == target:
                spelling.update(zip(range(start, start + size), proper_words, strict=True))
    return spelling


def _readable_capitals(name: str, proper_names: Sequence[str]) -> str | None:
    """`name` (in capitals) in ordinary capitalisation, or None when a word's spelling cannot be known."""
    pieces = _WORD.split(name)  # separators at even positions, words at odd ones
    words = pieces[1::2]
    proper = _proper_spans(words, proper_names)
    rewritten: list[str] = []
    for position, word in enumerate(words):
        if position in proper:
            rewritten.append(proper[position])
        elif _fold(word) in KNOWN_WORDS:
            rewritten.append(KNOWN_WORDS[_fold(word)])
        else:
            return None
    if not rewritten:
        return None
    rewritten[0] = rewritten[0][:1].upper() + rewritten[0][1:]
    pieces[1::2] = rewritten
    return "".join(pieces)


@dataclass(frozen=True)
class _Name:
    text: str
    prefix_removed: bool
    capitals: str  # "" for a name not in capitals, "rewritten" or "kept"


def _clean_name(raw: str, proper_names: Sequence[str]) -> _Name:
    text = _collapse(raw)
    prefix = _DEPARTEMENT_PREFIX.match(text)
    if prefix and text[prefix.end() :].strip():
        text = text[prefix.end() :].strip()
    if not text.isupper():
        return _Name(text, prefix is not None, "")
    readable = _readable_capitals(text, proper_names)
    if readable is None:
        return _Name(text, prefix is not None, "kept")
    return _Name(readable, prefix is not None, "rewritten")


# --- Values ----------------------------------------------------------------------------------------------------


def _postal_code(raw: str) -> tuple[str, bool]:
    """The five-digit postal code and whether a leading zero was added, or ("", False) when it is not one.
    Spreadsheets turn « 02300 » into 2300, or 2300.0 when the column holds numbers."""
    match = re.fullmatch(r"([0-9]{4,5})(?:\.0*)?", raw.replace(" ", ""))
    if not match:
        return "", False
    digits = match.group(1)
    return digits.zfill(5), len(digits) == 4


_URL = re.compile(r"https?://[^\s/@]+\.[^\s/@]+(?:/\S*)?", flags=re.IGNORECASE)
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:/\S*)?", flags=re.IGNORECASE)
# A mistyped scheme before a host name: « https:/ », « https// », « http;// », « htpps:// », « Htts:// ».
_BROKEN_SCHEME = re.compile(r"h?t{1,2}p{1,2}s?\s*[:;]?\s*/{0,2}\s*", flags=re.IGNORECASE)


def _website(raw: str) -> tuple[str, bool]:
    """The web address in `site_internet` and whether it was completed (« https:// » added or its typo fixed);
    ("", False) when the cell holds no web address (« Oui », « 0 », an e-mail, a sentence)."""
    value = raw.strip()
    if _URL.fullmatch(value):
        return value, False
    scheme = _BROKEN_SCHEME.match(value)
    host = value[scheme.end() :] if scheme else value
    if _HOST.fullmatch(host):
        return f"https://{host}", True
    return "", False


def _yes(raw: str) -> bool:
    return raw.strip().casefold() == "oui"


# --- Communes --------------------------------------------------------------------------------------------------


class _CommuneIndex:
    """Finds the INSEE code of a commune from its postal code and name."""

    def __init__(self, communes: CommuneReference) -> None:
        self.communes = communes
        self.by_name: dict[str, list[Commune]] = {}
        for commune in communes:
            self.by_name.setdefault(_commune_key(commune.name), []).append(commune)
            if "arrondissement" in commune.name.casefold():  # « Paris 13e Arrondissement » is also « Paris »
                city = commune.name.split()[0]
                self.by_name.setdefault(_commune_key(city), []).append(commune)

    def find(self, postal_code: str, name: str, departement: str) -> tuple[list[Commune], str]:
        """The communes that match, and how: "postal_code" (the commune of this postal code with this name),
        "departement" (the only one of this name in the département: the postal code is a CEDEX one or wrong),
        "renamed" (the only commune of this postal code whose name contains this one: a commune renamed or
        merged keeps the old name in the new, « Laguenne » → « Laguenne-sur-Avalouze »), or "" with the
        candidates of the département, several for an ambiguity, none for a failure."""
        key = _commune_key(name)
        named = self.by_name.get(key, [])
        sharing = self.communes.by_postal_code(postal_code)
        matches = [c for c in named if c in sharing]
        if matches:
            return matches, "postal_code"
        departements = {departement, _departement_of_postal_code(postal_code)} - {""}
        if postal_code.startswith("20"):
            departements |= {"2A", "2B"}
        in_departement = [c for c in named if c.departement in departements]
        if len(in_departement) == 1:
            return in_departement, "departement"
        renamed = [c for c in sharing if f" {key} " in f" {_commune_key(c.name)} "]
        if len(renamed) == 1:
            return renamed, "renamed"
        return in_departement, ""


def _departement_of_postal_code(postal_code: str) -> str:
    try:
        return departement_from_postal_code(postal_code)
    except InvalidPostalCode:
        return ""


def _file_departement(raw: str) -> str:
    value = raw.strip().upper()
    if re.fullmatch(r"[0-9]", value):
        return value.zfill(2)
    return value if re.fullmatch(r"[0-9]{2}|2[AB]|97[0-9]|69M", value) else ""


def _file_region(raw: str) -> str:
    value = raw.strip()
    return value.zfill(2) if re.fullmatch(r"[0-9]{1,2}", value) else ""


# --- Reading ---------------------------------------------------------------------------------------------------


def _header(text: str) -> tuple[str, list[str]]:
    first_line = text.splitlines()[0] if text else ""
    for delimiter in (",", ";"):
        names = [name.strip() for name in next(csv.reader([first_line], delimiter=delimiter), [])]
        if set(REQUIRED_COLUMNS) <= set(names):
            return delimiter, names
    names = [name.strip() for name in next(csv.reader([first_line]), [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    raise FormatError(
        f"Ce fichier n'est pas celui des bibliothèques publiques du ministère de la Culture : la première ligne "
        f"doit nommer les colonnes, dont {', '.join(missing)}. Téléchargez le fichier « Adresses des bibliothèques "
        f"publiques » au format CSV sur data.culture.gouv.fr."
    )


def _lines(lines: Sequence[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:_EXAMPLES])
    more = ", …" if len(lines) > _EXAMPLES else ""
    return f"{plural(lines, 'ligne', 'lignes')} {shown}{more}"


class _Reader:
    def __init__(self, communes: CommuneReference, published: date) -> None:
        self.index = _CommuneIndex(communes)
        self.published = published.isoformat()
        self.result = LibrariesResult()
        self.first_line_of: dict[str, int] = {}
        self.noted: dict[str, list[int]] = {}  # what a warning counts → the accepted lines concerned
        self.pending: list[str] = []  # what the row being read will count, if it is accepted
        self.unknown_types: Counter[str] = Counter()

    def note(self, what: str) -> None:
        self.pending.append(what)

    def read(self, line: int, cells: Mapping[str, str]) -> None:
        self.pending = []
        code = cells.get("Code_bib", "").strip()
        identifier = f"{ID_PREFIX}{code}" if code else None
        errors: list[str] = []
        if not code:
            errors.append("Le code de la bibliothèque (colonne Code_bib) est vide : renseignez-le.")
        elif (first := self.first_line_of.setdefault(code, line)) != line:
            errors.append(
                f"Le code « {code} » est déjà celui de la bibliothèque de la ligne {first} : chaque bibliothèque "
                f"doit avoir son propre code (colonne Code_bib)."
            )
        raw_name = _given(cells.get("nom_de_l_etablissement", ""))
        address = _given(cells.get("Adresse", ""))
        commune_name = _given(cells.get("Ville", ""))
        raw_postal_code = cells.get("CP", "").strip()
        postal_code, padded = _postal_code(raw_postal_code)
        if not raw_name:
            errors.append("Le nom de la bibliothèque (colonne nom_de_l_etablissement) est vide : renseignez-le.")
        located = bool(cells.get("Latitude", "").strip() and cells.get("Longitude", "").strip())
        if not address and not located:
            errors.append(
                "L'adresse (colonne Adresse) est vide, et la position aussi (colonnes Latitude et Longitude) : "
                "indiquez le numéro et la voie."
            )
        if not commune_name:
            errors.append("La commune (colonne Ville) est vide : renseignez-la.")
        if not raw_postal_code:
            errors.append("Le code postal (colonne CP) est vide : renseignez-le, en 5 chiffres.")
        elif not postal_code:
            errors.append(
                f"Code postal invalide (colonne CP) : « {raw_postal_code} ». Il compte 5 chiffres, par exemple "
                f"03600 ou 51100."
            )
        if errors:
            # The standard's own check would only repeat these in terms of its columns, not of this file's.
            self.result.rejected.append(Rejection(line, identifier, tuple(errors)))
            return

        file_departement = _file_departement(cells.get("code_departement", ""))
        matches, how = self.index.find(postal_code, commune_name, file_departement)
        commune = matches[0] if len(matches) == 1 else None
        if len(matches) > 1:
            self.note("ambiguous")
        elif not matches:
            self.note("unknown_commune")
        elif how in ("departement", "renamed"):
            self.note(f"commune_by_{how}")
        departement, region = self.facts(cells, commune, file_departement)

        given_type = cells.get("type_adresse", "").strip()
        library_type = given_type if given_type in LIBRARY_TYPES else ""
        if not library_type:
            self.note("unknown_type")
        name = _clean_name(raw_name, [commune_name, cells.get("Département", "")])
        if padded:
            self.note("padded")
        if name.prefix_removed:
            self.note("prefix")
        if name.capitals:
            self.note(f"capitals_{name.capitals}")
        values = self.values(cells, name.text, address, postal_code, commune_name, commune, library_type)
        if not address:
            # Checked with the commune standing for the address, which the standard requires; kept blank after.
            values["adresse"] = commune_name
            self.note("no_address")
        row, problems = validate_row(values)
        if problems:
            self.result.rejected.append(Rejection(line, identifier, tuple(problems)))
            return
        if not address:
            row["adresse"] = ""
        for what in self.pending:
            self.noted.setdefault(what, []).append(line)
        if given_type not in (*LIBRARY_TYPES, "", "0"):  # the file writes « 0 » for a type not given
            self.unknown_types[given_type] += 1
        self.result.libraries.append(Library(line, code, library_type, departement, region, row))

    def facts(self, cells: Mapping[str, str], commune: Commune | None, file_departement: str) -> tuple[str, str]:
        """Département and région: the resolved commune's, which the reference guarantees, else the file's."""
        file_region = _file_region(cells.get("code_region", ""))
        if commune is None:
            return file_departement, file_region
        departement = departement_of_insee(commune.insee)
        if (file_departement, file_region) != (departement, commune.region):
            self.note("facts")
        return departement, commune.region

    def values(
        self,
        cells: Mapping[str, str],
        name: str,
        address: str,
        postal_code: str,
        commune_name: str,
        commune: Commune | None,
        library_type: str,
    ) -> dict[str, str]:
        latitude = cells.get("Latitude", "").strip()
        longitude = cells.get("Longitude", "").strip()
        if not (latitude and longitude):
            latitude = longitude = ""
            self.note("no_coordinates")
        raw_site = cells.get("site_internet", "").strip()
        site, completed = _website(raw_site)
        if raw_site and not site:
            self.note("not_a_website")
        if completed:
            self.note("website_completed")
        receives_public = library_type not in _NO_PUBLIC_TYPES
        wifi = _yes(cells.get("connexion_wi_fi", ""))
        if wifi and not receives_public:
            self.note("wifi_without_public")
        itinerance = {BIBLIOBUS: "Itinérant", OPEN_BUILDING: "Fixe"}.get(library_type, "")
        return {
            "id": f"{ID_PREFIX}{cells['Code_bib'].strip()}",
            "pivot": PIVOT_PLACEHOLDER,
            "nom": name,
            "commune": commune_name,
            "code_postal": postal_code,
            "code_insee": commune.insee if commune else "",
            "adresse": address,
            "latitude": latitude,
            "longitude": longitude,
            "typologie": TYPOLOGIE,
            "site_web": site,
            "source": SOURCE,
            "itinerance": itinerance,
            "date_maj": self.published,
            "services": INTERNET_ACCESS if wifi and receives_public else "",
            "frais_a_charge": "Gratuit" if _yes(cells.get("gratuite_des_services", "")) else "",
            "modalites_acces": "" if receives_public else NO_PUBLIC,
        }

    def finish(self) -> LibrariesResult:
        messages = {
            "no_coordinates": "sans coordonnées : importée(s) sans position sur la carte ; ajoutez la latitude et "
            "la longitude pour les y placer",
            "no_address": "sans adresse mais avec leur position : gardée(s) et montrée(s) avec leur commune, "
            "sans adresse ; les exports au standard, qui exigent une adresse, les laissent de côté",
            "ambiguous": "dont plusieurs communes portent le nom avec ce code postal (souvent un code CEDEX) : code "
            "INSEE laissé vide ; indiquez le code postal de distribution",
            "unknown_commune": "dont la commune ne correspond à aucune commune de ce code postal ni du département : "
            "code INSEE laissé vide ; vérifiez le nom de la commune (colonne Ville) et le code postal",
            "commune_by_departement": "dont le code postal ne correspond pas à la commune (code CEDEX ou erreur) : "
            "code INSEE trouvé par le nom de la commune dans le département",
            "commune_by_renamed": "dont la commune porte un ancien nom (commune renommée ou fusionnée) : code INSEE "
            "de la seule commune de ce code postal dont le nom le contient ; vérifiez le nom de la commune",
            "padded": "dont le code postal avait perdu son zéro initial (« 2300 » pour « 02300 ») : zéro ajouté",
            "prefix": "dont le nom commençait par le numéro du département (« 03 - ») : numéro retiré du nom",
            "capitals_rewritten": "dont le nom était en capitales : réécrit en minuscules accentuées",
            "capitals_kept": "dont le nom est en capitales et contient un mot (nom propre, sigle) dont on ne peut "
            "pas deviner les accents : nom laissé en capitales, à corriger à la main",
            "not_a_website": "dont la colonne site_internet ne contient pas une adresse web (« Oui », « non », « 0 », "
            "« NC »…) : site web laissé vide",
            "website_completed": "dont le site web était écrit sans « https:// » ou avec une faute de frappe "
            "(« https:/ », « htpps:// ») : adresse complétée",
            "wifi_without_public": "avec wifi mais sans accueil du public (lieu administratif ou réserve) : service "
            "d'accès à internet non repris",
            "facts": "dont le code de département ou de région du fichier diffère de celui de la commune : celui "
            "de la commune a été retenu",
            "unknown_type": "sans type d'adresse reconnu (colonne type_adresse) : type laissé vide",
        }
        for what, text in messages.items():
            lines = self.noted.get(what, [])
            if lines:
                self.result.warnings.append(f"{len(lines)} bibliothèque(s) {text} ({_lines(lines)}).")
        unknown = [f"« {value} » ({count})" for value, count in self.unknown_types.most_common()]
        if unknown:
            self.result.warnings.append(
                f"Types d'adresse inconnus : {', '.join(unknown)}. Types attendus : "
                f"{', '.join(f'« {t} »' for t in LIBRARY_TYPES)}."
            )
        return self.result


def read_libraries(text: str, *, published: date, communes: CommuneReference | None = None) -> LibrariesResult:
    """Read the Ministry's CSV (already decoded, see `standard_readers.decode`), comma- or semicolon-separated.

    `published` is the file's publication date, written as every row's `date_maj`. `communes` defaults to the
    shipped reference. Raises FormatError when the header is not the file's.
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FormatError("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par bibliothèque.")
    delimiter, header = _header(text)
    reader = _Reader(communes if communes is not None else load_communes(), published)
    absent = [name for name in OPTIONAL_COLUMNS if name not in header]
    if absent:
        reader.result.warnings.append(f"Colonnes absentes, lues comme vides : {', '.join(absent)}.")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(rows)  # the header, read above
    empty_lines = 0
    while True:
        start = rows.line_num + 1
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error:
            reader.result.rejected.append(
                Rejection(start, None, ("Ligne illisible : vérifiez les guillemets de cette ligne.",))
            )
            continue
        if not any(cell.strip() for cell in cells):
            empty_lines += 1
            continue
        if len(cells) != len(header):
            reader.result.rejected.append(
                Rejection(
                    start,
                    None,
                    (
                        f"La ligne compte {len(cells)} colonnes au lieu de {len(header)} : mettez entre guillemets "
                        f"les valeurs qui contiennent « {delimiter} ».",
                    ),
                )
            )
            continue
        reader.read(start, dict(zip(header, cells, strict=True)))
    if empty_lines:
        reader.result.warnings.append(f"{empty_lines} ligne(s) vide(s) ignorée(s).")
    return reader.finish()
