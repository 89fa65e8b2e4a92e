"""The form of one screen of the needs self-diagnostic: one question, checked with a French message."""

from __future__ import annotations

from django import forms

from mediane.forms import Form

from . import diagnostic, search
from .diagnostic import Question

# Enough for « Fiche remise par » a name and a structure; the slip prints it as typed, and nothing keeps it.
HANDED_BY_MAX_LENGTH = 120


class QuestionForm(Form):
    """One question of `diagnostic.QUESTIONS`, as radios, checkboxes or the postal code field.

    The field is named after the question's key, so the answer travels in the address with the others.
    A postal code must be one the communes reference knows.
    """

    def __init__(self, question: Question, *args, assisted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.assisted = assisted
        title, hint = question.wording(assisted)
        if question.free_text:
            field: forms.Field = forms.CharField(
                label="Code postal",
                help_text=hint,
                required=False,
                max_length=diagnostic.POSTAL_CODE_MAX_LENGTH,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
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
            try:
                search.resolve_commune(values[0])
            except search.CommuneNotFound as error:
                self.add_error(self.question.key, str(error))
        return cleaned

    def answer(self) -> tuple[str, ...]:
        """The valid answer, as it travels in the address."""
        value = self.cleaned_data[self.question.key]
        if self.question.free_text:
            return (value.replace(" ", ""),)
        return tuple(value) if isinstance(value, list) else (value,)


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
