"""Root URLconf of the benchmark: the app's URLs plus `/floor/`, a bare view rendering a tiny template."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500
from config.urls import urlpatterns as app_urlpatterns

FLOOR_TEMPLATE = engines["django"].from_string(
    '<!DOCTYPE html><html lang="fr"><head><title>Plancher — {{ SITE_NAME }}</title></head>'
    "<body><h1>{{ SITE_NAME }}</h1><p>{{ SITE_TAGLINE }}</p></body></html>"
)

# The same, inside the site's shared layout (header, footer, DSFR assets): what the chrome alone costs.
FLOOR_LAYOUT_TEMPLATE = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Plancher{% endblock %}'
    "{% block content %}<h1>Plancher</h1><p>{{ SITE_TAGLINE }}</p>{% endblock %}"
)


def floor(request):
    """What any page costs at least: the middleware stack, a template render with the context processors."""
    return HttpResponse(FLOOR_TEMPLATE.render({}, request))


def floor_layout(request):
    return HttpResponse(FLOOR_LAYOUT_TEMPLATE.render({}, request))


urlpatterns = [
    path("floor/", floor, name="bench_floor"),
    path("floor/layout/", floor_layout, name="bench_floor_layout"),
    *app_urlpatterns,
]

__all__ = ["urlpatterns", "handler400", "handler403", "handler404", "handler500"]
