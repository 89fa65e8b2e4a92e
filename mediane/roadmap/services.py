"""Every write of the roadmap's actions: the tree, statuses and progress, milestones, links, and who follows them.

Each function checks, then acts inside one transaction, and raises `RoadmapError` with a French message that
tells the organiser what to fix. Permissions are checked by the views (`rules.py`); the functions take the acting
person for the history. A change that the public should see (status, progress, milestone) is written as an
`ActionUpdate`, which the action's page shows and the followers' digest sends.

Progress: a leaf's progress is typed, or taken from its new status' default; a parent's progress is the mean of
its children's, weighted by their `weight`, rounded to the unit, and written again up the tree whenever a child
changes, in the same transaction. The charter's writes are in `services_charter.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mediane.accounts.models import User
from mediane.consultation.markup import render_markup
from mediane.consultation.models import Contribution, Support
from mediane.french import count_phrase
from mediane.structures.models import Structure
from mediane.synthesis.models import Topic, TopicMembership
from mediane.text import control_character_message
from mediane.workinggroup.models import Decision

from .enums import FollowOrigin, UpdateKind
from .indicators import INDICATORS, progress_of
from .models import Action, ActionFollow, ActionUpdate, Axis, Milestone, Stage, Status

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 10000
MAX_WEIGHT = Decimal("99999.99")
# The tree is walked up in Python, one query per level: a roadmap is a few levels deep, this bounds a bad one.
MAX_DEPTH = 20


class RoadmapError(Exception):
    """A write was refused. The message is French and tells the person what to do."""


def clean_text(value: str, label: str, max_length: int, required: bool = True) -> str:
    text = (value or "").strip()
    if (message := control_character_message(text, label)) is not None:
        raise RoadmapError(message)
    if required and not text:
        raise RoadmapError(f"{label} est vide : complétez-le.")
    if len(text) > max_length:
        raise RoadmapError(f"{label} est trop long : {len(text)} caractères pour {max_length} au plus.")
    return text


def check_progress(progress: int, title: str = "") -> int:
    """A progress is a whole percentage from 0 to 100."""
    of = f" de « {title} »" if title else ""
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise RoadmapError(
            f"L'avancement{of} est un pourcentage entier entre 0 et 100 : « {progress} » ne convient pas."
        )
    return progress


def check_weight(weight: Decimal, title: str = "") -> Decimal:
    of = f" de « {title} »" if title else ""
    if not isinstance(weight, Decimal) or not weight.is_finite() or weight <= 0 or weight > MAX_WEIGHT:
        raise RoadmapError(
            f"Le poids{of} est un nombre plus grand que 0 (1 par défaut, jusqu'à 99 999,99) : "
            f"« {weight} » ne convient pas."
        )
    return weight.quantize(Decimal("0.01"))


# --- The tree ---------------------------------------------------------------------------------------------


def ancestors(action: Action) -> list[Action]:
    """The parents of `action`, nearest first (one query per level)."""
    chain: list[Action] = []
    current = action.parent
    while current is not None and len(chain) <= MAX_DEPTH:
        chain.append(current)
        current = current.parent
    return chain


def check_parent(action: Action | None, parent: Action | None) -> None:
    """Refuse a parent that would make the tree a loop: the action itself, or one of its descendants."""
    if parent is None or action is None or action.pk is None:
        return
    if parent.pk == action.pk:
        raise RoadmapError(f"« {action.title} » ne peut pas être sa propre action parente.")
    seen = {parent.pk}
    current_id = parent.parent_id
    while current_id is not None:
        if current_id == action.pk:
            raise RoadmapError(
                f"« {parent.title} » est une sous-action de « {action.title} » : elle ne peut pas devenir sa "
                "parente. Choisissez une autre action parente."
            )
        if current_id in seen or len(seen) > MAX_DEPTH * 50:
            break
        seen.add(current_id)
        current_id = Action.objects.filter(pk=current_id).values_list("parent_id", flat=True).first()


def computed_progress(children: Iterable[tuple[int, Decimal]]) -> int | None:
    """The weighted mean of (progress, weight) pairs, rounded half up to the unit; None without children."""
    total = weights = Decimal(0)
    for progress, weight in children:
        total += Decimal(progress) * weight
        weights += weight
    if not weights:
        return None
    return int((total / weights).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _record(action: Action, kind: str, actor: User | None, **fields) -> ActionUpdate:
    return ActionUpdate.objects.create(action=action, kind=kind, actor=actor, created_at=timezone.now(), **fields)


def _refresh_progress_upwards(start: Action | None, actor: User | None) -> None:
    """Compute again the progress of `start` and each of its parents from their children. Caller is in a transaction.

    Each parent is read again from the database, locked: the object a caller holds may be older than the row, and
    two organisers changing two children of one parent at once must not both write from the same old value.
    """
    parent_id = start.pk if start is not None else None
    depth = 0
    while parent_id is not None and depth <= MAX_DEPTH:
        current = Action.objects.select_for_update().filter(pk=parent_id).first()
        if current is None:
            return
        children = Action.objects.filter(parent=current).values_list("progress", "weight")
        progress = computed_progress(children)
        if progress is not None and progress != current.progress:
            _record(current, UpdateKind.PROGRESS, actor, old_progress=current.progress, new_progress=progress)
            Action.objects.filter(pk=current.pk).update(progress=progress, updated_at=timezone.now())
        parent_id = current.parent_id
        depth += 1


def set_measured_progress(actor: User | None, action_pk: int, progress: int) -> bool:
    """The progress of an action measured by an indicator (`indicators.refresh_measured_actions`): written with an
    automatic update to its history only when the percentage changes, its parents following. True if it changed."""
    with transaction.atomic():
        current = Action.objects.select_for_update().filter(pk=action_pk).first()
        if current is None or current.progress == progress or current.children.exists():
            return False
        _record(current, UpdateKind.PROGRESS, actor, old_progress=current.progress, new_progress=progress)
        Action.objects.filter(pk=current.pk).update(progress=progress, updated_at=timezone.now())
        _refresh_progress_upwards(current.parent, actor)
    return True


# --- Actions ----------------------------------------------------------------------------------------------


@dataclass
class ActionData:
    """What an organiser types for an action. `progress` None: unchanged (or the status' default on a change)."""

    title: str
    stage: Stage
    axis: Axis
    description: str = ""
    parent: Action | None = None
    status: Status | None = None
    progress: int | None = None
    weight: Decimal = Decimal(1)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    position: int = 0
    owners: list[Structure] = field(default_factory=list)
    # Progress taken from a figure of the platform (`indicators`): its key and the target; "": typed.
    indicator: str = ""
    indicator_target: int | None = None


def _check_action(data: ActionData, action: Action | None = None) -> dict:
    title = clean_text(data.title, "L'intitulé", TITLE_MAX_LENGTH)
    description = clean_text(data.description, "La description", DESCRIPTION_MAX_LENGTH, required=False)
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise RoadmapError(
            f"La date de fin ({data.end_date:%d/%m/%Y}) est avant la date de début ({data.start_date:%d/%m/%Y}) : "
            "corrigez l'une des deux."
        )
    check_parent(action, data.parent)
    is_parent = action is not None and action.pk is not None and action.children.exists()
    _check_indicator(data, title, is_parent)
    if data.progress is not None:
        check_progress(data.progress, title)
        if is_parent and data.progress != action.progress:  # type: ignore[union-attr]
            raise RoadmapError(
                f"L'avancement de « {title} » se calcule à partir de ses sous-actions : il ne se saisit pas. "
                "Modifiez plutôt l'avancement des sous-actions."
            )
    return {
        "title": title,
        "description": description,
        "description_html": render_markup(description),
        "stage": data.stage,
        "axis": data.axis,
        "parent": data.parent,
        "status": data.status,
        "weight": check_weight(data.weight, title),
        "start_date": data.start_date,
        "end_date": data.end_date,
        "position": max(0, min(int(data.position), 32767)),
        "indicator": data.indicator,
        "indicator_target": data.indicator_target if data.indicator else None,
    }


def _check_indicator(data: ActionData, title: str, is_parent: bool) -> None:
    if not data.indicator:
        return
    if INDICATORS.get(data.indicator) is None:
        raise RoadmapError(f"L'indicateur « {data.indicator} » n'existe pas : choisissez-en un dans la liste.")
    if not data.indicator_target or data.indicator_target < 1:
        raise RoadmapError(
            f"Une action mesurée par un indicateur a une cible : écrivez-la pour « {title} » (par exemple 4000)."
        )
    if is_parent:
        raise RoadmapError(
            f"L'avancement de « {title} » se calcule à partir de ses sous-actions : il ne peut pas venir d'un "
            "indicateur."
        )


def _progress_for(data: ActionData, action: Action | None, status_changed: bool) -> int | None:
    """The progress a leaf takes: its indicator's, else the one typed, else its new status' default, else no
    change."""
    indicator = INDICATORS.get(data.indicator)
    if indicator is not None:
        return progress_of(indicator.value(), data.indicator_target)
    if data.progress is not None:
        return data.progress
    if status_changed and data.status is not None and data.status.default_progress is not None:
        return data.status.default_progress
    return None


def create_action(
    actor: User | None,
    data: ActionData,
    *,
    contributions: Iterable[Contribution] = (),
    decisions: Iterable[Decision] = (),
    topics: Iterable[Topic] = (),
) -> Action:
    """An organiser writes an action, with what it comes from; its parent's progress follows."""
    fields = _check_action(data)
    progress = _progress_for(data, None, status_changed=data.status is not None)
    now = timezone.now()
    with transaction.atomic():
        action = Action.objects.create(progress=progress or 0, created_at=now, updated_at=now, **fields)
        action.owners.set(data.owners)
        _record(
            action,
            UpdateKind.CREATED,
            actor,
            new_status=action.status.name if action.status else "",
            new_progress=action.progress,
        )
        _set_links(action, list(contributions), list(decisions), list(topics))
        _refresh_progress_upwards(action.parent, actor)
    return action


def update_action(actor: User | None, action: Action, data: ActionData) -> Action:
    """An organiser changes an action. A new status or progress is written to its history; the parents follow.

    Precondition: `action` is fresh from the database (its status and progress are those stored).
    """
    fields = _check_action(data, action)
    old_parent = action.parent
    old_status = action.status
    status_changed = (old_status.pk if old_status else None) != (data.status.pk if data.status else None)
    with transaction.atomic():
        is_parent = action.children.exists()
        new_progress = None if is_parent else _progress_for(data, action, status_changed)
        for name, value in fields.items():
            setattr(action, name, value)
        if status_changed:
            _record(
                action,
                UpdateKind.STATUS,
                actor,
                old_status=old_status.name if old_status else "",
                new_status=data.status.name if data.status else "",
            )
        if new_progress is not None and new_progress != action.progress:
            _record(action, UpdateKind.PROGRESS, actor, old_progress=action.progress, new_progress=new_progress)
            action.progress = new_progress
        action.updated_at = timezone.now()
        action.save()
        action.owners.set(data.owners)
        _refresh_progress_upwards(action.parent, actor)
        if old_parent is not None and old_parent.pk != action.parent_id:
            _refresh_progress_upwards(old_parent, actor)
    return action


def change_progress(actor: User | None, action: Action, *, status: Status | None, progress: int | None) -> Action:
    """The quick form of an action's page: a new status and, on a leaf, a new progress."""
    data = ActionData(
        title=action.title,
        stage=action.stage,
        axis=action.axis,
        description=action.description,
        parent=action.parent,
        status=status,
        progress=progress,
        weight=action.weight,
        start_date=action.start_date,
        end_date=action.end_date,
        position=action.position,
        owners=list(action.owners.all()),
        indicator=action.indicator,
        indicator_target=action.indicator_target,
    )
    return update_action(actor, action, data)


def delete_action(actor: User | None, action: Action) -> None:
    """An organiser removes an action that has no sub-action; its parent's progress follows."""
    count = action.children.count()
    if count:
        raise RoadmapError(
            f"« {action.title} » a {count_phrase(count, 'sous-action')} : supprimez-les ou rattachez-les "
            "ailleurs d'abord."
        )
    parent = action.parent
    with transaction.atomic():
        action.delete()
        _refresh_progress_upwards(parent, actor)


def add_milestone(actor: User | None, action: Action, *, date: dt.date, title: str, description: str = "") -> Milestone:
    """A dated step on the action's public timeline; followers hear of it in their next digest."""
    title = clean_text(title, "L'intitulé de l'étape", TITLE_MAX_LENGTH)
    description = clean_text(description, "La description de l'étape", DESCRIPTION_MAX_LENGTH, required=False)
    if not isinstance(date, dt.date):
        raise RoadmapError("Donnez la date de l'étape, au format jj/mm/aaaa.")
    with transaction.atomic():
        milestone = Milestone.objects.create(action=action, date=date, title=title, description=description)
        _record(action, UpdateKind.MILESTONE, actor, milestone=milestone)
        Action.objects.filter(pk=action.pk).update(updated_at=timezone.now())
    return milestone


def delete_milestone(actor: User | None, milestone: Milestone) -> None:
    milestone.delete()


# --- Where an action comes from ---------------------------------------------------------------------------


def _set_links(
    action: Action, contributions: list[Contribution], decisions: list[Decision], topics: list[Topic]
) -> None:
    action.contributions.set(contributions)
    action.decisions.set(decisions)
    action.topics.set(topics)
    sync_automatic_follows(action)


def set_links(
    actor: User | None,
    action: Action,
    *,
    contributions: Iterable[Contribution],
    decisions: Iterable[Decision],
    topics: Iterable[Topic],
) -> None:
    """Replace what the action comes from. The authors and supporters of newly linked proposals follow it."""
    with transaction.atomic():
        _set_links(action, list(contributions), list(decisions), list(topics))
        Action.objects.filter(pk=action.pk).update(updated_at=timezone.now())


def create_action_from_decision(
    actor: User | None, decision: Decision, *, stage: Stage, axis: Axis, parent: Action | None = None
) -> Action:
    """One step: the decision's title and text become the action's, linked to the decision and what it came from."""
    decision = Decision.objects.with_links().get(pk=decision.pk)
    data = ActionData(
        title=decision.title,
        description=decision.text,
        stage=stage,
        axis=axis,
        parent=parent,
    )
    return create_action(
        actor,
        data,
        contributions=decision.contributions.all(),
        decisions=[decision],
        topics=decision.topics.all(),
    )


def create_action_from_contribution(
    actor: User | None, contribution: Contribution, *, stage: Stage, axis: Axis, parent: Action | None = None
) -> Action:
    """One step: a published proposal's title and text become the action's, and the link is kept."""
    if not contribution.is_visible:
        raise RoadmapError("Cette contribution n'est pas publiée : elle ne peut pas fonder une action.")
    data = ActionData(
        title=contribution.title[:TITLE_MAX_LENGTH],
        description=contribution.body[:DESCRIPTION_MAX_LENGTH],
        stage=stage,
        axis=axis,
        parent=parent,
    )
    return create_action(actor, data, contributions=[contribution])


def link_merged_topic(target: Topic, merged: list[Topic]) -> None:
    """Actions linked to a merged-away topic now point to the topic that received its contributions. One write."""
    ids = set(Action.objects.filter(topics__in=merged).values_list("pk", flat=True))
    links = Action.topics.through
    links.objects.bulk_create([links(action_id=pk, topic_id=target.pk) for pk in ids], ignore_conflicts=True)


def link_split_topic(topic: Topic, new_topic: Topic) -> None:
    """Actions linked to a split topic also point to the new part when some of their contributions went there,
    or when they are linked to the topic alone (no contribution of theirs to tell the parts apart)."""
    moved = TopicMembership.objects.filter(topic=new_topic).values("contribution_id")
    linked = Action.objects.filter(topics=topic)
    ids = set(linked.filter(Q(contributions__in=moved) | Q(contributions__isnull=True)).values_list("pk", flat=True))
    links = Action.topics.through
    links.objects.bulk_create([links(action_id=pk, topic_id=new_topic.pk) for pk in ids], ignore_conflicts=True)


# --- Following --------------------------------------------------------------------------------------------


def sync_automatic_follows(action: Action) -> int:
    """The authors and supporters of the action's linked contributions follow it, unless they once stopped.

    A stopped follow stays as a row, so it is never added back. Returns the number of new follows.
    """
    contribution_ids = list(action.contributions.values_list("pk", flat=True))
    if not contribution_ids:
        return 0
    authors = Contribution.objects.filter(pk__in=contribution_ids, author__isnull=False).values_list(
        "author_id", flat=True
    )
    supporters = Support.objects.filter(contribution_id__in=contribution_ids, user__isnull=False).values_list(
        "user_id", flat=True
    )
    user_ids = set(authors) | set(supporters)
    already = set(ActionFollow.objects.filter(action=action, user_id__in=user_ids).values_list("user_id", flat=True))
    now = timezone.now()
    rows = [
        ActionFollow(action=action, user_id=pk, origin=FollowOrigin.PROPOSAL, last_digest_at=now, created_at=now)
        for pk in sorted(user_ids - already)
    ]
    ActionFollow.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def follow_action(user: User, action: Action) -> bool:
    """`user` follows `action` (again, if they had stopped). Returns False when they already followed it."""
    now = timezone.now()
    follow, created = ActionFollow.objects.get_or_create(
        action=action, user=user, defaults={"last_digest_at": now, "created_at": now}
    )
    if created:
        return True
    if follow.stopped_at is None:
        return False
    ActionFollow.objects.filter(pk=follow.pk).update(stopped_at=None, last_digest_at=now)
    return True


def unfollow_action(user: User, action: Action) -> bool:
    """`user` stops following `action`; an automatic follow is not given back. False when they did not follow it."""
    updated = ActionFollow.objects.active().filter(action=action, user=user).update(stopped_at=timezone.now())
    return bool(updated)


# --- Stages, axes and statuses (the organisers' vocabulary) -----------------------------------------------


def _check_position(position: int) -> int:
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 999:
        raise RoadmapError("L'ordre d'affichage est un nombre entier de 0 à 999.")
    return position


def _refuse_same_name(rows, name: str, row, message: str) -> None:
    """Compared in Python: SQLite folds the case of ASCII letters only (« Évaluer » ≠ « évaluer »). The lists
    are short."""
    if any(str(other).casefold() == name.casefold() for other in rows if row is None or other.pk != row.pk):
        raise RoadmapError(f"{message} : choisissez un autre nom.")


def save_stage(
    actor: User | None,
    stage: Stage | None,
    *,
    title: str,
    year: int | None = None,
    description: str = "",
    position: int = 0,
) -> Stage:
    """Create (`stage` None) or change a stage of the roadmap."""
    if year is not None and not 1900 <= year <= 2200:
        raise RoadmapError(f"L'année « {year} » ne convient pas : écrivez-la sur quatre chiffres, par exemple 2020.")
    title = clean_text(title, "L'intitulé de l'étape", TITLE_MAX_LENGTH)
    # The CSV names a stage « 2020 : Élaboration »: two alike could not be told apart.
    named = str(Stage(title=title, year=year))
    _refuse_same_name(Stage.objects.filter(year=year), named, stage, f"Une étape s'appelle déjà « {title} »")
    stage = stage or Stage()
    stage.title = title
    stage.description = clean_text(description, "La description", DESCRIPTION_MAX_LENGTH, required=False)
    stage.year = year
    stage.position = _check_position(position)
    stage.save()
    return stage


def save_axis(actor: User | None, axis: Axis | None, *, title: str, description: str = "", position: int = 0) -> Axis:
    """Create (`axis` None) or change an axis of the roadmap."""
    title = clean_text(title, "L'intitulé de l'axe", TITLE_MAX_LENGTH)
    _refuse_same_name(Axis.objects.all(), title, axis, f"Un axe s'appelle déjà « {title} »")
    axis = axis or Axis()
    axis.title = title
    axis.description = clean_text(description, "La description", DESCRIPTION_MAX_LENGTH, required=False)
    axis.position = _check_position(position)
    axis.save()
    return axis


def save_status(
    actor: User | None,
    status: Status | None,
    *,
    name: str,
    description: str = "",
    default_progress: int | None = None,
    position: int = 0,
) -> Status:
    """Create (`status` None) or change a status. Its new default progress applies to the next changes of status:
    the actions that have it keep their progress."""
    name = clean_text(name, "Le nom du statut", 100)
    _refuse_same_name(Status.objects.all(), name, status, f"Un statut s'appelle déjà « {name} »")
    if default_progress is not None:
        check_progress(default_progress)
    status = status or Status()
    status.name = name
    status.description = clean_text(description, "La description", 300, required=False)
    status.default_progress = default_progress
    status.position = _check_position(position)
    status.save()
    return status


def delete_vocabulary(actor: User | None, row: Stage | Axis | Status) -> None:
    """Remove a stage, an axis or a status that no action uses (the database protects a used one anyway)."""
    count = row.actions.count()
    if count:
        raise RoadmapError(
            f"« {row} » est utilisé par {count_phrase(count, 'action')} : changez-les d'abord, puis supprimez-le."
        )
    row.delete()
