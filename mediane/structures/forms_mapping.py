"""Forms of the sources' pages and of the mapping journey: a new source, a profile file, the file to map, what each
column holds (with the defaults of the required fields), the translations of the source's labels, and the choice
made on the preview. Plain forms: every page works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from mediane.forms import Form

from . import standard
from .import_jobs import MAX_UPLOAD_BYTES, check_upload_size
from .mapping.profile import SEPARATORS, FieldRule, Profile, label_key
from .models import PlaceSource
from .services import ImportRefused

EXTRA = "__garder__"
IGNORED = "__ignorer__"
DROP = "__ecarter__"
# Fields whose value may be made of several columns joined in order, separated by a space (a number and a street).
JOINABLE = ("adresse", "complement_adresse", "presentation_detail", "autres_formations_labels")
# Required fields that take a default when no column fills them (`id` is numbered from the line when absent).
DEFAULTED = tuple(name for name in standard.REQUIRED_FIELDS if name != "id") + ("source",)
MAPPED_FILE_ACCEPT = ".csv,.json,.geojson,.jsonl,.xlsx,.gz,text/csv,application/json,application/geo+json"
# Past this many different labels, the column is surely not a list of labels (or its separator is wrong).
MAX_LABELS_PER_FIELD = 150
# The most columns a file to map may have: the columns step posts up to three fields per column (what it holds,
# its separator, whether it is published), under `DATA_UPLOAD_MAX_NUMBER_FIELDS` (config/settings.py).
MAX_COLUMNS = 1000
PUBLISH_LABEL = "Publier cette colonne dans l'export ouvert (elle ne contient pas de données personnelles)"


def field_title(name: str) -> str:
    spec = standard.FIELDS_BY_NAME[name]
    plain = standard.PLAIN_FIELD_NAMES.get(name)
    shown = f"{spec.title} ({plain.lower()})" if plain else spec.title
    return f"{shown}, plusieurs valeurs" if spec.multiple else shown


def label_choice(field_name: str, label: str) -> str:
    plain = standard.plain_words(field_name, label)
    return label if plain == label else f"{label} : {plain.lower()}"


def target_choices() -> list:
    required = [(f.name, field_title(f.name)) for f in standard.FIELDS if f.required]
    others = [(f.name, field_title(f.name)) for f in standard.FIELDS if not f.required]
    return [
        ("Sans champ du standard", [(EXTRA, "Garder comme donnée supplémentaire"), (IGNORED, "Ignorer")]),
        ("Champs obligatoires du standard", required),
        ("Autres champs du standard", others),
    ]


def _file_checked(upload):
    try:
        check_upload_size(upload.size)
    except ImportRefused as refused:
        raise forms.ValidationError(str(refused)) from refused
    return upload


class SourceForm(Form):
    name = forms.CharField(
        label="Nom de la nouvelle source",
        help_text="Qui publie ce fichier, par exemple « Hub numérique Occitanie » ou « Département de la Drôme ».",
        max_length=200,
        error_messages={"required": "Écrivez le nom de la source.", "max_length": "200 caractères au plus."},
    )


class ProfileFileForm(Form):
    file = forms.FileField(
        label="Fichier de correspondance (.json)",
        help_text="Le fichier donné par « Télécharger la correspondance », sur cette plateforme ou une autre.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        error_messages={"required": "Choisissez le fichier de correspondance.", "empty": "Ce fichier est vide."},
    )


class MappedFileForm(Form):
    file = forms.FileField(
        label="Fichier de la source",
        help_text="CSV (séparé par des virgules, des points-virgules ou des tabulations), JSON, GeoJSON ou Excel "
        f"(.xlsx), éventuellement compressé (.gz). Taille maximale : {filesizeformat(MAX_UPLOAD_BYTES)}.",
        widget=forms.ClearableFileInput(attrs={"accept": MAPPED_FILE_ACCEPT}),
        error_messages={"required": "Choisissez le fichier à envoyer.", "empty": "Ce fichier est vide."},
    )

    def clean_file(self):
        return _file_checked(self.cleaned_data["file"])


def source_field(label: str, empty_label: str, **kwargs) -> forms.ModelChoiceField:
    """An optional select of the sources of places, by their short name."""
    return forms.ModelChoiceField(
        label=label,
        queryset=PlaceSource.objects.all(),
        required=False,
        empty_label=empty_label,
        to_field_name="slug",
        error_messages={"invalid_choice": "Cette source n'existe pas ou plus : choisissez-en une dans la liste."},
        **kwargs,
    )


class ChooseSourceForm(Form):
    """For a file sent without source: an existing source, or the name of a new one."""

    source = source_field("Source existante", "Choisir une source")
    name = forms.CharField(
        label="Ou nom d'une nouvelle source",
        help_text="Qui publie ce fichier, par exemple « Hub numérique Occitanie ».",
        max_length=200,
        required=False,
        error_messages={"max_length": "200 caractères au plus."},
    )

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("source")) == bool(data.get("name")):
            raise forms.ValidationError(
                "Choisissez une source existante, ou écrivez le nom d'une nouvelle source (pas les deux)."
            )
        return data


# --- Columns ---------------------------------------------------------------------------------------------------


@dataclass
class ColumnRow:
    """What the columns page shows for one column of the file."""

    index: int
    name: str
    samples: list[str]
    filled: int
    reason: str = ""
    proposed: str = ""
    new: bool = False
    target: forms.BoundField | None = None
    separator: forms.BoundField | None = None
    publish: forms.BoundField | None = None


def _target_of(profile: Profile, column: str) -> str:
    for name, rule in profile.fields.items():
        if column in rule.columns:
            return name
    if column in profile.extra:
        return EXTRA
    if column in profile.ignored:
        return IGNORED
    return ""


class ColumnsForm(Form):
    """One target and one separator per column of the file, then the defaults of the required fields."""

    def __init__(
        self, *args, columns: list[str], profile: Profile, source_name: str, glued: set[str] = frozenset(), **kwargs
    ):
        """`glued`: the columns whose values may hold several values (a separator was seen in them); they, and
        the columns of a multi-valued field, get a select of the separator."""
        super().__init__(*args, **kwargs)
        self.columns = columns
        self.previous = profile
        separators = [("", "Une seule valeur")] + [(value, label.capitalize()) for value, label in SEPARATORS.items()]
        for index, column in enumerate(columns):
            target = _target_of(profile, column)
            rule = profile.fields.get(target)
            self.fields[f"c{index}"] = forms.ChoiceField(
                label="Ce que contient cette colonne",
                choices=[("", "Choisir")] + target_choices(),
                initial=target,
                error_messages={"required": f"Choisissez ce que contient la colonne « {column[:80]} »."},
            )
            self.fields[f"p{index}"] = forms.BooleanField(
                label=PUBLISH_LABEL,
                help_text="Seulement pour une colonne gardée comme donnée supplémentaire. Sans cette case, elle "
                "reste visible des organisateurs et des responsables du lieu seulement.",
                required=False,
                initial=column in profile.published,
            )
            if column not in glued and not (
                target in standard.FIELDS_BY_NAME and standard.FIELDS_BY_NAME[target].multiple
            ):
                continue
            self.fields[f"s{index}"] = forms.ChoiceField(
                label="Si la colonne a plusieurs valeurs, elles sont séparées par",
                choices=separators,
                initial=(rule.separator if rule and rule.separator else ""),
                required=False,
            )
        today = timezone.localdate().isoformat()
        presets = {"pivot": standard.PIVOT_PLACEHOLDER, "date_maj": today, "source": source_name}
        for name in DEFAULTED:
            rule = profile.fields.get(name)
            self.fields[f"d_{name}"] = forms.CharField(
                label=f"{standard.FIELDS_BY_NAME[name].title} : valeur par défaut",
                required=False,
                max_length=250,
                initial=(rule.default if rule and rule.default else presets.get(name, "")),
                help_text=_default_help(name),
            )

    def default_fields(self):
        return [self[f"d_{name}"] for name in DEFAULTED]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        taken: dict[str, list[int]] = {}
        for index in range(len(self.columns)):
            target = data.get(f"c{index}")
            if target not in (EXTRA, IGNORED):
                taken.setdefault(target, []).append(index)
        for name, indexes in taken.items():
            spec = standard.FIELDS_BY_NAME[name]
            if len(indexes) > 1 and not spec.multiple and name not in JOINABLE:
                names = " et ".join(f"« {self.columns[i][:80]} »" for i in indexes)
                for index in indexes:
                    self.add_error(
                        f"c{index}",
                        f"« {spec.title} » n'a qu'une valeur, et les colonnes {names} la donnent toutes : "
                        "gardez-en une, et choisissez « Garder comme donnée supplémentaire » pour les autres.",
                    )
        missing = [
            standard.FIELDS_BY_NAME[name].title
            for name in standard.REQUIRED_FIELDS
            if name != "id" and name not in taken and not (data.get(f"d_{name}") or "").strip()
        ]
        if missing:
            for name in standard.REQUIRED_FIELDS:
                if standard.FIELDS_BY_NAME[name].title in missing:
                    self.add_error(f"d_{name}", "Choisissez une colonne pour ce champ, ou écrivez une valeur ici.")
            raise forms.ValidationError(
                "Ces champs obligatoires n'ont ni colonne ni valeur par défaut : "
                f"{', '.join(missing)}. Choisissez la colonne qui les contient, ou écrivez une valeur par défaut."
            )
        return data

    def profile(self, source_name: str) -> Profile:
        """The mapping the organiser chose (the translations already made for a field are kept)."""
        data = self.cleaned_data
        fields: dict[str, FieldRule] = {}
        extra: list[str] = []
        published: list[str] = []
        ignored: list[str] = []
        for index, column in enumerate(self.columns):
            target = data[f"c{index}"]
            if target == EXTRA:
                extra.append(column)
                if data.get(f"p{index}"):
                    published.append(column)
            elif target == IGNORED:
                ignored.append(column)
            else:
                rule = fields.setdefault(target, FieldRule())
                rule.columns.append(column)
                if not rule.separator and data.get(f"s{index}") and standard.FIELDS_BY_NAME[target].multiple:
                    rule.separator = data[f"s{index}"]
        for name in DEFAULTED:
            value = (data.get(f"d_{name}") or "").strip()
            if value:
                fields.setdefault(name, FieldRule()).default = value
        for name, rule in fields.items():
            if standard.FIELDS_BY_NAME[name].multiple:
                rule.join = rule.separator or standard.SEPARATOR
            previous = self.previous.fields.get(name)
            if previous and previous.translations:
                rule.translations = dict(previous.translations)
        return Profile(source=source_name, fields=fields, extra=extra, ignored=ignored, published=published)


def _default_help(name: str) -> str:
    if name == "pivot":
        return "Quand le SIRET n'est pas connu, le standard accepte « 00000000000000 »."
    if name == "date_maj":
        return "Au format aaaa-mm-jj, par exemple la date de publication du fichier."
    if name == "source":
        return "Qui collecte ces données : le nom de la source, en général."
    return "Utilisée pour chaque lieu dont la case est vide. Laissez vide si une colonne donne ce champ."


# --- Labels ----------------------------------------------------------------------------------------------------


@dataclass
class LabelRow:
    """A label of the source, outside the standard's vocabulary, to translate."""

    field: str
    label: str
    count: int
    candidates: list[str] = field(default_factory=list)
    chosen: list[str] | None = None  # the saved translation, when the profile has one
    new: bool = False
    first: forms.BoundField | None = None
    second: forms.BoundField | None = None


class LabelsForm(Form):
    """Two selects per source label: its main translation (or « Ne rien garder »), and an optional second one."""

    def __init__(self, *args, labels: list[LabelRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels
        for index, row in enumerate(labels):
            vocabulary = standard.VOCABULARIES[row.field]
            proposed = [c for c in row.candidates if c in vocabulary]
            rest = [v for v in vocabulary if v not in proposed]
            choices = [(c, f"Proposé : {label_choice(row.field, c)}") for c in proposed]
            choices += [(v, label_choice(row.field, v)) for v in rest]
            choices.append((DROP, "Ne rien garder (le libellé sera compté comme écarté)"))
            if row.chosen is not None:
                initial = row.chosen[0] if row.chosen else DROP
                second = row.chosen[1] if row.chosen[1:] else ""
            else:
                initial, second = (proposed[0] if proposed else ""), ""
            self.fields[f"l{index}"] = forms.ChoiceField(
                label=f"« {row.label[:120]} » devient",
                choices=[("", "Choisir")] + choices,
                initial=initial,
                error_messages={"required": f"Choisissez ce que devient « {row.label[:80]} »."},
            )
            self.fields[f"m{index}"] = forms.ChoiceField(
                label="Et aussi (facultatif)",
                choices=[("", "Rien d'autre")] + [(v, label_choice(row.field, v)) for v in vocabulary],
                initial=second,
                required=False,
            )
            row.first, row.second = self[f"l{index}"], self[f"m{index}"]

    def apply(self, profile: Profile) -> Profile:
        """The profile with the translations chosen on this page."""
        for index, row in enumerate(self.labels):
            first = self.cleaned_data[f"l{index}"]
            second = self.cleaned_data.get(f"m{index}") or ""
            targets = [] if first == DROP else [first]
            if second and first != DROP and second not in targets:
                targets.append(second)
            rule = profile.fields.setdefault(row.field, FieldRule())
            translations = {k: v for k, v in rule.translations.items() if label_key(k) != label_key(row.label)}
            rule.translations = translations | {row.label: targets}
        return profile


# --- Preview ---------------------------------------------------------------------------------------------------


class LaunchForm(Form):
    mode = forms.ChoiceField(
        label="Que faire des lignes rejetées ?",
        choices=[
            ("valides", "Importer seulement les lignes valides"),
            ("tout", "N'importer que si toutes les lignes sont valides"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez ce qu'il faut faire des lignes rejetées."},
    )

    @property
    def all_or_nothing(self) -> bool:
        return self.cleaned_data["mode"] == "tout"
