"""A source's mapping profile: how the columns and labels of a producer's own file become the national standard.

Pure Python, no Django. The profile is what an organiser confirms on the mapping pages, what `PlaceSource.profile`
and `ImportJob.profile` store (`Profile.as_json()`), what « Télécharger la correspondance » gives and what
`manage.py import_lieux --profil fichier.json` reads (`Profile.from_json`, which refuses a bad file with a French
`ProfileError` that says what to fix).

Shape of the JSON (version 1)::

    {
      "format": "mediane-correspondance-lieux", "version": 1,
      "source": "Hub numérique Exemple",
      "fields": {
        "nom": {"columns": ["Nom de la structure"]},
        "adresse": {"columns": ["N°", "Voie"], "join": " "},
        "services": {"columns": ["Thématiques"], "separator": ";",
                     "translations": {"Démarches en ligne": ["Aide aux démarches administratives"],
                                      "Café": []}},
        "pivot": {"columns": [], "default": "00000000000000"},
        "horaires": {"columns": ["Horaires"]}
      },
      "extra": ["Nom du référent", "Accès PMR"],
      "published": ["Accès PMR"],
      "ignored": ["Colonne vide"]
    }

- `columns`: the source columns read for the field, in order. Several columns are joined with `join` (an address
  made of a number and a street); an empty list means the field only takes its `default`.
- `separator`: for a multi-valued field, what separates the values in the source (« ; », « , », « / », a line
  break « \\n »); blank means the standard's « | ».
- `translations`: source label → the standard's labels it stands for (an empty list drops the label on purpose,
  and the report counts it). A label absent from `translations` that is not a label of the standard rejects its row,
  with the closest labels proposed: nothing is dropped silently. Keys are compared without case, accents or extra
  spaces (`label_key`).
- `default`: the value used when the source's cell is empty (or the field has no column).
- `extra`: source columns kept with each place as extra data (`Place.extra`), shown to organisers and the place's
  managers only; `published`: those of `extra` the organiser chose to publish in the public JSON export (under
  `donnees_source`) — none by default, since a producer's columns may hold people's names, e-mails or phones;
  `ignored`: columns deliberately left out, counted in the report. Every column of the file is in exactly one of: a
  field's `columns`, `extra`, `ignored` (`Profile.unplaced_columns` tells which are not, and an import refuses to
  run until they are).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..standard import FIELDS_BY_NAME, SEPARATOR, VOCABULARIES

PROFILE_FORMAT = "mediane-correspondance-lieux"
PROFILE_VERSION = 1
# A profile file is small: refuse anything larger before parsing it.
MAX_PROFILE_BYTES = 1024 * 1024
SEPARATORS = {
    ";": "point-virgule (;)",
    ",": "virgule (,)",
    "/": "barre oblique (/)",
    "\n": "retour à la ligne",
    "|": "barre verticale (|)",
}


class ProfileError(ValueError):
    """A profile file that cannot be used; the French message says what to fix."""


def label_key(label: str) -> str:
    """How two spellings of a label are compared: no case, no accents, single spaces, no trailing punctuation."""
    decomposed = unicodedata.normalize("NFKD", label)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "'").split()).strip(" .;:,")


@dataclass
class FieldRule:
    """How one field of the standard is filled from the source (see the module docstring)."""

    columns: list[str] = field(default_factory=list)
    join: str = " "
    separator: str = ""
    translations: dict[str, list[str]] = field(default_factory=dict)
    default: str = ""

    def translation_of(self, label: str) -> list[str] | None:
        """The standard's labels a source label stands for, or None when the profile does not say."""
        wanted = label_key(label)
        for source_label, targets in self.translations.items():
            if label_key(source_label) == wanted:
                return targets
        return None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"columns": list(self.columns)}
        if len(self.columns) > 1:
            data["join"] = self.join
        if self.separator and self.separator != SEPARATOR:
            data["separator"] = self.separator
        if self.translations:
            data["translations"] = {label: list(targets) for label, targets in self.translations.items()}
        if self.default:
            data["default"] = self.default
        return data


@dataclass
class Profile:
    """A source's whole mapping (see the module docstring)."""

    source: str = ""
    fields: dict[str, FieldRule] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.extra and not self.ignored

    def mapped_columns(self) -> set[str]:
        return {column for rule in self.fields.values() for column in rule.columns}

    def unplaced_columns(self, columns: list[str]) -> list[str]:
        """The file's columns the profile says nothing about, in the file's order."""
        placed = self.mapped_columns() | set(self.extra) | set(self.ignored)
        return [column for column in columns if column not in placed]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": PROFILE_FORMAT,
            "version": PROFILE_VERSION,
            "source": self.source,
            "fields": {name: rule.as_json() for name, rule in self.fields.items()},
            "extra": list(self.extra),
            "published": [column for column in self.published if column in self.extra],
            "ignored": list(self.ignored),
        }

    def dumps(self) -> str:
        """The profile as the file « Télécharger la correspondance » gives, indented for people who read it."""
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def loads(cls, data: bytes | str) -> Profile:
        """Read a profile file. Raises ProfileError with what to fix."""
        if isinstance(data, bytes):
            if len(data) > MAX_PROFILE_BYTES:
                raise ProfileError(
                    "Ce fichier de correspondance est trop lourd (1 Mo au plus) : "
                    "ce n'est sans doute pas le bon fichier."
                )
            try:
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ProfileError(
                    "Ce fichier de correspondance n'est pas un texte UTF-8 : "
                    "envoyez le fichier .json téléchargé depuis Médiane."
                ) from None
        try:
            parsed = json.loads(data)
        except RecursionError:
            raise ProfileError(
                "Ce fichier de correspondance est imbriqué trop profondément : "
                "envoyez le fichier .json téléchargé depuis Médiane, sans le modifier à la main."
            ) from None
        except json.JSONDecodeError as error:
            raise ProfileError(
                "Ce fichier de correspondance n'est pas un JSON valide "
                f"(ligne {error.lineno}, colonne {error.colno}) : "
                "envoyez le fichier .json téléchargé depuis Médiane, sans le modifier à la main."
            ) from None
        return cls.from_json(parsed)

    @classmethod
    def from_json(cls, data: object) -> Profile:
        """Build a profile from its JSON form (see the module docstring). Raises ProfileError with what to fix."""
        if not isinstance(data, dict) or data.get("format", PROFILE_FORMAT) != PROFILE_FORMAT:
            raise ProfileError(
                "Ce fichier n'est pas une correspondance de lieux exportée par Médiane (il manque "
                f'« "format": "{PROFILE_FORMAT}" »).'
            )
        version = data.get("version", PROFILE_VERSION)
        if version != PROFILE_VERSION:
            raise ProfileError(
                f"Cette correspondance est en version {str(version)[:20]}, "
                f"et Médiane lit la version {PROFILE_VERSION} : "
                "exportez-la de nouveau depuis la page de la source."
            )
        source = data.get("source", "")
        if not isinstance(source, str):
            raise ProfileError("« source » doit être le nom de la source, entre guillemets.")
        raw_fields = data.get("fields", {})
        if not isinstance(raw_fields, dict):
            raise ProfileError('« fields » doit associer chaque champ du standard à sa règle : { "nom": {…}, … }.')
        fields = {name: _field_rule(name, rule) for name, rule in raw_fields.items()}
        extra = _names(data.get("extra", []), "extra")
        ignored = _names(data.get("ignored", []), "ignored")
        published = _names(data.get("published", []), "published")
        not_kept = [column for column in published if column not in extra]
        if not_kept:
            raise ProfileError(
                f"La colonne « {not_kept[0][:80]} » est publiée (published) sans être gardée (extra) : ajoutez-la à "
                "« extra » ou retirez-la de « published »."
            )
        profile = cls(source=source.strip()[:200], fields=fields, extra=extra, ignored=ignored, published=published)
        _check_each_column_once(profile)
        return profile


def _names(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ProfileError(f'« {key} » doit être une liste de noms de colonnes entre guillemets : ["…", "…"].')
    return list(value)


def _field_rule(name: object, data: object) -> FieldRule:
    if not isinstance(name, str) or name not in FIELDS_BY_NAME:
        shown = str(name)[:80]
        raise ProfileError(
            f"« {shown} » n'est pas un champ du standard : corrigez son nom ou retirez-le de « fields »."
        )
    if not isinstance(data, dict):
        raise ProfileError(f'La règle du champ « {name} » doit être un objet : {{ "columns": ["…"] }}.')
    columns = _names(data.get("columns", []), f"{name}.columns")
    join = data.get("join", " ")
    separator = data.get("separator", "")
    default = data.get("default", "")
    for key, value in (("join", join), ("separator", separator), ("default", default)):
        if not isinstance(value, str):
            raise ProfileError(f"« {name}.{key} » doit être un texte entre guillemets.")
    if separator and not FIELDS_BY_NAME[name].multiple:
        raise ProfileError(f"Le champ « {name} » n'a qu'une valeur : retirez son « separator ».")
    raw_translations = data.get("translations", {})
    if not isinstance(raw_translations, dict):
        raise ProfileError(
            f"« {name}.translations » doit associer chaque libellé de la source à une liste de libellés du standard."
        )
    vocabulary = VOCABULARIES.get(name)
    translations: dict[str, list[str]] = {}
    for label, targets in raw_translations.items():
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise ProfileError(
                f"La traduction de « {str(label)[:80]} » ({name}) doit être une liste de libellés du standard."
            )
        if vocabulary is not None:
            wrong = [t for t in targets if t not in vocabulary]
            if wrong:
                raise ProfileError(
                    f"« {wrong[0][:80]} » n'est pas un libellé du standard pour « {name} » : "
                    "choisissez-en un de la liste du "
                    "standard, ou refaites la correspondance depuis Médiane."
                )
        translations[label] = list(targets)
    return FieldRule(columns=columns, join=join, separator=separator, translations=translations, default=default)


def _check_each_column_once(profile: Profile) -> None:
    kept = set(profile.extra)
    both = kept & set(profile.ignored)
    if both:
        raise ProfileError(
            f"La colonne « {sorted(both)[0][:80]} » est à la fois gardée (extra) et ignorée (ignored) : choisissez."
        )
    mapped = profile.mapped_columns() & (kept | set(profile.ignored))
    if mapped:
        raise ProfileError(
            f"La colonne « {sorted(mapped)[0][:80]} » est à la fois lue pour un champ et gardée ou ignorée : "
            "retirez-la de "
            "« extra » ou de « ignored »."
        )
