"""The forms of the activity reports' exports and imports: the filters an export honours (the same GET parameters
as the adviser's list: `du`, `au`, `type`, `thematique`, and `departement` for the team) and the upload of a Coop
export."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat

from mediane.forms import Form
from mediane.french import number

from .enums_reports import ActivityType, Thematique
from .forms_dates import DATE_FORMATS
from .imports_reports import MAX_BYTES, MAX_ROWS
from .models_reports import ActivityReport


class ExportFilters(Form):
    """The list's filters, read from the query string; a value that does not parse is left out (the export then
    covers more, never less, and never answers an error for a mistyped link)."""

    du = forms.DateField(required=False, input_formats=DATE_FORMATS)
    au = forms.DateField(required=False, input_formats=DATE_FORMATS)
    type = forms.ChoiceField(required=False, choices=ActivityType.choices)
    thematique = forms.ChoiceField(required=False, choices=Thematique.choices)
    departement = forms.RegexField(required=False, regex=r"^(?:\d{2}|2A|2B|97\d)$")

    def filter(self, reports: QuerySet[ActivityReport], *, departement: bool = False) -> QuerySet[ActivityReport]:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        if "du" in data:
            reports = reports.filter(date__gte=data["du"])
        if "au" in data:
            reports = reports.filter(date__lte=data["au"])
        if "type" in data:
            reports = reports.filter(kind=data["type"])
        if "thematique" in data:
            # The JSON text holds each value quoted: a portable test (SQLite has no JSON containment).
            reports = reports.filter(thematiques__icontains=f'"{data["thematique"]}"')
        if departement and "departement" in data:
            reports = reports.filter(departement=data["departement"])
        return reports


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
                f"Ce fichier pèse {filesizeformat(upload.size)}, pour {filesizeformat(MAX_BYTES)} au plus : exportez "
                "une période plus courte depuis la Coop, puis importez les fichiers l'un après l'autre."
            )
        return upload
