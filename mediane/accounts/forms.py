"""Forms of the accounts app: the participant profile (asked at sign-up, editable later), the charter
acceptance, the account deletion confirmation, and the right address of an account not confirmed yet."""

from django import forms

from mediane import ratelimits
from mediane.forms import Form

from .enums import ParticipantCategory
from .territories import InvalidPostalCode, departement_from_postal_code


class ProfileFieldsMixin(Form):
    display_name = forms.CharField(
        label="Nom affiché",
        max_length=60,
        help_text="Le nom que les autres verront à côté de vos contributions. Un prénom ou un pseudonyme suffit.",
    )
    category = forms.ChoiceField(
        label="Vous êtes",
        choices=ParticipantCategory.choices,
        widget=forms.RadioSelect,
        help_text="Cela aide le groupe de travail à savoir qui s'est exprimé.",
    )
    organisation = forms.CharField(
        label="Organisation (facultatif)",
        max_length=150,
        required=False,
        help_text="Par exemple : Médiathèque de Lens, association Emmaüs Connect.",
    )
    postal_code = forms.CharField(
        label="Code postal (facultatif)",
        max_length=5,
        required=False,
        help_text="5 chiffres, par exemple 69003. Seul votre département sera affiché.",
    )

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError("Indiquez le nom à afficher.")
        return name

    def clean_postal_code(self):
        code = self.cleaned_data["postal_code"].strip()
        if code:
            try:
                departement_from_postal_code(code)
            except InvalidPostalCode as exc:
                raise forms.ValidationError(str(exc)) from exc
        return code


class SignupProfileForm(ProfileFieldsMixin):
    """Extra fields of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def signup(self, request, user):
        from .services import update_profile

        update_profile(
            user,
            display_name=self.cleaned_data["display_name"],
            category=self.cleaned_data["category"],
            organisation=self.cleaned_data["organisation"],
            postal_code=self.cleaned_data["postal_code"],
        )


class ProfileForm(ProfileFieldsMixin):
    """The profile page's edit form: the same fields as at sign-up."""

    @classmethod
    def for_user(cls, user, data=None):
        initial = {
            "display_name": user.display_name,
            "category": user.category,
            "organisation": user.organisation,
            "postal_code": user.postal_code,
        }
        return cls(data=data, initial=initial)


class CharterForm(Form):
    accept = forms.BooleanField(
        label="J'ai lu la charte de participation et je m'engage à la respecter.",
        error_messages={"required": "Cochez la case pour accepter la charte avant de contribuer."},
    )


class DeleteAccountForm(Form):
    """Deleting an account cannot be undone: the person types their password again to confirm."""

    password = forms.CharField(
        label="Votre mot de passe",
        help_text="Par sécurité, tapez à nouveau votre mot de passe pour confirmer la suppression.",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Tapez votre mot de passe pour confirmer la suppression."},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.refusal: ratelimits.Verdict | None = None  # set when too many passwords were tried: a 429
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Counted before the check, so that nobody signed in on someone's session can guess their password.
        attempt = ratelimits.hit("password-confirmation", ratelimits.person_key(self.user))
        if not attempt.allowed:
            self.refusal = attempt
            raise forms.ValidationError(
                f"Trop d'essais de mot de passe. Par sécurité, attendez {attempt.wait} avant de réessayer."
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "Ce mot de passe n'est pas le bon. Vérifiez-le (attention aux majuscules) et réessayez."
            )
        return password


class ConfirmationEmailForm(Form):
    """The right address, for an account whose confirmation e-mail went to a mistyped one."""

    email = forms.EmailField(
        label="La bonne adresse e-mail",
        max_length=254,
        help_text="Par exemple : prenom.nom@exemple.fr",
        error_messages={
            "required": "Écrivez votre adresse e-mail.",
            "invalid": "Ce n'est pas une adresse e-mail : vérifiez-la. Elle ressemble à prenom.nom@exemple.fr.",
        },
    )

    def __init__(self, *args, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current

    def clean_email(self) -> str:
        from allauth.account.adapter import get_adapter

        email = get_adapter().clean_email(self.cleaned_data["email"])
        if email == self.current:
            raise forms.ValidationError(
                "C'est déjà l'adresse où nous avons écrit. Si elle est juste, choisissez plutôt « Renvoyer l'e-mail »."
            )
        return email
