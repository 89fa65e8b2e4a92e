"""Django admin of funding schemes, their eligibility rules and the structures' funding profiles.

A scheme and its rules are saved together in the admin's transaction, after every form and inline is valid: an
inline rule that `eligibility.check_rule` refuses (`EligibilityRule.clean`) stops the whole save, with the French
message under the rule. The organisers' pages (`views_manage.py`) are the usual way; the admin is for repairs.
"""

from django.contrib import admin
from django.db import models

from . import eligibility
from .models import EligibilityRule, Scheme, StructureProfile


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
