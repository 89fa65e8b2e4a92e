"""URLs of the programme's recruitment pages (under /conseillers-numeriques/)."""

from django.urls import path

from . import views_recruitment as views
from . import views_subsidies

urlpatterns: list = [
    path("structures/<int:pk>/recrutements/", views.host_recruitments, name="host_recruitments"),
    path("structures/<int:pk>/recrutements/nouveau/", views.recruitment_create, name="recruitment_create"),
    path("recrutements/<int:pk>/", views.recruitment_detail, name="recruitment_detail"),
    # Before the moves: these two words are no move's slug.
    path("recrutements/<int:pk>/versement/", views.recruitment_payment, name="recruitment_payment"),
    path("recrutements/<int:pk>/invitation/", views.recruitment_invitation, name="recruitment_invitation"),
    path("recrutements/<int:pk>/<slug:transition>/", views.recruitment_move, name="recruitment_move"),
    path("programme/recrutements/", views.recruitment_list, name="recruitment_list"),
    path("programme/subventions/", views_subsidies.subsidies, name="subsidies"),
    path("programme/formation/", views_subsidies.training_status, name="training_status"),
]
