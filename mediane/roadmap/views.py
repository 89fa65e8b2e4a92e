"""The roadmap's public pages: the timeline, an action's page with the chain it comes from, following,
« Ce que sont devenues mes propositions », and the open data. Thin: read through `reads.py`, write through
`services.py`. The organisers' pages are in `views_manage.py`, the charter's in `views_charter.py`.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from mediane import downloads
from mediane.consultation.models import Contribution
from mediane.ratelimits import writes_limited

from . import open_data as data
from . import reads, services, services_indicators
from .models import Action, ActionFollow, ActionUpdate, Milestone

BY_AXIS = "axe"


def index(request):
    """The roadmap as a timeline, by stage then axis (or by axis, `?par=axe`). Four queries."""
    by_axis = request.GET.get("par") == BY_AXIS
    groups = reads.timeline(by_axis=by_axis)
    services_indicators.attach_measures(
        action for group in groups for _title, roots in group.sections for action in roots
    )
    return render(
        request,
        "roadmap/index.html",
        {
            "groups": groups,
            "by_axis": by_axis,
            "has_actions": any(not group.is_empty for group in groups),
            "manage_url": _reverse_or_none("roadmap:manage") if request.user.has_perm("roadmap.manage") else None,
        },
    )


def _action(request, pk: int) -> Action:
    actions = reads.with_public_links(Action.objects.readable_by(request.user).with_labels())
    return get_object_or_404(actions, pk=pk)


def action_detail(request, pk):
    """An action: what it is, its progress and history, its sub-actions and milestones, and where it comes from."""
    action = _action(request, pk)
    user = request.user
    follow = None
    if user.is_authenticated:
        follow = ActionFollow.objects.active().filter(action=action, user=user).first()
    children = list(action.children.select_related("status").order_by("position", "pk"))
    services_indicators.attach_measures([action, *children])
    return render(
        request,
        "roadmap/action.html",
        {
            "action": action,
            "parents": reads.breadcrumb(action),
            "children": children,
            "milestones": list(Milestone.objects.filter(action=action).order_by("date", "pk")),
            "updates": list(ActionUpdate.objects.filter(action=action).select_related("milestone")),
            "follow": follow,
            "manage_links": _manage_links(action) if user.has_perm("roadmap.manage") else {},
            "measure": action.measure,  # type: ignore[attr-defined]
        },
    )


def _reverse_or_none(name: str, **kwargs) -> str | None:
    """The address of an organisers' page built by another part of the app, when it exists."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


MANAGE_LINKS = [
    ("action_edit", "Modifier l'action"),
    ("action_progress", "Changer le statut ou l'avancement"),
    ("milestone_create", "Ajouter une étape franchie"),
]


def _manage_links(action: Action) -> dict[str, str]:
    links = {label: _reverse_or_none(f"roadmap:{name}", pk=action.pk) for name, label in MANAGE_LINKS}
    return {label: url for label, url in links.items() if url}


def _back_to(request, action: Action) -> str:
    """Where to go after following: the page the form came from when it is this site's « mes propositions »."""
    if request.POST.get("retour") == "mes-propositions":
        return reverse("roadmap:my_proposals")
    return action.get_absolute_url()


@login_required
@require_POST
@writes_limited
def follow(request, pk):
    action = get_object_or_404(Action.objects.readable_by(request.user), pk=pk)
    if not request.user.has_perm("roadmap.follow", action):
        raise PermissionDenied
    if services.follow_action(request.user, action):
        messages.success(request, f"Vous suivez « {action.title} » : vous recevrez ses nouvelles par e-mail.")
    else:
        messages.info(request, f"Vous suiviez déjà « {action.title} ».")
    return redirect(_back_to(request, action))


@login_required
@require_POST
@writes_limited
def unfollow(request, pk):
    action = get_object_or_404(Action.objects.readable_by(request.user), pk=pk)
    if services.unfollow_action(request.user, action):
        messages.success(request, f"Vous ne suivez plus « {action.title} ». Vous pouvez la suivre à nouveau.")
    else:
        messages.info(request, f"Vous ne suiviez pas « {action.title} ».")
    return redirect(_back_to(request, action))


@login_required
def my_proposals(request):
    """« Ce que sont devenues mes propositions »: the actions the person follows and their latest changes, and
    their published contributions (written or supported) that inspired a decision or an action."""
    user = request.user
    follows = reads.follows_of(user)
    mine = list(_own_contributions(user))
    found = reads.outcomes(contribution.pk for contribution in mine)
    became = [(contribution, found[contribution.pk]) for contribution in mine if found[contribution.pk]]
    return render(request, "roadmap/my_proposals.html", {"follows": follows, "became": became})


def _own_contributions(user):
    """The person's published contributions, and those they support. One query."""
    written = Contribution.objects.published().filter(author=user)
    supported = Contribution.objects.published().filter(supports__user=user)
    return (written | supported).distinct().select_related("theme").order_by("-created_at", "-pk")


# --- Panels on other apps' pages (registered in apps.py) -------------------------------------------------------


def profile_panel(request) -> dict | None:
    """The account page's link to « Ce que sont devenues mes propositions », with the number of follows."""
    if not request.user.is_authenticated:
        return None
    return {"follows": ActionFollow.objects.active().filter(user=request.user).count()}


def contribution_panel(request, contribution: Contribution) -> dict | None:
    """What a published contribution became (three queries); nothing when it became nothing, but for organisers,
    who get a link to write an action from it."""
    outcome = reads.outcomes([contribution.pk])[contribution.pk]
    create_url = None
    if request.user.has_perm("roadmap.manage"):
        create_url = _reverse_or_none("roadmap:action_from_contribution", pk=contribution.pk)
    if not outcome and create_url is None:
        return None
    return {"outcome": outcome, "create_url": create_url}


# --- Open data ----------------------------------------------------------------------------------------------


def open_data(request):
    return render(
        request,
        "roadmap/open_data.html",
        {"columns": data.ACTION_COLUMNS, "total": Action.objects.readable_by(None).count()},
    )


def open_data_csv(request):
    """Every action, one row each, with its links; text a spreadsheet would run as a formula is neutralised."""
    header = [name for name, _ in data.ACTION_COLUMNS]
    return downloads.csv_download(data.action_rows(), "mediane-feuille-de-route.csv", header=header)


def open_data_json(request):
    """Stages, axes, statuses and actions with their milestones and links, in one document."""
    content = json.dumps(data.document(), ensure_ascii=False, indent=1)
    return downloads.attachment(content, "application/json; charset=utf-8", "mediane-feuille-de-route.json")
