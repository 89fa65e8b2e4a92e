"""Django admin of events: read-only. Events change through the organisers' pages and registrations through the
services (seats are counted under a row lock there; an edit here would bypass the waiting list)."""

from django.contrib import admin

from .models import Event, EventRegistration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "starts_at", "status", "capacity", "seats_taken", "waiting_count"]
    list_filter = ["status", "kind"]
    search_fields = ["title"]
    list_select_related = ["place"]


@admin.register(EventRegistration)
class EventRegistrationAdmin(ReadOnlyAdmin):
    list_display = ["name", "email", "registrable", "status", "confirmed_at", "moved_in_at", "cancelled_at"]
    list_filter = ["status"]
    search_fields = ["name", "email"]
    list_select_related = ["registrable"]
    exclude = ["token"]  # the secret of the e-mails' links
