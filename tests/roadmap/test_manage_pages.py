"""The organisers' pages of the roadmap: the tree, an action's forms, progress, milestones, links, actions made from
a decision or a contribution, stages, axes and statuses. Bad input gets its French message and writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from mediane.roadmap.enums import UpdateKind
from mediane.roadmap.models import Action, ActionUpdate, Axis, Milestone, Stage, Status
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import ActionFactory, AxisFactory, MilestoneFactory, StageFactory, StatusFactory
from tests.structures.factories import StructureFactory
from tests.workinggroup.factories import DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    return {"stage": StageFactory(), "axis": AxisFactory()}


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def action_fields(place, **changes):
    fields = {
        "title": "Recenser les outils",
        "description": "",
        "stage": place["stage"].pk,
        "axis": place["axis"].pk,
        "parent": "",
        "status": "",
        "progress": "",
        "weight": "1",
        "start_date": "",
        "end_date": "",
        "position": "0",
    }
    fields.update(changes)
    return fields


def test_the_tree_shows_actions_nested_with_their_progress(organiser_client, place):
    parent = ActionFactory(title="Former les équipes", progress=40, **place)
    ActionFactory(title="Former les bibliothécaires", parent=parent, progress=40, **place)
    response = organiser_client.get(reverse("roadmap:manage"))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Former les équipes") < content.index("Former les bibliothécaires")
    assert "calculé à partir des sous-actions" in content


def test_an_organiser_creates_an_action_with_owners_and_dates(organiser_client, place):
    structure = StructureFactory(name="Médiathèque de Lens")
    response = organiser_client.post(
        reverse("roadmap:action_create"),
        action_fields(
            place,
            weight="1,5",
            progress="30",
            start_date="15/09/2020",
            end_date="2021-06-30",
            owners=[str(structure.pk)],
        ),
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    assert (action.progress, str(action.weight), action.start_date) == (30, "1.50", dt.date(2020, 9, 15))
    assert list(action.owners.all()) == [structure]


def test_the_structure_search_finds_structures_without_saving(organiser_client, place):
    StructureFactory(name="Médiathèque de Lens")
    response = organiser_client.post(
        reverse("roadmap:action_create"), action_fields(place, structure_search="lens", chercher="1")
    )
    assert response.status_code == 200
    assert "Médiathèque de Lens" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"progress": "150"}, "L&#x27;avancement est un pourcentage entre 0 et 100."),
        ({"progress": "-1"}, "L&#x27;avancement est un pourcentage entre 0 et 100."),
        ({"progress": "²"}, "n&#x27;est pas un chiffre de 0 à 9"),
        ({"weight": "0"}, "Le poids doit être plus grand que 0"),
        ({"weight": "abc"}, "n&#x27;est pas un nombre"),
        ({"start_date": "01/09/2021", "end_date": "01/01/2021"}, "La date de fin est avant la date de début"),
        ({"start_date": "31/02/2021"}, "Cette date ne se lit pas"),
        ({"title": ""}, "Ce champ est obligatoire"),
    ],
)
def test_bad_input_on_the_action_form_gets_a_french_message_and_writes_nothing(
    organiser_client, place, changes, message
):
    response = organiser_client.post(reverse("roadmap:action_create"), action_fields(place, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_a_parent_cannot_be_one_of_its_own_sub_actions(organiser_client, place):
    parent = ActionFactory(title="Parente", **place)
    child = ActionFactory(title="Enfant", parent=parent, **place)
    response = organiser_client.post(
        reverse("roadmap:action_edit", args=[parent.pk]), action_fields(place, title="Parente", parent=child.pk)
    )
    assert response.status_code == 200
    assert "est une sous-action de « Parente »" in response.content.decode()
    assert Action.objects.get(pk=parent.pk).parent_id is None


def test_a_parent_progress_is_not_a_field_but_a_sentence(organiser_client, place):
    parent = ActionFactory(title="Parente", progress=60, **place)
    ActionFactory(parent=parent, progress=60, **place)
    response = organiser_client.get(reverse("roadmap:action_edit", args=[parent.pk]))
    content = response.content.decode()
    assert "calculé à partir des sous-actions : 60 %" in content
    assert 'name="progress"' not in content
    # Even sent by hand, a progress on a parent is ignored: the form has no such field.
    organiser_client.post(reverse("roadmap:action_progress", args=[parent.pk]), {"status": "", "progress": "10"})
    assert Action.objects.get(pk=parent.pk).progress == 60


def test_the_quick_progress_form_writes_the_history(organiser_client, place):
    status = StatusFactory(name="Bien avancée", default_progress=50)
    action = ActionFactory(**place)
    response = organiser_client.post(
        reverse("roadmap:action_progress", args=[action.pk]), {"status": status.pk, "progress": "70"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress) == (status, 70)
    assert ActionUpdate.objects.filter(action=action, kind=UpdateKind.PROGRESS, new_progress=70).exists()


def test_a_progress_outside_0_100_is_refused_on_the_quick_form(organiser_client, place):
    action = ActionFactory(progress=20, **place)
    response = organiser_client.post(reverse("roadmap:action_progress", args=[action.pk]), {"progress": "101"})
    assert "L&#x27;avancement est un pourcentage entre 0 et 100." in response.content.decode()
    assert Action.objects.get(pk=action.pk).progress == 20
    assert not ActionUpdate.objects.exists()


def test_an_action_with_children_is_not_deleted(organiser_client, place):
    parent = ActionFactory(title="Parente", **place)
    ActionFactory(parent=parent, **place)
    response = organiser_client.post(reverse("roadmap:action_delete", args=[parent.pk]), follow=True)
    assert "a 1 sous-action" in response.content.decode()
    assert Action.objects.filter(pk=parent.pk).exists()


def test_a_leaf_is_deleted_after_confirmation(organiser_client, place):
    action = ActionFactory(**place)
    assert (
        "Supprimer l'action"
        in organiser_client.get(reverse("roadmap:action_delete", args=[action.pk])).content.decode()
    )
    organiser_client.post(reverse("roadmap:action_delete", args=[action.pk]))
    assert not Action.objects.exists()


def test_milestones_are_added_and_deleted(organiser_client, place):
    action = ActionFactory(**place)
    url = reverse("roadmap:milestone_create", args=[action.pk])
    response = organiser_client.post(url, {"date": "15/09/2020", "title": "Charte adoptée", "description": ""})
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert ActionUpdate.objects.filter(kind=UpdateKind.MILESTONE, milestone=milestone).exists()
    organiser_client.post(reverse("roadmap:milestone_delete", args=[milestone.pk]))
    assert not Milestone.objects.exists()


def test_a_milestone_without_a_date_is_refused(organiser_client, place):
    action = ActionFactory(**place)
    response = organiser_client.post(
        reverse("roadmap:milestone_create", args=[action.pk]), {"date": "demain", "title": "Étape"}
    )
    assert "Cette date ne se lit pas" in response.content.decode()
    assert not Milestone.objects.exists()


def test_links_are_set_by_number_and_an_unknown_number_is_refused(organiser_client, place):
    action = ActionFactory(**place)
    contribution = ContributionFactory()
    hidden = ContributionFactory(hidden=True)
    decision = DecisionFactory()
    url = reverse("roadmap:action_links", args=[action.pk])
    response = organiser_client.post(url, {"contributions": f"{contribution.pk}, {hidden.pk}"})
    assert f"Aucune contribution publiée ne porte le numéro {hidden.pk}" in response.content.decode()
    assert not action.contributions.exists()
    response = organiser_client.post(url, {"contributions": str(contribution.pk), "decisions": [str(decision.pk)]})
    assert response.status_code == 302
    assert list(action.contributions.all()) == [contribution]
    assert list(action.decisions.all()) == [decision]


def test_an_action_is_made_from_a_decision_in_one_step(organiser_client, place):
    decision = DecisionFactory(title="Conventionner avec les Maisons France Services")
    response = organiser_client.post(
        reverse("roadmap:action_from_decision"),
        {"decision": decision.pk, "stage": place["stage"].pk, "axis": place["axis"].pk, "parent": ""},
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.title == decision.title
    assert list(action.decisions.all()) == [decision]


def test_a_decision_of_a_meeting_not_held_is_not_offered(organiser_client, place):
    planned = DecisionFactory(meeting__held=False)
    response = organiser_client.post(
        reverse("roadmap:action_from_decision"),
        {"decision": planned.pk, "stage": place["stage"].pk, "axis": place["axis"].pk},
    )
    assert response.status_code == 200
    assert not Action.objects.exists()


def test_an_action_is_made_from_a_published_contribution_only(organiser_client, place):
    contribution = ContributionFactory(title="Un atelier le samedi")
    url = reverse("roadmap:action_from_contribution", args=[contribution.pk])
    response = organiser_client.post(url, {"stage": place["stage"].pk, "axis": place["axis"].pk})
    assert response.status_code == 302
    assert list(Action.objects.get().contributions.all()) == [contribution]
    hidden = ContributionFactory(hidden=True)
    assert organiser_client.get(reverse("roadmap:action_from_contribution", args=[hidden.pk])).status_code == 404


def test_stages_axes_and_statuses_are_created_edited_and_deleted_when_unused(organiser_client):
    organiser_client.post(reverse("roadmap:stage_create"), {"title": "Évaluer", "year": "2023", "position": "9"})
    stage = Stage.objects.get(title="Évaluer")
    organiser_client.post(reverse("roadmap:axis_create"), {"title": "Outils", "position": "0"})
    assert Axis.objects.filter(title="Outils").exists()
    organiser_client.post(
        reverse("roadmap:status_create"), {"name": "Terminée bis", "default_progress": "100", "position": "0"}
    )
    assert Status.objects.get(name="Terminée bis").default_progress == 100
    ActionFactory(stage=stage)
    response = organiser_client.post(reverse("roadmap:stage_edit", args=[stage.pk]), {"supprimer": "1"}, follow=True)
    assert "est utilisé par 1 action" in response.content.decode()
    assert Stage.objects.filter(pk=stage.pk).exists()
    unused = StageFactory()
    organiser_client.post(reverse("roadmap:stage_edit", args=[unused.pk]), {"supprimer": "1"})
    assert not Stage.objects.filter(pk=unused.pk).exists()


def test_a_status_name_is_unique_and_its_default_progress_within_0_100(organiser_client):
    StatusFactory(name="Bien avancée")
    response = organiser_client.post(reverse("roadmap:status_create"), {"name": "bien avancée", "position": "0"})
    assert "Un statut s&#x27;appelle déjà" in response.content.decode()
    response = organiser_client.post(
        reverse("roadmap:status_create"), {"name": "Autre", "default_progress": "140", "position": "0"}
    )
    assert "L&#x27;avancement est un pourcentage entre 0 et 100." in response.content.decode()
    assert not Status.objects.filter(name="Autre").exists()


def test_the_lists_of_stages_axes_and_statuses(organiser_client):
    for name in ("roadmap:stages", "roadmap:axes", "roadmap:statuses"):
        assert organiser_client.get(reverse(name)).status_code == 200


def test_milestone_factory_is_shown(organiser_client):
    milestone = MilestoneFactory(title="Premier atelier")
    response = organiser_client.get(reverse("roadmap:milestone_create", args=[milestone.action.pk]))
    assert "Premier atelier" in response.content.decode()


def test_a_new_status_brings_its_default_progress_when_the_progress_is_left_as_it_was(organiser_client, place):
    done = StatusFactory(name="Terminée pour de bon", default_progress=100)
    action = ActionFactory(progress=40, **place)
    organiser_client.post(reverse("roadmap:action_progress", args=[action.pk]), {"status": done.pk, "progress": "40"})
    assert Action.objects.get(pk=action.pk).progress == 100
    organiser_client.post(reverse("roadmap:action_progress", args=[action.pk]), {"status": done.pk, "progress": "90"})
    assert Action.objects.get(pk=action.pk).progress == 90


def test_two_stages_or_axes_of_the_same_name_are_refused(organiser_client):
    StageFactory(title="Évaluer", year=2023)
    response = organiser_client.post(
        reverse("roadmap:stage_create"), {"title": "évaluer", "year": "2023", "position": "0"}
    )
    assert "Une étape s&#x27;appelle déjà « évaluer »" in response.content.decode()
    organiser_client.post(reverse("roadmap:stage_create"), {"title": "Évaluer", "year": "2024", "position": "0"})
    assert Stage.objects.filter(title="Évaluer").count() == 2
    response = organiser_client.post(reverse("roadmap:axis_create"), {"title": "formation", "position": "0"})
    assert "Un axe s&#x27;appelle déjà « formation »" in response.content.decode()
