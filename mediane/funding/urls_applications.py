"""URL patterns of this part of the app (filled by its issue)."""

urlpatterns: list = []
