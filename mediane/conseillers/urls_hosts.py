"""URLs of the programme's hosts pages (under /conseillers-numeriques/)."""

from django.urls import path

from . import views_hosts as views
from . import views_kit

urlpatterns: list = [
    path("", views.home, name="home"),
    path("kit/", views_kit.kit, name="kit"),
    path("structures/inscription/", views.host_register, name="host_register"),
    path("structures/", views.host_list, name="host_list"),
    path("structures/<int:pk>/", views.host_detail, name="host_detail"),
    path("structures/<int:pk>/modifier/", views.host_edit, name="host_edit"),
    path("structures/<int:pk>/statut/", views.host_status, name="host_status"),
    path("structures/<int:pk>/demandes/nouvelle/", views.request_create, name="request_create"),
]
