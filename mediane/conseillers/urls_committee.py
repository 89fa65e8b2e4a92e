"""URLs of the selection committee's pages (under /conseillers-numeriques/comite/), for the programme team."""

from django.urls import path

from . import views_committee as views

urlpatterns: list = [
    path("comite/", views.committee, name="committee"),
    path("comite/quotas/", views.quotas, name="quotas"),
    path("comite/demandes/<int:pk>/avis/", views.decision_create, name="decision_create"),
    path("comite/<str:departement>/", views.committee_departement, name="committee_departement"),
]
