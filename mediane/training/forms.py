"""Forms of training: the catalogue's filters, the organisers' course and session forms, attendance and results,
and a manager's « add a person to the team ». They only shape and label input; checks live in services.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone

from mediane import numbers
from mediane.forms import Form, IntegerField
from mediane.structures.models import Place

from .enums import Attendance, Modality, Result
from .models import Competence, Course, Provider, TrainingSession
from .services import (
    CERTIFICATION_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    JOB_TITLE_MAX_LENGTH,
    MAX_CAPACITY,
    MAX_HOURS,
    MAX_PRICE,
    MIN_HOURS,
    TITLE_MAX_LENGTH,
    CourseData,
    SessionData,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def competence_choices() -> list[tuple[str, str]]:
    """Every competence, « 1.1 Mener une recherche… », with its current label. One query."""
    return [
        (str(competence.pk), f"{competence.code} {competence.label or ''}")
        for competence in Competence.objects.with_label().order_by("framework__position", "position", "pk")
    ]


class CatalogueFilterForm(Form):
    """The catalogue's filters (GET): a bad value is ignored, never an error page."""

    competence = forms.ChoiceField(label="Compétence", required=False)
    modalite = forms.ChoiceField(label="Modalité", choices=[("", "Toutes"), *Modality.choices], required=False)
    certifiante = forms.BooleanField(label="Certifiante seulement", required=False)
    gratuite = forms.BooleanField(label="Gratuite seulement", required=False)
    departement = forms.CharField(
        label="Département (numéro)",
        max_length=3,
        required=False,
        help_text="Par exemple 69 : les formations avec une session à venir dans ce département ou à distance.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", "Toutes les compétences"), *competence_choices()]

    def clean_departement(self):
        code = self.cleaned_data.get("departement", "").strip().upper()
        if code and not (code.isascii() and code.isalnum()):
            raise forms.ValidationError("Écrivez le numéro du département, par exemple 69 ou 2A.")
        return code


class CourseForm(Form):
    title = forms.CharField(label="Titre", max_length=TITLE_MAX_LENGTH)
    provider = forms.ModelChoiceField(
        label="Organisme de formation",
        queryset=Provider.objects.all(),
        help_text="Un organisme manque ? Il s'ajoute dans l'administration du site (Organismes de formation).",
    )
    description = forms.CharField(
        label="Description",
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Ce que les personnes vont apprendre, en mots simples. Une ligne vide sépare deux paragraphes.",
    )
    hours = forms.CharField(label="Durée en heures", max_length=8, help_text="Par exemple 14 ou 3,5.")
    modality = forms.ChoiceField(label="Modalité", choices=Modality.choices)
    certifying = forms.BooleanField(label="Formation certifiante", required=False)
    certification = forms.CharField(
        label="Certification préparée (si certifiante)", max_length=CERTIFICATION_MAX_LENGTH, required=False
    )
    price = forms.CharField(
        label="Prix en euros",
        max_length=16,
        initial="0",
        help_text="0 si la formation est gratuite. Par exemple 250 ou 12,50.",
    )
    coverages = forms.CharField(
        label="Compétences couvertes et niveau visé",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Une compétence par ligne : son code, une espace, le niveau. Par exemple « 4.2 3 » ou « M2 1 ».",
    )
    published = forms.BooleanField(label="Publiée (visible dans le catalogue)", required=False)

    @classmethod
    def initial_for(cls, course: Course) -> dict:
        return {
            "title": course.title,
            "provider": course.provider_id,
            "description": course.description,
            "hours": str(course.hours).replace(".", ","),
            "modality": course.modality,
            "certifying": course.certifying,
            "certification": course.certification,
            "price": str(course.price).replace(".", ","),
            "coverages": "\n".join(
                f"{row.competence.code} {row.level}" for row in course.coverages.select_related("competence")
            ),
            "published": course.published,
        }

    def _decimal(self, name: str, **bounds) -> Decimal:
        try:
            return numbers.read_decimal(self.cleaned_data.get(name, ""), **bounds)
        except numbers.NumberError as error:
            raise forms.ValidationError(str(error)) from error

    def clean_hours(self):
        return self._decimal("hours", minimum=MIN_HOURS, maximum=MAX_HOURS, places=1, label="La durée", example="3,5")

    def clean_price(self):
        return self._decimal(
            "price", minimum=0, maximum=MAX_PRICE, places=2, euros=True, label="Le prix", example="250 ou 12,50"
        )

    def clean_coverages(self):
        """« 4.2 3 » lines → [(competence, level)]; an unknown code or a bad level says which line."""
        by_code = {competence.code.upper(): competence for competence in Competence.objects.select_related("framework")}
        rows = []
        for number, line in enumerate(self.cleaned_data.get("coverages", "").splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 2:
                raise forms.ValidationError(f"Ligne {number} : écrivez le code puis le niveau, par exemple « 4.2 3 ».")
            competence = by_code.get(parts[0].upper())
            if competence is None:
                raise forms.ValidationError(f"Ligne {number} : aucune compétence n'a le code « {parts[0][:20]} ».")
            try:
                level = numbers.parse_int(parts[1], minimum=1, maximum=8, label=f"Ligne {number}, le niveau")
            except numbers.NumberError as error:
                raise forms.ValidationError(str(error)) from error
            rows.append((competence, level))
        return rows

    def course_data(self) -> CourseData:
        data = self.cleaned_data
        return CourseData(
            title=data["title"],
            provider=data["provider"],
            description=data["description"],
            hours=data["hours"],
            modality=data["modality"],
            certifying=data["certifying"],
            certification=data.get("certification") or "",
            price=data["price"],
            published=data["published"],
            coverages=data["coverages"],
        )


class SessionForm(Form):
    start_date = forms.DateField(label="Date de début", widget=DATE, help_text="Format attendu : JJ/MM/AAAA")
    start_time = forms.TimeField(label="Heure de début", widget=TIME, help_text="Heure locale, par exemple 09:30")
    end_date = forms.DateField(label="Date de fin", widget=DATE, help_text="Format attendu : JJ/MM/AAAA")
    end_time = forms.TimeField(label="Heure de fin", widget=TIME, help_text="Heure locale, par exemple 17:00")
    place_number = IntegerField(
        label="Numéro du lieu dans l'annuaire (sauf à distance)",
        required=False,
        min_value=1,
        help_text="Le numéro qui termine l'adresse de la page du lieu : /lieux/1234/ → 1234.",
    )
    online = forms.BooleanField(label="À distance", required=False)
    online_url = forms.URLField(
        label="Lien de connexion (à distance seulement)",
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
    def initial_for(cls, session: TrainingSession) -> dict:
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        return {
            "start_date": starts.date(),
            "start_time": starts.time(),
            "end_date": ends.date(),
            "end_time": ends.time(),
            "place_number": session.place_id,
            "online": session.online,
            "online_url": session.online_url,
            "capacity": session.capacity,
            "registration_open": session.registration_open,
        }

    def clean_place_number(self):
        number = self.cleaned_data.get("place_number")
        if number is None:
            return None
        place = Place.objects.filter(pk=number).first()
        if place is None:
            raise forms.ValidationError(f"Aucun lieu de l'annuaire ne porte le numéro {number}.")
        return place

    def session_data(self) -> SessionData:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()  # the site's time zone, the one its pages show hours in
        return SessionData(
            starts_at=dt.datetime.combine(data["start_date"], data["start_time"], tzinfo=zone),
            ends_at=dt.datetime.combine(data["end_date"], data["end_time"], tzinfo=zone),
            place=data.get("place_number"),
            online=data["online"],
            online_url=data.get("online_url") or "",
            capacity=data.get("capacity"),
            registration_open=data["registration_open"],
        )


class AttendanceForm(Form):
    attendance = forms.ChoiceField(
        label="Présence", choices=[(Attendance.PRESENT, "présent·e"), (Attendance.ABSENT, "absent·e")]
    )


class ResultForm(Form):
    result = forms.ChoiceField(label="Résultat", choices=[choice for choice in Result.choices if choice[0]])


class StaffMemberForm(Form):
    email = forms.EmailField(
        label="Adresse e-mail de la personne",
        max_length=254,
        help_text="Celle de son compte sur le site. Elle accepte ou refuse l'invitation depuis son parcours de "
        "formation. Format attendu : prenom.nom@exemple.fr",
        error_messages={"invalid": "Écrivez une adresse e-mail complète, par exemple prenom.nom@exemple.fr."},
    )
    job_title = forms.CharField(
        label="Fonction (facultatif)",
        max_length=JOB_TITLE_MAX_LENGTH,
        required=False,
        help_text="Par exemple : bibliothécaire, agent d'accueil.",
    )
