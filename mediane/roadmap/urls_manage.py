"""The roadmap's organisers' addresses, under /feuille-de-route/organisation/ (see urls.py)."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("organisation/", views.manage, name="manage"),
    path("organisation/actions/ajouter/", views.action_create, name="action_create"),
    path("organisation/actions/<int:pk>/modifier/", views.action_edit, name="action_edit"),
    path("organisation/actions/<int:pk>/supprimer/", views.action_delete, name="action_delete"),
    path("organisation/actions/<int:pk>/avancement/", views.action_progress, name="action_progress"),
    path("organisation/actions/<int:pk>/etapes-franchies/", views.milestone_create, name="milestone_create"),
    path("organisation/etapes-franchies/<int:pk>/supprimer/", views.milestone_delete, name="milestone_delete"),
    path("organisation/actions/<int:pk>/origines/", views.action_links, name="action_links"),
    path("organisation/depuis-une-decision/", views.action_from_decision, name="action_from_decision"),
    path(
        "organisation/depuis-une-contribution/<int:pk>/",
        views.action_from_contribution,
        name="action_from_contribution",
    ),
    path("organisation/actions.csv", views.export_csv, name="export_csv"),
    path("organisation/importer/", views.import_csv, name="import_csv"),
    path("organisation/etapes/", views.vocabulary_list, {"kind": "stage"}, name="stages"),
    path("organisation/etapes/ajouter/", views.vocabulary_form, {"kind": "stage"}, name="stage_create"),
    path("organisation/etapes/<int:pk>/", views.vocabulary_form, {"kind": "stage"}, name="stage_edit"),
    path("organisation/axes/", views.vocabulary_list, {"kind": "axis"}, name="axes"),
    path("organisation/axes/ajouter/", views.vocabulary_form, {"kind": "axis"}, name="axis_create"),
    path("organisation/axes/<int:pk>/", views.vocabulary_form, {"kind": "axis"}, name="axis_edit"),
    path("organisation/statuts/", views.vocabulary_list, {"kind": "status"}, name="statuses"),
    path("organisation/statuts/ajouter/", views.vocabulary_form, {"kind": "status"}, name="status_create"),
    path("organisation/statuts/<int:pk>/", views.vocabulary_form, {"kind": "status"}, name="status_edit"),
]
