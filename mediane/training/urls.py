"""URLs of training under /formation/: frameworks, courses and sessions, records, and the kit."""

from . import urls_courses, urls_kit

app_name = "training"

urlpatterns = [*urls_courses.urlpatterns, *urls_kit.urlpatterns]
