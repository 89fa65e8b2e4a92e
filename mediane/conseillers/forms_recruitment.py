"""Forms of the recruitment pages: each move's data (the contract, a refusal's reason, a rupture), adding a
candidate by hand, the team's list filters and the choice of a training session."""

from __future__ import annotations

from django import forms

from mediane import forms as platform

from .enums import ContractType, RecruitmentStatus, RuptureReason
from .forms_dates import DATE_TEXT, ProgrammeDateField
from .services_recruitment import REASON_MAX, MoveData


def DateField(label: str, **kwargs) -> ProgrammeDateField:  # noqa: N802 - reads as the field it makes
    """The programme's date field, typed as text: contract dates are copied from the paper contract."""
    return ProgrammeDateField(label, widget=DATE_TEXT, **kwargs)


class ContractForm(platform.Form):
    contract_type = forms.ChoiceField(
        label="Type de contrat",
        choices=[("", "Choisissez")] + ContractType.choices,
        error_messages={
            "required": "Choisissez le type de contrat.",
            "invalid_choice": "Choisissez le type de contrat.",
        },
    )
    starts_on = DateField("Date de début du contrat")
    ends_on = DateField("Date de fin du contrat (sauf CDI)", required=False)

    def data_of_move(self) -> MoveData:
        return MoveData(**self.cleaned_data)


class RefusalForm(platform.Form):
    reason = forms.CharField(
        label="Motif du refus",
        help_text="La structure le lira : dites ce qui manque ou ce qu'il faut corriger.",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Écrivez le motif du refus : la structure le lira."},
    )

    def data_of_move(self) -> MoveData:
        return MoveData(reason=self.cleaned_data["reason"])


class RuptureForm(platform.Form):
    rupture_on = DateField("Date de la rupture (dernier jour travaillé)")
    rupture_reason = forms.ChoiceField(
        label="Motif de la rupture",
        choices=[("", "Choisissez")] + RuptureReason.choices,
        error_messages={"required": "Choisissez le motif de la rupture.", "invalid_choice": "Choisissez le motif."},
    )
    reason = forms.CharField(
        label="Précisions (facultatif)", required=False, max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def data_of_move(self) -> MoveData:
        return MoveData(**self.cleaned_data)


class NoDataForm(platform.Form):
    def data_of_move(self) -> MoveData:
        return MoveData()


FORMS: dict[str, type[forms.Form]] = {
    "contract": ContractForm,
    "reason": RefusalForm,
    "rupture": RuptureForm,
    "": NoDataForm,
}


class ByHandForm(platform.Form):
    email = forms.EmailField(
        label="Adresse e-mail de la personne candidate",
        help_text="Celle de son profil de candidat·e au programme, par exemple prenom.nom@exemple.fr.",
        max_length=254,
        error_messages={
            "required": "Écrivez l'adresse e-mail de la personne.",
            "invalid": "Écrivez une adresse e-mail complète, par exemple prenom.nom@exemple.fr.",
        },
    )


class InterestForm(platform.Form):
    """What a recommendation or a candidate's page posts: `candidate=<pk>` and `interest=oui|non`."""

    candidate = platform.IntegerField(min_value=1, error_messages={"invalid": "Candidat·e inconnu·e."})
    interest = forms.ChoiceField(choices=[("oui", "Intéressé·e"), ("non", "Pas intéressé·e")], required=False)


STATUS_FILTERS = [("", "Tous"), ("a-finaliser", "À finaliser")] + [
    (value, label) for value, label in RecruitmentStatus.choices
]


class RecruitmentFilterForm(platform.Form):
    status = forms.ChoiceField(label="Statut", choices=STATUS_FILTERS, required=False)
    departement = forms.RegexField(
        label="Département",
        regex=r"^(\d{2,3}|2[ABab])$",
        required=False,
        help_text="Son numéro, par exemple 69.",
        error_messages={"invalid": "Écrivez le numéro du département, par exemple 69 ou 2A."},
    )


class SessionForm(platform.Form):
    session = forms.ModelChoiceField(
        label="Session",
        queryset=None,
        empty_label="Choisissez une session",
        error_messages={"required": "Choisissez une session.", "invalid_choice": "Choisissez une session de la liste."},
    )

    def __init__(self, *args, sessions=(), **kwargs):
        from mediane.training.models import TrainingSession

        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = TrainingSession.objects.filter(pk__in=[s.pk for s in sessions])
