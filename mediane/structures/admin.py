"""Django admin of structures and places: a back office; imports and exports go through the app's services."""

from django.contrib import admin

from .models import ImportJob, Place, Structure


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "siret", "rna", "commune", "departement"]
    list_filter = ["kind", "departement"]
    search_fields = ["name", "siret", "rna", "source_id", "commune"]
    # The people who may act for the structure (sign the charter…): found by e-mail or name as one types, since a
    # list of every account (filter_horizontal) would not load with hundreds of thousands of them.
    autocomplete_fields = ["managers"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["nom", "commune", "code_postal", "departement", "date_maj"]
    list_filter = ["departement"]
    search_fields = ["nom", "id_standard", "commune", "code_postal"]
    list_select_related = ["structure"]
    raw_id_fields = ["structure"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Read only: imports are launched from the organisers' page or `manage.py import_lieux`."""

    list_display = ["pk", "file_name", "file_format", "dry_run", "status", "created_at", "rejected_count"]
    list_filter = ["status", "file_format", "dry_run"]
    list_select_related = ["created_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
