"""The roadmap's writes: the tree without cycles, progress typed on leaves and computed on parents, statuses and
their default progress, milestones, history, links that follow the synthesis, and automatic follows."""

import datetime as dt
from decimal import Decimal

import pytest

from mediane.consultation.services import support_contribution
from mediane.roadmap import services
from mediane.roadmap.enums import FollowOrigin, UpdateKind
from mediane.roadmap.models import Action, ActionFollow, ActionUpdate
from mediane.roadmap.services import ActionData, RoadmapError
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import AxisFactory, StageFactory, StatusFactory
from tests.workinggroup.factories import DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    return {"stage": StageFactory(), "axis": AxisFactory()}


def create(place, title="Action", **kwargs):
    return services.create_action(None, ActionData(title=title, **place, **kwargs))


def edit(action, **changes):
    action = Action.objects.select_related("parent", "status", "stage", "axis").get(pk=action.pk)
    fields = {
        "title": action.title,
        "stage": action.stage,
        "axis": action.axis,
        "parent": action.parent,
        "status": action.status,
        "weight": action.weight,
    }
    fields.update(changes)
    return services.update_action(None, action, ActionData(**fields))


def progress_of(action) -> int:
    return Action.objects.get(pk=action.pk).progress


def test_a_parent_progress_is_the_weighted_mean_of_its_children_up_the_tree(place):
    root = create(place, "Racine")
    middle = create(place, "Milieu", parent=root)
    a = create(place, "A", parent=middle, progress=100, weight=Decimal(3))
    create(place, "B", parent=middle, progress=0, weight=Decimal(1))
    assert progress_of(middle) == 75
    assert progress_of(root) == 75
    edit(a, progress=50)
    assert progress_of(middle) == 38  # (150 + 0) / 4 = 37.5, rounded half up
    assert progress_of(root) == 38


def test_a_parent_progress_cannot_be_typed(place):
    root = create(place, "Racine")
    create(place, "Enfant", parent=root, progress=40)
    with pytest.raises(RoadmapError, match="se calcule à partir de ses sous-actions"):
        edit(root, progress=90)
    assert progress_of(root) == 40


@pytest.mark.parametrize("value", [-1, 101, 1000, True, "50"])
def test_a_progress_outside_0_to_100_is_refused(place, value):
    with pytest.raises(RoadmapError, match="entre 0 et 100"):
        create(place, progress=value)
    assert not Action.objects.exists()


def test_a_cycle_is_refused_and_nothing_changes(place):
    root = create(place, "Racine")
    child = create(place, "Enfant", parent=root)
    grandchild = create(place, "Petit-enfant", parent=child)
    with pytest.raises(RoadmapError, match="est une sous-action de « Racine »"):
        edit(root, parent=grandchild)
    with pytest.raises(RoadmapError, match="sa propre action parente"):
        edit(root, parent=root)
    assert Action.objects.get(pk=root.pk).parent_id is None


def test_a_status_gives_its_default_progress_unless_one_is_typed(place):
    started = StatusFactory(name="Commencée", default_progress=10)
    action = create(place)
    edit(action, status=started)
    assert progress_of(action) == 10
    done = StatusFactory(name="Terminée", default_progress=100)
    edit(action, status=done, progress=80)
    assert progress_of(action) == 80
    kinds = list(ActionUpdate.objects.filter(action=action).order_by("pk").values_list("kind", flat=True))
    assert kinds == [UpdateKind.CREATED, UpdateKind.STATUS, UpdateKind.PROGRESS, UpdateKind.STATUS, UpdateKind.PROGRESS]


def test_moving_a_child_updates_both_parents(place):
    first = create(place, "Première")
    second = create(place, "Seconde")
    child = create(place, "Enfant", parent=first, progress=60)
    create(place, "Autre", parent=first, progress=0)
    create(place, "Troisième", parent=second, progress=0)
    assert progress_of(first) == 30
    edit(child, parent=second)
    assert progress_of(first) == 0
    assert progress_of(second) == 30


def test_an_end_before_the_start_is_refused(place):
    with pytest.raises(RoadmapError, match="est avant la date de début"):
        create(place, start_date=dt.date(2021, 1, 1), end_date=dt.date(2020, 1, 1))


def test_a_milestone_is_recorded_in_the_history(place):
    action = create(place)
    milestone = services.add_milestone(None, action, date=dt.date(2020, 9, 1), title="Charte adoptée")
    assert ActionUpdate.objects.filter(action=action, kind=UpdateKind.MILESTONE, milestone=milestone).exists()


def test_an_action_from_a_decision_copies_its_text_and_keeps_every_link(place):
    decision = DecisionFactory(title="Une charte de l'inclusion numérique", text="Écrire une charte.")
    proposal = ContributionFactory()
    decision.contributions.add(proposal)
    action = services.create_action_from_decision(None, decision, **place)
    assert action.title == decision.title
    assert action.description == decision.text
    assert list(action.decisions.all()) == [decision]
    assert list(action.contributions.all()) == [proposal]


def test_authors_and_supporters_follow_automatically_and_a_stopped_follow_is_not_given_back(place):
    proposal = ContributionFactory()
    supporter = UserFactory()
    support_contribution(supporter, proposal)
    action = services.create_action(None, ActionData(title="Action", **place), contributions=[proposal])
    follows = ActionFollow.objects.filter(action=action)
    assert {f.user_id for f in follows} == {proposal.author_id, supporter.pk}
    assert {f.origin for f in follows} == {FollowOrigin.PROPOSAL}
    assert services.unfollow_action(supporter, action)
    services.sync_automatic_follows(action)
    assert not ActionFollow.objects.active().filter(action=action, user=supporter).exists()
    assert services.follow_action(supporter, action)
    assert ActionFollow.objects.active().filter(action=action, user=supporter).exists()


def test_a_child_cannot_be_deleted_before_its_children(place):
    root = create(place, "Racine")
    create(place, "Enfant", parent=root)
    with pytest.raises(RoadmapError, match="1 sous-action"):
        services.delete_action(None, root)


def test_a_parent_history_reads_the_progress_stored_not_the_one_a_caller_held(place):
    root = create(place, "Racine")
    create(place, "Première", parent=root, progress=100)
    assert progress_of(root) == 100
    create(place, "Seconde", parent=root, progress=0)  # `root` the caller holds still says 0
    update = ActionUpdate.objects.filter(action=root, kind=UpdateKind.PROGRESS).first()
    assert (update.old_progress, update.new_progress) == (100, 50)
