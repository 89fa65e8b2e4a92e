"""Forms of the host structures: registration and edit, a request for positions, and the programme team's status
change and list filters. They only shape and label input; checks live in `services_hosts.py`."""

from __future__ import annotations

from django import forms

from mediane.forms import Form, IntegerField
from mediane.structures.forms import CommuneField

from .enums import MAX_DISTANCE_CHOICES, HostKind, HostStatus, RequestKind
from .forms_dates import ProgrammeDateField
from .services_hosts import ALLOWED_TRANSITIONS, MAX_ADVISERS, MOTIVATION_MAX_LENGTH, REASON_MAX_LENGTH, HostData


class HostForm(Form):
    kind = forms.ChoiceField(label="Type de structure", choices=HostKind.choices)
    name = forms.CharField(label="Nom de la structure", max_length=200, help_text="Par exemple « Commune de Givors ».")
    siret = forms.CharField(
        label="SIRET",
        max_length=30,
        help_text="14 chiffres, espaces permis. Vous le trouvez sur annuaire-entreprises.data.gouv.fr.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    commune = CommuneField()
    address = forms.CharField(label="Adresse", max_length=250, required=False, help_text="Numéro et rue.")
    contact_name = forms.CharField(label="Nom et prénom du contact", max_length=150)
    contact_job = forms.CharField(label="Fonction du contact", max_length=150, required=False)
    contact_email = forms.EmailField(label="Courriel du contact", max_length=254)
    contact_phone = forms.CharField(label="Téléphone du contact", max_length=20, required=False)
    advisers_wished = IntegerField(
        label="Nombre de conseillers numériques souhaités", min_value=1, max_value=MAX_ADVISERS, initial=1
    )
    start_date = ProgrammeDateField("Date de prise de poste souhaitée")
    motivation = forms.CharField(
        label="Pourquoi souhaitez-vous accueillir un conseiller numérique ?",
        max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Les besoins de vos habitants ou usagers, ce que vous proposez déjà, où le conseiller travaillera.",
    )
    charter_commitment = forms.BooleanField(
        label="Je m'engage à respecter la charte du dispositif",
        help_text="Un accompagnement gratuit, neutre, sans démarche commerciale, ouvert à tous les publics.",
        error_messages={"required": "Cochez l'engagement à respecter la charte : il est demandé à toute structure."},
    )
    cofunding = forms.BooleanField(label="Un cofinancement est prévu", required=False)
    cofunding_details = forms.CharField(
        label="Cofinanceurs", max_length=250, required=False, help_text="Si un cofinancement est prévu : qui ?"
    )
    rural_revitalisation_zone = forms.BooleanField(label="En zone de revitalisation rurale (ZRR)", required=False)
    priority_district = forms.BooleanField(
        label="En quartier prioritaire de la politique de la ville (QPV)", required=False
    )
    france_services = forms.BooleanField(label="Labellisée France Services", required=False)
    max_distance_km = forms.TypedChoiceField(
        label="Distance maximale des candidats",
        choices=MAX_DISTANCE_CHOICES,
        coerce=int,
        initial=40,
        help_text="Jusqu'où les candidats peuvent habiter de votre structure.",
    )
    other_request = forms.BooleanField(
        label="Il s'agit bien d'une autre demande pour cette structure",
        required=False,
        help_text="À cocher seulement si ce SIRET est déjà inscrit et que vous faites une autre demande.",
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # the SIRET identifies the registration: it does not change
            del self.fields["siret"]
            del self.fields["other_request"]

    def host_data(self, siret: str = "") -> HostData:
        data = dict(self.cleaned_data)
        data.setdefault("siret", siret)
        return HostData.from_dict(data)


class RequestForm(Form):
    kind = forms.ChoiceField(label="Votre demande", choices=RequestKind.choices, widget=forms.RadioSelect)
    positions = IntegerField(label="Nombre de postes", min_value=1, max_value=MAX_ADVISERS)
    reason = forms.CharField(
        label="Motif",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Pourquoi ces postes en plus, ou pourquoi vous les rendez.",
    )


class HostStatusForm(Form):
    status = forms.ChoiceField(label="Nouveau statut", choices=())
    note = forms.CharField(
        label="Note",
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="La structure la lira, dans son historique et dans le courriel qui la prévient.",
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, HostStatus(s).label) for s in ALLOWED_TRANSITIONS.get(current, ())]


class HostFilterForm(Form):
    status = forms.ChoiceField(label="Statut", choices=[("", "Tous")] + HostStatus.choices, required=False)
    departement = forms.CharField(label="Département", max_length=3, required=False, help_text="Par exemple 69.")
    q = forms.CharField(label="Nom ou SIRET", max_length=100, required=False)
