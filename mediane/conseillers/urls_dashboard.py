"""The programme's dashboard: public, internal (the programme team), and its open data."""

from django.urls import path

from . import views_dashboard

urlpatterns = [
    path("tableau-de-bord/", views_dashboard.dashboard_public, name="dashboard"),
    path("tableau-de-bord/pilotage/", views_dashboard.dashboard_internal, name="dashboard_internal"),
    path("tableau-de-bord/donnees.<str:fmt>", views_dashboard.dashboard_open_data, name="dashboard_open_data"),
]
