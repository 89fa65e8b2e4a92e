"""Forms of the roadmap's organisers: actions, progress, milestones, links, stages, axes, statuses, the CSV import.

They shape and label input; the checks that matter (cycles, progress on a parent, dates) live in services.py,
whose French messages the views put back on the form.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms

from mediane import numbers
from mediane.forms import Form, IntegerField
from mediane.structures.models import Structure
from mediane.synthesis.enums import TopicKind
from mediane.synthesis.models import Topic
from mediane.text import control_character_message
from mediane.workinggroup.enums import DecisionStatus, MeetingStatus
from mediane.workinggroup.forms import MARKUP_HELP, NumberListField
from mediane.workinggroup.models import Decision

from .indicators import INDICATORS
from .models import Action, Axis, Stage, Status
from .services import DESCRIPTION_MAX_LENGTH, MAX_WEIGHT, TITLE_MAX_LENGTH, RoadmapError, check_parent

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_HELP = "Au format jj/mm/aaaa, par exemple 15/09/2020."
STRUCTURES_FOUND = 20


def _date_field(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=DATE_HELP,
        error_messages={
            "invalid": "Cette date ne se lit pas : écrivez-la au format jj/mm/aaaa, par exemple 15/09/2020."
        },
    )


class WeightField(forms.CharField):
    """A weight typed by a person: « 2 », « 1,5 » or « 1.5 », ASCII digits only, more than 0."""

    def to_python(self, value):
        text = super().to_python(value).replace(",", ".")
        if not text:
            return Decimal(1)
        try:
            numbers.parse_decimal(text, minimum=0, maximum=float(MAX_WEIGHT), label="Le poids", example="1,5")
            weight = Decimal(text)
        except (numbers.NumberError, InvalidOperation) as error:
            raise forms.ValidationError(str(error)) from None
        if weight <= 0:
            raise forms.ValidationError("Le poids doit être plus grand que 0, par exemple 1 ou 2,5.")
        return weight.quantize(Decimal("0.01"))


class ProgressField(IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Avancement en % (facultatif)")
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            "Un nombre entier de 0 à 100. Si vous changez de statut sans changer ce nombre, l'action prend "
            "l'avancement par défaut du nouveau statut.",
        )
        super().__init__(
            min_value=0,
            max_value=100,
            error_messages={
                "min_value": "L'avancement est un pourcentage entre 0 et 100.",
                "max_value": "L'avancement est un pourcentage entre 0 et 100.",
            },
            **kwargs,
        )


def action_label(action: Action) -> str:
    return f"n° {action.pk} — {action.title}"


def _parent_field() -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(
        label="Action parente (facultatif)",
        queryset=Action.objects.all(),
        required=False,
        empty_label="Aucune : c'est une action de premier niveau",
        help_text="L'avancement d'une action parente se calcule à partir de ses sous-actions.",
    )
    field.label_from_instance = action_label  # type: ignore[method-assign]
    return field


class ActionForm(Form):
    """An action. On a parent (`is_parent`), the progress field is taken away: it is computed from the children."""

    title = forms.CharField(label="Intitulé", max_length=TITLE_MAX_LENGTH)
    description = forms.CharField(
        label="Description (facultatif)",
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKUP_HELP,
    )
    stage = forms.ModelChoiceField(label="Étape", queryset=Stage.objects.all(), empty_label=None)
    axis = forms.ModelChoiceField(label="Axe", queryset=Axis.objects.all(), empty_label=None)
    parent = _parent_field()
    status = forms.ModelChoiceField(
        label="Statut (facultatif)", queryset=Status.objects.all(), required=False, empty_label="Sans statut"
    )
    progress = ProgressField()
    indicator = forms.ChoiceField(
        label="Mesurée par un indicateur (facultatif)",
        required=False,
        help_text="L'avancement se calcule alors tout seul : la valeur de l'indicateur sur la cible, à jour à chaque "
        "changement des chiffres. L'avancement saisi plus haut n'est pas pris en compte.",
    )
    indicator_target = IntegerField(
        label="Cible de l'indicateur (facultatif)",
        required=False,
        min_value=1,
        max_value=10**9,
        help_text="Un nombre entier, par exemple 4000 pour « 4 000 conseillers numériques recrutés ».",
    )
    weight = WeightField(
        label="Poids",
        required=False,
        initial="1",
        help_text="Combien l'action compte dans l'avancement de sa parente, à côté des autres : 1 par défaut.",
    )
    start_date = _date_field("Début (facultatif)")
    end_date = _date_field("Fin (facultatif)")
    position = IntegerField(
        label="Ordre d'affichage", min_value=0, max_value=999, initial=0, help_text="Du plus petit au plus grand."
    )
    owners = forms.MultipleChoiceField(
        label="Structures partenaires qui portent l'action",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les structures cochées. Pour en ajouter une, cherchez-la ci-dessous.",
    )
    structure_search = forms.CharField(
        label="Chercher une structure (facultatif)",
        required=False,
        max_length=100,
        help_text="Une partie de son nom ou son SIRET, puis « Chercher » : les structures trouvées s'ajoutent à la "
        "liste ci-dessus, à cocher.",
    )

    def __init__(self, *args, action: Action | None = None, is_parent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["parent"].queryset = Action.objects.exclude(pk=action.pk) if action else Action.objects.all()
        if is_parent:
            del self.fields["progress"]
        self.fields["owners"].choices = self._owner_choices()
        self.fields["indicator"].choices = [("", "Aucun : l'avancement est saisi"), *INDICATORS.choices()]

    def _owner_choices(self) -> list[tuple[str, str]]:
        """The structures checked (sent or saved) and those the search finds: a list usable without JavaScript."""
        wanted = set()
        if self.is_bound:
            wanted |= {value for value in self.data.getlist("owners") if numbers.is_ascii_number(value)}
        else:
            wanted |= {str(value) for value in self.initial.get("owners", [])}
        rows = list(Structure.objects.filter(pk__in=[int(pk) for pk in wanted if len(pk) < 19]))
        query = (self.data.get("structure_search") or "").strip() if self.is_bound else ""
        # A control character is refused by the field's own check; it never reaches a query (PostgreSQL refuses NUL).
        if query and len(query) <= 100 and control_character_message(query) is None:
            found = Structure.objects.filter(name__icontains=query) | Structure.objects.filter(siret=query)
            rows += list(found.exclude(pk__in=[row.pk for row in rows])[:STRUCTURES_FOUND])
        return [(str(row.pk), f"{row.name}{f' (SIRET {row.siret})' if row.siret else ''}") for row in rows]

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        try:
            check_parent(self.action, parent)
        except RoadmapError as error:
            raise forms.ValidationError(str(error)) from None
        return parent

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La date de fin est avant la date de début : corrigez l'une des deux.")
        if data.get("indicator") and not data.get("indicator_target"):
            self.add_error("indicator_target", "Écrivez la cible de l'indicateur, par exemple 4000.")
        return data

    def owner_structures(self) -> list[Structure]:
        pks = [int(pk) for pk in self.cleaned_data.get("owners", [])]
        return list(Structure.objects.filter(pk__in=pks))


class ProgressForm(Form):
    """The quick « Avancement » form: a status and, on a leaf, a progress."""

    status = forms.ModelChoiceField(
        label="Statut", queryset=Status.objects.all(), required=False, empty_label="Sans statut"
    )
    progress = ProgressField()

    def __init__(self, *args, is_parent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if is_parent:
            del self.fields["progress"]


class MilestoneForm(Form):
    date = _date_field("Date", required=True)
    title = forms.CharField(label="Ce qui a été franchi", max_length=TITLE_MAX_LENGTH)
    description = forms.CharField(
        label="Description (facultatif)",
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def adopted_decisions():
    """The decisions an action may come from: adopted, at a meeting that was held."""
    return Decision.objects.filter(status=DecisionStatus.ADOPTED, meeting__status=MeetingStatus.HELD).select_related(
        "meeting__theme"
    )


def published_topics():
    """The topics an action may come from: those of a published synthesis."""
    return Topic.objects.filter(run__published_at__isnull=False, kind=TopicKind.TOPIC).select_related("run__theme")


def decision_label(decision: Decision) -> str:
    return f"n° {decision.reference} — {decision.title}"


class LinksForm(Form):
    contributions = NumberListField(
        label="Contributions à l'origine (facultatif)",
        required=False,
        help_text="Leurs numéros, séparés par des virgules, par exemple : 12, 40. Le numéro figure dans l'adresse "
        "de chaque contribution.",
    )
    decisions = forms.MultipleChoiceField(
        label="Décisions du groupe de travail à l'origine", required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label="Sujets des synthèses publiées à l'origine", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, decisions=(), topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decisions"].choices = [(str(row.pk), decision_label(row)) for row in decisions]
        self.fields["topics"].choices = [
            (str(row.pk), f"Thème {row.run.theme.number} — {row.label} (sujet n° {row.pk})") for row in topics
        ]


class PlaceForm(Form):
    """Where a new action goes: its stage, axis and optional parent (used when it is made from a source)."""

    stage = forms.ModelChoiceField(label="Étape", queryset=Stage.objects.all(), empty_label=None)
    axis = forms.ModelChoiceField(label="Axe", queryset=Axis.objects.all(), empty_label=None)
    parent = _parent_field()


class FromDecisionForm(PlaceForm):
    decision = forms.ModelChoiceField(
        label="Décision du groupe de travail",
        queryset=Decision.objects.none(),
        empty_label=None,
        help_text="Les décisions adoptées lors des réunions tenues, avec leur numéro.",
    )
    field_order = ["decision", "stage", "axis", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = adopted_decisions()
        self.fields["decision"].label_from_instance = decision_label


class StageForm(Form):
    title = forms.CharField(label="Intitulé", max_length=TITLE_MAX_LENGTH)
    year = IntegerField(label="Année (facultatif)", required=False, min_value=1900, max_value=2200)
    description = forms.CharField(
        label="Description (facultatif)", required=False, max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea
    )
    position = IntegerField(label="Ordre d'affichage", min_value=0, max_value=999, initial=0)


class AxisForm(Form):
    title = forms.CharField(label="Intitulé", max_length=TITLE_MAX_LENGTH)
    description = forms.CharField(
        label="Description (facultatif)", required=False, max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea
    )
    position = IntegerField(label="Ordre d'affichage", min_value=0, max_value=999, initial=0)


class StatusForm(Form):
    name = forms.CharField(label="Nom", max_length=100)
    description = forms.CharField(label="Description (facultatif)", required=False, max_length=300)
    default_progress = ProgressField(
        label="Avancement par défaut en % (facultatif)",
        help_text="L'avancement que prend une action sans sous-action quand elle reçoit ce statut.",
    )
    position = IntegerField(label="Ordre d'affichage", min_value=0, max_value=999, initial=0)


class ImportForm(Form):
    file = forms.FileField(
        label="Fichier CSV des actions",
        help_text="Encodé en UTF-8, colonnes séparées par des virgules ou des points-virgules.",
        error_messages={"required": "Choisissez le fichier CSV à importer.", "empty": "Ce fichier est vide."},
    )
    dry_run = forms.BooleanField(
        label="Vérifier sans importer",
        required=False,
        help_text="Le fichier est lu et vérifié ligne par ligne, mais rien n'est enregistré.",
    )
