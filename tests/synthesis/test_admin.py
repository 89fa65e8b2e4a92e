"""The back office shows runs, topics and the edit log, read-only: changes go through the audited services."""

import pytest
from django.urls import reverse

from mediane.synthesis.models import SynthesisEdit, SynthesisRun
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory, TopicFactory, build_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_back_office_lists_and_shows_runs_topics_and_edits_read_only(admin_client):
    theme = ThemeFactory(closed=True)
    run = build_run(theme, [("Horaires d'ouverture", [ContributionFactory(theme=theme)], 1)])
    SynthesisEdit.objects.create(run=run, action="rename", details={"summary": "Sujet « A » renommé en « B »."})
    for name in ("synthesisrun", "topic", "synthesisedit"):
        assert admin_client.get(reverse(f"admin:synthesis_{name}_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:synthesis_synthesisrun_change", args=[run.pk])).content.decode()
    assert "Horaires d&#x27;ouverture" in page
    assert (
        "Sujet « A » renommé en « B »."
        in admin_client.get(reverse("admin:synthesis_synthesisedit_changelist")).content.decode()
    )
    assert admin_client.get(reverse("admin:synthesis_synthesisrun_add")).status_code == 403


def test_no_run_can_be_deleted_from_the_back_office_so_the_edit_log_survives(admin_client):
    published, draft = SynthesisRunFactory(published=True), SynthesisRunFactory()
    edit = SynthesisEdit.objects.create(run=draft, action="rename", details={"summary": "Sujet renommé."})
    for run in (published, draft):
        delete = reverse("admin:synthesis_synthesisrun_delete", args=[run.pk])
        assert admin_client.get(delete).status_code == 403
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:synthesis_synthesisrun_changelist")
    assert "delete_selected" not in admin_client.get(changelist).content.decode()
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"}
    )
    assert response.status_code in {200, 302}
    assert SynthesisRun.objects.filter(pk__in=[published.pk, draft.pk]).count() == 2
    assert SynthesisEdit.objects.filter(pk=edit.pk).exists()
    for name, pk in (("topic", TopicFactory(run=draft).pk), ("synthesisedit", edit.pk)):
        assert admin_client.get(reverse(f"admin:synthesis_{name}_delete", args=[pk])).status_code == 403
