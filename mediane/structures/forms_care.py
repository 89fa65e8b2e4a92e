"""Forms of the care of places: a manager's corrections (the standard's labels as checkboxes in plain words, the
hours day by day), a request to manage a place, an error report, and the answers of organisers and managers.
They shape and label input; the checks against the standard live in `services_care.clean_changes`.

Also what a place's history shows for each change (`FIELD_LABELS`, `change_lines`)."""

from __future__ import annotations

import re

from django import forms
from django.utils.text import Truncator

from mediane.forms import Form

from . import hours, standard
from .enums import ErrorReportStatus
from .services_care import EDITABLE_FIELDS, MESSAGE_MAX, MESSAGE_MIN, VOCABULARY_FIELDS, phone_as_dialled

# What a person reads for each field a manager changes (the history, the CSV's readers, the form's errors).
FIELD_LABELS = {
    **standard.PLAIN_FIELD_NAMES,
    "horaires": "Horaires",
    "telephone": "Téléphone",
    "courriels": "Adresses e-mail",
    "site_web": "Sites web",
    "fiche_acces_libre": "Fiche d'accessibilité Acceslibre",
    "prise_rdv": "Prise de rendez-vous en ligne",
}
SHORT_VALUE = 120
DAYS = tuple(name.capitalize() for name in hours.DAY_NAMES)
SPANS = (("de1", "a1"), ("de2", "a2"))
_TIME = re.compile(r"([0-9]{1,2})\s*(?:[:hH]\s*([0-9]{2})?)?", re.ASCII)


def short_value(field: str, value) -> str:
    """A value of the history in a few plain words: labels in plain words, hours in French, « (vide) »."""
    if isinstance(value, list):
        text = ", ".join(standard.plain_words(field, str(item)) for item in value)
    else:
        text = str(value or "")
        if field == "horaires" and text:
            try:
                text = " ; ".join(hours.describe(hours.parse(text)))
            except hours.HoursError:
                pass
    return Truncator(text).chars(SHORT_VALUE) if text else "(vide)"


def change_lines(revision) -> list[dict[str, str]]:
    """[{"label", "before", "after"}] for each field a revision changed, in the form's order."""
    changes = revision.changes or {}
    return [
        {
            "label": FIELD_LABELS.get(field, field),
            "before": short_value(field, changes[field].get("avant")),
            "after": short_value(field, changes[field].get("apres")),
        }
        for field in sorted(changes, key=lambda name: EDITABLE_FIELDS.index(name) if name in EDITABLE_FIELDS else 99)
    ]


def _time(text: str) -> int | None:
    """« 9 », « 9:30 », « 09h30 », « 14 h » → minutes after midnight; None when unreadable."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def week_of(text: str) -> dict | None:
    """The initial values of the per-day hours for the stored OSM text, or None when they cannot be shown day by
    day (comments, more than two spans a day, hours past midnight, public holidays open)."""
    if not text.strip():
        return {}
    try:
        parsed = hours.parse(text)
    except hours.HoursError:
        return None
    if parsed.holidays not in (None, hours.CLOSED):
        return None
    initial: dict[str, object] = {"feries_ferme": parsed.holidays == hours.CLOSED}
    for index, day in enumerate(parsed.week):
        if day.unknown or day.comment or len(day.spans) > 2 or any(end > hours.MINUTES_PER_DAY for _, end in day.spans):
            return None
        initial[f"h{index}_ferme"] = not day.spans
        for (start_name, end_name), (start, end) in zip(SPANS, day.spans, strict=False):
            initial[f"h{index}_{start_name}"] = _hhmm(start)
            initial[f"h{index}_{end_name}"] = _hhmm(end)
    return initial


def _choices(field: str) -> list[tuple[str, str]]:
    return [(label, standard.plain_words(field, label)) for label in standard.VOCABULARIES[field]]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"[\n,;]", text or "") if line.strip()]


class PlaceEditForm(Form):
    """What a manager completes and corrects. `by_day` False: the stored hours cannot be shown day by day, and the
    form keeps a text field with their OpenStreetMap text instead."""

    services = forms.MultipleChoiceField(
        label="L'aide proposée",
        help_text="Cochez tout ce que le lieu propose.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    publics_specifiquement_adresses = forms.MultipleChoiceField(
        label="Personnes accueillies en priorité",
        help_text="Ne cochez rien si le lieu accueille tout le monde de la même façon.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frais_a_charge = forms.MultipleChoiceField(label="Prix", required=False, widget=forms.CheckboxSelectMultiple)
    modalites_acces = forms.MultipleChoiceField(
        label="Comment prendre contact", required=False, widget=forms.CheckboxSelectMultiple
    )
    modalites_accompagnement = forms.MultipleChoiceField(
        label="Comment on vous aide", required=False, widget=forms.CheckboxSelectMultiple
    )
    prise_en_charge_specifique = forms.MultipleChoiceField(
        label="Accueil adapté",
        help_text="Les personnes que l'équipe sait accueillir et aider.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fiche_acces_libre = forms.CharField(
        label="Fiche Acceslibre du lieu (facultatif)",
        help_text="L'adresse de sa page sur acceslibre.beta.gouv.fr : entrée, marches, toilettes…",
        required=False,
        max_length=500,
    )
    horaires_texte = forms.CharField(
        label="Horaires, au format OpenStreetMap",
        help_text=f"Par exemple : {hours.EXAMPLE}",
        required=False,
        max_length=1000,
    )
    feries_ferme = forms.BooleanField(label="Fermé les jours fériés", required=False)
    telephone = forms.CharField(
        label="Téléphone (facultatif)", help_text="Par exemple : 04 78 62 30 00", required=False, max_length=40
    )
    courriels = forms.CharField(
        label="Adresses e-mail (facultatif)",
        help_text="Une par ligne.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    site_web = forms.CharField(
        label="Sites web (facultatif)",
        help_text="Une adresse par ligne, qui commence par https://",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    prise_rdv = forms.CharField(
        label="Prise de rendez-vous en ligne (facultatif)",
        help_text="L'adresse de la page où l'on prend rendez-vous, qui commence par https://",
        required=False,
        max_length=500,
    )

    def __init__(self, *args, place, **kwargs):
        self.place = place
        week = week_of(place.horaires)
        self.by_day = week is not None
        initial = {field: getattr(place, field) for field in EDITABLE_FIELDS if field != "horaires"}
        initial["telephone"] = phone_as_dialled(place.telephone, place.departement)
        initial["courriels"] = "\n".join(place.courriels)
        initial["site_web"] = "\n".join(place.site_web)
        initial.update(week or {})
        initial["horaires_texte"] = place.horaires
        super().__init__(*args, initial=initial, **kwargs)
        for field in VOCABULARY_FIELDS:
            self.fields[field].choices = _choices(field)
        if self.by_day:
            del self.fields["horaires_texte"]
            for index, day in enumerate(DAYS):
                self.fields[f"h{index}_ferme"] = forms.BooleanField(label="Fermé", required=False)
                for number, (start, end) in enumerate(SPANS, start=1):
                    which = "premier" if number == 1 else "second"
                    for name, word in ((start, "De"), (end, "À")):
                        self.fields[f"h{index}_{name}"] = forms.CharField(
                            label=f"{word} ({day.lower()}, {which} créneau)", required=False, max_length=10
                        )
        else:
            del self.fields["feries_ferme"]

    def days(self) -> list[dict]:
        """The per-day fields, for the template: [{"name", "closed", "spans": [{"which", "fields"}, …]}]."""
        return [
            {
                "name": day,
                "closed": self[f"h{index}_ferme"],
                "spans": [
                    {
                        "which": "premier" if number == 1 else "second",
                        "fields": [
                            {"field": self[f"h{index}_{start}"], "word": "De"},
                            {"field": self[f"h{index}_{end}"], "word": "À"},
                        ],
                    }
                    for number, (start, end) in enumerate(SPANS, start=1)
                ],
            }
            for index, day in enumerate(DAYS)
        ]

    def description(self) -> list[str]:
        """The stored hours said in French, to check them against the text."""
        try:
            return hours.describe(hours.parse(self.place.horaires)) if self.place.horaires else []
        except hours.HoursError:
            return []

    def _hours_by_day(self) -> str:
        week = []
        any_closed = False
        for index, day in enumerate(DAYS):
            closed = self.cleaned_data.get(f"h{index}_ferme")
            any_closed = any_closed or bool(closed)
            spans: list[tuple[int, int]] = []
            for start_name, end_name in SPANS:
                names = (f"h{index}_{start_name}", f"h{index}_{end_name}")
                texts = [(self.cleaned_data.get(name) or "").strip() for name in names]
                if not any(texts):
                    continue
                if closed:
                    self.add_error(
                        names[0], f"{day} : vous avez coché « fermé » et écrit des heures. Gardez l'un ou l'autre."
                    )
                    break
                times = [_time(text) if text else None for text in texts]
                if None in times:
                    missing = names[times.index(None)]
                    text = texts[times.index(None)]
                    message = (
                        f"{day} : heure illisible, « {text} ». Écrivez-la comme 9:00 ou 14h30."
                        if text
                        else f"{day} : écrivez l'heure de début et l'heure de fin."
                    )
                    self.add_error(missing, message)
                    continue
                start, end = times
                if end <= start:  # type: ignore[operator]
                    self.add_error(names[1], f"{day} : l'heure de fin doit venir après l'heure de début.")
                elif spans and start < spans[-1][1]:  # type: ignore[operator]
                    self.add_error(names[0], f"{day} : le second créneau doit commencer après la fin du premier.")
                else:
                    spans.append((start, end))  # type: ignore[arg-type]
            week.append(hours.Day(tuple(spans)))
        holidays = hours.CLOSED if self.cleaned_data.get("feries_ferme") else None
        if all(not day.spans for day in week) and not any_closed:
            return ""
        return hours.to_osm(hours.OpeningHours(week=tuple(week), holidays=holidays))  # type: ignore[arg-type]

    def changes(self) -> dict[str, object]:
        """The values to give `services_care.update_place` (call after `is_valid()`)."""
        data = self.cleaned_data
        changes: dict[str, object] = {field: data.get(field, []) for field in VOCABULARY_FIELDS}
        for field in ("telephone", "fiche_acces_libre", "prise_rdv"):
            changes[field] = data.get(field, "")
        changes["courriels"] = _lines(data.get("courriels", ""))
        changes["site_web"] = [line for line in re.split(r"\s+", data.get("site_web", "")) if line]
        changes["horaires"] = self._hours_by_day() if self.by_day else data.get("horaires_texte", "")
        return changes

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """The checks of `services_care.clean_changes`, each under its field (the hours under the first day)."""
        for field, messages in errors.items():
            target = field if field in self.fields else ("horaires_texte" if not self.by_day else "h0_de1")
            for message in messages:
                self.add_error(target, message)


class AskToManageForm(Form):
    message = forms.CharField(
        label="Qui êtes-vous, et quel est votre rôle dans ce lieu ?",
        help_text="Par exemple : « Je suis responsable de l'espace numérique de cette médiathèque. »",
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Écrivez qui vous êtes et votre rôle dans ce lieu.",
            "min_length": f"Écrivez au moins {MESSAGE_MIN} caractères.",
            "max_length": f"Écrivez {MESSAGE_MAX} caractères au plus.",
        },
    )


class ErrorReportForm(Form):
    message = forms.CharField(
        label="Qu'est-ce qui est faux ?",
        help_text="Par exemple : « Le lieu est fermé le lundi » ou « Le numéro de téléphone ne marche plus ».",
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Écrivez ce qui est faux sur la page de ce lieu.",
            "min_length": f"Écrivez au moins {MESSAGE_MIN} caractères, pour qu'on comprenne ce qui est faux.",
            "max_length": f"Écrivez {MESSAGE_MAX} caractères au plus.",
        },
    )
    contact_email = forms.EmailField(
        label="Votre adresse e-mail, pour vous répondre (facultatif)",
        help_text="Seules les personnes qui gèrent ce lieu et l'équipe d'animation la verront.",
        required=False,
        max_length=254,
        error_messages={"invalid": "Cette adresse e-mail n'est pas valide. Elle s'écrit comme nom@exemple.fr."},
    )


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label="Votre réponse",
        choices=[("accepter", "Accepter : la personne pourra modifier ce lieu"), ("refuser", "Refuser")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez d'accepter ou de refuser la demande."},
    )
    reason = forms.CharField(
        label="Raison du refus",
        help_text="Obligatoire pour un refus : elle est envoyée à la personne.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuser" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Écrivez la raison du refus : elle est envoyée à la personne.")
        return data


class HandleReportForm(Form):
    answer = forms.CharField(
        label="Ce qui a été fait",
        help_text="Par exemple : « Les horaires sont corrigés. » Si la personne a laissé son adresse, elle reçoit "
        "ce texte par e-mail.",
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Écrivez ce qui a été fait."},
    )


class ReportFilterForm(Form):
    statut = forms.ChoiceField(
        label="Afficher",
        choices=[
            ("", "Tous les signalements"),
            (ErrorReportStatus.OPEN, "Signalements à traiter"),
            (ErrorReportStatus.HANDLED, "Signalements traités"),
        ],
        required=False,
    )
