"""Forms of the working group's organisers. They only shape and label input: checks live in services.py."""

from django import forms

from mediane import numbers
from mediane.consultation.models import Contribution, Theme
from mediane.forms import Form, IntegerField
from mediane.french import count_phrase

from .enums import DecisionStatus, OrganisationKind
from .models import Member
from .services import DECISION_TEXT_MAX_LENGTH, MEETING_TEXT_MAX_LENGTH, NAME_MAX_LENGTH, TEXT_MAX_LENGTH

MARKUP_HELP = "Mise en forme possible : **gras**, *italique*, listes (une ligne commençant par « - ») et liens."
PROPOSALS_OFFERED = 30


class NumberListField(forms.CharField):
    """Contribution numbers typed by a person, « 12, 40 7 »: any separator; a non-number is an error."""

    def to_python(self, value) -> list[int]:
        text = super().to_python(value)
        parts = text.replace(",", " ").replace(";", " ").split()
        found = []
        for part in parts:
            cleaned = part.removeprefix("n°").removeprefix("#").strip()
            try:
                found.append(numbers.parse_int(cleaned, minimum=1, maximum=numbers.MAX_ID, label="Ce numéro"))
            except numbers.NumberError:
                raise forms.ValidationError(
                    f"« {numbers.shown(part)} » n'est pas un numéro de contribution. Écrivez des nombres, "
                    "par exemple 12, 40."
                ) from None
        return found


class MemberForm(Form):
    name = forms.CharField(
        label="Nom",
        max_length=NAME_MAX_LENGTH,
        help_text="Le nom de la personne, ou sa fonction si elle ne souhaite pas être nommée.",
    )
    title = forms.CharField(label="Fonction (facultatif)", max_length=TEXT_MAX_LENGTH, required=False)
    organisation = forms.CharField(label="Organisation représentée", max_length=TEXT_MAX_LENGTH)
    organisation_kind = forms.ChoiceField(label="Type d'organisation", choices=OrganisationKind.choices)
    account_email = forms.EmailField(
        label="Adresse e-mail de son compte (facultatif)",
        required=False,
        help_text="Si la personne a un compte sur le site, il est relié à sa fiche de membre.",
    )
    position = IntegerField(
        label="Ordre d'affichage",
        min_value=0,
        max_value=999,
        initial=0,
        help_text="Les membres d'un même type d'organisation sont affichés du plus petit au plus grand nombre.",
    )
    is_active = forms.BooleanField(
        label="Membre actif",
        required=False,
        initial=True,
        help_text="Décochez pour un membre qui a quitté le groupe : il reste dans les listes de présence passées.",
    )

    @classmethod
    def for_member(cls, member: Member, data=None):
        initial = {
            "name": member.name,
            "title": member.title,
            "organisation": member.organisation,
            "organisation_kind": member.organisation_kind,
            "account_email": member.user.email if member.user else "",
            "position": member.position,
            "is_active": member.is_active,
        }
        return cls(data, initial=initial)


class MeetingForm(Form):
    theme = forms.ModelChoiceField(
        label="Thème",
        queryset=Theme.objects.none(),
        empty_label=None,
        help_text="Chaque thème a une seule réunion, qui clôt ses travaux.",
    )
    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    place = forms.CharField(label="Lieu (facultatif)", max_length=TEXT_MAX_LENGTH, required=False)
    agenda = forms.CharField(
        label="Ordre du jour",
        required=False,
        max_length=MEETING_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKUP_HELP,
    )

    def __init__(self, *args, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if themes is None:
            del self.fields["theme"]
        else:
            self.fields["theme"].queryset = themes


class MinutesForm(Form):
    minutes = forms.CharField(
        label="Compte rendu",
        max_length=MEETING_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=MARKUP_HELP,
    )
    attendees = forms.ModelMultipleChoiceField(
        label="Personnes présentes",
        queryset=Member.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Cochez au moins une personne présente à la réunion."},
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Active members, and those who attended even if they have left since.
        present = meeting.attendees.values("pk") if meeting is not None else Member.objects.none()
        members = Member.objects.filter(is_active=True) | Member.objects.filter(pk__in=present)
        self.fields["attendees"].queryset = members.distinct().in_display_order()
        self.fields["attendees"].label_from_instance = lambda member: f"{member.name} — {member.organisation}"


class DecisionForm(Form):
    title = forms.CharField(label="Intitulé", max_length=TEXT_MAX_LENGTH)
    text = forms.CharField(
        label="Texte de la décision",
        max_length=DECISION_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKUP_HELP,
    )
    status = forms.ChoiceField(
        label="État", choices=DecisionStatus.choices, widget=forms.RadioSelect, initial=DecisionStatus.ADOPTED
    )
    topics = forms.MultipleChoiceField(
        label="Sujets de la synthèse à l'origine de la décision",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contributions = forms.MultipleChoiceField(
        label="Propositions à l'origine de la décision",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Les {PROPOSALS_OFFERED} propositions les plus soutenues du thème, et celles déjà reliées.",
    )
    other_contributions = NumberListField(
        label="Autres contributions à l'origine de la décision (facultatif)",
        required=False,
        help_text="Leurs numéros, séparés par des virgules, par exemple : 12, 40. Le numéro figure dans "
        "l'adresse de chaque contribution.",
    )

    def __init__(self, *args, topics=(), offered: list[Contribution] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(str(topic.pk), f"{topic.label} ({topic.size})") for topic in topics]
        self.fields["contributions"].choices = [
            (
                str(row.pk),
                f"n° {row.pk} — {row.title} ({count_phrase(row.supports_count, 'soutien')})",
            )
            for row in offered
        ]
        if not topics:
            del self.fields["topics"]

    def contribution_ids(self) -> tuple[int, ...]:
        chosen = [int(pk) for pk in self.cleaned_data.get("contributions", [])]
        return tuple(dict.fromkeys([*chosen, *self.cleaned_data.get("other_contributions", [])]))

    def topic_ids(self) -> tuple[int, ...]:
        return tuple(int(pk) for pk in self.cleaned_data.get("topics", []))
