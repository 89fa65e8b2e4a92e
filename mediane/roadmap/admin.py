"""Django admin of the roadmap: a read-only back office. Every write goes through the app's pages and services,
which keep the progress of parents, the public history and the follows right."""

from django.contrib import admin

from .models import Action, ActionFollow, ActionUpdate, Axis, CharterSignature, CharterVersion, Milestone, Stage, Status


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Stage)
class StageAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "position"]


@admin.register(Axis)
class AxisAdmin(ReadOnlyAdmin):
    list_display = ["title", "position"]


@admin.register(Status)
class StatusAdmin(ReadOnlyAdmin):
    list_display = ["name", "default_progress", "position"]


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["title", "stage", "axis", "status", "progress", "parent"]
    list_filter = ["stage", "axis", "status"]
    list_select_related = ["stage", "axis", "status", "parent"]
    search_fields = ["title"]


@admin.register(Milestone)
class MilestoneAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "action"]
    list_select_related = ["action"]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "action", "kind"]
    list_select_related = ["action"]


@admin.register(ActionFollow)
class ActionFollowAdmin(ReadOnlyAdmin):
    list_display = ["action", "origin", "stopped_at"]
    list_select_related = ["action"]


@admin.register(CharterVersion)
class CharterVersionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "published_at"]


@admin.register(CharterSignature)
class CharterSignatureAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "signed_at"]
    list_select_related = ["structure", "version"]
