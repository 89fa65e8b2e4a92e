"""Forms of the forum. They only shape and label input: checks that matter live in services.py."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from mediane import numbers
from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.territories import DEPARTEMENT_CHOICES, InvalidPostalCode, departement_from_postal_code
from mediane.forms import Form, IntegerField

from .enums import KIND_HELP_TEXTS, AssistedChannel, ContributionKind, ModerationReason
from .services import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    COMMENT_MIN_LENGTH,
    TITLE_MAX_LENGTH,
)
from .services_moderation import HIDDEN_NOTE_MAX_LENGTH, LOG_NOTE_MAX_LENGTH, REPORT_DETAILS_MAX_LENGTH

# --- Forum ---

SORTS = {
    "recentes": "Les plus récentes",
    "soutenues": "Les plus soutenues",
    "commentees": "Les plus commentées",
}


class ThemeFilterForm(Form):
    """The theme page's filters and sort, read from the query string (GET)."""

    type = forms.ChoiceField(
        label="Type de contribution",
        required=False,
        choices=[("", "Tous les types"), *ContributionKind.choices],
    )
    categorie = forms.ChoiceField(
        label="Catégorie de participant·e",
        required=False,
        choices=[("", "Toutes les catégories"), *ParticipantCategory.choices],
    )
    departement = forms.ChoiceField(
        label="Département", required=False, choices=[("", "Tous les départements"), *DEPARTEMENT_CHOICES]
    )
    tri = forms.ChoiceField(label="Trier par", required=False, choices=list(SORTS.items()))

    def values(self) -> dict[str, str]:
        """The valid filters; an invalid value is ignored rather than failing the whole page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) or "" for name in self.fields}


class IdListField(forms.CharField):
    """Ids written by the page in a hidden field, « 12,40,7 »: read leniently, since nobody types them.

    Anything that is not an id is dropped, and only the last MAX_IDS are kept, so the field never fails.
    """

    MAX_IDS = 100
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[int]:
        parts = super().to_python(value).split(",")
        ids = (numbers.query_int(part, default=0, minimum=1) for part in parts)
        return [pk for pk in ids if pk][-self.MAX_IDS :]


class ContributionForm(Form):
    kind = forms.ChoiceField(
        label="Type de contribution",
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez le type de contribution."},
    )
    title = forms.CharField(
        label="Titre",
        max_length=TITLE_MAX_LENGTH,
        help_text=f"Une phrase courte qui résume votre idée ({TITLE_MAX_LENGTH} caractères au plus).",
        error_messages={
            "required": "Écrivez un titre.",
            "max_length": f"Le titre est trop long : {TITLE_MAX_LENGTH} caractères au plus.",
        },
    )
    body = forms.CharField(
        label="Votre contribution",
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=(
            f"{BODY_MAX_LENGTH} caractères au plus. Vous pouvez écrire *en italique*, **en gras**, "
            "faire une liste en commençant les lignes par « - » et un lien avec [texte](https://adresse)."
        ),
        error_messages={
            "required": "Écrivez le texte de votre contribution.",
            "max_length": f"Le texte est trop long : {BODY_MAX_LENGTH} caractères au plus. Raccourcissez-le.",
        },
    )
    # The close contributions the person has already been shown (by the live panel or the confirmation
    # step): the form asks again only about the ones they have not seen.
    similar_seen = IdListField()

    def kind_options(self) -> list[dict[str, str]]:
        """Each kind with its help text, for the radio buttons."""
        return [
            {"value": value, "label": label, "help": KIND_HELP_TEXTS[ContributionKind(value)]}
            for value, label in ContributionKind.choices
        ]


class SimilarLookupForm(Form):
    """The contribution form as it is being typed, read by the close-contributions panel. Nothing is required."""

    title = forms.CharField(required=False)
    body = forms.CharField(required=False)
    similar_seen = IdListField()
    # The contributions the panel shows now: when a new lookup finds the same ones, nothing changes.
    similar_shown = IdListField()

    def draft_text(self) -> str:
        """The title and text, cut to the lengths a contribution may have."""
        data = self.cleaned_data
        return f"{data.get('title', '')[:TITLE_MAX_LENGTH]}\n{data.get('body', '')[:BODY_MAX_LENGTH]}"


class CommentForm(Form):
    body = forms.CharField(
        label="Votre commentaire",
        min_length=COMMENT_MIN_LENGTH,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Écrivez votre commentaire.",
            "min_length": f"Le commentaire est trop court : écrivez au moins {COMMENT_MIN_LENGTH} caractères.",
            "max_length": f"Le commentaire est trop long : {COMMENT_MAX_LENGTH} caractères au plus.",
        },
    )
    parent = IntegerField(required=False, widget=forms.HiddenInput)


# --- end Forum ---

# --- Moderation, assisted contributions and imports ---


class HintedRadioSelect(forms.RadioSelect):
    """Radio buttons whose options each carry a hint, which templates read as `radio.data.hint`."""

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = self.hints.get(value, "")
        return option


# « En attente d'examen » is set only by the automatic hiding: nobody picks it.
REASON_CHOICES = [
    (value, label) for value, label in ModerationReason.choices if value != ModerationReason.PENDING_REVIEW
]


class ReportForm(Form):
    reason = forms.ChoiceField(
        label="Pourquoi signalez-vous ce contenu ?",
        choices=REASON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez la raison de votre signalement."},
    )
    details = forms.CharField(
        label="Précisions (facultatif)",
        required=False,
        max_length=REPORT_DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Par exemple, la phrase qui pose problème. Seule l'équipe de modération les lira.",
        error_messages={"max_length": f"Les précisions sont trop longues : {REPORT_DETAILS_MAX_LENGTH} caractères."},
    )


class HideForm(Form):
    reason = forms.ChoiceField(
        label="Motif",
        choices=REASON_CHOICES,
        widget=forms.RadioSelect,
        help_text="La catégorie du motif est affichée publiquement à la place du texte masqué.",
        error_messages={"required": "Choisissez le motif."},
    )
    note = forms.CharField(
        label="Précision (facultatif)",
        required=False,
        max_length=HIDDEN_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Elle est gardée dans le journal de modération.",
        error_messages={"max_length": f"La précision est trop longue : {HIDDEN_NOTE_MAX_LENGTH} caractères."},
    )


class RestoreForm(Form):
    note = forms.CharField(
        label="Pourquoi rétablir ce contenu ?",
        max_length=LOG_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Votre explication est gardée dans le journal de modération.",
        error_messages={
            "required": "Expliquez pourquoi vous rétablissez ce contenu.",
            "max_length": f"L'explication est trop longue : {LOG_NOTE_MAX_LENGTH} caractères au plus.",
        },
    )


class ModerationNoteForm(Form):
    """Approving or dismissing reports: only an optional note."""

    note = forms.CharField(
        label="Précision (facultatif)",
        required=False,
        max_length=LOG_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": f"La précision est trop longue : {LOG_NOTE_MAX_LENGTH} caractères."},
    )


class AssistedContributionForm(ContributionForm):
    """What a mediator records for a person: what they said, and only what the statistics need about them."""

    # A mediator records what the person said, close to another contribution or not: no confirmation step.
    similar_seen = None

    category = forms.ChoiceField(
        label="La personne est",
        choices=ParticipantCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez la catégorie de la personne."},
    )
    postal_code = forms.CharField(
        label="Code postal de la personne (facultatif)",
        required=False,
        max_length=5,
        help_text="Il sert seulement à compter les contributions par département. Par exemple : 69003.",
        error_messages={"max_length": "Un code postal a 5 chiffres, par exemple 69003."},
    )
    channel = forms.ChoiceField(
        label="Où avez-vous recueilli cette contribution ?",
        choices=AssistedChannel.choices,
        initial=AssistedChannel.LIBRARY_DESK,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez où la contribution a été recueillie."},
    )
    consent = forms.BooleanField(
        label="La personne a accepté que ses propos soient publiés de façon anonyme sur le forum.",
        error_messages={
            "required": "Cochez cette case seulement si la personne est d'accord : sans son accord, "
            "sa contribution ne peut pas être publiée."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget = HintedRadioSelect(choices=ContributionKind.choices, hints=KIND_HELP_TEXTS)
        self.fields["body"].label = "Ce que la personne a exprimé"
        self.fields[
            "title"
        ].help_text = f"Une phrase courte qui résume son idée ({TITLE_MAX_LENGTH} caractères au plus)."

    def clean_postal_code(self) -> str:
        code = self.cleaned_data["postal_code"].strip()
        if code:
            try:
                departement_from_postal_code(code)
            except InvalidPostalCode as exc:
                raise forms.ValidationError(str(exc)) from exc
        return code


class ImportFileForm(Form):
    file = forms.FileField(
        label="Fichier CSV",
        help_text="Un tableau enregistré au format CSV (colonnes séparées par « ; » ou « , »).",
        error_messages={"required": "Choisissez le fichier à importer.", "empty": "Ce fichier est vide."},
    )

    @staticmethod
    def max_bytes() -> int:
        return settings.MEDIANE_MAX_IMPORT_BYTES

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = self.max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"Le fichier est trop lourd : {filesizeformat(upload.size)}, "
                f"pour {filesizeformat(limit)} au plus. "
                "Découpez-le en plusieurs fichiers."
            )
        return upload


# --- end Moderation ---
