"""URLs of courses, sessions, frameworks, records and teams under /formation/ (the kit has its own, urls_kit)."""

from django.urls import path

from . import views, views_manage, views_records

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<int:pk>/", views.course_detail, name="course"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/inscription/", views.enrol, name="enrol"),
    path("inscriptions/<str:token>/confirmer/", views.registration_confirm, name="registration_confirm"),
    path("inscriptions/<str:token>/je-ne-peux-plus-venir/", views.registration_leave, name="registration_leave"),
    path("donnees/formations.csv", views.open_data_csv, name="open_data_csv"),
    path("donnees/formations.json", views.open_data_json, name="open_data_json"),
    path("referentiels/", views.frameworks, name="frameworks"),
    path("referentiels/<slug:slug>/", views.framework_detail, name="framework"),
    path("mon-parcours/", views_records.my_record, name="my_record"),
    path("invitations/<int:pk>/accepter/", views_records.invitation_accept, name="invitation_accept"),
    path("invitations/<int:pk>/refuser/", views_records.invitation_decline, name="invitation_decline"),
    path("equipes/<int:pk>/quitter/", views_records.team_leave, name="team_leave"),
    path("structures/<int:pk>/equipe/", views_records.team, name="team"),
    path("structures/<int:pk>/equipe/ajouter/", views_records.team_add, name="team_add"),
    path("structures/<int:pk>/equipe/<int:member_pk>/retirer/", views_records.team_remove, name="team_remove"),
    # --- Organisers ---
    path("gestion/", views_manage.manage, name="manage"),
    path("gestion/nouvelle/", views_manage.course_create, name="course_create"),
    path("<int:pk>/modifier/", views_manage.course_edit, name="course_edit"),
    path("<int:pk>/nouvelle-session/", views_manage.session_create, name="session_create"),
    path("sessions/<int:pk>/modifier/", views_manage.session_edit, name="session_edit"),
    path("sessions/<int:pk>/participants/", views_manage.participants, name="participants"),
    path("sessions/<int:pk>/participants.csv", views_manage.participants_csv, name="participants_csv"),
    path("inscrits/<int:pk>/presence/", views_manage.attendance, name="attendance"),
    path("inscrits/<int:pk>/resultat/", views_manage.result, name="result"),
]
