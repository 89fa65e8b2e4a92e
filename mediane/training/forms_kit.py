"""Forms of the kit: the public's search and filters (GET) and the organisers' resource form. They only shape and
label input; checks live in services_kit.py."""

from __future__ import annotations

from django import forms

from mediane.forms import Form

from .enums_kit import KitFormat, KitLicence, KitPublic
from .models import Competence
from .models_kit import KitResource
from .services_kit import (
    AUTHOR_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    LINK_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    KitResourceData,
)

QUERY_MAX_LENGTH = 200


def competence_choices() -> list[tuple[str, str]]:
    """Every competence with its current label, grouped by framework as « code label »: one query."""
    rows = Competence.objects.with_label().select_related("framework").order_by("framework", "position", "pk")
    return [(str(competence.pk), f"{competence.code} {competence.label or ''}".strip()) for competence in rows]


class KitSearchForm(Form):
    """The kit's search box and filters (GET). A value that is not a choice is an error shown by its field, and
    the list is shown unfiltered by it: never an error page."""

    q = forms.CharField(
        label="Mots à rechercher",
        max_length=QUERY_MAX_LENGTH,
        required=False,
        help_text="Les accents et les pluriels ne comptent pas : « demarche » trouve aussi « Démarches ».",
    )
    competence = forms.ChoiceField(label="Compétence", required=False)
    public = forms.ChoiceField(label="Public", choices=[("", "Tous les publics"), *KitPublic.choices], required=False)
    format = forms.ChoiceField(label="Format", choices=[("", "Tous les formats"), *KitFormat.choices], required=False)
    licence = forms.ChoiceField(
        label="Licence", choices=[("", "Toutes les licences"), *KitLicence.choices], required=False
    )

    def __init__(self, *args, competences: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", "Toutes les compétences"), *competences]

    def filters(self) -> dict[str, str]:
        """The valid filters, by name (an invalid one is left out)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in ("q", "competence", "public", "format", "licence") if cleaned.get(name)}


class KitResourceForm(Form):
    title = forms.CharField(
        label="Titre",
        max_length=TITLE_MAX_LENGTH,
        error_messages={"required": "Donnez un titre à la ressource."},
    )
    summary = forms.CharField(
        label="Résumé",
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Une ou deux phrases, affichées dans la liste ({SUMMARY_MAX_LENGTH} caractères au plus).",
        error_messages={"required": "Écrivez un résumé d'une ou deux phrases : il s'affiche dans la liste du kit."},
    )
    description = forms.CharField(
        label="Description (facultatif)",
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Ce que la ressource contient et comment s'en servir en atelier. Une ligne vide sépare deux "
        "paragraphes ; **gras** et les listes à tirets sont acceptés.",
    )
    link = forms.URLField(
        label="Lien vers la ressource (facultatif)",
        max_length=LINK_MAX_LENGTH,
        required=False,
        assume_scheme="https",
        help_text="Format attendu : https://…",
    )
    author = forms.CharField(label="Auteur ou producteur (facultatif)", max_length=AUTHOR_MAX_LENGTH, required=False)
    format = forms.ChoiceField(label="Format", choices=KitFormat.choices)
    licence = forms.ChoiceField(
        label="Licence",
        choices=KitLicence.choices,
        initial=KitLicence.UNSPECIFIED,
        help_text="Celle que donne le producteur. S'il n'en donne pas, choisissez « Non précisée ».",
    )
    publics = forms.MultipleChoiceField(
        label="Publics (facultatif)", choices=KitPublic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    competences = forms.MultipleChoiceField(
        label="Compétences travaillées (facultatif)", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"].choices = competence_choices()

    @classmethod
    def initial_for(cls, resource: KitResource) -> dict:
        return {
            "title": resource.title,
            "summary": resource.summary,
            "description": resource.description,
            "link": resource.link,
            "author": resource.author,
            "format": resource.format,
            "licence": resource.licence,
            "publics": [audience.public for audience in resource.audiences.all()],
            "competences": [str(pk) for pk in resource.competences.values_list("pk", flat=True)],
        }

    def resource_data(self) -> KitResourceData:
        data = self.cleaned_data
        chosen = set(data["competences"])
        competences = list(Competence.objects.filter(pk__in=chosen)) if chosen else []
        return KitResourceData(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            link=data["link"],
            author=data["author"],
            format=data["format"],
            licence=data["licence"],
            publics=list(data["publics"]),
            competences=competences,
        )
