"""Public pages: home, news, the legal and accessibility statements, the site map, the organisers' hub, error pages."""

import datetime as dt
import functools
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db.models import Count, Sum
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader

from mediane.consultation.models import Consultation, Theme
from mediane.workinggroup.models import Meeting

from . import organisation as organisation_pages
from .context_processors import site
from .models import NewsItem

logger = logging.getLogger(__name__)
HOME_NEWS = 3
NEWS_PAGE_SIZE = 50
# Update with each new check of the statement (RGAA asks for the date it was established).
ACCESSIBILITY_STATEMENT_DATE = dt.date(2026, 11, 23)


def home(request):
    consultation = Consultation.objects.order_by("-created_at").first()
    themes = (
        list(Theme.objects.filter(consultation=consultation).select_related("consultation").order_by("number"))
        if consultation
        else []
    )
    news = NewsItem.objects.published()[:HOME_NEWS]
    # « Le forum en chiffres » counts every consultation, the 2019 one as well as today's.
    forum = Theme.objects.aggregate(themes=Count("pk"), contributions=Sum("published_count", default=0))
    context = {
        "consultation": consultation,
        "themes": themes,
        "news": news,
        "contributions_count": forum["contributions"],
        "themes_count": forum["themes"],
        "open_theme": next((theme for theme in themes if theme.is_open), None),
    }
    return render(request, "pages/home.html", context)


def news_list(request):
    return render(request, "pages/news_list.html", {"news": NewsItem.objects.published()[:NEWS_PAGE_SIZE]})


def news_detail(request, slug: str):
    item = get_object_or_404(NewsItem.objects.published(), slug=slug)
    return render(request, "pages/news_detail.html", {"item": item})


def accessibility(request):
    return render(request, "pages/accessibility.html", {"statement_date": ACCESSIBILITY_STATEMENT_DATE})


def legal(request):
    return render(
        request, "pages/legal.html", {"host_info": settings.MEDIANE_HOST_INFO, "production": settings.PRODUCTION}
    )


def privacy(request):
    return render(request, "pages/privacy.html")


def charter(request):
    return render(request, "pages/charter.html")


def site_map(request):
    """Every section of the site and its first pages, for those who cannot use the menu or prefer a list."""
    context = {
        "themes": Theme.objects.select_related("consultation").order_by("consultation__created_at", "number"),
        "meetings": Meeting.objects.select_related("theme").order_by("date", "pk"),
        "organisation_sections": organisation_pages.sections_for(request.user),
    }
    return render(request, "pages/site_map.html", context)


@login_required
def organisation(request):
    """The organisers' hub: the pages each of the person's roles lets them use (403 for someone with none)."""
    sections = organisation_pages.sections_for(request.user)
    if not sections:
        raise PermissionDenied
    return render(request, "pages/organisation.html", {"sections": sections})


@functools.cache
def api_operations() -> list[dict[str, str]]:
    """Every operation of the API, in the order of its description: what the guide lists, always in step with it."""
    from config.api import api  # the assembled API reads every app's router: loaded on first use only

    operations = []
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                }
            )
    return operations


def api_guide(request):
    """The API explained in French, with every address it answers and the links to its OpenAPI description."""
    return render(request, "pages/api.html", {"operations": api_operations()})


def bad_request(request, exception=None):
    too_big = isinstance(exception, RequestDataTooBig)
    return render(request, "errors/400.html", {"too_big": too_big}, status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """Rendered without the request: no context processor, so no session or database access can fail here."""
    try:
        return HttpResponseServerError(loader.get_template("errors/500.html").render(site(None)))
    except Exception:  # the page that reports an error must not raise one
        logger.exception("The 500 page failed to render.")
        return HttpResponseServerError(
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            "<title>Erreur du serveur</title></head>"
            "<body><h1>Erreur du serveur</h1><p>Un problème technique empêche d'afficher la page. "
            'Réessayez dans quelques minutes.</p><p><a href="/">Revenir à l\'accueil</a></p></body></html>'
        )
