"""Who opens the roadmap's organisers' pages: every URL pattern of `urls_manage.py` × persona → status, and the
tree page's query count, the same with one action and with many."""

import pytest
from django.urls import reverse

from mediane.roadmap import urls_manage
from mediane.roadmap.models import Action
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import ActionFactory, AxisFactory, MilestoneFactory, StageFactory, StatusFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["outsider", "citizen", "wg_member", "moderator", "organiser"]


def urls():
    action = ActionFactory()
    milestone = MilestoneFactory(action=action)
    contribution = ContributionFactory()
    args = {
        "action_edit": [action.pk],
        "action_delete": [action.pk],
        "action_progress": [action.pk],
        "milestone_create": [action.pk],
        "milestone_delete": [milestone.pk],
        "action_links": [action.pk],
        "action_from_contribution": [contribution.pk],
        "stage_edit": [action.stage_id],
        "axis_edit": [action.axis_id],
        "status_edit": [StatusFactory().pk],
    }
    return {
        pattern.name: reverse(f"roadmap:{pattern.name}", args=args.get(pattern.name, []))
        for pattern in urls_manage.urlpatterns
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_open_the_organisers_pages(client, request, persona):
    user = request.getfixturevalue(persona)
    if user.is_authenticated:
        client.force_login(user)
    for name, url in urls().items():
        response = client.get(url)
        if name == "milestone_delete":  # POST only
            expected = {405} if persona == "organiser" else {302, 403, 405}
        elif persona == "organiser":
            expected = {200}
        elif persona == "outsider":
            expected = {302}
        else:
            expected = {403}
        assert response.status_code in expected, (name, persona, response.status_code)
        if persona == "outsider" and response.status_code == 302:
            assert "/compte/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["outsider", "citizen", "moderator"])
def test_a_refused_post_writes_nothing(client, request, persona):
    user = request.getfixturevalue(persona)
    if user.is_authenticated:
        client.force_login(user)
    all_urls = urls()
    before = Action.objects.count()
    client.post(all_urls["action_create"], {"title": "Intrusion"})
    client.post(all_urls["action_delete"], {})
    assert Action.objects.count() == before


def test_the_tree_page_runs_as_many_queries_with_one_action_as_with_many(client, organiser, count_queries):
    client.force_login(organiser)
    url = reverse("roadmap:manage")
    stage, axis = StageFactory(), AxisFactory()
    root = ActionFactory(stage=stage, axis=axis)
    client.get(url)
    with count_queries() as one:
        assert client.get(url).status_code == 200
    for index in range(15):
        child = ActionFactory(stage=stage, axis=axis, parent=root, status=StatusFactory())
        ActionFactory(stage=StageFactory(), axis=axis, parent=child if index % 2 else None)
    with count_queries() as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(one)


def test_the_vocabulary_lists_run_a_constant_number_of_queries(client, organiser, count_queries):
    client.force_login(organiser)
    url = reverse("roadmap:stages")
    client.get(url)
    with count_queries() as few:
        client.get(url)
    for _ in range(10):
        ActionFactory(stage=StageFactory())
    with count_queries() as many:
        client.get(url)
    assert len(many) == len(few)
