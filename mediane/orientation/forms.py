"""The search form of the public directory of places: a commune (its name or postal code) and the standard's filters."""

from __future__ import annotations

from django import forms

from mediane import numbers
from mediane.accounts.territories import departement_name
from mediane.forms import Form
from mediane.structures import standard
from mediane.structures.communes import Commune, load_communes

from .search import CRITERIA, CommuneNotFound

# The directory shows this many places, then this many more each time the person asks for more.
STEP = 10
MAX_SHOWN = 100
# Longest text the commune field takes: the longest commune name has 45 characters, with its postal code 51.
COMMUNE_MAX_LENGTH = 80
COMMUNE_LABEL = "Votre commune"
COMMUNE_HELP = "Son nom ou son code postal, par exemple « Villeurbanne » ou « 69100 »."

# What each group of checkboxes says, in plain words, under its legend.
HINTS = {
    "services": "Le lieu doit proposer toutes les aides cochées.",
    "publics": "Le lieu doit accueillir en priorité toutes les personnes cochées.",
    "prise_en_charge": "Handicap, langue, difficulté à lire : le lieu doit proposer tout ce qui est coché.",
    "frais": "Une des possibilités cochées suffit.",
    "acces": "Une des possibilités cochées suffit.",
    "accompagnement": "Une des possibilités cochées suffit.",
}
# The directory lists places where a person can go: a label that says a place receives nobody is no filter.
NOT_OFFERED = {"modalites_acces": ("Ce lieu n'accueille pas de public",)}


def commune_choices(communes: list[Commune]) -> list[tuple[str, str]]:
    """Radio choices for communes that share a name or a postal code: « Saint-Denis (93200…) — Seine-Saint-Denis »."""
    return [(c.insee, f"{c.label} — {departement_name(c.departement) or c.departement}") for c in communes]


class CommuneLookup:
    """The commune a form asks for: one found, several to choose from, or an error message (all from GET)."""

    def __init__(self, text: str, insee: str = "") -> None:
        self.text = (text or "").strip()
        self.commune: Commune | None = None
        self.candidates: list[Commune] = []
        self.error = ""
        communes = load_communes()
        chosen = communes.by_insee(insee) if insee else None
        if chosen is not None and not self.text:
            self.commune = chosen
            return
        try:
            found = communes.find(self.text)
        except CommuneNotFound as error:
            self.error = str(error)
            return
        # The commune chosen earlier holds while the text still names it: a new text is a new search.
        if chosen is not None and any(commune.insee == chosen.insee for commune in found):
            self.commune = chosen
        elif len(found) == 1:
            self.commune = found[0]
        else:
            self.candidates = found


class DirectoryForm(Form):
    """Read from the query string (GET): the page works as a plain link, without JavaScript.

    `insee` is the INSEE code of the commune chosen among several (a shared postal code, a common name); when it
    is given, the text typed is only shown again.
    """

    commune = forms.CharField(
        label=COMMUNE_LABEL,
        help_text=COMMUNE_HELP,
        required=False,
        max_length=COMMUNE_MAX_LENGTH,
        error_messages={"max_length": "Écrivez seulement le nom de la commune ou son code postal."},
    )
    insee = forms.CharField(required=False, max_length=5)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookup: CommuneLookup | None = None
        for criterion in CRITERIA:
            hidden = NOT_OFFERED.get(criterion.field, ())
            self.fields[criterion.param] = forms.MultipleChoiceField(
                label=standard.PLAIN_FIELD_NAMES.get(criterion.field, criterion.legend),
                help_text=HINTS[criterion.param],
                choices=[
                    (label, standard.plain_words(criterion.field, label))
                    for label in criterion.vocabulary
                    if label not in hidden
                ],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": f"{criterion.legend} : « %(value)s » n'existe pas. Décochez-le ou "
                    "choisissez une des cases proposées.",
                },
            )

    def clean(self):
        cleaned = super().clean()
        if "commune" in self.errors:
            return cleaned
        text, insee = cleaned.get("commune", ""), cleaned.get("insee", "")
        self.lookup = CommuneLookup(text, insee)
        if self.lookup.error:
            self.add_error("commune", self.lookup.error)
        return cleaned

    @property
    def found(self) -> Commune | None:
        return self.lookup.commune if self.lookup is not None else None

    @property
    def candidates(self) -> list[tuple[str, str]]:
        return commune_choices(self.lookup.candidates) if self.lookup is not None else []

    @property
    def filter_fields(self):
        """The bound checkbox groups, in the order of the standard."""
        return [self[criterion.param] for criterion in CRITERIA]

    def filters(self) -> dict[str, list[str]]:
        """The chosen labels as keyword arguments of `search.nearest_places`."""
        return {criterion.keyword: self.cleaned_data.get(criterion.param) or [] for criterion in CRITERIA}

    def chosen(self) -> list[tuple[str, str, str]]:
        """Every chosen (parameter, label, plain words), to offer removing them one at a time."""
        return [
            (criterion.param, label, standard.plain_words(criterion.field, label))
            for criterion in CRITERIA
            for label in (self.cleaned_data.get(criterion.param) or [])
        ]

    def shown(self) -> int:
        """How many places to show: `nombre` in the address, a multiple of STEP up to MAX_SHOWN."""
        wanted = numbers.query_int(self.data.get("nombre"), default=STEP)
        return min(MAX_SHOWN, max(STEP, -(-wanted // STEP) * STEP))
