"""Django admin of the synthesis: read-only. Runs are launched, edited and published from the synthesis pages,
through the services, so that every change is audited; the admin only shows them. It deletes nothing either:
deleting a run would take its `SynthesisEdit` rows with it, and that audit log is never deleted.
"""

from django.contrib import admin

from .models import SynthesisEdit, SynthesisRun, Topic


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TopicInline(admin.TabularInline):
    model = Topic
    fields = ["position", "kind", "label", "generated_label", "size"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SynthesisRun)
class SynthesisRunAdmin(ReadOnlyAdmin):
    list_display = ["id", "theme", "status", "backend", "contributions_count", "created_at", "published_at"]
    list_filter = ["status", "theme__consultation"]
    list_select_related = ["theme"]
    readonly_fields = [field.name for field in SynthesisRun._meta.fields]
    inlines = [TopicInline]


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin):
    list_display = ["label", "run", "kind", "position", "size"]
    list_filter = ["kind"]
    list_select_related = ["run"]
    search_fields = ["label", "generated_label"]
    readonly_fields = [field.name for field in Topic._meta.fields]


@admin.register(SynthesisEdit)
class SynthesisEditAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "run", "action", "actor", "summary"]
    list_filter = ["action"]
    list_select_related = ["run", "actor"]
    readonly_fields = [field.name for field in SynthesisEdit._meta.fields]

    @admin.display(description="modification")
    def summary(self, obj):
        return obj.details.get("summary", "")
