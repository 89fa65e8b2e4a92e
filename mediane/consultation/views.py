"""Views of the forum. Thin: fetch and check access, call one service, redirect or render."""

import datetime as dt
import math
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mediane import downloads, numbers
from mediane.accounts.decorators import charter_required
from mediane.accounts.enums import ParticipantCategory
from mediane.ratelimits import writes_limited

from . import forms
from .enums import ContributionKind, ContributionSource, ContributionStatus
from .forms import CommentForm, ContributionForm, ThemeFilterForm
from .models import Comment, Consultation, Contribution, Support, Theme, ThemeFollow
from .panels import contribution_panels, theme_panels
from .search import excerpt, highlight
from .services import (
    ContributionDraft,
    ForumError,
    add_comment,
    check_theme_open,
    follow_theme,
    publish_contribution,
    support_contribution,
    unfollow_theme,
    withdraw_contribution,
    withdraw_support,
)

# --- Forum (public pages and participation) ---

PAGE_SIZE = 20
FILTERED_COUNT_CAP = 1000
SORT_FIELDS = {"recentes": "created_at", "soutenues": "supports_count", "commentees": "comments_count"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
ONE_MICROSECOND = dt.timedelta(microseconds=1)


def index(request):
    consultations = list(Consultation.objects.order_by("-created_at"))
    themes = Theme.objects.select_related("consultation").order_by("consultation", "number")
    by_consultation: dict[int, list[Theme]] = {}
    for theme in themes:
        by_consultation.setdefault(theme.consultation_id, []).append(theme)
    now = timezone.now()
    for consultation in consultations:
        consultation.theme_list = by_consultation.get(consultation.pk, [])
    return render(request, "consultation/index.html", {"consultations": consultations, "now": now})


def get_theme(consultation_slug: str, theme_slug: str) -> Theme:
    return get_object_or_404(
        Theme.objects.select_related("consultation"), consultation__slug=consultation_slug, slug=theme_slug
    )


def _encode_cursor(row: Contribution, field: str) -> str:
    value = getattr(row, field)
    if isinstance(value, dt.datetime):
        value = (value - EPOCH) // ONE_MICROSECOND
    return f"{value}_{row.pk}"


def _decode_cursor(raw: str | None, field: str) -> tuple | None:
    """A cursor from the query string, or None when absent or tampered with (then page 1 is shown)."""
    value, _, pk = (raw or "").rpartition("_")
    try:
        number = numbers.parse_int(value, minimum=0, maximum=numbers.MAX_ID)
        row = numbers.parse_int(pk, minimum=1, maximum=numbers.MAX_ID)
    except numbers.NumberError:
        return None
    if field == "created_at":
        try:
            return EPOCH + number * ONE_MICROSECOND, row
        except OverflowError:
            return None
    return number, row


def theme_detail(request, consultation, theme):
    theme = get_theme(consultation, theme)
    form = ThemeFilterForm(request.GET)
    filters = form.values()
    sort = filters["tri"] or "recentes"
    field = SORT_FIELDS[sort]
    contributions = (
        Contribution.objects.in_theme(theme)
        .by_kind(filters["type"])
        .by_category(filters["categorie"])
        .in_departement(filters["departement"])
        .defer("body_html", "search_text", "hidden_note")
    )
    backwards = "avant" in request.GET
    cursor = _decode_cursor(request.GET.get("avant" if backwards else "apres"), field)
    backwards = backwards and cursor is not None
    rows, more = contributions.listed_page(field, cursor, backwards=backwards, size=PAGE_SIZE)
    page = numbers.page_number(request.GET.get("p")) if cursor is not None else 1
    has_previous = more if backwards else cursor is not None
    has_next = True if backwards else more
    if backwards and not more:
        page = 1  # walked back to the very first rows, whatever the page number said

    is_filtered = any(filters[name] for name in ("type", "categorie", "departement"))
    if is_filtered:
        total = contributions.listed()[: FILTERED_COUNT_CAP + 1].count()
    else:
        total = theme.published_count
    query = {name: value for name, value in filters.items() if value}
    previous_url = next_url = None
    if rows and has_previous:
        previous_url = "?" + urlencode({**query, "avant": _encode_cursor(rows[0], field), "p": page - 1})
    if rows and has_next:
        next_url = "?" + urlencode({**query, "apres": _encode_cursor(rows[-1], field), "p": page + 1})

    user = request.user
    can_contribute = not user.is_authenticated or user.has_perm("consultation.add_contribution", theme)
    is_following = user.is_authenticated and ThemeFollow.objects.filter(theme=theme, user=user).exists()
    return render(
        request,
        "consultation/theme.html",
        {
            "theme": theme,
            "phase": theme.phase,
            "form": form,
            "sort": sort,
            "contributions": rows,
            "page": page,
            "previous_url": previous_url,
            "next_url": next_url,
            "is_filtered": is_filtered,
            "total": total,
            "total_capped": is_filtered and total > FILTERED_COUNT_CAP,
            "is_following": is_following,
            # Anonymous visitors see the button too: it leads them to sign in.
            "can_contribute": can_contribute,
            # Registered by higher apps (the synthesis): see panels.py.
            "panels": theme_panels(request, theme),
        },
    )


def _split_comments(comments: list[Comment]) -> list[Comment]:
    """Top-level comments, each with `reply_list`: the one reply level, in order."""
    top_level = [comment for comment in comments if comment.parent_id is None]
    by_id = {comment.pk: comment for comment in top_level}
    for comment in top_level:
        comment.reply_list = []
    for comment in comments:
        if comment.parent_id in by_id:
            by_id[comment.parent_id].reply_list.append(comment)
    return top_level


def get_readable_contribution(request, pk: int) -> Contribution:
    """A contribution its visitor may read (`rules.CONTRIBUTION_READERS`), or 404 whatever the reason, so that
    an id tells nothing of what the visitor may not read."""
    return get_object_or_404(Contribution.objects.readable_by(request.user).with_public_relations(), pk=pk)


def contribution_detail(request, pk, comment_form=None):
    """The page of a contribution: the whole of it for whoever may read it, with a word on its state when it is
    not published; for everyone else, the placeholder of a hidden one, and 404 for the rest."""
    user = request.user
    contribution = get_object_or_404(Contribution.objects.shown_to(user).with_public_relations(), pk=pk)
    can_read = user.has_perm("consultation.read", contribution)
    comments: list[Comment] = []
    similar: list[Contribution] = []
    if contribution.is_visible:
        comments = _split_comments(list(Comment.objects.filter(contribution=contribution)))
        for comment in comments:
            for shown in (comment, *comment.reply_list):
                # A hidden comment is a placeholder, except for its author and the moderation team.
                shown.contribution = contribution  # the rule reads it: no query per comment
                shown.can_read = shown.is_visible or user.has_perm("consultation.read", shown)
        similar = Contribution.objects.similar_to(contribution, limit=5)
    has_supported = user.is_authenticated and Support.objects.filter(contribution=contribution, user=user).exists()
    return render(
        request,
        "consultation/contribution_detail.html",
        {
            "contribution": contribution,
            "can_read": can_read,
            "theme": contribution.theme,
            "comments": comments,
            "similar": similar,
            "has_supported": has_supported,
            "can_support": user.has_perm("consultation.support_contribution", contribution),
            "can_comment": user.has_perm("consultation.comment_contribution", contribution),
            "can_withdraw": user.has_perm("consultation.withdraw_contribution", contribution),
            "can_report": user.has_perm("consultation.report", contribution),
            "comment_form": comment_form or CommentForm(),
            # Registered by higher apps (the roadmap: what it became): see panels.py.
            "panels": contribution_panels(request, contribution) if contribution.is_visible else [],
        },
    )


def similar_panel(request, theme: Theme, similar: list[Contribution], seen: list[int], assisted: bool = False):
    """What the close-contributions panel shows of `similar`, and the ids it records as seen. One query at most.

    A mediator's panel has no support button: their support would not be the person's.
    """
    user = request.user
    supported: set[int] = set()
    if similar and not assisted:
        supported = set(
            Support.objects.filter(user=user, contribution__in=[row.pk for row in similar]).values_list(
                "contribution_id", flat=True
            )
        )
    for row in similar:
        row.theme = theme  # the support rule reads the theme's phase: no query per row
        row.is_own = row.author_id == user.pk
        row.has_supported = row.pk in supported
        row.can_support = not (assisted or row.is_own) and user.has_perm("consultation.support_contribution", row)
    shown = [row.pk for row in similar]
    seen = list(dict.fromkeys([*seen, *shown]))[-forms.IdListField.MAX_IDS :]
    return {
        "similar": similar,
        "similar_assisted": assisted,
        "similar_seen": ",".join(map(str, seen)),
        "similar_shown": ",".join(map(str, shown)),
    }


@charter_required
@writes_limited
def contribute(request, consultation, theme):
    """The contribution form. Before publishing, the person sees the close contributions they have not seen yet.

    The live panel (htmx, `similar_draft`) shows them while typing; without JavaScript, or if some were
    never shown, a confirmation step lists them with « Publier quand même » and « Modifier mon texte ».
    """
    theme = get_theme(consultation, theme)
    try:
        check_theme_open(theme)
    except ForumError as error:
        messages.error(request, str(error))
        return redirect(theme)
    form = ContributionForm(request.POST or None)
    similar: list[Contribution] = []
    seen: list[int] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft = ContributionDraft(kind=data["kind"], title=data["title"], body=data["body"])
        seen = data["similar_seen"]
        if "publish_anyway" not in request.POST:
            similar = Contribution.objects.similar_to_text(theme, f"{draft.title}\n{draft.body}")
        editing = "edit" in request.POST  # back to the form, filled in, the close contributions still in view
        if not editing and any(row.pk not in seen for row in similar):
            context = {
                "theme": theme,
                "form": form,
                "kind_label": ContributionKind(draft.kind).label,
                **similar_panel(request, theme, similar, seen),
            }
            return render(request, "consultation/contribution_confirm.html", context)
        elif not editing:
            try:
                contribution = publish_contribution(request.user, theme, draft)
            except ForumError as error:
                form.add_error(None, str(error))
            else:
                if contribution.status == ContributionStatus.PENDING:
                    messages.success(
                        request,
                        "Merci ! Votre contribution est en attente de modération : "
                        "elle sera publiée dès qu'un·e modérateur·rice l'aura relue.",
                    )
                else:
                    messages.success(request, "Merci ! Votre contribution est publiée.")
                return redirect(contribution)
    elif form.is_bound:
        seen = form.cleaned_data.get("similar_seen", [])  # what was seen stays seen through a correction
    context = {"theme": theme, "form": form, **similar_panel(request, theme, similar, seen)}
    return render(request, "consultation/contribution_form.html", context)


@require_POST
def similar_draft(request, consultation, theme, assisted=False):
    """The close contributions of a draft, as an HTML fragment for the panel of the contribution form.

    Called by htmx as the person types (POST, so that drafts stay out of URLs and logs). Same rules as the
    form it serves. When the panel already shows these contributions, answers 204: nothing to swap or announce.
    """
    theme = get_theme(consultation, theme)
    perm = "consultation.add_assisted_contribution" if assisted else "consultation.add_contribution"
    if not request.user.has_perm(perm, theme):
        raise PermissionDenied("Vous ne pouvez pas contribuer à ce thème.")
    lookup = forms.SimilarLookupForm(request.POST)
    lookup.is_valid()  # every field is optional and read leniently
    similar = Contribution.objects.similar_to_text(theme, lookup.draft_text())
    if [row.pk for row in similar] == lookup.cleaned_data["similar_shown"]:
        return HttpResponse(status=204)
    context = similar_panel(request, theme, similar, lookup.cleaned_data["similar_seen"], assisted=assisted)
    return render(request, "consultation/similar_fragment.html", context)


@login_required
@writes_limited
def withdraw(request, pk):
    contribution = get_readable_contribution(request, pk)
    if not request.user.has_perm("consultation.withdraw_contribution", contribution):
        raise PermissionDenied("Seul·e l'auteur·rice d'une contribution peut la retirer, tant que le thème est ouvert.")
    if request.method == "POST":
        try:
            withdraw_contribution(request.user, contribution)
        except ForumError as error:
            messages.error(request, str(error))
            return redirect(contribution)
        messages.success(request, "Votre contribution est retirée : elle n'apparaît plus sur le forum.")
        return redirect(contribution.theme)
    context = {"contribution": contribution, "theme": contribution.theme}
    return render(request, "consultation/withdraw_confirm.html", context)


@require_POST
@login_required
@writes_limited
def support(request, pk):
    contribution = get_readable_contribution(request, pk)
    # The form says what the person wants, so a double click or a resent form never undoes it.
    try:
        if request.POST.get("action") == "retirer":
            withdraw_support(request.user, contribution)
            messages.success(request, "Votre soutien est retiré.")
        else:
            support_contribution(request.user, contribution)
            messages.success(request, "Merci, votre soutien est enregistré.")
    except ForumError as error:
        messages.error(request, str(error))
    return redirect(f"{contribution.get_absolute_url()}#soutiens")


@require_POST
@login_required
@writes_limited
def comment(request, pk):
    contribution = get_readable_contribution(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = (
                Comment.objects.readable_by(request.user)
                .select_related("parent")
                .filter(contribution=contribution, pk=form.cleaned_data["parent"])
                .first()
            )
        try:
            created = add_comment(request.user, contribution, form.cleaned_data["body"], parent=parent)
        except ForumError as error:
            # Refusals that are not about the text (closed theme, charter): the form may not even show.
            messages.error(request, str(error))
            return redirect(contribution)
        else:
            messages.success(request, "Merci, votre commentaire est publié.")
            return redirect(f"{contribution.get_absolute_url()}#commentaire-{created.pk}")
    response = contribution_detail(request, pk, comment_form=form)
    response.status_code = 400
    return response


@require_POST
@login_required
@writes_limited
def follow(request, consultation, theme):
    theme = get_theme(consultation, theme)
    if unfollow_theme(request.user, theme):
        messages.success(request, "Vous ne suivez plus ce thème : vous ne recevrez plus ses nouveautés.")
    else:
        follow_theme(request.user, theme)
        messages.success(
            request,
            "Vous suivez ce thème : vous recevrez par e-mail un résumé de ses nouvelles contributions.",
        )
    return redirect(theme)


# --- end Forum ---

# --- Search and open data ---

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_PAGES = 50
SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    """Full-text search of published contributions, with theme and kind filters; works without JavaScript."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    themes = list(Theme.objects.select_related("consultation").order_by("consultation", "number"))
    theme = next((t for t in themes if str(t.pk) == request.GET.get("theme", "")), None)
    kind = request.GET.get("type", "")
    kind = kind if kind in ContributionKind.values else ""
    context = {
        "query": query,
        "themes": themes,
        "selected_theme": theme,
        "kinds": ContributionKind.choices,
        "selected_kind": kind,
        "results": [],
        "total": 0,
    }
    if query:
        scope = Contribution.objects.by_kind(kind)
        if theme is not None:
            scope = scope.in_theme(theme)
        results, terms = scope.search(query)
        if not terms:
            context["hint"] = (
                "Ces mots sont trop courants pour être recherchés. "
                "Essayez un mot plus précis, par exemple « atelier » ou « médiathèque »."
            )
        else:
            # The ranked ids are read once, capped past the last reachable page: they give both the count
            # and the page, so the full-text match and its ranking run a single time.
            reachable = SEARCH_PAGE_SIZE * SEARCH_MAX_PAGES
            ranked_ids = list(results.values_list("pk", flat=True)[: reachable + 1])
            total = len(ranked_ids)
            page_count = min(math.ceil(total / SEARCH_PAGE_SIZE), SEARCH_MAX_PAGES)
            page = min(numbers.page_number(request.GET.get("page")), max(page_count, 1))
            offset = (page - 1) * SEARCH_PAGE_SIZE
            page_ids = ranked_ids[offset : offset + SEARCH_PAGE_SIZE]
            by_id = Contribution.objects.select_related("theme__consultation").in_bulk(page_ids)
            rows = [by_id[pk] for pk in page_ids if pk in by_id]
            for row in rows:
                row.title_html = highlight(row.title, terms)
                row.excerpt_html = excerpt(row.body, terms)
            context.update(
                results=rows,
                total=total,
                more_than_reachable=total > reachable,
                page=page,
                page_count=page_count,
                page_window=range(max(1, page - 2), min(page_count, page + 2) + 1),
                first_rank=offset + 1,
            )
    return render(request, "consultation/search.html", context)


# Open data: one definition of the columns for the page, the CSV and the JSON export.
OPEN_DATA_COLUMNS = [
    ("id", "Identifiant de la contribution (stable)."),
    ("consultation", "Adresse courte de la consultation."),
    ("theme_numero", "Numéro du thème."),
    ("theme_titre", "Titre du thème."),
    ("type", "Retour d'expérience, point de vigilance ou proposition."),
    ("titre", "Titre de la contribution."),
    ("texte", "Texte de la contribution, tel qu'écrit."),
    ("categorie", "Catégorie de la personne (professionnel·le de bibliothèque, élu·e, usager·e…)."),
    ("departement", "Code du département de la personne, s'il est connu."),
    ("origine", "En ligne, recueillie par un·e médiateur·rice, fiche d'atelier ou import."),
    ("soutiens", "Nombre de soutiens."),
    ("commentaires", "Nombre de commentaires."),
    ("cree_le", "Date et heure d'écriture (ISO 8601, UTC)."),
    ("publie_le", "Date et heure de publication (ISO 8601, UTC)."),
]
OPEN_DATA_CHUNK = 2000


def _open_data_rows():
    """Published contributions as export rows, read in chunks so memory stays flat whatever the volume.

    Only these columns are read: no name, e-mail or account id can leak into the files.
    """
    kinds = dict(ContributionKind.choices)
    categories = dict(ParticipantCategory.choices)
    sources = dict(ContributionSource.choices)
    rows = (
        Contribution.objects.published()
        .order_by("pk")
        .values_list(
            "pk",
            "theme__consultation__slug",
            "theme__number",
            "theme__title",
            "kind",
            "title",
            "body",
            "author_category",
            "author_departement",
            "source",
            "supports_count",
            "comments_count",
            "created_at",
            "published_at",
        )
    )
    for row in rows.iterator(chunk_size=OPEN_DATA_CHUNK):
        (pk, consultation, number, theme_title, kind, title, body, category, departement, source) = row[:10]
        supports, comments, created_at, published_at = row[10:]
        yield [
            pk,
            consultation,
            number,
            theme_title,
            str(kinds.get(kind, kind)),
            title,
            body,
            str(categories.get(category, "")),
            departement,
            str(sources.get(source, source)),
            supports,
            comments,
            created_at.isoformat(),
            published_at.isoformat() if published_at else "",
        ]


def open_data(request):
    total = Theme.objects.aggregate(total=Sum("published_count"))["total"] or 0
    return render(request, "consultation/open_data.html", {"columns": OPEN_DATA_COLUMNS, "total": total})


def open_data_csv(request):
    """The published contributions as CSV; text that a spreadsheet would run as a formula is neutralised there."""
    header = [name for name, _ in OPEN_DATA_COLUMNS]
    return downloads.csv_download(_open_data_rows(), "mediane-contributions.csv", header=header)


def open_data_json(request):
    names = [name for name, _ in OPEN_DATA_COLUMNS]
    return downloads.json_download(_open_data_rows(), names, "mediane-contributions.json")


# --- end Search and open data ---
