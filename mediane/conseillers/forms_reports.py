"""Forms of the activity reports: one page for an individual accompaniment or a workshop (its fields read into the
service's `ReportData`, which alone says what is wrong), the list's filters and the statistics' period."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from mediane import forms as platform
from mediane.french import number
from mediane.structures.communes import Commune
from mediane.structures.forms import CommuneField
from mediane.structures.models import Place

from .enums_reports import (
    ADMINISTRATIVE_THEMATIQUES,
    DURATION_CHOICES,
    UNKNOWN,
    ActivityType,
    AgeBand,
    Autonomie,
    Gender,
    Materiel,
    PlaceType,
    Redirection,
    SocialStatus,
    Thematique,
    WorkshopLevel,
)
from .forms_dates import DATE_FORMATS, ProgrammeDateField
from .models_reports import ActivityReport
from .services import ProgrammeError
from .services_reports import MAX_NOTES, PARTICIPANT_FIELDS, ReportData, check_date, check_duration
from .subsidy import add_months

OTHER_DURATION = "autre"
TOKEN = re.compile(r"[0-9a-f]{32}")
DEFAULT_DURATION = 30
GENERAL_THEMATIQUES = [(t.value, t.label) for t in Thematique if t not in ADMINISTRATIVE_THEMATIQUES]
PROCEDURE_THEMATIQUES = [(t.value, t.label) for t in ADMINISTRATIVE_THEMATIQUES]
# The breakdown of a workshop's participants: one number per known value (« non communiqué » is the rest).
BREAKDOWN_LABELS = {"age_band": "Par tranche d'âge", "social_status": "Par statut", "gender": "Par genre"}


def breakdown_name(dimension: str, value: str) -> str:
    return f"nombre_{dimension}_{value}"


def commune_text(name: str, postal_code: str) -> str:
    """A stored commune as the commune field reads it back (« 69100 Villeurbanne » settles a shared name)."""
    return f"{postal_code} {name}".strip()


class PlaceChoiceField(forms.ChoiceField):
    """A place of the directory among `places` (already fetched): the cleaned value is the `Place`, or None."""

    def __init__(self, places: Sequence[Place], *, empty_label: str, **kwargs):
        self.places = {str(place.pk): place for place in places}
        choices = [("", empty_label)] + [(pk, f"{p.nom} ({p.commune})") for pk, p in self.places.items()]
        super().__init__(choices=choices, required=False, **kwargs)
        self.error_messages["invalid_choice"] = "Choisissez un lieu de la liste."

    def clean(self, value):
        value = super().clean(value)
        return self.places.get(value) if value else None


class ReportForm(platform.Form):
    """An individual accompaniment (`kind` « individuel ») or a workshop (« collectif »): the fields of the other
    kind are left out. `places` are the adviser's places, `nearby` the directory's places to redirect to."""

    date = ProgrammeDateField("Date", required=False, help_text="Aujourd'hui, sauf si vous notez un jour passé.")
    duration = forms.ChoiceField(
        label="Durée",
        choices=[(str(minutes), f"{minutes} min") for minutes in DURATION_CHOICES] + [(OTHER_DURATION, "Autre durée")],
        widget=forms.RadioSelect,
        required=False,
        initial=str(DEFAULT_DURATION),
        error_messages={"invalid_choice": "Durée : choisissez une durée de la liste, ou écrivez une autre durée."},
    )
    other_duration = platform.IntegerField(
        label="Autre durée, en minutes",
        required=False,
        help_text="Par exemple 20. Si vous l'écrivez, elle remplace le choix ci-dessus.",
    )
    workshop_title = forms.CharField(label="Nom de l'atelier", max_length=200, required=False)
    workshop_level = forms.ChoiceField(
        label="Niveau de l'atelier", choices=WorkshopLevel.choices, widget=forms.RadioSelect, required=False
    )
    participants = platform.IntegerField(label="Nombre de participants", required=False)
    place_type = forms.ChoiceField(
        label="Où ?",
        choices=PlaceType.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Où ? : choisissez un lieu de la liste.", "required": "Où ? : choisissez."},
    )
    place_commune = CommuneField(
        label="Commune (à domicile ou autre lieu)",
        required=False,
        help_text="Son nom ou son code postal, par exemple « Villeurbanne » ou « 69100 ».",
    )
    thematiques = forms.MultipleChoiceField(
        label="Thématiques",
        help_text="Cochez au moins une thématique.",
        choices=GENERAL_THEMATIQUES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Thématiques : « %(value)s » n'est pas dans la liste, cochez-en une."},
    )
    procedures = forms.MultipleChoiceField(
        label="Aide aux démarches administratives : laquelle ?",
        choices=PROCEDURE_THEMATIQUES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Démarches : « %(value)s » n'est pas dans la liste, cochez-en une."},
    )
    procedure_name = forms.CharField(
        label="Nom de la démarche (facultatif)",
        help_text="Par exemple « Demande de carte d'identité ».",
        max_length=200,
        required=False,
    )
    materiel = forms.MultipleChoiceField(
        label="Matériel utilisé (facultatif)",
        choices=Materiel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Matériel : « %(value)s » n'est pas dans la liste, cochez-en un."},
    )
    autonomie = forms.ChoiceField(
        label="Autonomie de la personne (facultatif)",
        choices=Autonomie.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    first_visit = forms.BooleanField(label="Premier accompagnement de cette personne", required=False)
    redirected = forms.BooleanField(label="La personne a été réorientée", required=False)
    redirection = forms.ChoiceField(
        label="Vers quel type de structure ?",
        choices=[("", "Choisissez")] + Redirection.choices,
        required=False,
    )
    age_band = forms.ChoiceField(
        label="Tranche d'âge", choices=AgeBand.choices, widget=forms.RadioSelect, initial=UNKNOWN, required=False
    )
    social_status = forms.ChoiceField(
        label="Statut", choices=SocialStatus.choices, widget=forms.RadioSelect, initial=UNKNOWN, required=False
    )
    gender = forms.ChoiceField(
        label="Genre", choices=Gender.choices, widget=forms.RadioSelect, initial=UNKNOWN, required=False
    )
    beneficiary_commune = CommuneField(label="Commune de résidence", required=False)
    notes = forms.CharField(
        label="Notes (facultatif)",
        help_text=f"Vous seul·e les lisez : ni votre structure ni l'équipe du programme. {number(MAX_NOTES)} "
        "caractères au plus.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    tags = forms.CharField(
        label="Étiquettes (facultatif)",
        help_text="Vos mots pour retrouver vos activités, séparés par des virgules, par exemple « CAF, retraite ».",
        max_length=500,
        required=False,
        error_messages={
            "max_length": "Les étiquettes comptent au plus %(limit_value)d caractères en tout : vous en avez écrit "
            "%(show_value)d."
        },
    )
    # A one-time token: a double tap or « Renvoyer le formulaire » sends it again, and the view refuses it.
    jeton = forms.CharField(widget=forms.HiddenInput, required=False)

    INDIVIDUAL_ONLY = ("autonomie", "first_visit", "age_band", "social_status", "gender", "beneficiary_commune")
    COLLECTIVE_ONLY = ("workshop_title", "workshop_level", "participants")
    # The lists whose unknown value (a raw POST) is refused naming the field, not with Django's default sentence.
    LISTS = ("workshop_level", "autonomie", "redirection", "age_band", "social_status", "gender")

    def __init__(self, *args, kind: str, places: Sequence[Place] = (), nearby: Sequence[Place] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["jeton"].initial = secrets.token_hex(16)
        # A raw POST may carry a field of the other kind: kept to be refused by the service, never dropped silently.
        self.stray_participants: int | None = None
        self.fields["place"] = PlaceChoiceField(places, label="Lieu d'activité", empty_label="Choisissez le lieu")
        self.fields["redirection_place"] = PlaceChoiceField(
            nearby,
            label="Ou un lieu de l'annuaire (facultatif)",
            empty_label="Aucun lieu en particulier",
            help_text="Les lieux de médiation numérique de votre département.",
        )
        self.fields["date"].initial = timezone.localdate()
        left_out = self.INDIVIDUAL_ONLY if kind == ActivityType.COLLECTIVE else self.COLLECTIVE_ONLY
        for name in left_out:
            del self.fields[name]
        for name in self.LISTS:
            if name in self.fields:
                label = self.fields[name].label.removesuffix(" (facultatif)")
                self.fields[name].error_messages["invalid_choice"] = f"{label} : choisissez dans la liste."
        if kind == ActivityType.COLLECTIVE:
            self.fields["participants"].help_text = "Toutes les personnes présentes, vous non compris."
            for dimension, choices in PARTICIPANT_FIELDS.items():
                for value, label in choices.choices:
                    if value != UNKNOWN:
                        self.fields[breakdown_name(dimension, value)] = platform.IntegerField(
                            label=label, required=False, min_value=0
                        )

    @property
    def is_collective(self) -> bool:
        return self.kind == ActivityType.COLLECTIVE

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error as (the id of the field it is about, or "" for the whole report; the message), in the
        page's order, for the alert above the form to link to each field."""
        summary = [("", str(message)) for message in self.non_field_errors()]
        for field in self:
            lists = field.widget_type in ("radioselect", "checkboxselectmultiple")
            target = f"{field.auto_id}-fieldset" if lists else field.id_for_label
            summary += [(target, str(message)) for message in field.errors]
        return summary

    def breakdown(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The workshop's breakdown fields, grouped by dimension (for the template)."""
        return [
            (
                BREAKDOWN_LABELS[dimension],
                [self[breakdown_name(dimension, value)] for value in choices.values if value != UNKNOWN],
            )
            for dimension, choices in PARTICIPANT_FIELDS.items()
        ]

    def clean_jeton(self) -> str:
        token = self.cleaned_data.get("jeton") or ""
        return token if TOKEN.fullmatch(token) else ""

    def clean_date(self) -> dt.date | None:
        """The service's check of the date, so that its message lands under the field."""
        try:
            return check_date(self.cleaned_data.get("date"), timezone.localdate())
        except ProgrammeError as error:
            raise forms.ValidationError(error.message) from error

    def clean_notes(self) -> str:
        notes = self.cleaned_data.get("notes") or ""
        if len(notes.strip()) > MAX_NOTES:
            raise forms.ValidationError(
                f"Les notes comptent au plus {number(MAX_NOTES)} caractères : vous en avez écrit "
                f"{number(len(notes.strip()))}."
            )
        return notes

    def clean(self):
        data = super().clean()
        if "duration" not in self.errors and "other_duration" not in self.errors:
            try:
                check_duration(self._duration())
            except ProgrammeError as error:
                typed = data.get("other_duration") is not None or data.get("duration") == OTHER_DURATION
                self.add_error("other_duration" if typed else "duration", error.message)
        if not self.errors.get("thematiques") and not data.get("thematiques") and not data.get("procedures"):
            self.add_error("thematiques", "Choisissez au moins une thématique.")
        if not self.is_collective and self.data.get("participants", "").strip():
            try:
                self.stray_participants = int(self.data["participants"].strip())
            except ValueError:
                self.add_error(
                    None,
                    "Un accompagnement individuel concerne une seule personne : laissez le nombre de participants "
                    "vide, ou enregistrez un atelier collectif.",
                )
        return data

    def _duration(self) -> int | None:
        data = self.cleaned_data
        if data.get("other_duration") is not None:
            return data["other_duration"]
        chosen = data.get("duration")
        return int(chosen) if chosen and chosen != OTHER_DURATION else None

    def report_data(self) -> ReportData:
        """What was typed, for the service to check (and say, in French, what to fix)."""
        data = self.cleaned_data
        place_commune: Commune | None = data.get("place_commune")
        thematiques = list(data.get("thematiques") or [])
        procedures = list(data.get("procedures") or [])
        if procedures and Thematique.PROCEDURES not in thematiques:
            thematiques.append(Thematique.PROCEDURES)
        values: dict[str, Any] = {
            "kind": self.kind,
            "date": data.get("date"),
            "duration": self._duration(),
            "place_type": data.get("place_type") or PlaceType.ACTIVITY_PLACE,
            "place": data.get("place") if data.get("place_type") == PlaceType.ACTIVITY_PLACE else None,
            "thematiques": thematiques + procedures,
            "procedure_name": data.get("procedure_name") or "",
            "materiel": list(data.get("materiel") or []),
            # Choosing where the person was sent says that they were: no need to tick the box as well.
            "redirected": bool(data.get("redirected") or data.get("redirection") or data.get("redirection_place")),
            "redirection": data.get("redirection") or "",
            "redirection_place": data.get("redirection_place"),
            "notes": data.get("notes") or "",
            "tags": [tag for tag in (data.get("tags") or "").split(",") if tag.strip()],
        }
        if place_commune is not None and values["place"] is None:
            values.update(
                place_commune=place_commune.name,
                place_postal_code=place_commune.postal_code,
                place_insee_code=place_commune.insee,
            )
        if self.is_collective:
            values.update(
                workshop_title=data.get("workshop_title") or "",
                workshop_level=data.get("workshop_level") or "",
                participants=data.get("participants"),
                participant_counts=self._participant_counts(),
            )
        else:
            person: Commune | None = data.get("beneficiary_commune")
            values.update(
                participants=self.stray_participants,
                autonomie=data.get("autonomie") or "",
                first_visit=bool(data.get("first_visit")),
                age_band=data.get("age_band") or UNKNOWN,
                social_status=data.get("social_status") or UNKNOWN,
                gender=data.get("gender") or UNKNOWN,
            )
            if person is not None:
                values.update(
                    beneficiary_commune=person.name,
                    beneficiary_postal_code=person.postal_code,
                    beneficiary_insee_code=person.insee,
                )
        return ReportData(**values)

    def _participant_counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for dimension, choices in PARTICIPANT_FIELDS.items():
            given = {
                value: self.cleaned_data[breakdown_name(dimension, value)]
                for value in choices.values
                if value != UNKNOWN and self.cleaned_data.get(breakdown_name(dimension, value))
            }
            if given:
                counts[dimension] = given
        return counts


def initial_of(data: ReportData) -> dict[str, Any]:
    """A `ReportData` (a stored report, or the copy of one) as the form's initial values."""
    procedures = {str(value) for value in ADMINISTRATIVE_THEMATIQUES}
    thematiques = [t for t in data.thematiques if t not in procedures]
    chosen_procedures = [t for t in data.thematiques if t in procedures]
    if chosen_procedures and Thematique.PROCEDURES in thematiques:
        # Checked again from the procedure itself: the box stays as the adviser left it otherwise.
        thematiques.remove(Thematique.PROCEDURES)
    quick = data.duration in DURATION_CHOICES
    initial: dict[str, Any] = {
        "date": data.date,
        "duration": str(data.duration) if quick else OTHER_DURATION,
        "other_duration": None if quick else data.duration,
        "place_type": data.place_type,
        "place": str(data.place.pk) if data.place else "",
        "place_commune": commune_text(data.place_commune, data.place_postal_code),
        "thematiques": thematiques,
        "procedures": chosen_procedures,
        "procedure_name": data.procedure_name,
        "materiel": list(data.materiel),
        "autonomie": data.autonomie,
        "first_visit": data.first_visit,
        "redirected": data.redirected,
        "redirection": data.redirection,
        "redirection_place": str(data.redirection_place.pk) if data.redirection_place else "",
        "workshop_title": data.workshop_title,
        "workshop_level": data.workshop_level,
        "participants": data.participants,
        "age_band": data.age_band,
        "social_status": data.social_status,
        "gender": data.gender,
        "beneficiary_commune": commune_text(data.beneficiary_commune, data.beneficiary_postal_code),
        "notes": data.notes,
        "tags": ", ".join(data.tags),
    }
    for dimension, counts in (data.participant_counts or {}).items():
        for value, count in counts.items():
            initial[breakdown_name(dimension, value)] = count
    return initial


PERIODS = {
    "mois": "Ce mois-ci",
    "3-mois": "Les 3 derniers mois",
    "12-mois": "Les 12 derniers mois",
    "tout": "Depuis le début",
}


def period_start(period: str, today: dt.date | None = None) -> dt.date | None:
    """The first day of a period of `PERIODS` (None: since the beginning)."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    months = {"mois": 0, "3-mois": 2, "12-mois": 11}.get(period)
    if months is None:
        return None
    return add_months(first, -months)


class ListFilterForm(platform.Form):
    """The filters of every list and export of reports, read from the query string: `periode`, `du`, `au`
    (dd/mm/yyyy or yyyy-mm-dd), `type`, `thematique`, and `conseiller` (a structure's list) or `departement` (the
    team's export) when the view allows them. Anything unknown or mistyped is ignored rather than refused (an export
    then covers more, never less, and a mistyped link never answers an error)."""

    periode = forms.ChoiceField(
        label="Période",
        choices=[("", "Toutes les dates")] + [(value, label) for value, label in PERIODS.items() if value != "tout"],
        required=False,
    )
    du = forms.DateField(required=False, input_formats=DATE_FORMATS, widget=forms.HiddenInput)
    au = forms.DateField(required=False, input_formats=DATE_FORMATS, widget=forms.HiddenInput)
    type = forms.ChoiceField(label="Type", choices=[("", "Tous les types"), *ActivityType.choices], required=False)
    thematique = forms.ChoiceField(
        label="Thématique", choices=[("", "Toutes les thématiques"), *Thematique.choices], required=False
    )

    def __init__(
        self,
        *args,
        advisers: Sequence[tuple[str, str]] = (),
        any_adviser: bool = False,
        departement: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if advisers:
            self.fields["conseiller"] = forms.ChoiceField(
                label="Conseiller ou conseillère", choices=[("", "Tous"), *advisers], required=False
            )
        elif any_adviser:
            # An export of a list filtered by adviser: the reports are already those the person may read.
            self.fields["conseiller"] = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
        if departement:
            self.fields["departement"] = forms.RegexField(required=False, regex=r"^(?:\d{2}|2A|2B|97\d)$")

    def filters(self) -> dict[str, Any]:
        """The valid filters (an invalid one counts as not given)."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    def apply(self, reports: QuerySet[ActivityReport]) -> QuerySet[ActivityReport]:
        """`reports` narrowed by the valid filters."""
        filters = self.filters()
        if start := period_start(filters.get("periode", "")):
            reports = reports.filter(date__gte=start)
        if "du" in filters:
            reports = reports.filter(date__gte=filters["du"])
        if "au" in filters:
            reports = reports.filter(date__lte=filters["au"])
        if kind := filters.get("type"):
            reports = reports.filter(kind=kind)
        if thematique := filters.get("thematique"):
            # The JSON list as text contains the quoted value: the same lookup on SQLite and PostgreSQL.
            reports = reports.filter(thematiques__icontains=f'"{thematique}"')
        if adviser := filters.get("conseiller"):
            reports = reports.filter(adviser_id=adviser)
        if departement := filters.get("departement"):
            reports = reports.filter(departement=departement)
        return reports
