"""Forms of funding applications, their decision, schedule and payments, and the filters of the organisers' list
and the public figures. They only shape and label input; checks live in `services_applications.py`."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from mediane import numbers
from mediane.forms import Form
from mediane.privatefiles import PrivateFileFormField

from .enums import ApplicationStatus
from .models import Scheme
from .services_applications import (
    DESCRIPTION_MAX_LENGTH,
    LABEL_MAX_LENGTH,
    MAX_AMOUNT,
    NOTE_MAX_LENGTH,
    REFERENCE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ApplicationData,
    PaymentData,
    euros,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_HELP = "Format attendu : JJ/MM/AAAA"


def read_euros(value: str, label: str = "Le montant") -> Decimal:
    """An amount in euros typed by a person, the French way or not, read through `numbers.read_decimal`."""
    try:
        amount = numbers.read_decimal(value, euros=True, label=label, example="12 500,50")
    except numbers.NumberError as error:
        raise forms.ValidationError(str(error)) from None
    if amount > MAX_AMOUNT:
        raise forms.ValidationError(f"{label} doit valoir au plus {euros(MAX_AMOUNT)}.")
    if amount <= 0:
        raise forms.ValidationError(f"{label} doit être plus grand que 0 €, par exemple 12 500.")
    if amount != amount.quantize(Decimal("0.01")):
        raise forms.ValidationError(f"{label} a au plus deux chiffres après la virgule (les centimes).")
    return amount.quantize(Decimal("0.01"))


class EurosField(forms.Field):
    """An amount in euros: « 12 500 », « 12 500,50 » or « 12500.50 », more than 0, cents at most. Not a text
    field: the characters that are not digits, spaces, a comma or a point are refused by `parse_decimal`."""

    widget = forms.TextInput

    def __init__(self, *, label: str, **kwargs):
        kwargs.setdefault("help_text", "En euros, par exemple 12 500 ou 12 500,50.")
        super().__init__(label=label, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": "40"})

    def to_python(self, value):
        text = str(value or "").strip()
        if not text:
            return None
        label = f"Le {self.label[0].lower()}{self.label[1:]}" if self.label else "Le montant"
        return read_euros(text[:80], label)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",").removesuffix(",00")
        return value


class ApplicationForm(Form):
    structure = forms.ModelChoiceField(
        label="Structure qui demande",
        queryset=None,
        empty_label=None,
        help_text="Une des structures dont vous êtes responsable.",
    )
    title = forms.CharField(label="Intitulé du projet", max_length=TITLE_MAX_LENGTH)
    description = forms.CharField(
        label="Description du projet",
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Ce que vous voulez faire, pour qui, et comment vous utiliserez l'argent. Une ligne vide sépare "
        "deux paragraphes.",
    )
    amount_requested = EurosField(label="Montant demandé")

    def __init__(self, *args, structures=None, **kwargs):
        super().__init__(*args, **kwargs)
        if structures is None:  # editing: the structure does not change
            del self.fields["structure"]
        else:
            self.fields["structure"].queryset = structures

    def application_data(self) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(data["title"], data["description"], data["amount_requested"])


class DocumentForm(Form):
    file = PrivateFileFormField(label="Pièce justificative")


class AcceptForm(Form):
    amount_granted = EurosField(
        label="Montant accordé", help_text="En euros, au plus le montant demandé. Par exemple 12 500."
    )
    note = forms.CharField(
        label="Note (facultatif)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Elle est lue par la structure, dans l'historique de sa demande.",
    )


class RefuseForm(Form):
    reason = forms.CharField(
        label="Motif du refus",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="La structure le lira : dites pourquoi, simplement, et ce qu'elle peut faire.",
    )


class TrancheForm(Form):
    label = forms.CharField(label="Libellé", max_length=LABEL_MAX_LENGTH, help_text="Par exemple « Première tranche ».")
    planned_on = forms.DateField(label="Date prévue", widget=DATE, help_text=DATE_HELP)
    amount = EurosField(label="Montant")


class PaymentForm(Form):
    paid_on = forms.DateField(label="Date du versement", widget=DATE, help_text=DATE_HELP)
    amount = EurosField(label="Montant")
    reference = forms.CharField(
        label="Référence (facultatif)",
        required=False,
        max_length=REFERENCE_MAX_LENGTH,
        help_text="Par exemple le numéro du mandat de paiement.",
    )
    tranche = forms.ModelChoiceField(label="Échéance payée (facultatif)", queryset=None, required=False)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tranche"].queryset = application.tranches.all()
        self.fields["tranche"].empty_label = "Aucune échéance en particulier"

    def payment_data(self) -> PaymentData:
        data = self.cleaned_data
        return PaymentData(data["paid_on"], data["amount"], data.get("reference") or "", data.get("tranche"))


class InstructionFilterForm(Form):
    """The organisers' list filters (GET): a bad value is ignored, never an error page."""

    etat = forms.ChoiceField(label="État", choices=[("", "Tous les états"), *ApplicationStatus.choices], required=False)
    dispositif = forms.ModelChoiceField(
        label="Dispositif",
        queryset=Scheme.objects.all(),
        to_field_name="slug",
        empty_label="Tous les dispositifs",
        required=False,
    )
    departement = forms.CharField(
        label="Département (numéro)", max_length=3, required=False, help_text="Par exemple 69."
    )

    def clean_departement(self):
        code = self.cleaned_data.get("departement", "").strip().upper()
        if code and not (code.isascii() and code.isalnum()):
            raise forms.ValidationError("Écrivez le numéro du département, par exemple 69 ou 2A.")
        return code

    def filters(self) -> dict:
        """The valid filters only: an invalid one is dropped and the others still apply."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in ("etat", "dispositif", "departement") if data.get(name)}
