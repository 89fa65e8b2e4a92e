"""Django admin of training. Providers are written here (a short list, no page of their own); frameworks,
courses, sessions, enrolments, staff and the audit log are read-only: they change through the organisers' and
managers' pages and the services (seats are counted under a row lock there; results and staff are audited)."""

from django import forms
from django.contrib import admin

from mediane.forms import ControlledTextMixin

from .models import Course, Enrolment, Framework, Provider, StaffMember, TrainingLog, TrainingSession


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProviderAdminForm(ControlledTextMixin, forms.ModelForm):
    website = forms.URLField(label="site", required=False, max_length=300, assume_scheme="https")

    class Meta:
        model = Provider
        fields = ["name", "description", "website"]


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    form = ProviderAdminForm
    list_display = ["name", "website"]
    search_fields = ["name"]


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "kind"]


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ["title", "provider", "modality", "certifying", "price", "published"]
    list_filter = ["published", "certifying", "modality"]
    search_fields = ["title"]
    list_select_related = ["provider"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyAdmin):
    list_display = ["course", "starts_at", "online", "capacity", "seats_taken", "waiting_count"]
    list_select_related = ["course"]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ["name", "email", "registrable", "status", "attendance", "result"]
    list_filter = ["status", "attendance", "result"]
    search_fields = ["name", "email"]
    list_select_related = ["registrable__course"]
    exclude = ["token"]  # the secret of the e-mails' links


@admin.register(StaffMember)
class StaffMemberAdmin(ReadOnlyAdmin):
    list_display = ["user", "email", "structure", "job_title", "added_at", "accepted_at"]
    list_select_related = ["user", "structure"]


@admin.register(TrainingLog)
class TrainingLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "actor", "subject", "before", "after"]
    list_filter = ["action"]
    list_select_related = ["actor"]
