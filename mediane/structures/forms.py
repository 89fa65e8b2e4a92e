"""Forms of structures: the upload of a file of places by an organiser."""

from django import forms
from django.template.defaultfilters import filesizeformat

from mediane.forms import Form

from .enums import ImportFormat
from .import_jobs import MAX_UPLOAD_BYTES, check_upload_size
from .services import ImportRefused

FORMAT_HELP = {
    ImportFormat.STANDARD_CSV: "Un tableau au standard « lieux de médiation numérique » v1.0.2, colonnes séparées "
    "par des virgules, enregistré en UTF-8.",
    ImportFormat.STANDARD_JSON: "Une liste de lieux au standard, comme la publie la cartographie nationale.",
    ImportFormat.LEGACY_JSON: "Un fichier d'avant 2022 (valeurs séparées par « ; », anciens intitulés de services) : "
    "chaque ancien intitulé est traduit dans le standard actuel.",
    ImportFormat.LIBRARIES: "« Adresses des bibliothèques publiques » de data.culture.gouv.fr (CSV, ou compressé "
    ".csv.gz) : chaque bibliothèque devient une structure et un lieu.",
}


class ImportForm(Form):
    file = forms.FileField(
        label="Fichier à importer",
        help_text=f"CSV ou JSON, éventuellement compressé (.gz). Taille maximale : {filesizeformat(MAX_UPLOAD_BYTES)}.",
        error_messages={"required": "Choisissez le fichier à importer.", "empty": "Ce fichier est vide."},
    )
    file_format = forms.ChoiceField(
        label="Format du fichier",
        choices=ImportFormat.choices,
        initial=ImportFormat.STANDARD_CSV,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez le format du fichier.", "invalid_choice": "Choisissez un des formats."},
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
