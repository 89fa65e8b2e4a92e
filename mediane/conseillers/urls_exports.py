"""The activity reports in the Coop's column layout: exports (XLSX, CSV) and imports of a Coop export."""

urlpatterns: list = []
