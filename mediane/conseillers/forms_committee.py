"""Forms of the selection committee: an opinion on a request, the quotas typed by hand, and an index to compute
them from. Checks live in `services_committee.py` and the pure `quotas.py`."""

from __future__ import annotations

from django import forms

from mediane.forms import Form, IntegerField

from .enums import Opinion, QuotaIndex
from .forms_dates import ProgrammeDateField
from .services_committee import NOTE_MAX_LENGTH

INDEX_MAX_BYTES = 200_000


class DecisionForm(Form):
    opinion = forms.ChoiceField(label="Avis du comité", choices=Opinion.choices, widget=forms.RadioSelect)
    positions_granted = IntegerField(
        label="Postes accordés", min_value=0, max_value=50, required=False, help_text="Pour un avis favorable."
    )
    decided_on = ProgrammeDateField("Date du comité")
    note = forms.CharField(
        label="Motivation de l'avis",
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="La structure la lira.",
    )


class QuotasForm(Form):
    """One field per département, built from the reference."""

    def __init__(self, *args, departements: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        for code in departements:
            self.fields[f"d_{code}"] = IntegerField(label=f"Département {code}", min_value=0, max_value=4000)

    def positions(self) -> dict[str, int]:
        return {name.removeprefix("d_"): value for name, value in self.cleaned_data.items()}


class IndexForm(Form):
    index = forms.ChoiceField(
        label="Calculer d'après",
        choices=[
            (QuotaIndex.POPULATION, "La population légale des départements (INSEE)"),
            (QuotaIndex.GIVEN, "Un indice par département, que je donne ci-dessous"),
        ],
        widget=forms.RadioSelect,
        initial=QuotaIndex.POPULATION,
    )
    values = forms.CharField(
        label="Indice par département",
        required=False,
        max_length=INDEX_MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Une ligne par département : le code, un point-virgule, la valeur. Par exemple « 69;1883437 ». "
        "Par exemple, le nombre de personnes en difficulté avec le numérique de chaque département publié par l'INSEE.",
    )
    file = forms.FileField(
        label="Ou un fichier CSV",
        required=False,
        help_text="Les mêmes lignes « departement;valeur », en UTF-8, 200 Ko au plus.",
    )
