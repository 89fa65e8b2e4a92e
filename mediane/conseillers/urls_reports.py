"""The advisers' activity reports: recording (individual, collective, duplicate), their list and their own
statistics, and the structure's view of its advisers' reports."""

from django.urls import path

from . import views_reports as views
from . import views_reports_statistics

urlpatterns: list = [
    path("activites/", views.reports, name="reports"),
    path("activites/nouvelle/", views.report_new, name="report_new"),
    path("activites/statistiques/", views_reports_statistics.my_statistics, name="my_statistics"),
    path("activites/<int:pk>/", views.report_detail, name="report_detail"),
    path("activites/<int:pk>/modifier/", views.report_edit, name="report_edit"),
    path("activites/<int:pk>/dupliquer/", views.report_duplicate, name="report_duplicate"),
    path("activites/<int:pk>/supprimer/", views.report_delete, name="report_delete"),
    path("structures/<int:pk>/activites/", views.host_reports, name="host_reports"),
]
