"""The form of the global assignment: which perimeter, a département or the whole programme."""

from __future__ import annotations

from django import forms

from mediane.accounts.territories import departement_label
from mediane.forms import Form

from .models import HostStructure


class PerimeterForm(Form):
    departement = forms.ChoiceField(
        label="Périmètre",
        help_text="Un département, ou tout le programme.",
        required=False,
        error_messages={"invalid_choice": "Choisissez un département de la liste, ou tout le programme."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        departements = (
            HostStructure.objects.validated().order_by("departement").values_list("departement", flat=True).distinct()
        )
        self.fields["departement"].choices = [("", "Tout le programme")] + [
            (d, departement_label(d) or d) for d in departements
        ]
