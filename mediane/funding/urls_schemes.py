"""URL patterns of funding schemes under /financements/: the schemes, the eligibility finder and the structure's
funding profile, the open data, and the organisers' pages. A scheme's own page comes last: its slug never takes
one of the words before it (`services.RESERVED_SLUGS`)."""

from django.urls import path

from . import views, views_manage

urlpatterns: list = [
    path("", views.schemes, name="schemes"),
    path("eligibilite/", views.eligibility_finder, name="finder"),
    path("eligibilite/structures/<int:structure_pk>/profil/", views.profile_edit, name="profile"),
    path("donnees/dispositifs.csv", views.schemes_csv, name="schemes_csv"),
    path("donnees/dispositifs.json", views.schemes_json, name="schemes_json"),
    # --- Organisers ---
    path("organisation/", views_manage.manage, name="manage"),
    path("organisation/nouveau/", views_manage.scheme_create, name="scheme_create"),
    path("organisation/<slug:slug>/modifier/", views_manage.scheme_edit, name="scheme_edit"),
    path("organisation/<slug:slug>/publication/", views_manage.scheme_publish, name="scheme_publish"),
    path("<slug:slug>/", views.scheme_detail, name="scheme"),
]
