"""The programme's dashboard: the public figures, the programme team's version (a 404 for anyone else) and the
open data. Thin views: the figures come from `dashboard.collect`, a constant number of queries."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from mediane.accounts.territories import DEPARTEMENT_CHOICES
from mediane.downloads import csv_download, json_download
from mediane.orientation.views import tiles_source

from . import dashboard, dashboard_map
from .views_access import require_team


def _render(request, *, team: bool):
    filters = dashboard.read_filters(request.GET)
    figures = dashboard.collect(filters, team=team)
    map_data = None if filters.departement else dashboard_map.map_data(figures.departements)
    response = render(
        request,
        "conseillers/dashboard/index.html",
        {
            "figures": figures,
            "filters": filters,
            "team": team,
            "departement_choices": DEPARTEMENT_CHOICES,
            "generated_at": timezone.localtime(),
            "secrecy_note": dashboard.SECRECY_NOTE,
            "map_data": map_data,
        },
    )
    if map_data:
        # The tiles come from the configured server: allowed on this page only, as on the directory's map.
        response._csp_update = {"img-src": [tiles_source(settings.MEDIANE_MAP_TILES_URL)]}
    return response


def dashboard_public(request):
    return _render(request, team=False)


def dashboard_internal(request):
    require_team(request)
    return _render(request, team=True)


def dashboard_open_data(request, fmt: str):
    filters = dashboard.read_filters(request.GET)
    rows = dashboard.open_data_rows(filters)
    name = "conseillers-numeriques-activite"
    if fmt == "csv":
        return csv_download(rows, f"{name}.csv", header=dashboard.OPEN_DATA_COLUMNS)
    if fmt == "json":
        return json_download(rows, dashboard.OPEN_DATA_COLUMNS, f"{name}.json")
    raise Http404("Les données ouvertes existent en CSV et en JSON.")
