"""The organisers' pages of the roadmap (perm `roadmap.manage`): the actions as a tree, their forms, milestones and
links, actions made from a decision or a contribution, the CSV export and import, stages, axes and statuses.

Thin views: check the permission, fetch, call one service, redirect or render. The services' French messages go
back on the form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mediane import downloads
from mediane.consultation.models import Contribution
from mediane.french import count_phrase

from . import services, services_bulk
from .forms import (
    ActionForm,
    AxisForm,
    FromDecisionForm,
    ImportForm,
    LinksForm,
    MilestoneForm,
    PlaceForm,
    ProgressForm,
    StageForm,
    StatusForm,
    adopted_decisions,
    published_topics,
)
from .models import Action, Axis, Milestone, Stage, Status
from .services import ActionData, RoadmapError


def _require(request) -> None:
    if not request.user.has_perm("roadmap.manage"):
        raise PermissionDenied


@dataclass
class Node:
    action: Action
    children: list[Node] = field(default_factory=list)


@dataclass
class Group:
    """The actions of one stage and one axis, as a tree."""

    stage: Stage
    axis: Axis
    nodes: list[Node]


def action_tree(actions: list[Action]) -> list[Group]:
    """The actions grouped by their root's stage and axis, each a tree: built in Python from one list."""
    nodes = {action.pk: Node(action) for action in actions}
    groups: dict[tuple[int, int], Group] = {}
    for action in actions:
        node = nodes[action.pk]
        if action.parent_id is not None and action.parent_id in nodes:
            nodes[action.parent_id].children.append(node)
            continue
        key = (action.stage_id, action.axis_id)
        if key not in groups:
            groups[key] = Group(action.stage, action.axis, [])
        groups[key].nodes.append(node)
    return sorted(groups.values(), key=lambda g: (g.stage.position, g.stage.pk, g.axis.position, g.axis.pk))


@login_required
def manage(request):
    """Every action as a tree by stage and axis, with its status and progress. Two queries whatever their number."""
    _require(request)
    actions = list(Action.objects.select_related("stage", "axis", "status"))
    return render(request, "roadmap/manage/index.html", {"groups": action_tree(actions), "total": len(actions)})


def _get_action(request, pk) -> Action:
    return get_object_or_404(Action.objects.readable_by(request.user).with_labels(), pk=pk)


def _typed_progress(action: Action | None, status, progress: int | None) -> int | None:
    """The progress the organiser means. The form shows the current progress; left as it is while the status
    changes, the new status' default applies (as in Decidim, where choosing a status fills the progress)."""
    if action is None or progress is None:
        return progress
    if progress == action.progress and status != action.status:
        return None
    return progress


def _action_data(form: ActionForm, action: Action | None) -> ActionData:
    data = form.cleaned_data
    return ActionData(
        title=data["title"],
        description=data["description"],
        stage=data["stage"],
        axis=data["axis"],
        parent=data["parent"],
        status=data["status"],
        progress=_typed_progress(action, data["status"], data.get("progress")),
        weight=data["weight"],
        start_date=data["start_date"],
        end_date=data["end_date"],
        position=data["position"],
        owners=form.owner_structures(),
        indicator=data.get("indicator") or "",
        indicator_target=data.get("indicator_target"),
    )


def _action_form_page(request, action: Action | None):
    is_parent = action is not None and action.children.exists()
    initial = {"weight": "1", "position": 0}
    if action is not None:
        initial = {
            "title": action.title,
            "description": action.description,
            "stage": action.stage,
            "axis": action.axis,
            "parent": action.parent,
            "status": action.status,
            "progress": action.progress,
            "weight": str(action.weight.normalize()).replace(".", ","),
            "start_date": action.start_date,
            "end_date": action.end_date,
            "position": action.position,
            "owners": [str(pk) for pk in action.owners.values_list("pk", flat=True)],
            "indicator": action.indicator,
            "indicator_target": action.indicator_target,
        }
    form = ActionForm(request.POST or None, action=action, is_parent=is_parent, initial=initial)
    searching = "chercher" in request.POST
    if request.method == "POST" and not searching and form.is_valid():
        try:
            if action is None:
                action = services.create_action(request.user, _action_data(form, None))
                messages.success(request, f"L'action « {action.title} » est créée.")
            else:
                services.update_action(
                    request.user, Action.objects.with_labels().get(pk=action.pk), _action_data(form, action)
                )
                messages.success(request, f"L'action « {action.title} » est enregistrée.")
        except RoadmapError as error:
            form.add_error(None, str(error))
        else:
            return redirect("roadmap:manage")
    if searching:
        form.errors.clear()
    return render(
        request,
        "roadmap/manage/action_form.html",
        {
            "form": form,
            "action": action,
            "is_parent": is_parent,
            "page_title": f"Modifier l'action « {action.title} »" if action else "Ajouter une action",
        },
    )


@login_required
def action_create(request):
    _require(request)
    return _action_form_page(request, None)


@login_required
def action_edit(request, pk):
    _require(request)
    return _action_form_page(request, _get_action(request, pk))


@login_required
def action_delete(request, pk):
    """A confirmation page; the POST removes an action without sub-actions."""
    _require(request)
    action = _get_action(request, pk)
    children = action.children.count()
    if request.method == "POST":
        try:
            services.delete_action(request.user, action)
        except RoadmapError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"L'action « {action.title} » est supprimée.")
            return redirect("roadmap:manage")
    return render(request, "roadmap/manage/action_delete.html", {"action": action, "children": children})


@login_required
def action_progress(request, pk):
    """The quick « Avancement » form: a status and, on an action without sub-actions, a progress."""
    _require(request)
    action = _get_action(request, pk)
    is_parent = action.children.exists()
    # An action measured by an indicator takes its progress from it: only its status is typed here.
    form = ProgressForm(
        request.POST or None,
        is_parent=is_parent or bool(action.indicator),
        initial={"status": action.status, "progress": action.progress},
    )
    if request.method == "POST" and form.is_valid():
        try:
            status = form.cleaned_data["status"]
            progress = _typed_progress(action, status, form.cleaned_data.get("progress"))
            services.change_progress(request.user, action, status=status, progress=progress)
        except RoadmapError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"L'avancement de « {action.title} » est enregistré : {action.progress} %.")
            return redirect("roadmap:manage")
    return render(
        request,
        "roadmap/manage/progress_form.html",
        {"form": form, "action": action, "is_parent": is_parent, "page_title": f"Avancement de « {action.title} »"},
    )


@login_required
def milestone_create(request, pk):
    """The action's milestones, each with a delete button, and the form that adds one."""
    _require(request)
    action = _get_action(request, pk)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_milestone(
                request.user, action, date=data["date"], title=data["title"], description=data["description"]
            )
        except RoadmapError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"L'étape « {data['title']} » est ajoutée à « {action.title} ».")
            return redirect("roadmap:milestone_create", pk=action.pk)
    return render(
        request,
        "roadmap/manage/milestones.html",
        {
            "form": form,
            "action": action,
            "milestones": list(action.milestones.all()),
            "page_title": f"Étapes franchies de « {action.title} »",
            "submit": "Ajouter l'étape",
        },
    )


@login_required
@require_POST
def milestone_delete(request, pk):
    _require(request)
    milestone = get_object_or_404(Milestone.objects.select_related("action"), pk=pk)
    services.delete_milestone(request.user, milestone)
    messages.success(request, f"L'étape « {milestone.title} » est supprimée.")
    return redirect("roadmap:milestone_create", pk=milestone.action_id)


@login_required
def action_links(request, pk):
    """What the action comes from: contributions by number, decisions, topics of published syntheses."""
    _require(request)
    action = _get_action(request, pk)
    decisions = list(adopted_decisions())
    topics = list(published_topics())
    visible = list(action.contributions.readable_by_everyone().values_list("pk", flat=True))
    initial = {
        "contributions": ", ".join(str(pk) for pk in visible),
        "decisions": [str(pk) for pk in action.decisions.values_list("pk", flat=True)],
        "topics": [str(pk) for pk in action.topics.values_list("pk", flat=True)],
    }
    form = LinksForm(request.POST or None, decisions=decisions, topics=topics, initial=initial)
    if request.method == "POST" and form.is_valid():
        numbers_typed = form.cleaned_data["contributions"]
        found = Contribution.objects.readable_by_everyone().filter(pk__in=numbers_typed)
        missing = sorted(set(numbers_typed) - {row.pk for row in found})
        if missing:
            form.add_error(
                "contributions",
                f"Aucune contribution publiée ne porte le numéro {', '.join(map(str, missing))} : vérifiez-le.",
            )
        else:
            # Links to contributions hidden since stay: the public never sees them, the history keeps them.
            hidden = action.contributions.exclude(pk__in=action.contributions.readable_by_everyone().values("pk"))
            services.set_links(
                request.user,
                action,
                contributions=[*found, *hidden],
                decisions=[row for row in decisions if str(row.pk) in form.cleaned_data["decisions"]],
                topics=[row for row in topics if str(row.pk) in form.cleaned_data["topics"]],
            )
            messages.success(request, f"Les origines de « {action.title} » sont enregistrées.")
            return redirect("roadmap:manage")
    return render(
        request,
        "roadmap/manage/links_form.html",
        {"form": form, "action": action, "page_title": f"Origines de « {action.title} »"},
    )


def _create_from(request, form: PlaceForm, make, source: str, template: str, context: dict):
    """The one step of an action made from a source: `make(stage, axis, parent)` calls the service."""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = make(data, stage=data["stage"], axis=data["axis"], parent=data["parent"])
        except RoadmapError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"L'action « {action.title} » est créée à partir de {source}.")
            return redirect("roadmap:action_edit", pk=action.pk)
    return render(request, template, {"form": form, "submit": "Créer l'action", **context})


@login_required
def action_from_decision(request):
    """One step: choose an adopted decision of a held meeting, a stage, an axis and a parent; the action is made."""
    _require(request)
    form = FromDecisionForm(request.POST or None, initial={"decision": request.GET.get("decision")})

    def make(data, **place):
        return services.create_action_from_decision(request.user, data["decision"], **place)

    context = {"page_title": "Créer une action depuis une décision"}
    return _create_from(request, form, make, "la décision", "roadmap/manage/from_decision.html", context)


@login_required
def action_from_contribution(request, pk):
    """One step: a published contribution becomes an action, with the link kept."""
    _require(request)
    contribution = get_object_or_404(Contribution.objects.readable_by_everyone(), pk=pk)

    def make(data, **place):
        return services.create_action_from_contribution(request.user, contribution, **place)

    context = {
        "contribution": contribution,
        "page_title": f"Créer une action depuis la contribution n° {contribution.pk}",
    }
    form = PlaceForm(request.POST or None)
    return _create_from(request, form, make, "la contribution", "roadmap/manage/from_contribution.html", context)


@login_required
def export_csv(request):
    _require(request)
    return downloads.csv_download(
        services_bulk.export_rows(),
        "feuille-de-route-actions.csv",
        header=services_bulk.COLUMNS,
        delimiter=";",  # with the BOM, what a French spreadsheet program opens as columns
        bom=True,
    )


@login_required
def import_csv(request):
    """Upload a CSV of actions: everything is checked, then written at once, or nothing; the report lists the
    errors by line."""
    _require(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        # One byte past the limit is enough for the service to refuse the file in its own words.
        data = form.cleaned_data["file"].read(services_bulk.MAX_BYTES + 1)
        report = services_bulk.import_actions(request.user, data, dry_run=form.cleaned_data["dry_run"])
        if not report.errors and not report.dry_run:
            messages.success(
                request,
                f"Import terminé : {count_phrase(report.created, 'action créée', 'actions créées')}, "
                f"{count_phrase(report.updated, 'modifiée')}, {count_phrase(report.unchanged, 'inchangée')}.",
            )
            return redirect("roadmap:manage")
    return render(
        request,
        "roadmap/manage/import.html",
        {
            "form": form,
            "report": report,
            "columns": services_bulk.COLUMNS,
            "max_rows": services_bulk.MAX_ROWS,
            "export_url": reverse("roadmap:export_csv"),
            "page_title": "Importer les actions (CSV)",
            "submit": "Importer le fichier",
            "multipart": True,
        },
    )


# --- Stages, axes and statuses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """One of the organisers' lists: its model, form, service and the words of its pages."""

    model: type
    form: type
    save: object
    plural: str  # « Étapes »
    new: str  # « Ajouter une étape »
    name: str  # « l'étape »
    prefix: str  # the URL names' prefix: « stage »
    list_name: str  # « stages »


VOCABULARIES = {
    "stage": Vocabulary(
        Stage, StageForm, services.save_stage, "Étapes", "Ajouter une étape", "l'étape", "stage", "stages"
    ),
    "axis": Vocabulary(Axis, AxisForm, services.save_axis, "Axes", "Ajouter un axe", "l'axe", "axis", "axes"),
    "status": Vocabulary(
        Status, StatusForm, services.save_status, "Statuts", "Ajouter un statut", "le statut", "status", "statuses"
    ),
}


@login_required
def vocabulary_list(request, kind):
    """A list of stages, axes or statuses, with the number of actions that use each. One query."""
    _require(request)
    vocabulary = VOCABULARIES[kind]
    rows = vocabulary.model.objects.annotate(used=Count("actions"))
    return render(request, "roadmap/manage/vocabulary_list.html", {"vocabulary": vocabulary, "rows": rows})


@login_required
def vocabulary_form(request, kind, pk=None):
    """Create or change a stage, an axis or a status; delete one that no action uses (the « supprimer » button)."""
    _require(request)
    vocabulary = VOCABULARIES[kind]
    row = get_object_or_404(vocabulary.model, pk=pk) if pk is not None else None
    initial = {name: getattr(row, name) for name in vocabulary.form.base_fields} if row else {"position": 0}
    if request.method == "POST" and "supprimer" in request.POST and row is not None:
        try:
            services.delete_vocabulary(request.user, row)
        except RoadmapError as error:
            messages.error(request, str(error))
            return redirect(f"roadmap:{vocabulary.prefix}_edit", pk=row.pk)
        messages.success(request, f"« {row} » est supprimé.")
        return redirect(f"roadmap:{vocabulary.list_name}")
    form = vocabulary.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = vocabulary.save(request.user, row, **form.cleaned_data)  # type: ignore[operator]
        except RoadmapError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"« {saved} » est enregistré.")
            return redirect(f"roadmap:{vocabulary.list_name}")
    used = row.actions.count() if row is not None else 0
    return render(
        request,
        "roadmap/manage/vocabulary_form.html",
        {
            "vocabulary": vocabulary,
            "row": row,
            "form": form,
            "used": used,
            "page_title": f"Modifier {vocabulary.name} « {row} »" if row else vocabulary.new,
            "cancel_url": reverse(f"roadmap:{vocabulary.list_name}"),
        },
    )
