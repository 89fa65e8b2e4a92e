"""The activity reports in the Coop's column layout: exports (XLSX, CSV) and imports of a Coop export."""

from django.urls import path

from . import views_exports

urlpatterns = [
    path("activites/export.<str:fmt>", views_exports.reports_export, name="reports_export"),
    path(
        "structures/<int:pk>/activites/export.<str:fmt>", views_exports.host_reports_export, name="host_reports_export"
    ),
    path("tableau-de-bord/pilotage/activites.<str:fmt>", views_exports.team_reports_export, name="team_reports_export"),
    path("activites/importer/", views_exports.reports_import, name="reports_import"),
]
