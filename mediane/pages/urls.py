from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("actualites/", views.news_list, name="news"),
    path("actualites/<slug:slug>/", views.news_detail, name="news_detail"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("mentions-legales/", views.legal, name="legal"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("charte-de-participation/", views.charter, name="charter"),
    path("plan-du-site/", views.site_map, name="site_map"),
    path("organisation/", views.organisation, name="organisation"),
    # The API's French guide, at the root of the API's addresses (/api/v1/…, /api/docs).
    path("api/", views.api_guide, name="api"),
]
