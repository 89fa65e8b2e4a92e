"""The roadmap's public reads, shared by the pages (`views.py`), the API (`api.py`) and the open data: the tree of
actions built in Python from a constant number of queries, the chain an action comes from (only published
contributions, only decisions of held meetings, only topics of published syntheses), and what a contribution
became (the decisions and actions it inspired).

Every function here reads through the visibility rules, so no caller has to remember them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from mediane.consultation.models import Contribution
from mediane.structures.models import Structure
from mediane.synthesis.models import Topic
from mediane.workinggroup.enums import MeetingStatus
from mediane.workinggroup.models import Decision

from .models import Action, ActionFollow, ActionUpdate, Axis, Stage

# How many recent changes of each followed action « Ce que sont devenues mes propositions » shows.
RECENT_CHANGES = 3


def public_contributions() -> QuerySet[Contribution]:
    """The contributions an action's chain may show: published ones, whoever reads."""
    return Contribution.objects.published()


def public_decisions() -> QuerySet[Decision]:
    """Decisions of held meetings: a meeting's decisions are public once its minutes are (its page shows them)."""
    return Decision.objects.filter(meeting__status=MeetingStatus.HELD).select_related("meeting__theme")


def public_topics() -> QuerySet[Topic]:
    """Topics of a published synthesis: a draft synthesis is read by the organisers only."""
    return Topic.objects.filter(run__published_at__isnull=False).select_related("run__theme")


def with_public_links(actions: QuerySet[Action]) -> QuerySet[Action]:
    """Actions with their owners and what they come from, read through the rules above: four more queries."""
    return actions.prefetch_related(
        Prefetch("owners", queryset=Structure.objects.order_by("name", "pk")),
        Prefetch(
            "contributions",
            queryset=public_contributions().select_related("theme").order_by("pk"),
        ),
        Prefetch("decisions", queryset=public_decisions().order_by("meeting__date", "number")),
        Prefetch("topics", queryset=public_topics().order_by("run__theme__number", "position", "pk")),
    )


# --- The tree -----------------------------------------------------------------------------------------------


def build_tree(actions: Iterable[Action]) -> list[Action]:
    """The roots of `actions`, each with `child_list` (its children, in order) and `depth`. No query.

    An action whose parent is not in `actions` is taken as a root, so a filtered list still shows every row.
    """
    rows = list(actions)
    by_id = {action.pk: action for action in rows}
    for action in rows:
        action.child_list = []  # type: ignore[attr-defined]
    roots = []
    for action in rows:
        parent = by_id.get(action.parent_id) if action.parent_id else None
        if parent is None:
            roots.append(action)
        else:
            parent.child_list.append(action)  # type: ignore[attr-defined]
    _set_depth(roots, 0)
    return roots


def _set_depth(actions: list[Action], depth: int) -> None:
    pending = [(action, depth) for action in actions]
    while pending:
        action, level = pending.pop()
        action.depth = level  # type: ignore[attr-defined]
        pending.extend((child, level + 1) for child in action.child_list)  # type: ignore[attr-defined]


@dataclass
class Group:
    """A heading of the timeline (a stage, or an axis) and, under it, sub-headings with their root actions."""

    title: str
    description: str = ""
    anchor: str = ""
    sections: list[tuple[str, list[Action]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(actions for _, actions in self.sections)


def timeline(by_axis: bool = False) -> list[Group]:
    """The roadmap by stage then axis (or by axis then stage), each root action with its tree. Four queries."""
    stages = list(Stage.objects.all())
    axes = list(Axis.objects.all())
    actions = Action.objects.select_related("status").prefetch_related(
        Prefetch("owners", queryset=Structure.objects.order_by("name", "pk"))
    )
    roots = build_tree(actions.order_by("position", "pk"))
    cells: dict[tuple[int, int], list[Action]] = defaultdict(list)
    for action in roots:
        cells[(action.stage_id, action.axis_id)].append(action)
    outer, inner = (axes, stages) if by_axis else (stages, axes)
    groups = []
    for first in outer:
        group = Group(
            title=str(first),
            description=first.description,
            anchor=f"{'axe' if by_axis else 'etape'}-{first.pk}",
        )
        for second in inner:
            key = (second.pk, first.pk) if by_axis else (first.pk, second.pk)
            if cells.get(key):
                group.sections.append((str(second), cells[key]))
        groups.append(group)
    return groups


def breadcrumb(action: Action) -> list[Action]:
    """The parents of `action`, from the root down: one query whatever the depth (the roadmap is small)."""
    rows = {row["pk"]: row for row in Action.objects.values("pk", "parent_id", "title")}
    chain: list[Action] = []
    current = rows.get(action.parent_id) if action.parent_id else None
    while current is not None and len(chain) < len(rows):
        chain.append(Action(pk=current["pk"], title=current["title"]))
        current = rows.get(current["parent_id"]) if current["parent_id"] else None
    return list(reversed(chain))


# --- What a contribution became -------------------------------------------------------------------------------


@dataclass
class Outcome:
    """The decisions a published contribution inspired and the actions that follow it up."""

    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.decisions or self.actions)


def outcomes(contribution_ids: Iterable[int]) -> dict[int, Outcome]:
    """For each of these contributions, what it became. Three queries whatever their number.

    The caller passes contributions it may show; decisions are those of held meetings.
    """
    ids = list(contribution_ids)
    result: dict[int, Outcome] = {pk: Outcome() for pk in ids}
    if not ids:
        return result
    decisions = (
        public_decisions()
        .filter(contributions__in=ids)
        .distinct()
        .order_by("meeting__date", "number")
        .prefetch_related(Prefetch("contributions", queryset=Contribution.objects.filter(pk__in=ids).only("pk")))
    )
    for decision in decisions:
        for contribution in decision.contributions.all():
            result[contribution.pk].decisions.append(decision)
    action_links = Action.contributions.through.objects.filter(contribution_id__in=ids)
    for link in action_links.select_related("action").order_by("action__position", "action_id"):
        result[link.contribution_id].actions.append(link.action)
    return result


# --- Follows ------------------------------------------------------------------------------------------------


def recent_changes(action_ids: Iterable[int], limit: int = RECENT_CHANGES) -> dict[int, list[ActionUpdate]]:
    """The `limit` latest changes of each action, newest first. One query whatever the number of actions."""
    ids = list(action_ids)
    if not ids:
        return {}
    ranked = (
        ActionUpdate.objects.filter(action_id__in=ids)
        .select_related("milestone")
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("action_id")], order_by=[F("created_at").desc(), F("pk").desc()])
        )
        .filter(rank__lte=limit)
        .order_by("action_id", "-created_at", "-pk")
    )
    changes: dict[int, list[ActionUpdate]] = defaultdict(list)
    for update in ranked:
        changes[update.action_id].append(update)
    return changes


def follows_of(user) -> list[ActionFollow]:
    """The actions `user` follows now, each with `changes` (its latest ones). Two queries."""
    follows = list(
        ActionFollow.objects.active()
        .filter(user=user)
        .select_related("action__status", "action__stage", "action__axis")
        .order_by("action__stage__position", "action__axis__position", "action__position", "action_id")
    )
    changes = recent_changes(follow.action_id for follow in follows)
    for follow in follows:
        follow.changes = changes.get(follow.action_id, [])  # type: ignore[attr-defined]
    return follows
