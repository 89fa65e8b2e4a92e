"""allauth adapter: e-mails stay lower-case, the messages people meet most often are in plain French, and
failed logins are limited by the platform's one limiter, with the address read in its one place."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from mediane import ratelimits
from mediane.client_address import client_address

from . import confirmation


class AccountAdapter(DefaultAccountAdapter):
    # allauth's own French is correct but formal; these say what happened and what to do next.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "L'adresse e-mail ou le mot de passe n'est pas le bon. Vérifiez-les et réessayez.",
        "email_taken": "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez "
        "« Mot de passe oublié ».",
        "too_many_login_attempts": "Trop de tentatives de connexion ont échoué. Par sécurité, attendez "
        "5 minutes avant de réessayer, ou choisissez « Mot de passe oublié ».",
        # Ours, with the wait computed by the limiter.
        "too_many_login_failures": "Trop de tentatives de connexion ont échoué. Par sécurité, attendez "
        "%s avant de réessayer, ou choisissez « Mot de passe oublié ».",
        "rate_limited": "Vous avez fait trop de demandes en peu de temps. Attendez quelques minutes et réessayez.",
    }

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        if message_template == confirmation.SENT_MESSAGE_TEMPLATE and message_context:
            confirmation.record_sent(request, message_context["email"])
            if not request.user.is_authenticated:
                return  # « Confirmez votre adresse e-mail » says it, with the address and the time
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth's e-mails sign with the site's name (templates/account/email/), not the request's host.
        super().send_mail(template_prefix, email, {"site_name": settings.MEDIANE_SITE_NAME, **context})

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()

    def get_client_ip(self, request) -> str:
        # allauth's remaining limits (sign-up, password reset e-mails) count per this address too.
        return client_address(request) or "0.0.0.0"  # noqa: S104 - a shared count when no address can be trusted

    def authenticate(self, request, **credentials):
        """Count the attempt before checking the password, per address and account and per address.

        Counting first means that parallel guesses cannot slip past the limit; a success gives its count back
        and clears the (address, account) count, since only the owner knows the password. allauth's own
        `login_failed` limit is switched off in the settings: this is the only one.
        """
        login = (credentials.get("email") or credentials.get("username") or "").strip().lower()
        address = ratelimits.address_key(request)
        attempt = ratelimits.hit_all(
            ("login-failures-account", f"{address}|{login}"),
            ("login-failures-address", address),
        )
        if not attempt.allowed:
            raise self.validation_error("too_many_login_failures", attempt.wait)
        user = super().authenticate(request, **credentials)
        if user is not None:
            ratelimits.undo(attempt)
            ratelimits.reset("login-failures-account", f"{address}|{login}")
        return user
