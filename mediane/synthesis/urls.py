from django.urls import path

from . import views

app_name = "synthesis"

urlpatterns = [
    path("", views.index, name="index"),
    path("synthese/<int:pk>/", views.run_detail, name="run"),
    path("synthese/<int:pk>/avancement/", views.run_progress, name="run_progress"),
    path("synthese/<int:pk>/fusionner/", views.merge, name="merge"),
    path("synthese/<int:pk>/publier/", views.publish, name="publish"),
    path("synthese/<int:pk>/depublier/", views.unpublish, name="unpublish"),
    path("sujet/<int:pk>/", views.topic_detail, name="topic"),
    path("sujet/<int:pk>/renommer/", views.rename, name="rename"),
    path("sujet/<int:pk>/scinder/", views.split, name="split"),
    path("<slug:consultation>/<slug:theme>/", views.published, name="published"),
    path("<slug:consultation>/<slug:theme>/syntheses/", views.theme_runs, name="theme_runs"),
]
