"""Reporting contributions and comments, and the automatic hiding after N reports."""

import pytest
from django.urls import reverse

from mediane.consultation import services
from mediane.consultation.enums import CommentStatus, ContributionStatus, ModerationAction, ModerationReason
from mediane.consultation.models import ModerationLog, Report, Theme
from tests.accounts.factories import UserFactory
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def published_in(theme, count):
    """Contributions made by the factory, with the theme counter set as the services would have."""
    contributions = ContributionFactory.create_batch(count, theme=theme)
    Theme.objects.filter(pk=theme.pk).update(published_count=count)
    return contributions


def test_a_report_is_stored_counted_and_logged(citizen):
    contribution = ContributionFactory()
    report = services.report_contribution(citizen, contribution, ModerationReason.OFF_TOPIC, "Rien à voir.")
    contribution.refresh_from_db()
    assert report.reason == ModerationReason.OFF_TOPIC
    assert contribution.reports_count == 1
    assert contribution.status == ContributionStatus.PUBLISHED
    log = ModerationLog.objects.get()
    assert (log.actor, log.action, log.reason, log.note) == (
        citizen,
        ModerationAction.REPORT,
        ModerationReason.OFF_TOPIC,
        "Rien à voir.",
    )


def test_a_person_reports_an_item_only_once_while_the_report_is_open(citizen):
    contribution = ContributionFactory()
    services.report_contribution(citizen, contribution, ModerationReason.SPAM)
    with pytest.raises(services.ForumError, match="Vous avez déjà signalé"):
        services.report_contribution(citizen, contribution, ModerationReason.ABUSIVE)
    contribution.refresh_from_db()
    assert contribution.reports_count == 1
    assert Report.objects.count() == 1


def test_a_person_cannot_report_their_own_contribution(citizen):
    contribution = ContributionFactory(author=citizen)
    with pytest.raises(services.ForumError, match="votre propre contribution"):
        services.report_contribution(citizen, contribution, ModerationReason.SPAM)
    assert not Report.objects.exists()


def test_pending_review_is_not_a_reason_a_person_can_pick(citizen):
    with pytest.raises(services.ForumError, match="motif"):
        services.report_contribution(citizen, ContributionFactory(), ModerationReason.PENDING_REVIEW)


def test_reports_reaching_the_threshold_hide_the_contribution_pending_review():
    theme = ThemeFactory(consultation__auto_hide_threshold=3)
    contribution, _ = published_in(theme, 2)
    for reporter in UserFactory.create_batch(2):
        services.report_contribution(reporter, contribution, ModerationReason.ABUSIVE)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED

    services.report_contribution(UserFactory(), contribution, ModerationReason.ABUSIVE)

    contribution.refresh_from_db()
    theme.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN
    assert contribution.hidden_reason == ModerationReason.PENDING_REVIEW
    assert contribution.reports_count == 3
    assert theme.published_count == 1
    auto = ModerationLog.objects.get(action=ModerationAction.AUTO_HIDE)
    assert auto.actor is None and auto.contribution == contribution


def test_a_zero_threshold_never_hides_automatically():
    contribution = ContributionFactory(theme__consultation__auto_hide_threshold=0)
    for reporter in UserFactory.create_batch(5):
        services.report_contribution(reporter, contribution, ModerationReason.SPAM)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.reports_count == 5


def test_a_hidden_contribution_can_no_longer_be_reported(citizen):
    contribution = ContributionFactory(hidden=True)
    with pytest.raises(services.ForumError, match="plus publiée"):
        services.report_contribution(citizen, contribution, ModerationReason.SPAM)


def test_a_comment_is_hidden_pending_review_after_n_reports():
    comment = CommentFactory(contribution__theme__consultation__auto_hide_threshold=2)
    services.report_comment(UserFactory(), comment, ModerationReason.ABUSIVE)
    services.report_comment(UserFactory(), comment, ModerationReason.ABUSIVE, "Insulte.")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert comment.hidden_reason == ModerationReason.PENDING_REVIEW
    assert comment.reports_count == 2
    assert ModerationLog.objects.filter(comment=comment, action=ModerationAction.REPORT).count() == 2
    assert ModerationLog.objects.filter(comment=comment, action=ModerationAction.AUTO_HIDE).count() == 1


def test_a_person_cannot_report_their_own_comment(citizen):
    comment = CommentFactory(author=citizen)
    with pytest.raises(services.ForumError, match="votre propre commentaire"):
        services.report_comment(citizen, comment, ModerationReason.SPAM)


# --- The report page ---


def test_the_report_page_asks_to_log_in(client):
    contribution = ContributionFactory()
    response = client.get(reverse("consultation:report", args=[contribution.pk]))
    assert response.status_code == 302
    assert "connexion" in response["Location"] or "login" in response["Location"]


def test_a_person_reports_through_the_page_and_goes_back_to_the_contribution(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    url = reverse("consultation:report", args=[contribution.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Pourquoi signalez-vous ce contenu ?" in page.content.decode()
    assert "En attente d'examen" not in page.content.decode()

    response = client.post(url, {"reason": ModerationReason.PERSONAL_DATA, "details": "Un numéro de téléphone."})

    assert response.status_code == 302
    assert response["Location"] == contribution.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.details) == (
        citizen,
        ModerationReason.PERSONAL_DATA,
        "Un numéro de téléphone.",
    )


def test_the_page_says_so_when_the_person_already_reported(client, citizen):
    contribution = ContributionFactory()
    services.report_contribution(citizen, contribution, ModerationReason.SPAM)
    client.force_login(citizen)
    response = client.post(reverse("consultation:report", args=[contribution.pk]), {"reason": ModerationReason.SPAM})
    assert response.status_code == 200
    assert "Vous avez déjà signalé cette contribution" in response.content.decode()
    assert Report.objects.count() == 1


def test_a_report_without_a_reason_shows_an_error_and_stores_nothing(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    response = client.post(reverse("consultation:report", args=[contribution.pk]), {"details": "?"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Choisissez la raison de votre signalement." in content
    assert "fr-fieldset--error" in content
    assert not Report.objects.exists()


def test_a_person_reports_a_comment_through_its_page(client, citizen):
    comment = CommentFactory()
    client.force_login(citizen)
    response = client.post(
        reverse("consultation:report_comment", args=[comment.pk]), {"reason": ModerationReason.ABUSIVE}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.reports_count == 1
