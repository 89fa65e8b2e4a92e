"""The registration form of the public (name and e-mail). Its checks live in `services.check_person`."""

from django import forms

from mediane.forms import Form

from .services import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH


class PublicRegistrationForm(Form):
    name = forms.CharField(
        label="Votre nom",
        max_length=NAME_MAX_LENGTH,
        help_text="Votre prénom et votre nom, pour que l'équipe sache qui vient.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=EMAIL_MAX_LENGTH,
        help_text="Nous vous écrivons pour confirmer l'inscription. Format attendu : prenom.nom@exemple.fr",
        error_messages={"invalid": "Écrivez une adresse e-mail complète, par exemple prenom.nom@exemple.fr."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
