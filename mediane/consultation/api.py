"""API of the forum (/api/v1/): themes and published contributions without personal data, and writes.

Reads are public and return published content only, described by category and département, never by
name. Writes use the site's session (`django_auth`, which enforces the CSRF token) and go through
`services.py`: a refused write answers 403 (not allowed now, e.g. a closed theme) or 400 (fix the request),
with the service's French message in `detail`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from enum import StrEnum
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.territories import DEPARTEMENTS
from mediane.api_contract import Id, StrictInt, errors, text_field

from .enums import ContributionKind
from .models import Comment, Contribution, Theme
from .services import (
    BODY_MAX_LENGTH,
    BODY_MIN_LENGTH,
    COMMENT_MAX_LENGTH,
    COMMENT_MIN_LENGTH,
    TITLE_MAX_LENGTH,
    TITLE_MIN_LENGTH,
    ContributionDraft,
    ForumError,
    add_comment,
    check_theme_open,
    publish_contribution,
    support_contribution,
    withdraw_support,
)

router = Router(tags=["forum"])

MAX_LIMIT = 100
# The known codes, so that the description lists them and an unknown one is refused by name.
DepartementCode = Literal[tuple(DEPARTEMENTS)]  # type: ignore[valid-type]


# --- Schemas ------------------------------------------------------------------------------------------


class ThemeOut(Schema):
    id: int
    consultation: str = Field(description="Adresse courte de la consultation du thème.")
    number: int = Field(description="Numéro du thème dans sa consultation.")
    title: str = Field(description="Titre du thème.")
    question: str = Field(description="Question posée aux participant·es.")
    phase: str = Field(description="Phase : a_venir, ouverte, close ou synthese_publiee.")
    phase_label: str = Field(description="Phase, en clair.")
    opens_at: dt.datetime = Field(description="Ouverture des contributions.")
    closes_at: dt.datetime = Field(description="Clôture des contributions.")
    meeting_date: dt.date = Field(description="Date de la réunion du groupe de travail qui traite le thème.")
    published_count: int = Field(description="Nombre de contributions publiées.")
    url: str = Field(description="Adresse de la page du thème.")

    @staticmethod
    def resolve_consultation(theme: Theme) -> str:
        return theme.consultation.slug

    @staticmethod
    def resolve_phase(theme: Theme) -> str:
        return theme.phase.value

    @staticmethod
    def resolve_phase_label(theme: Theme) -> str:
        return str(theme.phase.label)

    @staticmethod
    def resolve_url(theme: Theme) -> str:
        return theme.get_absolute_url()


class ThemeDetailOut(ThemeOut):
    description: str = Field(description="Présentation du thème (texte).")


class ContributionOut(Schema):
    id: int
    theme_id: int = Field(description="Identifiant du thème.")
    theme_number: int = Field(description="Numéro du thème.")
    kind: str = Field(description="Type : retour_experience, point_vigilance ou proposition.")
    kind_label: str = Field(description="Type, en clair.")
    title: str = Field(description="Titre.")
    body: str = Field(description="Texte, tel qu'écrit (quelques marques Markdown possibles).")
    category: str = Field(description="Catégorie de la personne qui contribue (aucun nom n'est publié).")
    category_label: str = Field(description="Catégorie, en clair.")
    departement: str = Field(description="Code du département de la personne, s'il est connu.")
    source: str = Field(description="Origine : en_ligne, assistee, fiche_atelier ou decidim.")
    supports_count: int = Field(description="Nombre de soutiens.")
    comments_count: int = Field(description="Nombre de commentaires.")
    created_at: dt.datetime = Field(description="Date d'écriture.")
    published_at: dt.datetime | None = Field(description="Date de publication.")
    url: str = Field(description="Adresse de la page de la contribution.")

    @staticmethod
    def resolve_theme_number(contribution: Contribution) -> int:
        return contribution.theme.number

    @staticmethod
    def resolve_kind_label(contribution: Contribution) -> str:
        return contribution.get_kind_display()

    @staticmethod
    def resolve_category(contribution: Contribution) -> str:
        return contribution.author_category

    @staticmethod
    def resolve_category_label(contribution: Contribution) -> str:
        return contribution.get_author_category_display()

    @staticmethod
    def resolve_departement(contribution: Contribution) -> str:
        return contribution.author_departement

    @staticmethod
    def resolve_url(contribution: Contribution) -> str:
        return contribution.get_absolute_url()


class ContributionCreatedOut(ContributionOut):
    status: str = Field(description="publiee, ou en_attente quand la consultation est pré-modérée.")


class ContributionPage(Schema):
    items: list[ContributionOut]
    next_cursor: str | None = Field(
        description="À passer en paramètre `cursor` pour la page suivante ; absent sur la dernière page."
    )


class ContributionIn(Schema):
    kind: ContributionKind = Field(description="Type de contribution.")
    title: str = text_field(
        TITLE_MIN_LENGTH,
        TITLE_MAX_LENGTH,
        f"Titre ({TITLE_MIN_LENGTH} à {TITLE_MAX_LENGTH} caractères, espaces du début et de la fin retirés ; "
        "aucun caractère de contrôle).",
    )
    body: str = text_field(
        BODY_MIN_LENGTH,
        BODY_MAX_LENGTH,
        f"Texte ({BODY_MIN_LENGTH} à {BODY_MAX_LENGTH} caractères, espaces du début et de la fin retirés ; "
        "aucun caractère de contrôle).",
    )


class CommentIn(Schema):
    body: str = text_field(
        COMMENT_MIN_LENGTH,
        COMMENT_MAX_LENGTH,
        f"Commentaire ({COMMENT_MIN_LENGTH} à {COMMENT_MAX_LENGTH} caractères, espaces du début et de la fin "
        "retirés ; aucun caractère de contrôle).",
    )
    parent_id: Id | None = Field(None, description="Commentaire auquel on répond, le cas échéant.")


class CommentOut(Schema):
    id: int
    contribution_id: int
    parent_id: int | None = Field(description="Commentaire auquel celui-ci répond.")
    category: str = Field(description="Catégorie de la personne qui commente (aucun nom n'est publié).")
    body: str
    created_at: dt.datetime

    @staticmethod
    def resolve_category(comment: Comment) -> str:
        return comment.author_category


class SupportOut(Schema):
    supported: bool = Field(description="Vrai si vous soutenez maintenant cette contribution.")
    supports_count: int = Field(description="Nombre de soutiens de la contribution.")


class Sort(StrEnum):
    RECENT = "recentes"
    SUPPORTED = "soutenues"
    COMMENTED = "commentees"


# Sort → the field that orders it; `-id` breaks ties, so (field, id) is a total order for the cursor.
SORT_FIELDS = {Sort.RECENT: "created_at", Sort.SUPPORTED: "supports_count", Sort.COMMENTED: "comments_count"}


class ContributionFilters(Schema):
    kind: ContributionKind | None = Field(None, description="Ne garder qu'un type de contribution.")
    category: ParticipantCategory | None = Field(None, description="Ne garder qu'une catégorie de participant·es.")
    departement: DepartementCode | None = Field(None, description="Code de département, par exemple 59 ou 2A.")
    sort: Sort = Field(Sort.RECENT, description="Ordre : les plus récentes, soutenues ou commentées d'abord.")
    limit: StrictInt = Field(20, ge=1, le=MAX_LIMIT, description="Nombre de contributions par page (100 au plus).")
    cursor: str | None = Field(None, description="Curseur `next_cursor` de la page précédente.")


# --- Keyset pagination --------------------------------------------------------------------------------


def _encode_cursor(sort: Sort, contribution: Contribution) -> str:
    value = getattr(contribution, SORT_FIELDS[sort])
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    raw = json.dumps([sort.value, value, contribution.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(sort: Sort, cursor: str) -> Q:
    """The condition for rows after the cursor. A cursor from another sort or a damaged one is refused."""
    refused = HttpError(400, "Ce curseur n'est pas valable : repartez de la première page.")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        sort_value, value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if sort_value != sort.value or not isinstance(pk, int):
            raise refused
        if sort == Sort.RECENT:
            value = dt.datetime.fromisoformat(value)
        elif not isinstance(value, int):
            raise refused
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise refused from exc
    field = SORT_FIELDS[sort]
    return Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk})


def _page(queryset, filters: ContributionFilters) -> dict:
    queryset = (
        queryset.published()
        .by_kind(filters.kind)
        .by_category(filters.category)
        .in_departement(filters.departement)
        .select_related("theme")
    )
    field = SORT_FIELDS[filters.sort]
    if filters.cursor:
        queryset = queryset.filter(_decode_cursor(filters.sort, filters.cursor))
    rows = list(queryset.order_by(f"-{field}", "-pk")[: filters.limit + 1])
    has_more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return {
        "items": rows,
        "next_cursor": _encode_cursor(filters.sort, rows[-1]) if has_more else None,
    }


# --- Reads --------------------------------------------------------------------------------------------


@router.get("/themes", response=list[ThemeOut], summary="Liste des thèmes")
def list_themes(request):
    """Tous les thèmes, avec leur phase et leur nombre de contributions publiées."""
    return Theme.objects.select_related("consultation").order_by("consultation", "number")


@router.get("/themes/{theme_id}", response=ThemeDetailOut, summary="Un thème")
def get_theme(request, theme_id: Id):
    return get_object_or_404(Theme.objects.select_related("consultation"), pk=theme_id)


@router.get(
    "/themes/{theme_id}/contributions",
    response={200: ContributionPage, **errors(400)},
    summary="Contributions d'un thème",
)
def list_theme_contributions(request, theme_id: Id, filters: Query[ContributionFilters]):
    """Contributions publiées du thème, page par page (suivre `next_cursor`)."""
    theme = get_object_or_404(Theme, pk=theme_id)
    return _page(Contribution.objects.in_theme(theme), filters)


@router.get(
    "/contributions", response={200: ContributionPage, **errors(400)}, summary="Toutes les contributions publiées"
)
def list_contributions(request, filters: Query[ContributionFilters]):
    """Contributions publiées de tous les thèmes, page par page (suivre `next_cursor`)."""
    return _page(Contribution.objects.all(), filters)


@router.get("/contributions/{contribution_id}", response=ContributionOut, summary="Une contribution")
def get_contribution(request, contribution_id: Id):
    return _published_or_404(contribution_id)


def _published_or_404(contribution_id: int) -> Contribution:
    """The API serves open data: what everyone may read (`rules.CONTRIBUTION_READERS`), whoever asks."""
    return get_object_or_404(
        Contribution.objects.readable_by_everyone().select_related("theme__consultation"), pk=contribution_id
    )


# --- Writes (signed-in, CSRF token required) ----------------------------------------------------------


def _require(request, perm: str, obj, theme: Theme, refusal: str) -> None:
    """403 unless the person may do this now; a closed or upcoming theme says so in its own words."""
    if request.user.has_perm(perm, obj):
        return
    try:
        check_theme_open(theme)
    except ForumError as exc:
        raise HttpError(403, str(exc)) from exc
    raise HttpError(403, refusal)


WRITE_RESPONSES = errors(400, 401, 403, 404)


@router.post(
    "/themes/{theme_id}/contributions",
    auth=django_auth,
    response={201: ContributionCreatedOut, **WRITE_RESPONSES},
    summary="Publier une contribution",
)
def create_contribution(request, theme_id: Id, payload: ContributionIn):
    """Publie une contribution dans un thème ouvert (ou la met en attente si la consultation est modérée)."""
    theme = get_object_or_404(Theme.objects.select_related("consultation"), pk=theme_id)
    _require(request, "consultation.add_contribution", theme, theme, "Vous ne pouvez pas contribuer à ce thème.")
    draft = ContributionDraft(kind=payload.kind, title=payload.title, body=payload.body)
    try:
        contribution = publish_contribution(request.user, theme, draft)
    except ForumError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, contribution)


@router.post(
    "/contributions/{contribution_id}/support",
    auth=django_auth,
    response={200: SupportOut, **WRITE_RESPONSES},
    summary="Soutenir une contribution",
)
def support(request, contribution_id: Id):
    """Ajoute votre soutien. Soutenir deux fois ne compte qu'une fois."""
    contribution = _published_or_404(contribution_id)
    _require(
        request,
        "consultation.support_contribution",
        contribution,
        contribution.theme,
        "Vous ne pouvez pas soutenir votre propre contribution.",
    )
    try:
        support_contribution(request.user, contribution)
    except ForumError as exc:
        raise HttpError(400, str(exc)) from exc
    contribution.refresh_from_db(fields=["supports_count"])
    return {"supported": True, "supports_count": contribution.supports_count}


@router.delete(
    "/contributions/{contribution_id}/support",
    auth=django_auth,
    response={200: SupportOut, **WRITE_RESPONSES},
    summary="Retirer son soutien",
)
def unsupport(request, contribution_id: Id):
    contribution = _published_or_404(contribution_id)
    try:
        check_theme_open(contribution.theme)
    except ForumError as exc:
        raise HttpError(403, str(exc)) from exc
    try:
        withdraw_support(request.user, contribution)
    except ForumError as exc:
        raise HttpError(400, str(exc)) from exc
    contribution.refresh_from_db(fields=["supports_count"])
    return {"supported": False, "supports_count": contribution.supports_count}


@router.post(
    "/contributions/{contribution_id}/comments",
    auth=django_auth,
    response={201: CommentOut, **WRITE_RESPONSES},
    summary="Commenter une contribution",
)
def create_comment(request, contribution_id: Id, payload: CommentIn):
    """Commente une contribution publiée d'un thème ouvert, ou répond à un commentaire."""
    contribution = _published_or_404(contribution_id)
    _require(
        request,
        "consultation.comment_contribution",
        contribution,
        contribution.theme,
        "Vous ne pouvez pas commenter cette contribution.",
    )
    parent = None
    if payload.parent_id is not None:
        parent = (
            Comment.objects.readable_by(request.user).filter(pk=payload.parent_id, contribution=contribution).first()
        )
        if parent is None:
            raise HttpError(404, "Le commentaire auquel vous répondez n'existe pas sur cette contribution.")
    try:
        comment = add_comment(request.user, contribution, payload.body, parent=parent)
    except ForumError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, comment)
