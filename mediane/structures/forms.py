"""Forms of structures: the upload of a file of places by an organiser, and the commune field that every form
asking for a commune uses."""

from django import forms
from django.template.defaultfilters import filesizeformat

from mediane.forms import Form

from .communes import Commune, CommuneNotFound, load_communes
from .enums import ImportFormat
from .forms_mapping import source_field
from .import_jobs import MAX_UPLOAD_BYTES, check_upload_size
from .services import ImportRefused

FORMAT_HELP = {
    ImportFormat.STANDARD_CSV: "Un tableau au standard « lieux de médiation numérique » v1.0.2, colonnes séparées "
    "par des virgules, enregistré en UTF-8.",
    ImportFormat.STANDARD_JSON: "Une liste de lieux au standard, comme la publie la cartographie nationale.",
    ImportFormat.LEGACY_JSON: "Un fichier d'avant 2022 (valeurs séparées par « ; », anciens intitulés de services) : "
    "chaque ancien intitulé est traduit dans le standard actuel.",
    ImportFormat.MAPPED: "Le fichier d'un producteur dans sa propre forme (CSV, JSON, GeoJSON ou Excel) : "
    "choisissez sa source, puis dites ce que contient chaque colonne ; "
    "la correspondance resservira pour ses prochains fichiers.",
    ImportFormat.LIBRARIES: "« Adresses des bibliothèques publiques » de data.culture.gouv.fr (CSV, ou compressé "
    ".csv.gz) : chaque bibliothèque devient une structure et un lieu.",
}


class ImportForm(Form):
    file = forms.FileField(
        label="Fichier à importer",
        help_text="CSV ou JSON (Excel aussi pour le fichier d'un producteur), éventuellement compressé (.gz). "
        f"Taille maximale : {filesizeformat(MAX_UPLOAD_BYTES)}.",
        error_messages={"required": "Choisissez le fichier à importer.", "empty": "Ce fichier est vide."},
    )
    file_format = forms.ChoiceField(
        label="Format du fichier",
        choices=ImportFormat.choices,
        initial=ImportFormat.STANDARD_CSV,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez le format du fichier.", "invalid_choice": "Choisissez un des formats."},
    )
    place_source = source_field(
        "Source du fichier (facultatif pour le standard et l'ancien format)",
        "Aucune source",
        help_text="Qui publie ce fichier. Les identifiants des lieux appartiennent à leur source : deux sources "
        "peuvent numéroter leurs lieux de 1 à N. "
        "Pour le fichier d'un producteur sans source, vous pourrez la créer ensuite.",
    )
    published = forms.DateField(
        label="Date de publication du fichier des bibliothèques (facultatif)",
        help_text="Elle devient la date de mise à jour de chaque lieu. Sans date, la date du jour est utilisée. "
        "Format : jj/mm/aaaa.",
        required=False,
        error_messages={"invalid": "Écrivez la date au format jj/mm/aaaa, par exemple 01/06/2024."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload_size(upload.size)
        except ImportRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return upload


class CommuneField(forms.CharField):
    """A commune typed as a person names it, its name or its postal code (« Villeurbanne », « 69100 »): the
    cleaned value is the `Commune` of the reference. None found, or several: a French error saying what to type
    (« 69100 Villeurbanne » settles a shared postal code). Works without JavaScript."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Commune")
        kwargs.setdefault("help_text", "Son nom ou son code postal, par exemple « Villeurbanne » ou « 69100 ».")
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "150")
        self.error_messages["required"] = "Écrivez le nom de la commune ou son code postal."

    def prepare_value(self, value):
        return value.label if isinstance(value, Commune) else value

    def to_python(self, value):
        if isinstance(value, Commune):
            return value
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 150:
            raise forms.ValidationError("Écrivez seulement le nom de la commune ou son code postal.", "too_long")
        try:
            found = load_communes().find(text)
        except CommuneNotFound as error:
            raise forms.ValidationError(str(error), "commune") from error
        if len(found) > 1:
            example = found[0]
            raise forms.ValidationError(
                f"Plusieurs communes correspondent à « {text} » : "
                f"{', '.join(c.label for c in found[:5])}{'…' if len(found) > 5 else ''}. Écrivez aussi le code "
                f"postal, par exemple « {example.postal_code} {example.name} ».",
                "several",
            )
        return found[0]

    def clean(self, value):
        if isinstance(value, str) and value and (commune := self._from_label(value)) is not None:
            return commune
        return super().clean(value)

    @staticmethod
    def _from_label(value: str) -> Commune | None:
        """The commune a form shows back as its label (« Villeurbanne (69100) »), read again as it was."""
        for commune in load_communes().by_name(value.split(" (")[0]):
            if commune.label == value.strip():
                return commune
        return None
