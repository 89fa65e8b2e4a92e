"""Forms of the charter: an organiser's version, a manager's signature. They only shape and label input: checks
live in `services_charter.py`."""

from __future__ import annotations

from django import forms

from mediane.forms import Form, IntegerField
from mediane.structures.models import Structure

from .services_charter import CHANGES_MAX_LENGTH, FUNCTION_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH

MARKUP_HELP = (
    "Mise en forme possible : **gras**, *italique*, listes (une ligne commençant par « - » ou « 1. ») et liens. "
    "Laissez une ligne vide entre deux paragraphes."
)


class VersionForm(Form):
    title = forms.CharField(label="Titre", max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(
        label="Texte de la charte",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKUP_HELP,
    )
    changes = forms.CharField(
        label="Ce qui change par rapport à la version précédente (facultatif)",
        max_length=CHANGES_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="En quelques phrases simples : les signataires le lisent quand on leur demande de renouveler.",
    )


class SignatureForm(Form):
    """Sign the version in force for one of the structures the person manages (and that has not signed it)."""

    structure = forms.ModelChoiceField(
        label="Structure pour laquelle vous signez",
        queryset=Structure.objects.all(),
        empty_label=None,
        error_messages={
            "invalid_choice": "Cette structure n'existe pas : choisissez une structure de la liste.",
            "required": "Choisissez la structure pour laquelle vous signez.",
        },
    )
    version = IntegerField(widget=forms.HiddenInput, min_value=1, max_value=32767)
    function = forms.CharField(
        label="Votre fonction",
        max_length=FUNCTION_MAX_LENGTH,
        help_text="Par exemple : Directrice de la médiathèque. Elle est gardée avec la signature ; ni votre nom "
        "ni votre fonction ne sont publiés.",
        error_messages={"required": "Écrivez votre fonction dans la structure."},
    )
    commitment = forms.BooleanField(
        label="J'ai lu la charte. Ma structure s'engage à la respecter.",
        error_messages={"required": "Cochez la case pour dire que votre structure s'engage à respecter la charte."},
    )

    def __init__(self, *args, structures: list[Structure], **kwargs):
        super().__init__(*args, **kwargs)
        # The list offers the structures the person may sign for; any structure is read back, so that the service
        # says in words why another one is refused (« vous n'êtes pas responsable de … »).
        self.fields["structure"].widget.choices = [(structure.pk, str(structure)) for structure in structures]
