"""Django admin of the programme, for repairs: the pages of the programme team are the usual way, since they go
through the services (statuses along their tables, audit log, limits under lock). Statuses and the audit log are
read-only here."""

from django.contrib import admin

from .models import (
    Candidate,
    CommitteeDecision,
    Convention,
    DepartementQuota,
    HostStructure,
    PositionRequest,
    ProgrammeLog,
    Recruitment,
)
from .models_reports import ActivityReport


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that only a service writes (an audit log, the reports and their counters): shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HostStructure)
class HostStructureAdmin(admin.ModelAdmin):
    list_display = ["name", "siret", "departement", "status", "positions_granted"]
    list_filter = ["status", "kind", "departement"]
    search_fields = ["name", "siret", "commune"]
    readonly_fields = ["status", "positions_granted", "duplicate_of", "structure"]
    filter_horizontal = ["managers"]


@admin.register(PositionRequest)
class PositionRequestAdmin(admin.ModelAdmin):
    list_display = ["host", "kind", "positions", "status", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["status"]


@admin.register(CommitteeDecision)
class CommitteeDecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "departement", "opinion", "positions_granted", "decided_on"]
    list_filter = ["opinion", "departement"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):
    list_display = ["number", "host", "positions", "starts_on"]


@admin.register(DepartementQuota)
class DepartementQuotaAdmin(admin.ModelAdmin):
    list_display = ["departement", "positions", "index_value"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["full_name", "departement", "commune", "available_from", "paused"]
    list_filter = ["paused", "situation", "departement"]
    search_fields = ["last_name", "first_name", "email", "commune"]
    exclude = ["pix_competences"]


@admin.register(Recruitment)
class RecruitmentAdmin(admin.ModelAdmin):
    list_display = ["candidate", "host", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    readonly_fields = ["status", "grant", "training_enrolment"]
    raw_id_fields = ["host", "candidate"]


@admin.register(ProgrammeLog)
class ProgrammeLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "actor_role", "host", "before", "after"]
    list_filter = ["action"]


@admin.register(ActivityReport)
class ActivityReportAdmin(ReadOnlyAdmin):
    """Read-only: a report is written through `services_reports`, which keeps the programme's counters exact; the
    adviser's private notes are not shown."""

    list_display = ["date", "kind", "adviser", "host", "departement", "duration", "participants"]
    list_filter = ["kind", "departement"]
    date_hierarchy = "date"
    exclude = ["notes"]
    list_select_related = ["adviser", "host"]
    show_full_result_count = False
