"""Views of the synthesis: the organisers' and working group's pages (runs of a theme, a run and its progress, a
topic, the edits) and the public page of a theme's published synthesis. Thin: fetch and check access, call one
service, then redirect or render. Every page runs a constant number of queries (asserted in the tests).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.consultation.enums import ContributionKind
from mediane.consultation.models import Theme
from mediane.french import count_phrase
from mediane.jobs import runner

from . import reports, services, services_topics
from .enums import EditAction, RunStatus, TopicKind
from .forms import LaunchForm, MemberFilterForm, MergeForm, RenameForm
from .models import SynthesisRun, Topic
from .services import SynthesisError

MEMBERS_PAGE_SIZE = 50
RUNS_SHOWN = 50
PROPOSALS_SHOWN = 10
VIGILANCE_PER_TOPIC = 5
DUPLICATE_GROUPS_SHOWN = 20
CAMPAIGNS_SHOWN = 10
DEPARTEMENTS_SHOWN = 10
VIGILANCE_LABEL = str(ContributionKind.VIGILANCE.label)


def theme_panel(request, theme: Theme):
    """The theme page's synthesis panel (registered in apps.py): the published synthesis, and for organisers and
    the working group the theme's runs. No query: the phase and the roles are already known."""
    can_read_runs = request.user.has_perm("synthesis.view_runs")
    published = theme.synthesis_published_at is not None
    if not (published or can_read_runs):
        return None
    return {"theme": theme, "published": published, "can_read_runs": can_read_runs}


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _get_theme(consultation: str, theme: str) -> Theme:
    return get_object_or_404(Theme.objects.select_related("consultation"), consultation__slug=consultation, slug=theme)


def _get_run(pk: int) -> SynthesisRun:
    """The run, after retrying or failing it if its process died (no query when it is alive or finished)."""
    run = get_object_or_404(SynthesisRun.objects.select_related("theme__consultation", "launched_by"), pk=pk)
    return runner.check_alive(run)


def _figures(run: SynthesisRun) -> dict:
    """The engine's figures as the page shows them: the topic counts tried, with their scores, in order."""
    figures = run.figures or {}
    chosen = figures.get("chosen_k")
    scores = []
    for k, score in (figures.get("k_scores") or {}).items():
        count = numbers.query_int(str(k), default=0, minimum=1)
        if count:
            scores.append((count, score, count == chosen))
    return {**figures, "k_score_rows": sorted(scores), "warnings": figures.get("warnings") or []}


def _group(overview: list[reports.TopicSummary], kind: str) -> reports.TopicSummary | None:
    return next((summary for summary in overview if summary.topic.kind == kind), None)


def _results(run: SynthesisRun) -> dict:
    """Everything a succeeded run's page shows, read through `reports` (a constant number of queries)."""
    overview = reports.topic_overview(run)
    topics = [summary for summary in overview if summary.topic.kind == TopicKind.TOPIC]
    vigilance_totals = {summary.topic.pk: summary.kinds.get(VIGILANCE_LABEL, 0) for summary in overview}
    vigilance = [
        (topic, contributions, vigilance_totals.get(topic.pk, len(contributions)))
        for topic, contributions in reports.vigilance_points(run, per_topic=VIGILANCE_PER_TOPIC)
    ]
    breakdown = reports.breakdowns(run, overview)
    duplicates = reports.duplicate_groups(run)
    campaigns = reports.campaigns(duplicates)
    return {
        "topics": topics,
        "short_answers": reports.short_answers(overview),
        "other": _group(overview, TopicKind.OTHER),
        "non_informative": _group(overview, TopicKind.NON_INFORMATIVE),
        "breakdown": breakdown,
        "kinds_shown": reports.with_shares(breakdown.by_kind, breakdown.total),
        "categories_shown": reports.with_shares(breakdown.by_category, breakdown.total),
        "departements_shown": reports.with_shares(breakdown.by_departement[:DEPARTEMENTS_SHOWN], breakdown.total),
        "departements_more": reports.with_shares(breakdown.by_departement[DEPARTEMENTS_SHOWN:], breakdown.total),
        "proposals": reports.top_proposals(run, limit=PROPOSALS_SHOWN),
        "vigilance": vigilance,
        "vigilance_per_topic": VIGILANCE_PER_TOPIC,
        "campaigns": campaigns[:CAMPAIGNS_SHOWN],
        "campaigns_more": max(0, len(campaigns) - CAMPAIGNS_SHOWN),
        "pairs": len(duplicates) - len(campaigns),
        "duplicates": duplicates[:DUPLICATE_GROUPS_SHOWN],
        "duplicates_more": max(0, len(duplicates) - DUPLICATE_GROUPS_SHOWN),
        "figures": _figures(run),
    }


# --- Organisers and working group ---------------------------------------------------------------------------------


@login_required
def index(request):
    """Every theme with its latest run and its published one: where organisers start."""
    _require(request.user, "synthesis.view_runs")
    runs = SynthesisRun.objects.filter(theme=OuterRef("pk")).order_by("-created_at", "-id")
    published = SynthesisRun.objects.published().filter(theme=OuterRef("pk"))
    themes = list(
        Theme.objects.select_related("consultation")
        .annotate(
            last_run_id=Subquery(runs.values("pk")[:1]),
            last_run_status=Subquery(runs.values("status")[:1]),
            last_run_at=Subquery(runs.values("created_at")[:1]),
            published_run_id=Subquery(published.values("pk")[:1]),
        )
        .order_by("consultation", "number")
    )
    for theme in themes:
        theme.last_run_status_label = RunStatus(theme.last_run_status).label if theme.last_run_status else ""
    return render(request, "synthesis/index.html", {"themes": themes})


@login_required
def theme_runs(request, consultation, theme):
    """The runs of a theme, and for organisers the form that launches a new one."""
    theme = _get_theme(consultation, theme)
    user = request.user
    _require(user, "synthesis.view_runs")
    can_manage = user.has_perm("synthesis.manage_synthesis")
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = LaunchForm(request.POST or None) if can_manage else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            run = services.launch_synthesis(theme, user, **form.cleaned_data)
        except SynthesisError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"La synthèse n° {run.pk} est lancée. Cette page montre son avancement.")
            return redirect(run)
    runs = list(
        SynthesisRun.objects.filter(theme=theme)
        .select_related("launched_by")
        .annotate(topics_count=Count("topics", filter=Q(topics__kind=TopicKind.TOPIC)))
        .order_by("-created_at", "-id")[:RUNS_SHOWN]
    )
    for run in runs:
        runner.check_alive(run)
    context = {"theme": theme, "runs": runs, "form": form, "can_manage": can_manage}
    return render(request, "synthesis/theme_runs.html", context)


@login_required
def run_detail(request, pk, merge_form=None):
    """A run: its progress while it works, its error if it failed, its result, the edits and publication."""
    run = _get_run(pk)
    user = request.user
    _require(user, "synthesis.view_runs")
    can_manage = user.has_perm("synthesis.manage_synthesis")
    context = {
        "run": run,
        "theme": run.theme,
        "can_manage": can_manage,
        "launched_before_closing": run.created_at < run.theme.closes_at,
        "edits": list(run.edits.select_related("actor")),
    }
    if run.status == RunStatus.SUCCEEDED:
        context.update(_results(run))
        if can_manage:
            choices = [(summary.topic.pk, summary.topic.label) for summary in context["topics"]]
            context["merge_form"] = merge_form or MergeForm(choices=choices)
    return render(request, "synthesis/run.html", context)


@login_required
def run_progress(request, pk):
    """The progress fragment that htmx asks for every 2 seconds; when the run ends, htmx reloads the page."""
    run = _get_run(pk)
    _require(request.user, "synthesis.view_runs")
    if not request.headers.get("HX-Request"):
        return redirect(run)
    response = render(request, "synthesis/components/progress.html", {"run": run})
    if not run.is_active:
        response["HX-Refresh"] = "true"
    return response


def topic_detail(request, pk, rename_form=None):
    """A topic and all its published contributions, page by page; organisers rename and split it here.

    Readable by everyone once its run is published, otherwise by organisers and the working group.
    """
    topic = get_object_or_404(
        Topic.objects.select_related("run__theme__consultation", "sentence_contribution").defer(
            *reports.SENTENCE_HEAVY_FIELDS
        ),
        pk=pk,
    )
    run = topic.run
    user = request.user
    if not user.has_perm("synthesis.view_run", run):
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    filters = MemberFilterForm(request.GET)
    kind = filters.kind()
    page = Paginator(reports.topic_members(topic, kind), MEMBERS_PAGE_SIZE).get_page(
        numbers.page_number(request.GET.get("page"))
    )
    reads_runs = user.has_perm("synthesis.view_runs")
    can_edit = (
        user.has_perm("synthesis.manage_synthesis")
        and run.status == RunStatus.SUCCEEDED
        and topic.kind == TopicKind.TOPIC
    )
    context = {
        "topic": topic,
        "sentence": reports.sentence(topic),
        "run": run,
        "theme": run.theme,
        "page": page,
        "filters": filters,
        "kind": kind,
        "reads_runs": reads_runs,
        "can_edit": can_edit,
        "rename_form": rename_form or (RenameForm(initial={"label": topic.label}) if can_edit else None),
    }
    return render(request, "synthesis/topic.html", context)


@require_POST
@login_required
def rename(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    _require(request.user, "synthesis.manage_synthesis")
    form = RenameForm(request.POST)
    if form.is_valid():
        try:
            services_topics.rename_topic(request.user, topic, form.cleaned_data["label"])
        except SynthesisError as error:
            form.add_error("label", str(error))
        else:
            messages.success(request, f"Le sujet s'appelle désormais « {topic.label} ».")
            return redirect("synthesis:topic", pk=topic.pk)
    return topic_detail(request, pk, rename_form=form)


@require_POST
@login_required
def split(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("run"), pk=pk)
    _require(request.user, "synthesis.manage_synthesis")
    try:
        first, second = services_topics.split_topic(request.user, topic)
    except SynthesisError as error:
        messages.error(request, str(error))
        return redirect("synthesis:topic", pk=topic.pk)
    messages.success(
        request,
        f"Le sujet est scindé en deux : « {first.label} » ({first.size}) et « {second.label} » ({second.size}). "
        "Renommez-les si besoin.",
    )
    return redirect(f"{topic.run.get_absolute_url()}#sujet-{first.pk}")


@require_POST
@login_required
def merge(request, pk):
    run = _get_run(pk)
    _require(request.user, "synthesis.manage_synthesis")
    choices = Topic.objects.filter(run=run, kind=TopicKind.TOPIC).values_list("pk", "label")
    form = MergeForm(request.POST, choices=choices)
    if form.is_valid():
        topics = list(Topic.objects.filter(run=run, pk__in=form.cleaned_data["topics"]))
        try:
            merged = services_topics.merge_topics(request.user, topics, form.cleaned_data["label"])
        except SynthesisError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Les {len(topics)} sujets sont réunis en « {merged.label} » "
                f"({count_phrase(merged.size, 'contribution')}).",
            )
            return redirect(f"{run.get_absolute_url()}#sujet-{merged.pk}")
    return run_detail(request, pk, merge_form=form)


@require_POST
@login_required
def publish(request, pk):
    run = _get_run(pk)
    _require(request.user, "synthesis.manage_synthesis")
    try:
        services.publish_run(request.user, run)
    except SynthesisError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "La synthèse est publiée : elle est visible de tous sur la page du thème.")
    return redirect(run)


@require_POST
@login_required
def unpublish(request, pk):
    run = _get_run(pk)
    _require(request.user, "synthesis.manage_synthesis")
    try:
        services.unpublish_run(request.user, run)
    except SynthesisError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "La synthèse n'est plus publiée : la page du thème ne la montre plus.")
    return redirect(run)


# --- Public ------------------------------------------------------------------------------------------------------


def published(request, consultation, theme):
    """The published synthesis of a theme, for everyone: every claim links to the contributions behind it."""
    theme = _get_theme(consultation, theme)
    run = reports.published_run(theme)
    if run is None:
        raise Http404("Ce thème n'a pas encore de synthèse publiée.")
    # The launch's entry names the method's settings (backend, seed): those belong to the organisers' page.
    edits = list(run.edits.exclude(action=EditAction.LAUNCH))
    context = {"run": run, "theme": theme, "edits": edits, "public": True, **_results(run)}
    return render(request, "synthesis/published.html", context)
