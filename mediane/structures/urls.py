"""Addresses of structures, included at the root: the organisers' imports under /structures/, and the stable
public exports of the places under /lieux/ (the directory of places, in `orientation`, lives beside them)."""

from django.urls import path

from . import urls_care, views, views_exports, views_mapping, views_sources

app_name = "structures"

urlpatterns = [
    path("structures/imports/", views.imports, name="imports"),
    path("structures/imports/nouvel-import/", views.new_import, name="new_import"),
    path("structures/imports/<int:pk>/", views.import_detail, name="import"),
    path("structures/imports/<int:pk>/avancement/", views.import_progress, name="import_progress"),
    path("structures/imports/<int:pk>/importer/", views.import_checked, name="import_checked"),
    path("structures/sources/", views_sources.sources, name="sources"),
    path("structures/imports/source-du-fichier/", views_mapping.mapping_start, name="mapping_start"),
    path("structures/sources/<slug:slug>/", views_sources.source, name="source"),
    path("structures/sources/<slug:slug>/correspondance.json", views_sources.source_profile, name="source_profile"),
    path(
        "structures/sources/<slug:slug>/remplacer-correspondance/",
        views_sources.source_profile_upload,
        name="source_profile_upload",
    ),
    path("structures/sources/<slug:slug>/correspondance/", views_mapping.mapping_upload, name="mapping_upload"),
    path(
        "structures/sources/<slug:slug>/correspondance/colonnes/", views_mapping.mapping_columns, name="mapping_columns"
    ),
    path(
        "structures/sources/<slug:slug>/correspondance/libelles/", views_mapping.mapping_labels, name="mapping_labels"
    ),
    path(
        "structures/sources/<slug:slug>/correspondance/apercu/", views_mapping.mapping_preview, name="mapping_preview"
    ),
    path("lieux/export.csv", views_exports.export_csv, name="export_csv"),
    path("lieux/export.json", views_exports.export_json, name="export_json"),
    *urls_care.urlpatterns,
]
