"""The roadmap's public addresses (see urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("", views.index, name="index"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/suivre/", views.follow, name="follow"),
    path("actions/<int:pk>/ne-plus-suivre/", views.unfollow, name="unfollow"),
    path("mes-propositions/", views.my_proposals, name="my_proposals"),
    path("donnees/", views.open_data, name="open_data"),
    path("donnees/feuille-de-route.csv", views.open_data_csv, name="open_data_csv"),
    path("donnees/feuille-de-route.json", views.open_data_json, name="open_data_json"),
]
