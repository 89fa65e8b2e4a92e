"""Addresses of a person's own account, under /compte/ (allauth's sign-in pages share the prefix, and come after
these: the page « Confirmez votre adresse e-mail » is ours, at allauth's own address)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/modifier/", views.profile_edit, name="profile_edit"),
    path("charte/", views.charter, name="charter"),
    path("mes-donnees/", views.export, name="export"),
    path("supprimer/", views.delete, name="delete"),
    # allauth's `account_email_verification_sent` (/compte/confirm-email/), which every allauth flow redirects to.
    path("confirm-email/", views.verification_sent, name="verification_sent"),
    path("confirmation/renvoyer/", views.resend_confirmation, name="resend_confirmation"),
    path("confirmation/adresse/", views.change_confirmation_email, name="change_confirmation_email"),
]
