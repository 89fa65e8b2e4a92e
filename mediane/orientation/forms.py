"""The search form of the public directory of places: a postal code and the filters of the national standard."""

from __future__ import annotations

from django import forms

from mediane import numbers
from mediane.forms import Form
from mediane.structures.communes import Commune

from .search import CRITERIA, CommuneNotFound, resolve_commune

# The directory shows this many places, then this many more each time the person asks for more.
STEP = 10
MAX_SHOWN = 100

# What each group of checkboxes says, in plain words, under its legend.
HINTS = {
    "services": "Le lieu doit proposer toutes les aides cochées.",
    "publics": "Le lieu doit accueillir en priorité tous les publics cochés.",
    "prise_en_charge": "Handicap, langue, difficulté à lire : le lieu doit proposer toutes les aides cochées.",
    "frais": "Une des possibilités cochées suffit.",
    "acces": "Une des possibilités cochées suffit.",
    "accompagnement": "Une des possibilités cochées suffit.",
}


class DirectoryForm(Form):
    """Read from the query string (GET): the page works as a plain link, without JavaScript."""

    commune = forms.CharField(
        label="Code postal de la commune",
        help_text="5 chiffres, par exemple 69003. Le code INSEE de la commune convient aussi.",
        max_length=20,
        error_messages={"max_length": "Saisissez seulement les 5 chiffres du code postal, par exemple 69003."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion.param] = forms.MultipleChoiceField(
                label=criterion.legend,
                help_text=HINTS[criterion.param],
                choices=[(label, label) for label in criterion.vocabulary],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": f"{criterion.legend} : « %(value)s » n'existe pas. Décochez-le ou "
                    "choisissez une des cases proposées.",
                },
            )

    def clean_commune(self) -> Commune:
        try:
            return resolve_commune(self.cleaned_data["commune"])
        except CommuneNotFound as error:
            raise forms.ValidationError(str(error)) from error

    @property
    def filter_fields(self):
        """The bound checkbox groups, in the order of the standard."""
        return [self[criterion.param] for criterion in CRITERIA]

    def filters(self) -> dict[str, list[str]]:
        """The chosen labels as keyword arguments of `search.nearest_places`."""
        return {criterion.keyword: self.cleaned_data.get(criterion.param) or [] for criterion in CRITERIA}

    def chosen(self) -> list[tuple[str, str]]:
        """Every chosen (parameter, label), to offer removing them one at a time."""
        return [
            (criterion.param, label)
            for criterion in CRITERIA
            for label in (self.cleaned_data.get(criterion.param) or [])
        ]

    def shown(self) -> int:
        """How many places to show: `nombre` in the address, a multiple of STEP up to MAX_SHOWN."""
        wanted = numbers.query_int(self.data.get("nombre"), default=STEP)
        return min(MAX_SHOWN, max(STEP, -(-wanted // STEP) * STEP))
