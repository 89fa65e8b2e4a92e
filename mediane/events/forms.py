"""Forms of events: the organisers' event form. They only shape and label input; checks live in services.py.
The public's registration form is `mediane.registrations.forms.PublicRegistrationForm`."""

from __future__ import annotations

import datetime as dt

from django import forms

from mediane.forms import Form, IntegerField
from mediane.structures.models import Place

from .dates import PARIS
from .enums import EventKind
from .models import Event
from .services import DESCRIPTION_MAX_LENGTH, MAX_CAPACITY, TITLE_MAX_LENGTH, EventData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventForm(Form):
    title = forms.CharField(label="Titre", max_length=TITLE_MAX_LENGTH)
    kind = forms.ChoiceField(label="Type d'événement", choices=EventKind.choices)
    description = forms.CharField(
        label="Description",
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Ce que les personnes vont faire ou apprendre, en mots simples. Une ligne vide sépare deux "
        "paragraphes.",
    )
    start_date = forms.DateField(label="Date de début", widget=DATE, help_text="Format attendu : JJ/MM/AAAA")
    start_time = forms.TimeField(label="Heure de début", widget=TIME, help_text="Heure de Paris, par exemple 09:30")
    end_date = forms.DateField(label="Date de fin", widget=DATE, help_text="Format attendu : JJ/MM/AAAA")
    end_time = forms.TimeField(label="Heure de fin", widget=TIME, help_text="Heure de Paris, par exemple 17:00")
    place_number = IntegerField(
        label="Numéro du lieu dans l'annuaire (sauf en ligne)",
        required=False,
        min_value=1,
        help_text="Le numéro qui termine l'adresse de la page du lieu : /lieux/1234/ → 1234.",
    )
    online = forms.BooleanField(label="En ligne", required=False)
    online_url = forms.URLField(
        label="Lien de connexion (en ligne seulement)",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Donné seulement aux personnes inscrites. Format attendu : https://…",
    )
    capacity = IntegerField(
        label="Nombre de places (facultatif)",
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text="Laissez vide si le nombre de places n'est pas limité.",
    )
    registration_open = forms.BooleanField(label="Inscriptions ouvertes", required=False, initial=True)

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        starts, ends = event.starts_at.astimezone(PARIS), event.ends_at.astimezone(PARIS)
        return {
            "title": event.title,
            "kind": event.kind,
            "description": event.description,
            "start_date": starts.date(),
            "start_time": starts.time(),
            "end_date": ends.date(),
            "end_time": ends.time(),
            "place_number": event.place_id,
            "online": event.online,
            "online_url": event.online_url,
            "capacity": event.capacity,
            "registration_open": event.registration_open,
        }

    def clean_place_number(self):
        number = self.cleaned_data.get("place_number")
        if number is None:
            return None
        place = Place.objects.select_related("structure").filter(pk=number).first()
        if place is None:
            raise forms.ValidationError(f"Aucun lieu de l'annuaire ne porte le numéro {number}.")
        return place

    def event_data(self) -> EventData:
        data = self.cleaned_data
        place = data.get("place_number")
        return EventData(
            title=data["title"],
            kind=data["kind"],
            description=data["description"],
            starts_at=dt.datetime.combine(data["start_date"], data["start_time"], tzinfo=PARIS),
            ends_at=dt.datetime.combine(data["end_date"], data["end_time"], tzinfo=PARIS),
            place=place,
            online=data["online"],
            online_url=data.get("online_url") or "",
            structure=place.structure if place is not None else None,
            capacity=data.get("capacity"),
            registration_open=data["registration_open"],
        )


class AgendaFilterForm(Form):
    """The agenda's filters (GET): a bad value is ignored, never an error page."""

    type = forms.ChoiceField(
        label="Type d'événement", choices=[("", "Tous les types"), *EventKind.choices], required=False
    )
    departement = forms.CharField(
        label="Département (numéro)",
        max_length=3,
        required=False,
        help_text="Par exemple 69. Les événements en ligne sont toujours montrés.",
    )

    def clean_departement(self):
        code = self.cleaned_data.get("departement", "").strip().upper()
        if code and not (code.isascii() and code.isalnum()):
            raise forms.ValidationError("Écrivez le numéro du département, par exemple 69 ou 2A.")
        return code
