"""The one date field of the programme's forms: typed as jj/mm/aaaa (or given by the browser's date picker), and
only within the programme's years, so that a slip (year 1 or 9999) never reaches a numbered opinion or a contract."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from mediane import numbers

FIRST_YEAR = 2020  # the programme began in 2020 (France Relance)
YEARS_AHEAD = 3  # a contract or a start date is planned at most three years ahead
DATE_FORMATS = list(numbers.DAY_FORMATS)
DATE_HELP = "Au format jj/mm/aaaa, par exemple 01/09/2026."
DATE_PICKER = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A plain text input: for dates copied from a paper contract (the recruitment pages).
DATE_TEXT = forms.DateInput(attrs={"autocomplete": "off"}, format="%d/%m/%Y")


def latest_date() -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year + YEARS_AHEAD, day=28 if (today.month, today.day) == (2, 29) else today.day)


class ProgrammeDateField(forms.DateField):
    """A date between 1 January 2020 and three years from today, with a French error naming the field."""

    def __init__(self, label: str, *, widget: forms.Widget | None = None, **kwargs):
        kwargs.setdefault("help_text", DATE_HELP)
        super().__init__(
            label=label,
            input_formats=DATE_FORMATS,
            error_messages={"invalid": f"{label} : écrivez une date au format jj/mm/aaaa, par exemple 01/09/2026."},
            widget=widget or DATE_PICKER,
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        first, last = dt.date(FIRST_YEAR, 1, 1), latest_date()
        if not first <= value <= last:
            raise forms.ValidationError(
                f"{self.label} : choisissez une date entre le {first:%d/%m/%Y} et le {last:%d/%m/%Y}.",
                code="out_of_range",
            )
