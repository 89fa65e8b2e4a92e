"""Django admin of the working group: a read-mostly back office. Decisions and dossiers change through the app."""

from django.contrib import admin

from .models import Decision, DecisionLog, Dossier, Meeting, Member


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "organisation_kind", "is_active", "position"]
    list_filter = ["organisation_kind", "is_active"]
    search_fields = ["name", "organisation", "title"]
    raw_id_fields = ["user"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date", "status", "place"]
    list_filter = ["status"]
    list_select_related = ["theme"]
    readonly_fields = ["agenda_html", "minutes_html", "held_at"]


class DecisionLogInline(admin.TabularInline):
    model = DecisionLog
    fields = ["created_at", "action", "actor", "changes"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Read-only: a decision is recorded and corrected in the app, where every change is audited."""

    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status", "meeting"]
    list_select_related = ["meeting__theme"]
    readonly_fields = ["meeting", "number", "title", "text", "status", "contributions", "topics", "created_at"]
    exclude = ["text_html", "updated_at"]
    inlines = [DecisionLogInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "stage", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in Dossier._meta.fields]

    def has_add_permission(self, request):
        return False
