"""Forms of a candidate's profile, CV, pause and deletion, and the team's filters of the candidates' list. They
shape and label input; the checks that matter live in `services_candidates.py` too."""

from __future__ import annotations

from django import forms

from mediane.forms import Form
from mediane.privatefiles import PDF, PrivateFileFormField
from mediane.structures.forms import CommuneField

from .enums import MAX_DISTANCE_CHOICES, EducationLevel, MediationDiploma, Situation
from .forms_dates import ProgrammeDateField
from .models_candidates import CV_MAX_MB, MOTIVATION_MAX_CHARS
from .services_candidates import PIX_MAX_COMPETENCES, count_characters, pix_competences


class PixCompetenceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {getattr(obj, 'label', '')}".strip()


class ProfileForm(Form):
    first_name = forms.CharField(label="Prénom", max_length=100)
    last_name = forms.CharField(label="Nom", max_length=100)
    phone = forms.CharField(
        label="Téléphone (facultatif)",
        max_length=20,
        required=False,
        help_text="Seules les structures en contact avec vous le voient. Par exemple 06 12 34 56 78.",
    )
    commune = CommuneField(label="Votre commune", help_text="Son nom ou son code postal, par exemple « Villeurbanne ».")
    max_distance_km = forms.TypedChoiceField(
        label="Jusqu'où pouvez-vous aller travailler ?",
        choices=MAX_DISTANCE_CHOICES,
        coerce=int,
        initial=20,
        help_text="La distance maximale entre votre commune et le lieu de travail.",
    )
    available_from = ProgrammeDateField("Disponible à partir du")
    situation = forms.ChoiceField(label="Votre situation", choices=Situation.choices, widget=forms.RadioSelect)
    education_level = forms.ChoiceField(label="Votre plus haut diplôme", choices=EducationLevel.choices)
    mediation_diplomas = forms.MultipleChoiceField(
        label="Diplômes de la médiation numérique (facultatif)",
        choices=MediationDiploma.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_diplomas = forms.CharField(label="Autres diplômes (facultatif)", max_length=250, required=False)
    experience_months = forms.CharField(
        label="Expérience en médiation numérique, en mois (facultatif)",
        required=False,
        max_length=6,
        help_text="Bénévolat compris. Par exemple 18 pour un an et demi.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    experience_details = forms.CharField(
        label="Cette expérience en quelques mots (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    motivation = forms.CharField(
        label="Votre motivation",
        widget=forms.Textarea(attrs={"rows": 8, "data-counter": MOTIVATION_MAX_CHARS}),
        help_text=f"Pourquoi voulez-vous devenir conseiller·e numérique ? {MOTIVATION_MAX_CHARS} caractères au plus.",
    )
    pix_shared = forms.BooleanField(
        label="Je partage mon résultat Pix avec les structures (facultatif)",
        required=False,
        help_text="Pix est le service public qui évalue les compétences numériques (pix.fr).",
    )
    pix_level = forms.CharField(
        label="Mon niveau Pix global, de 1 à 8 (facultatif)",
        required=False,
        max_length=3,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    pix_competences = PixCompetenceField(
        label=f"Mes meilleures compétences Pix, {PIX_MAX_COMPETENCES} au plus (facultatif)",
        queryset=pix_competences(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_motivation(self):
        text = self.cleaned_data["motivation"]
        if (length := count_characters(text)) > MOTIVATION_MAX_CHARS:
            raise forms.ValidationError(
                f"Votre motivation compte {length} caractères : la limite est de {MOTIVATION_MAX_CHARS}. "
                f"Raccourcissez-la de {length - MOTIVATION_MAX_CHARS} caractères."
            )
        return text

    def clean_pix_competences(self):
        chosen = self.cleaned_data["pix_competences"]
        if len(chosen) > PIX_MAX_COMPETENCES:
            raise forms.ValidationError(f"Choisissez au plus {PIX_MAX_COMPETENCES} compétences Pix.")
        return chosen


def profile_initial(candidate) -> dict:
    return {
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "phone": candidate.phone,
        "commune": f"{candidate.postal_code} {candidate.commune}".strip(),
        "max_distance_km": candidate.max_distance_km,
        "available_from": candidate.available_from,
        "situation": candidate.situation,
        "education_level": candidate.education_level,
        "mediation_diplomas": candidate.mediation_diplomas,
        "other_diplomas": candidate.other_diplomas,
        "experience_months": str(candidate.experience_months),
        "experience_details": candidate.experience_details,
        "motivation": candidate.motivation,
        "pix_shared": candidate.pix_shared,
        "pix_level": str(candidate.pix_level or ""),
        "pix_competences": list(candidate.pix_competences.values_list("pk", flat=True)),
    }


class CVForm(Form):
    file = PrivateFileFormField(label="Votre CV", accepted=(PDF,), max_mb=CV_MAX_MB)


class PauseForm(Form):
    paused = forms.TypedChoiceField(
        choices=[("oui", "En pause"), ("non", "Disponible")], coerce=lambda value: value == "oui"
    )


class CandidateFilterForm(Form):
    departement = forms.CharField(label="Département", max_length=3, required=False, help_text="Par exemple 69.")
    situation = forms.ChoiceField(label="Situation", choices=[("", "Toutes"), *Situation.choices], required=False)
    available = forms.ChoiceField(
        label="Disponibilité",
        choices=[("", "Tous les profils"), ("oui", "Disponibles"), ("pause", "En pause")],
        required=False,
    )
    diploma = forms.ChoiceField(
        label="Diplôme de la médiation numérique",
        choices=[("", "Indifférent"), ("oui", "Au moins un"), *MediationDiploma.choices],
        required=False,
    )
