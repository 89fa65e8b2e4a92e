"""Django admin of structures and places: a back office; imports and exports go through the app's services."""

from django.contrib import admin

from .models import ImportJob, Place, PlaceSource, Structure


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "siret", "rna", "commune", "departement"]
    list_filter = ["kind", "departement"]
    search_fields = ["name", "siret", "rna", "source_id", "commune"]
    # The people who may act for the structure (sign the charter…): found by e-mail or name as one types, since a
    # list of every account (filter_horizontal) would not load with hundreds of thousands of them.
    autocomplete_fields = ["managers"]


@admin.register(PlaceSource)
class PlaceSourceAdmin(admin.ModelAdmin):
    """Read only: sources are created by an import (the libraries' own, `--source`) or on the mapping pages, and
    their places' ids depend on them."""

    list_display = ["name", "slug", "profile_updated_at", "created_at"]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["nom", "commune", "code_postal", "departement", "place_source", "date_maj"]
    list_filter = ["departement", "place_source"]
    search_fields = ["nom", "id_standard", "commune", "code_postal"]
    list_select_related = ["structure", "place_source"]
    raw_id_fields = ["structure"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Read only: imports are launched from the organisers' page or `manage.py import_lieux`."""

    list_display = [
        "pk",
        "file_name",
        "file_format",
        "place_source",
        "dry_run",
        "status",
        "created_at",
        "rejected_count",
    ]
    list_filter = ["status", "file_format", "dry_run"]
    list_select_related = ["created_by", "place_source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
