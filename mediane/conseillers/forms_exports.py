"""The upload of a Coop export (an export honours the lists' filters: `forms_reports.ListFilterForm`)."""

from __future__ import annotations

from django import forms

from mediane.forms import Form
from mediane.french import number
from mediane.privatefiles import megabytes

from .imports_reports import MAX_BYTES, MAX_ROWS


class ImportForm(Form):
    file = forms.FileField(
        label="Export de la Coop (XLSX ou CSV)",
        help_text="L'export de vos accompagnements depuis la Coop de la médiation numérique, ou un export de "
        f"Médiane : {MAX_BYTES // (1024 * 1024)} Mo et {number(MAX_ROWS)} lignes au plus.",
        error_messages={
            "required": "Choisissez le fichier à importer.",
            "empty": "Ce fichier est vide : choisissez le bon fichier et envoyez-le de nouveau.",
            "invalid": "Aucun fichier n'a été reçu : choisissez-le de nouveau.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"Ce fichier pèse {megabytes(upload.size)}, pour {megabytes(MAX_BYTES)} au plus : exportez "
                "une période plus courte depuis la Coop, puis importez les fichiers l'un après l'autre."
            )
        return upload
