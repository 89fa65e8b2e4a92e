"""Addresses of structures, included at the root: the organisers' imports under /structures/, and the stable
public exports of the places under /lieux/ (the directory of places, in `orientation`, lives beside them)."""

from django.urls import path

from . import urls_care, views, views_exports

app_name = "structures"

urlpatterns = [
    path("structures/imports/", views.imports, name="imports"),
    path("structures/imports/nouvel-import/", views.new_import, name="new_import"),
    path("structures/imports/<int:pk>/", views.import_detail, name="import"),
    path("structures/imports/<int:pk>/avancement/", views.import_progress, name="import_progress"),
    path("structures/imports/<int:pk>/importer/", views.import_checked, name="import_checked"),
    path("lieux/export.csv", views_exports.export_csv, name="export_csv"),
    path("lieux/export.json", views_exports.export_json, name="export_json"),
    *urls_care.urlpatterns,
]
