from django.urls import path

from . import views, views_organisers

app_name = "events"

urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("passes/", views.past, name="past"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("mes-inscriptions/", views.my_registrations, name="mine"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/evenement.ics", views.event_ics, name="event_ics"),
    path("<int:pk>/inscription/", views.register, name="register"),
    path("inscriptions/<str:token>/confirmer/", views.registration_confirm, name="registration_confirm"),
    path("inscriptions/<str:token>/je-ne-peux-plus-venir/", views.registration_leave, name="registration_leave"),
    # --- Organisers ---
    path("gestion/", views_organisers.manage, name="manage"),
    path("gestion/nouveau/", views_organisers.event_create, name="create"),
    path("<int:pk>/modifier/", views_organisers.event_edit, name="edit"),
    path("<int:pk>/publier/", views_organisers.event_publish, name="publish"),
    path("<int:pk>/annuler/", views_organisers.event_cancel, name="cancel"),
    path("<int:pk>/participants/", views_organisers.participants, name="participants"),
    path("<int:pk>/participants.csv", views_organisers.participants_csv, name="participants_csv"),
]
