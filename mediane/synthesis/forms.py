"""Forms of the synthesis pages: launching a run, renaming and merging topics. The services check again."""

from django import forms
from django.conf import settings

from mediane.consultation.enums import ContributionKind
from mediane.forms import Form, IntegerField

from . import services


class LaunchForm(Form):
    """The options of a run; the defaults suit most themes, so they sit under « Options avancées »."""

    backend = forms.ChoiceField(
        label="Méthode d'analyse",
        help_text="« tfidf » regroupe les contributions qui emploient le même vocabulaire ; elle ne demande aucun "
        "modèle et convient dans la plupart des cas.",
    )
    min_topics = IntegerField(
        label="Nombre minimal de sujets",
        min_value=1,
        max_value=services.MAX_TOPICS_LIMIT,
        initial=services.DEFAULT_MIN_TOPICS,
    )
    max_topics = IntegerField(
        label="Nombre maximal de sujets",
        min_value=1,
        max_value=services.MAX_TOPICS_LIMIT,
        initial=services.DEFAULT_MAX_TOPICS,
        help_text="Le nombre de sujets est choisi entre ces deux bornes, là où les regroupements sont les plus nets.",
    )
    seed = IntegerField(
        label="Graine",
        min_value=0,
        max_value=services.MAX_SEED,
        initial=0,
        help_text="Avec la même graine, les mêmes contributions donnent la même synthèse. Changez-la pour voir un "
        "autre découpage.",
    )

    def __init__(self, *args, **kwargs):
        from mediane.synthesis.engine import backend_names

        super().__init__(*args, **kwargs)
        names = backend_names()
        self.fields["backend"].choices = [(name, name) for name in names]
        default = settings.MEDIANE_SYNTHESIS_BACKEND
        self.fields["backend"].initial = default if default in names else names[0]

    def clean(self):
        data = super().clean()
        low, high = data.get("min_topics"), data.get("max_topics")
        if low is not None and high is not None and low > high:
            self.add_error("max_topics", "Le nombre maximal de sujets doit être au moins égal au nombre minimal.")
        return data


class RenameForm(Form):
    label = forms.CharField(label="Nouvel intitulé", max_length=services.LABEL_MAX_LENGTH)

    def clean_label(self):
        try:
            return services.check_label(self.cleaned_data["label"])
        except services.SynthesisError as error:
            raise forms.ValidationError(str(error)) from None


class MergeForm(Form):
    """Topics to merge, offered from the run's topics (given as (id, label) choices: no query of its own)."""

    topics = forms.TypedMultipleChoiceField(
        label="Sujets à fusionner",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez au moins deux sujets. Ils sont réunis dans le plus grand d'entre eux.",
        error_messages={"required": "Cochez au moins deux sujets à fusionner."},
    )
    label = forms.CharField(
        label="Intitulé du sujet fusionné (facultatif)",
        max_length=services.LABEL_MAX_LENGTH,
        required=False,
        help_text="Laissez vide pour garder l'intitulé du plus grand des sujets cochés.",
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = list(choices)

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(set(topics)) < 2:
            raise forms.ValidationError("Cochez au moins deux sujets à fusionner.")
        return topics


class MemberFilterForm(Form):
    """The kind filter of a topic's contribution list (GET)."""

    type = forms.ChoiceField(
        label="Type de contribution",
        required=False,
        choices=[("", "Tous les types"), *ContributionKind.choices],
    )

    def kind(self) -> str:
        return self.cleaned_data.get("type", "") if self.is_valid() else ""
