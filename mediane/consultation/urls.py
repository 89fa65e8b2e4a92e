from django.urls import path

from . import views, views_moderation

app_name = "consultation"

urlpatterns = [
    # --- Forum (public pages and participation) ---
    path("", views.index, name="index"),
    path("contribution/<int:pk>/", views.contribution_detail, name="contribution"),
    path("contribution/<int:pk>/retirer/", views.withdraw, name="withdraw"),
    path("contribution/<int:pk>/soutenir/", views.support, name="support"),
    path("contribution/<int:pk>/commenter/", views.comment, name="comment"),
    # --- end Forum ---
    # --- Search and open data ---
    path("rechercher/", views.search, name="search"),
    path("donnees-ouvertes/", views.open_data, name="open_data"),
    path("donnees-ouvertes/contributions.csv", views.open_data_csv, name="open_data_csv"),
    path("donnees-ouvertes/contributions.json", views.open_data_json, name="open_data_json"),
    # --- end Search and open data ---
    # --- Moderation, assisted contributions and imports ---
    path("contribution/<int:pk>/signaler/", views_moderation.report, name="report"),
    path("commentaire/<int:pk>/signaler/", views_moderation.report_comment, name="report_comment"),
    path("moderation/", views_moderation.moderation_queue, name="moderation_queue"),
    path("moderation/journal/", views_moderation.moderation_log, name="moderation_log"),
    path("moderation/contribution/<int:pk>/masquer/", views_moderation.moderate, {"action": "hide"}, name="hide"),
    path(
        "moderation/contribution/<int:pk>/retablir/", views_moderation.moderate, {"action": "restore"}, name="restore"
    ),
    path("moderation/contribution/<int:pk>/valider/", views_moderation.moderate, {"action": "approve"}, name="approve"),
    path("moderation/contribution/<int:pk>/refuser/", views_moderation.moderate, {"action": "reject"}, name="reject"),
    path(
        "moderation/contribution/<int:pk>/classer/",
        views_moderation.moderate,
        {"action": "dismiss_reports"},
        name="dismiss_reports",
    ),
    path(
        "moderation/commentaire/<int:pk>/masquer/",
        views_moderation.moderate,
        {"action": "hide_comment"},
        name="hide_comment",
    ),
    path(
        "moderation/commentaire/<int:pk>/retablir/",
        views_moderation.moderate,
        {"action": "restore_comment"},
        name="restore_comment",
    ),
    path(
        "moderation/commentaire/<int:pk>/classer/",
        views_moderation.moderate,
        {"action": "dismiss_comment_reports"},
        name="dismiss_comment_reports",
    ),
    path("fiche-atelier-modele.csv", views_moderation.workshop_sheet_template, name="workshop_sheet_template"),
    path("<slug:consultation>/<slug:theme>/recueillir/", views_moderation.assisted, name="assisted"),
    path(
        "<slug:consultation>/<slug:theme>/recueillir/proches/",
        views.similar_draft,
        {"assisted": True},
        name="similar_assisted",
    ),
    path(
        "<slug:consultation>/<slug:theme>/importer-fiche-atelier/",
        views_moderation.import_workshop_sheet,
        name="import_workshop_sheet",
    ),
    path("<slug:consultation>/<slug:theme>/importer-decidim/", views_moderation.import_decidim, name="import_decidim"),
    # --- end Moderation ---
]

# --- Forum theme routes: kept last because "<slug>/<slug>/" would shadow any two-segment route above ---
urlpatterns += [
    path("<slug:consultation>/<slug:theme>/", views.theme_detail, name="theme"),
    path("<slug:consultation>/<slug:theme>/contribuer/", views.contribute, name="contribute"),
    path("<slug:consultation>/<slug:theme>/contribuer/proches/", views.similar_draft, name="similar_draft"),
    path("<slug:consultation>/<slug:theme>/suivre/", views.follow, name="follow"),
]
# --- end Forum theme routes ---
