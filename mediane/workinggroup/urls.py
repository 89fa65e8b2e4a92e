from django.urls import path

from . import views

app_name = "workinggroup"

urlpatterns = [
    path("", views.home, name="home"),
    path("reunions/<int:pk>/", views.meeting_detail, name="meeting"),
    path("dossiers/<int:pk>/dossier.pdf", views.dossier_download, {"file_format": "pdf"}, name="dossier_pdf"),
    path("dossiers/<int:pk>/dossier.md", views.dossier_download, {"file_format": "md"}, name="dossier_markdown"),
    # --- Organisers ---
    path("membres/ajouter/", views.member_create, name="member_create"),
    path("membres/<int:pk>/modifier/", views.member_edit, name="member_edit"),
    path("reunions/programmer/", views.meeting_create, name="meeting_create"),
    path("reunions/<int:pk>/modifier/", views.meeting_edit, name="meeting_edit"),
    path("reunions/<int:pk>/compte-rendu/", views.minutes_edit, name="minutes_edit"),
    path("reunions/<int:pk>/decisions/ajouter/", views.decision_create, name="decision_create"),
    path("reunions/<int:pk>/dossier/generer/", views.dossier_request, name="dossier_request"),
    path("decisions/<int:pk>/modifier/", views.decision_edit, name="decision_edit"),
    path("decisions/journal/", views.decision_log, name="decision_log"),
]
