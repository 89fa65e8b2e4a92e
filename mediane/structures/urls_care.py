"""Addresses of the care of places, appended to `urls.py`: beside the place page (/lieux/<pk>/, in orientation) its
edit, confirmation, history, error report and request to manage it; « Mes lieux »; the open data of every change;
and the organisers' and managers' lists under /structures/."""

from django.urls import path

from . import views_care, views_care_lists

urlpatterns = [
    path("lieux/mes-lieux/", views_care_lists.my_places, name="my_places"),
    path("lieux/modifications.csv", views_care.revisions_csv, name="revisions_csv"),
    path("lieux/<int:pk>/modifier/", views_care.place_edit, name="place_edit"),
    path("lieux/<int:pk>/confirmer/", views_care.place_confirm, name="place_confirm"),
    path("lieux/<int:pk>/historique/", views_care.place_history, name="place_history"),
    path("lieux/<int:pk>/gerer/", views_care.ask_to_manage, name="ask_to_manage"),
    path("lieux/<int:pk>/signaler/", views_care.report_error, name="report_error"),
    path("lieux/<int:pk>/signaler/merci/", views_care.report_error_sent, name="report_error_sent"),
    path("structures/signalements/", views_care_lists.error_reports, name="error_reports"),
    path("structures/signalements/<int:pk>/", views_care_lists.error_report, name="error_report"),
    path("structures/demandes-de-gestion/", views_care_lists.manager_requests, name="manager_requests"),
    path("structures/demandes-de-gestion/<int:pk>/", views_care_lists.manager_request, name="manager_request"),
]
