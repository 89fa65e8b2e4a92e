"""The form of one screen of the needs self-diagnostic: one question, checked with a French message."""

from __future__ import annotations

from django import forms

from mediane.forms import Form

from . import diagnostic
from .diagnostic import Question
from .forms import CommuneLookup, commune_choices

# Enough for « Fiche remise par » a name and a structure; the slip prints it as typed, and nothing keeps it.
HANDED_BY_MAX_LENGTH = 120


class QuestionForm(Form):
    """One question of `diagnostic.QUESTIONS`, as radios, checkboxes or the commune field.

    The field is named after the question's key, so the answer travels in the address with the others. The
    commune must be one the communes reference knows; when several match what was typed, `candidates` lists them
    and the person picks one (`insee`), on the same screen.
    """

    def __init__(self, question: Question, *args, assisted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.assisted = assisted
        self.lookup: CommuneLookup | None = None
        title, hint = question.wording(assisted)
        if question.free_text:
            field: forms.Field = forms.CharField(
                label="Commune de la personne" if assisted else "Votre commune",
                help_text=hint,
                required=False,
                max_length=diagnostic.PLACE_MAX_LENGTH,
                error_messages={"max_length": "Écrivez seulement le nom de la commune ou son code postal."},
            )
        else:
            choices = [(choice.value, choice.text(assisted)) for choice in question.choices]
            field_class = forms.MultipleChoiceField if question.multiple else forms.ChoiceField
            widget = forms.CheckboxSelectMultiple if question.multiple else forms.RadioSelect
            unknown = diagnostic.CHOOSE_SOME if question.multiple else diagnostic.CHOOSE_ONE
            field = field_class(
                label=title,
                help_text=hint,
                choices=choices,
                required=False,
                widget=widget,
                error_messages={"invalid_choice": unknown, "invalid_list": unknown},
            )
        self.fields[question.key] = field

    def clean(self):
        cleaned = super().clean()
        if self.question.key in self.errors:
            return cleaned
        value = cleaned.get(self.question.key)
        values = list(value) if isinstance(value, list) else [value or ""]
        message = diagnostic.check(self.question, values, self.assisted)
        if message:
            self.add_error(self.question.key, message)
        elif self.question.free_text:
            insee = self.data.get(diagnostic.INSEE, "") if hasattr(self.data, "get") else ""
            self.lookup = CommuneLookup(values[0], insee if isinstance(insee, str) else "")
            if self.lookup.error:
                self.add_error(self.question.key, self.lookup.error)
            elif self.lookup.candidates:
                self.add_error(
                    self.question.key, "Plusieurs communes correspondent : choisissez la vôtre dans la liste."
                )
        return cleaned

    @property
    def candidates(self) -> list[tuple[str, str]]:
        return commune_choices(self.lookup.candidates) if self.lookup is not None else []

    def answers(self) -> dict[str, tuple[str, ...]]:
        """The valid answer, as it travels in the address (with the commune's INSEE code for the commune)."""
        value = self.cleaned_data[self.question.key]
        if self.question.free_text:
            commune = self.lookup.commune if self.lookup is not None else None
            if commune is None:
                raise ValueError("answers() is for a valid form only")
            return {self.question.key: (" ".join(value.split()),), diagnostic.INSEE: (commune.insee,)}
        return {self.question.key: tuple(value) if isinstance(value, list) else (value,)}


class HandedByForm(Form):
    """« Fiche remise par … »: what a mediator wants printed on the slip, typed each time and never stored."""

    remise_par = forms.CharField(
        label="Fiche remise par (facultatif)",
        help_text="Votre prénom, votre structure, ou les deux. Rien n'est gardé : c'est seulement imprimé.",
        required=False,
        max_length=HANDED_BY_MAX_LENGTH,
        error_messages={
            "max_length": "Écrivez au plus %(limit_value)d caractères (vous en avez écrit %(show_value)d)."
        },
    )
