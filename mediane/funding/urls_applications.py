"""URL patterns of funding applications, payments and the public figures (under /financements/)."""

from django.urls import path

from . import views_applications as views
from . import views_figures

urlpatterns = [
    path("mes-demandes/", views.my_applications, name="my_applications"),
    path("demandes/nouvelle/<slug:slug>/", views.application_create, name="application_create"),
    path("demandes/<int:pk>/", views.application_detail, name="application"),
    path("demandes/<int:pk>/modifier/", views.application_edit, name="application_edit"),
    path("demandes/<int:pk>/deposer/", views.application_submit, name="application_submit"),
    path("demandes/<int:pk>/pieces/nouvelle/", views.document_upload, name="document_upload"),
    path("demandes/<int:pk>/pieces/<str:token>/", views.document_download, name="document"),
    path("demandes/<int:pk>/pieces/<str:token>/retirer/", views.document_remove, name="document_remove"),
    # --- Organisers (perm funding.instruct) ---
    path("instruction/", views.instruction_list, name="instruction"),
    path("instruction/demandes.csv", views.instruction_csv, name="instruction_csv"),
    path("demandes/<int:pk>/instruire/", views.application_review, name="application_review"),
    path("demandes/<int:pk>/accepter/", views.application_accept, name="application_accept"),
    path("demandes/<int:pk>/refuser/", views.application_refuse, name="application_refuse"),
    path("demandes/<int:pk>/echeances/nouvelle/", views.tranche_add, name="tranche_add"),
    path("demandes/<int:pk>/echeances/<int:tranche_pk>/retirer/", views.tranche_remove, name="tranche_remove"),
    path("demandes/<int:pk>/versements/nouveau/", views.payment_add, name="payment_add"),
    # --- Public figures and their open data ---
    path("chiffres/", views_figures.figures, name="figures"),
    path("chiffres/financements.csv", views_figures.figures_csv, name="figures_csv"),
    path("chiffres/financements.json", views_figures.figures_json, name="figures_json"),
]
