"""Django admin of funding schemes, their eligibility rules and the structures' funding profiles.

A scheme and its rules are saved together in the admin's transaction, after every form and inline is valid: an
inline rule that `eligibility.check_rule` refuses (`EligibilityRule.clean`) stops the whole save, with the French
message under the rule. The organisers' pages (`views_manage.py`) are the usual way; the admin is for repairs.
"""

from django.contrib import admin
from django.db import models

from . import eligibility
from .models import Application, ApplicationLog, EligibilityRule, Payment, Scheme, StructureProfile, Tranche


class EligibilityRuleInline(admin.TabularInline):
    model = EligibilityRule
    extra = 1
    fields = ["position", "fact", "operator", "value", "wording"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["value"].help_text = " ; ".join(
            f"{fact_type.value} : {help_text}" for fact_type, help_text in eligibility.VALUE_HELP.items()
        )
        return formset


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "funder", "funder_kind", "published", "figures_are_illustrative", "position"]
    list_filter = ["published", "funder_kind"]
    search_fields = ["name", "short_name", "funder"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [EligibilityRuleInline]


@admin.register(StructureProfile)
class StructureProfileAdmin(admin.ModelAdmin):
    list_display = ["structure", "rural_area", "priority_neighbourhood", "population_served", "staff_trained"]
    autocomplete_fields = ["structure"]
    readonly_fields = ["updated_at", "updated_by"]


# --- Applications: read-only. Every write goes through `services_applications.py` (the transitions table, the
# history, the payments under the application's row lock); an edit here would bypass them. Supporting documents are
# not shown: a private file has no address, and is downloaded from the application's page after a permission check.


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ApplicationLogInline(_ReadOnlyInline):
    model = ApplicationLog
    fields = ["at", "event", "from_status", "to_status", "actor_name", "note"]


class TrancheInline(_ReadOnlyInline):
    model = Tranche
    fields = ["label", "planned_on", "amount"]


class PaymentInline(_ReadOnlyInline):
    model = Payment
    fields = ["paid_on", "amount", "tranche", "reference"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "structure", "scheme", "status", "amount_requested", "amount_granted", "amount_paid"]
    list_filter = ["status", "scheme"]
    search_fields = ["title", "structure__name"]
    list_select_related = ["structure", "scheme"]
    inlines = [TrancheInline, PaymentInline, ApplicationLogInline]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
