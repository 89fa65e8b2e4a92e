"""Addresses of a person's own account, under /compte/ (allauth's sign-in pages share the prefix)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/modifier/", views.profile_edit, name="profile_edit"),
    path("charte/", views.charter, name="charter"),
    path("mes-donnees/", views.export, name="export"),
    path("supprimer/", views.delete, name="delete"),
]
