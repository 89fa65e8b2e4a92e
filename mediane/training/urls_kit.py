"""URL patterns of the kit, under /formation/kit/: the catalogue, a resource, and the organisers' pages."""

from django.urls import path

from . import views_kit

urlpatterns = [
    path("kit/", views_kit.kit, name="kit"),
    path("kit/kit-de-ressources.csv", views_kit.kit_csv, name="kit_csv"),
    path("kit/kit-de-ressources.json", views_kit.kit_json, name="kit_json"),
    path("kit/gestion/", views_kit.kit_manage, name="kit_manage"),
    path("kit/gestion/nouvelle/", views_kit.kit_create, name="kit_create"),
    path("kit/<slug:slug>/", views_kit.kit_resource, name="kit_resource"),
    path("kit/<slug:slug>/modifier/", views_kit.kit_edit, name="kit_edit"),
    path("kit/<slug:slug>/publier/", views_kit.kit_publish, name="kit_publish"),
    path("kit/<slug:slug>/retirer/", views_kit.kit_unpublish, name="kit_unpublish"),
]
