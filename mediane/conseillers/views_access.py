"""Who may open the programme's pages, one answer for all of them: a structure read through its visibility rule,
the team's pages a 404 for anyone else (their existence is nobody else's business), and the query string a list
keeps from page to page."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import HostStructure


def host_or_404(request, pk: int) -> HostStructure:
    """The structure `pk` if the reader may see it (its managers, the team), else a 404."""
    return get_object_or_404(HostStructure.objects.visible_to(request.user), pk=pk)


def require_team(request) -> None:
    """A page of the programme team: a 404 for anyone else."""
    if not request.user.has_perm("conseillers.manage_programme"):
        raise Http404("Cette page est réservée à l'équipe du programme.")


def query_without_page(request) -> str:
    """The list's filters, encoded, without `page` (the pagination adds its own)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
