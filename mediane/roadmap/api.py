"""API of the roadmap (/api/v1/feuille-de-route/): stages, axes, and actions with their milestones and links.

Read only and public, without personal data: the same content as the open data (`open_data.py`), through the
same visibility rules (only published contributions, decisions of held meetings, topics of published syntheses).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from pydantic import WithJsonSchema

from mediane import numbers
from mediane.api_contract import Id, StrictInt, errors
from mediane.structures.api import decode_cursor, encode_cursor

from . import open_data
from .models import Axis, Stage

router = Router(tags=["feuille de route"])

MAX_LIMIT = 100
# An optional id filter, described as the integer it is when given (absent: no filter), not as « integer or null »:
# a query string cannot carry a null, and the description must not promise one.
IdFilter = Annotated[Id | None, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": numbers.MAX_ID})]


class StageOut(Schema):
    id: int
    year: int | None = Field(description="Année de l'étape, si elle en a une.")
    title: str = Field(description="Intitulé de l'étape.")
    description: str = Field(description="Présentation de l'étape.")


class AxisOut(Schema):
    id: int
    title: str = Field(description="Intitulé de l'axe.")
    description: str = Field(description="Présentation de l'axe.")


class OwnerOut(Schema):
    name: str = Field(description="Nom de la structure partenaire.")
    siret: str = Field(description="SIRET de la structure (vide s'il n'est pas connu).")


class MilestoneOut(Schema):
    date: dt.date = Field(description="Date de l'étape franchie.")
    title: str
    description: str


class LinksOut(Schema):
    contributions: list[int] = Field(description="Numéros des contributions publiées à l'origine de l'action.")
    decisions: list[str] = Field(description="Références des décisions du groupe de travail (« 1.2 »).")
    topics: list[int] = Field(description="Numéros des sujets de la synthèse liés à l'action.")


class ActionOut(Schema):
    id: int
    parent_id: int | None = Field(description="Action parente ; absente pour une action de premier niveau.")
    stage_id: int = Field(description="Étape de l'action.")
    axis_id: int = Field(description="Axe de l'action.")
    title: str
    description: str = Field(description="Description, telle qu'écrite (quelques marques Markdown possibles).")
    status: str = Field(description="Statut, en clair (vide s'il n'est pas donné).")
    progress: int = Field(description="Avancement en pour cent (0 à 100).")
    weight: str = Field(description="Poids dans l'avancement de l'action parente (nombre décimal, en texte).")
    start_date: dt.date | None
    end_date: dt.date | None
    owners: list[OwnerOut] = Field(description="Structures partenaires.")
    url: str = Field(description="Adresse de la page de l'action.")


class ActionDetailOut(ActionOut):
    milestones: list[MilestoneOut] = Field(description="Étapes franchies, de la plus ancienne à la plus récente.")
    links: LinksOut = Field(description="Ce dont l'action vient.")


class ActionPage(Schema):
    items: list[ActionOut]
    next_cursor: str | None = Field(
        description="À passer en paramètre `cursor` pour la page suivante ; absent sur la dernière page."
    )


class ActionFilters(Schema):
    stage: IdFilter = Field(None, description="Ne garder que les actions de cette étape.")
    axis: IdFilter = Field(None, description="Ne garder que les actions de cet axe.")
    parent: IdFilter = Field(None, description="Ne garder que les sous-actions de cette action.")
    limit: StrictInt = Field(50, ge=1, le=MAX_LIMIT, description=f"Nombre d'actions par page ({MAX_LIMIT} au plus).")
    cursor: str | None = Field(None, description="Curseur `next_cursor` de la page précédente.")


@router.get("/feuille-de-route/etapes", response=list[StageOut], summary="Étapes de la feuille de route")
def list_stages(request):
    """Les étapes de la feuille de route (2019, 2020, 2021…), dans leur ordre."""
    return list(Stage.objects.all())


@router.get("/feuille-de-route/axes", response=list[AxisOut], summary="Axes de la feuille de route")
def list_axes(request):
    """Les axes de travail qui traversent les étapes, dans leur ordre."""
    return list(Axis.objects.all())


def _cursor_id(cursor: str) -> int:
    value = decode_cursor(cursor)
    if not numbers.is_ascii_number(value) or len(value) > 12:
        decode_cursor("!")  # the same refusal, in the same words, as any damaged cursor
    return int(value)


@router.get(
    "/feuille-de-route/actions", response={200: ActionPage, **errors(400)}, summary="Actions de la feuille de route"
)
def list_actions(request, filters: Query[ActionFilters]):
    """Les actions, par ordre de numéro, page par page (suivre `next_cursor`), avec leur avancement, leur statut
    et leurs structures partenaires. Filtres : étape, axe, action parente. Le détail d'une action donne aussi ses
    étapes franchies et ce dont elle vient. Export complet : /feuille-de-route/donnees/."""
    actions = open_data.actions()
    if filters.stage:
        actions = actions.filter(stage_id=filters.stage)
    if filters.axis:
        actions = actions.filter(axis_id=filters.axis)
    if filters.parent:
        actions = actions.filter(parent_id=filters.parent)
    if filters.cursor:
        actions = actions.filter(pk__gt=_cursor_id(filters.cursor))
    rows = list(actions.order_by("pk")[: filters.limit + 1])
    has_more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return {
        "items": [open_data.action_item(action) for action in rows],
        "next_cursor": encode_cursor(str(rows[-1].pk)) if has_more else None,
    }


@router.get("/feuille-de-route/actions/{action_id}", response=ActionDetailOut, summary="Une action")
def get_action(request, action_id: Id):
    """Une action, avec ses étapes franchies et ce dont elle vient : contributions publiées, décisions du groupe
    de travail, sujets de la synthèse."""
    return open_data.action_item(get_object_or_404(open_data.actions(), pk=action_id))
