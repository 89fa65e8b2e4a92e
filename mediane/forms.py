"""The base of every form of the platform: text refuses control characters, integers take ASCII digits only.

Every form of the apps derives from `Form` (a test walks them all), so a new form cannot forget either rule.
The checks themselves live in the pure modules `mediane/text.py` and `mediane/numbers.py`.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from . import numbers, text


def refuse_control_characters(value: str) -> None:
    """Validator of every text field: NUL, ESC, backspace, C1… are refused with a French message."""
    message = text.control_character_message(str(value))
    if message is not None:
        raise ValidationError(message, code="control_character")


def guard_text_field(field: forms.Field) -> None:
    """Give a text field the control-character validator once (it also covers NUL, so Django's own NUL
    validator goes: one message, not two)."""
    if not isinstance(field, forms.CharField) or refuse_control_characters in field.validators:
        return
    field.validators = [
        validator for validator in field.validators if not isinstance(validator, ProhibitNullCharactersValidator)
    ]
    field.validators.append(refuse_control_characters)


class IntegerField(forms.IntegerField):
    """An integer typed by a person: ASCII digits only (Django's own accepts « ٣ »), bounds checked as usual."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return numbers.parse_int(str(value), label="Ce nombre")
        except numbers.NumberError as error:
            raise ValidationError(str(error), code="invalid") from error


class ControlledTextMixin:
    """Guards every text field just before cleaning, so that fields added in `__init__` are covered too."""

    def full_clean(self):
        for field in self.fields.values():
            guard_text_field(field)
        super().full_clean()


class Form(ControlledTextMixin, forms.Form):
    """The base of the platform's forms."""
