"""Django admin of the forum: a back office for organisers. Counters are read-only: services keep them."""

from django.contrib import admin
from django.db import models

from .models import Comment, Consultation, Contribution, Theme

# --- Forum ---


class ThemeInline(admin.TabularInline):
    model = Theme
    fields = ["number", "title", "slug", "opens_at", "closes_at", "meeting_date", "meeting_label"]
    extra = 0
    show_change_link = True


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "pre_moderation", "auto_hide_threshold", "created_at"]
    list_filter = ["pre_moderation"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ThemeInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = [
        "number",
        "title",
        "consultation",
        "opens_at",
        "closes_at",
        "meeting_label",
        "published_count",
    ]
    list_display_links = ["number", "title"]
    list_filter = ["consultation"]
    list_select_related = ["consultation"]
    search_fields = ["title", "question"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["published_count"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "status",
        "theme",
        "author_category",
        "author_departement",
        "source",
        "supports_count",
        "comments_count",
        "reports_count",
        "created_at",
    ]
    list_filter = ["status", "kind", "source", "author_category", "theme__consultation", "theme"]
    list_select_related = ["theme", "theme__consultation"]
    search_fields = ["title", "external_id"]
    raw_id_fields = ["theme", "author", "collected_by"]
    date_hierarchy = "created_at"
    show_full_result_count = False  # a COUNT(*) over millions of rows on every list page is too slow
    readonly_fields = ["supports_count", "comments_count", "reports_count", "body_html", "search_text"]
    # Addresses without a scheme are read as https, as Django 6 will (and without its deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        # The back office reads through the forum's rule too (the moderation team and superusers read all).
        return super().get_queryset(request).readable_by(request.user)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "contribution", "parent", "status", "reports_count", "created_at"]
    list_filter = ["status"]
    list_select_related = ["contribution"]
    search_fields = ["body", "author_name"]
    raw_id_fields = ["contribution", "parent", "author"]
    show_full_result_count = False
    readonly_fields = ["body_html", "reports_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).readable_by(request.user)


# --- end Forum ---

# --- Moderation, assisted contributions and imports ---
# --- end Moderation ---
