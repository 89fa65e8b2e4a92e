"""The roadmap's charter addresses (see urls.py): « la charte de l'inclusion numérique en bibliothèque », its
signatories as open data, and the organisers' pages of its versions."""

from django.urls import path

from . import views_charter as views

urlpatterns: list = [
    path("charte/", views.charter, name="charter"),
    path("charte/versions/<int:number>/", views.charter_version, name="charter_version"),
    path("charte/signer/", views.charter_sign, name="charter_sign"),
    path("charte/signataires.csv", views.charter_signatories_csv, name="charter_signatories_csv"),
    path("charte/signataires.json", views.charter_signatories_json, name="charter_signatories_json"),
    # --- Organisers ---
    path("organisation/charte/", views.charter_manage, name="charter_manage"),
    path("organisation/charte/nouvelle-version/", views.charter_version_create, name="charter_version_create"),
    path("organisation/charte/versions/<int:number>/", views.charter_version_edit, name="charter_version_edit"),
    path(
        "organisation/charte/versions/<int:number>/publier/",
        views.charter_version_publish,
        name="charter_version_publish",
    ),
]
