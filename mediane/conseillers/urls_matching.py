"""URLs of the programme's matching pages (under /conseillers-numeriques/)."""

from django.urls import path

from . import views_matching

urlpatterns: list = [
    path("structures/<int:pk>/candidats/", views_matching.recommendations_page, name="recommendations"),
    path("programme/affectation/", views_matching.assignment, name="assignment"),
]
