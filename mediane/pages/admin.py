"""Back-office for the news and events (« actualités »)."""

from django.contrib import admin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "event_date", "published_at"]
    list_filter = ["kind"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "body"]}),
        (
            "Dates",
            {
                "fields": ["event_date", "published_at"],
                "description": "Une date de publication future garde l'actualité cachée jusqu'à ce jour.",
            },
        ),
    ]
