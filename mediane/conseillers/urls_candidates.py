"""URLs of the programme's candidates pages (under /conseillers-numeriques/)."""

from django.urls import path

from . import views_candidates as views

urlpatterns: list = [
    path("candidats/inscription/", views.candidate_signup, name="candidate_signup"),
    path("candidats/mon-profil/", views.candidate_profile, name="candidate_profile"),
    path("candidats/mon-profil/modifier/", views.candidate_edit, name="candidate_edit"),
    path("candidats/mon-profil/cv/", views.candidate_cv_upload, name="candidate_cv_upload"),
    path("candidats/mon-profil/cv/supprimer/", views.candidate_cv_delete, name="candidate_cv_delete"),
    path("candidats/mon-profil/pause/", views.candidate_pause, name="candidate_pause"),
    path("candidats/mon-profil/supprimer/", views.candidate_delete, name="candidate_delete"),
    path("candidats/", views.candidate_list, name="candidate_list"),
    path("candidats/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("candidats/<int:pk>/cv/", views.candidate_cv, name="candidate_cv"),
]
