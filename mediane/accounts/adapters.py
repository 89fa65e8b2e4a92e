"""allauth adapter: e-mails stay lower-case, and the messages people meet most often are in plain French."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    # allauth's own French is correct but formal; these say what happened and what to do next.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "L'adresse e-mail ou le mot de passe n'est pas le bon. Vérifiez-les et réessayez.",
        "email_taken": "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez "
        "« Mot de passe oublié ».",
        "too_many_login_attempts": "Trop de tentatives de connexion ont échoué. Par sécurité, attendez "
        "5 minutes avant de réessayer, ou choisissez « Mot de passe oublié ».",
        "rate_limited": "Vous avez fait trop de demandes en peu de temps. Attendez quelques minutes et réessayez.",
    }

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()
