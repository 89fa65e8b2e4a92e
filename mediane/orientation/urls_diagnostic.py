"""Addresses of the needs self-diagnostic, mounted at `orientation/` (namespace « diagnostic »)."""

from django.urls import path

from . import views_diagnostic as views

app_name = "diagnostic"

urlpatterns = [
    path("", views.start, name="start"),
    path("questions/<slug:key>/", views.question, name="question"),
    path("resultat/", views.result, name="result"),
    path("fiche/", views.slip, name="slip"),
    path("fiche.pdf", views.slip_pdf, name="slip_pdf"),
]
