"""Addresses of the public directory of places, under /lieux/ (structures adds its exports beside them)."""

from django.urls import path

from . import views

app_name = "orientation"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.place_detail, name="place"),
]
