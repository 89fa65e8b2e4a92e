"""Commenting from the contribution page: one reply level, French errors, inert HTML."""

import pytest
from django.urls import reverse

from mediane.consultation.models import Comment
from tests.accounts.factories import UserFactory
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory
from tests.consultation.test_write_contribution import XSS_PAYLOADS, active_content

pytestmark = pytest.mark.django_db


def comment_url(contribution):
    return reverse("consultation:comment", args=[contribution.pk])


def test_a_comment_is_published_and_counted(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    response = client.post(comment_url(contribution), {"body": "Très bonne idée, à Lens aussi."})
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#commentaire-{comment.pk}")
    assert comment.author == citizen and comment.parent is None
    contribution.refresh_from_db()
    assert contribution.comments_count == 1


def test_a_reply_attaches_to_its_top_level_comment(client, citizen):
    top = CommentFactory()
    client.force_login(citizen)
    client.post(comment_url(top.contribution), {"body": "Je réponds.", "parent": top.pk})
    assert Comment.objects.get(body="Je réponds.").parent == top


def test_a_reply_to_a_reply_attaches_to_the_top_level_comment(client, citizen):
    top = CommentFactory()
    reply = CommentFactory(contribution=top.contribution, parent=top)
    client.force_login(citizen)
    client.post(comment_url(top.contribution), {"body": "Réponse à la réponse.", "parent": reply.pk})
    assert Comment.objects.get(body="Réponse à la réponse.").parent == top


def test_a_parent_from_another_contribution_is_ignored(client, citizen):
    other = CommentFactory()
    contribution = ContributionFactory()
    client.force_login(citizen)
    client.post(comment_url(contribution), {"body": "Un avis.", "parent": other.pk})
    assert Comment.objects.get(body="Un avis.").parent is None


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Écrivez votre commentaire."), ("x" * 2001, "Le commentaire est trop long"), ("x", "trop court")],
)
def test_an_empty_or_over_long_comment_gets_a_french_error_and_stores_nothing(client, citizen, body, message):
    contribution = ContributionFactory()
    client.force_login(citizen)
    response = client.post(comment_url(contribution), {"body": body})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Comment.objects.exists()


def test_commenting_in_a_closed_theme_is_refused(client, citizen):
    contribution = ContributionFactory(theme=ThemeFactory(closed=True))
    client.force_login(citizen)
    response = client.post(comment_url(contribution), {"body": "Trop tard ?"}, follow=True)
    assert "Ce thème est clos" in response.content.decode()
    assert not Comment.objects.exists()


def test_commenting_needs_the_charter(client):
    person = UserFactory(without_charter=True)
    client.force_login(person)
    response = client.post(comment_url(ContributionFactory()), {"body": "Bonjour à tous."}, follow=True)
    assert "Acceptez la charte" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_outsider_cannot_comment(client):
    response = client.post(comment_url(ContributionFactory()), {"body": "Anonyme."})
    assert response.status_code == 302
    assert not Comment.objects.exists()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_html_and_script_in_a_comment_render_inert(client, citizen, payload):
    contribution = ContributionFactory()
    client.force_login(citizen)
    response = client.post(comment_url(contribution), {"body": f"Avis {payload} fin."})
    assert response.status_code == 302
    html = client.get(contribution.get_absolute_url()).content.decode()
    assert active_content(html) == []
