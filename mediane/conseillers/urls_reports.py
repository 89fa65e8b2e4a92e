"""The advisers' activity reports: recording (individual, collective, duplicate), their list and their own
statistics, and the structure's view of its advisers' reports."""

urlpatterns: list = []
