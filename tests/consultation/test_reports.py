"""Reporting contributions and comments, and the automatic hiding after N reports."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from mediane.consultation import services, services_moderation
from mediane.consultation.enums import CommentStatus, ContributionStatus, ModerationAction, ModerationReason
from mediane.consultation.models import Comment, ModerationLog, Report, Theme
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
    report = services_moderation.report_contribution(citizen, contribution, ModerationReason.OFF_TOPIC, "Rien à voir.")
    contribution.refresh_from_db()
    assert report.reason == ModerationReason.OFF_TOPIC
    assert contribution.reports_count == 1
    assert contribution.status == ContributionStatus.PUBLISHED
    log = ModerationLog.objects.get()
    assert (log.actor, log.action, log.reason, log.report, log.details) == (
        citizen,
        ModerationAction.REPORT,
        ModerationReason.OFF_TOPIC,
        report,
        "Rien à voir.",
    )


def test_the_log_shows_the_reporters_words_without_keeping_a_copy_of_them(citizen):
    contribution = ContributionFactory()
    report = services_moderation.report_contribution(
        citizen, contribution, ModerationReason.SPAM, "Un lien vers un casino."
    )
    assert ModerationLog.objects.get().note == ""

    report.details = ""
    report.save()

    assert ModerationLog.objects.get().details == ""


def test_a_person_reports_an_item_only_once_while_the_report_is_open(citizen):
    contribution = ContributionFactory()
    services_moderation.report_contribution(citizen, contribution, ModerationReason.SPAM)
    with pytest.raises(services.ForumError, match="Vous avez déjà signalé"):
        services_moderation.report_contribution(citizen, contribution, ModerationReason.ABUSIVE)
    contribution.refresh_from_db()
    assert contribution.reports_count == 1
    assert Report.objects.count() == 1


def test_a_person_cannot_report_their_own_contribution(citizen):
    contribution = ContributionFactory(author=citizen)
    with pytest.raises(services.ForumError, match="votre propre contribution"):
        services_moderation.report_contribution(citizen, contribution, ModerationReason.SPAM)
    assert not Report.objects.exists()


def test_pending_review_is_not_a_reason_a_person_can_pick(citizen):
    with pytest.raises(services.ForumError, match="motif"):
        services_moderation.report_contribution(citizen, ContributionFactory(), ModerationReason.PENDING_REVIEW)


def test_reports_reaching_the_threshold_hide_the_contribution_pending_review():
    theme = ThemeFactory(consultation__auto_hide_threshold=3)
    contribution, _ = published_in(theme, 2)
    for reporter in UserFactory.create_batch(2):
        services_moderation.report_contribution(reporter, contribution, ModerationReason.ABUSIVE)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED

    services_moderation.report_contribution(UserFactory(), contribution, ModerationReason.ABUSIVE)

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
        services_moderation.report_contribution(reporter, contribution, ModerationReason.SPAM)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.reports_count == 5


def test_a_hidden_contribution_can_no_longer_be_reported(citizen):
    contribution = ContributionFactory(hidden=True)
    with pytest.raises(services.ForumError, match="déjà masquée"):
        services_moderation.report_contribution(citizen, contribution, ModerationReason.SPAM)


def test_a_comment_is_hidden_pending_review_after_n_reports():
    comment = CommentFactory(contribution__theme__consultation__auto_hide_threshold=2)
    services_moderation.report_comment(UserFactory(), comment, ModerationReason.ABUSIVE)
    services_moderation.report_comment(UserFactory(), comment, ModerationReason.ABUSIVE, "Insulte.")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert comment.hidden_reason == ModerationReason.PENDING_REVIEW
    assert comment.reports_count == 2
    assert ModerationLog.objects.filter(comment=comment, action=ModerationAction.REPORT).count() == 2
    assert ModerationLog.objects.filter(comment=comment, action=ModerationAction.AUTO_HIDE).count() == 1


def test_a_person_cannot_report_their_own_comment(citizen):
    comment = CommentFactory(author=citizen)
    with pytest.raises(services.ForumError, match="votre propre commentaire"):
        services_moderation.report_comment(citizen, comment, ModerationReason.SPAM)


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
    services_moderation.report_contribution(citizen, contribution, ModerationReason.SPAM)
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


# --- What a report page may show (the outside review's reproductions) ---


def report_page(client, item):
    name = "consultation:report_comment" if isinstance(item, Comment) else "consultation:report"
    return client.get(reverse(name, args=[item.pk]))


def assert_the_report_page_shows_nothing_of(client, person, contribution) -> None:
    client.force_login(person)
    response = report_page(client, contribution)
    assert response.status_code == 404
    content = response.content.decode()
    assert contribution.title not in content
    assert contribution.body not in content
    assert contribution.author_name not in content


def test_a_hidden_contribution_cannot_be_read_through_its_report_page(client, citizen):
    contribution = ContributionFactory(hidden=True, title="Titre masque", body="Texte masque par la moderation.")
    assert_the_report_page_shows_nothing_of(client, citizen, contribution)


def test_a_withdrawn_contribution_cannot_be_read_through_its_report_page(client, citizen):
    contribution = ContributionFactory(withdrawn=True, title="Titre retire", body="Texte retire par son auteur.")
    assert_the_report_page_shows_nothing_of(client, citizen, contribution)


def test_a_pending_contribution_cannot_be_read_through_its_report_page(client, citizen):
    contribution = ContributionFactory(pending=True, title="Titre en attente", body="Texte en attente de relecture.")
    assert_the_report_page_shows_nothing_of(client, citizen, contribution)


def test_a_hidden_comment_cannot_be_read_through_its_report_page_nor_its_author(client, citizen):
    comment = CommentFactory(status=CommentStatus.HIDDEN, hidden_reason="publicite", body="Propos masque ici.")
    client.force_login(citizen)

    response = report_page(client, comment)

    assert response.status_code == 404
    content = response.content.decode()
    assert "Propos masque" not in content
    assert comment.author_name not in content


def test_a_comment_on_a_withdrawn_contribution_cannot_be_read_through_its_report_page(client, citizen):
    comment = CommentFactory(contribution__withdrawn=True, body="Commentaire sous une contribution retiree.")
    client.force_login(citizen)

    response = report_page(client, comment)

    assert response.status_code == 404
    assert "retiree" not in response.content.decode()


def test_reporting_a_hidden_contribution_one_may_read_is_refused_with_the_reason(client, moderator):
    contribution = ContributionFactory(hidden=True)
    client.force_login(moderator)

    response = report_page(client, contribution)

    assert response.status_code == 302
    assert response["Location"] == contribution.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Cette contribution est déjà masquée par l&#x27;équipe de modération" in page
    response = client.post(reverse("consultation:report", args=[contribution.pk]), {"reason": "hors_sujet"})
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_the_author_of_a_pending_contribution_is_told_there_is_nothing_to_report(client):
    contribution = ContributionFactory(pending=True)
    client.force_login(contribution.author)

    response = report_page(client, contribution)

    assert response.status_code == 302
    assert "Vous ne pouvez pas signaler votre propre contribution" in client.get(response["Location"]).content.decode()


def test_reporting_a_hidden_comment_one_wrote_is_refused(client):
    comment = CommentFactory(status=CommentStatus.HIDDEN, hidden_reason="publicite")
    client.force_login(comment.author)

    response = report_page(client, comment)

    assert response.status_code == 302
    assert response["Location"] == comment.contribution.get_absolute_url()
    assert not Report.objects.exists()


def test_the_upgrade_moves_the_reporters_words_from_the_log_to_their_report(citizen):
    upgrade = import_module("mediane.consultation.migrations.0005_moderation_log_points_at_its_report")
    contribution = ContributionFactory()
    report = Report.objects.create(contribution=contribution, reporter=citizen, reason="spam", details="Un casino.")
    copied = ModerationLog.objects.create(
        actor=citizen, action=ModerationAction.REPORT, contribution=contribution, reason="spam", note="Un casino."
    )
    # Left by a reporter whose account was deleted before the report kept the only copy.
    orphan = ModerationLog.objects.create(
        actor=None, action=ModerationAction.REPORT, contribution=contribution, reason="spam", note="Mon voisin."
    )
    moderators = ModerationLog.objects.create(
        actor=None, action=ModerationAction.AUTO_HIDE, contribution=contribution, note="3 signalements en cours."
    )

    upgrade.link_entries_to_reports(apps, None)

    copied.refresh_from_db()
    assert (copied.report, copied.note, copied.details) == (report, "", "Un casino.")
    orphan.refresh_from_db()
    assert orphan.note == ""
    moderators.refresh_from_db()
    assert moderators.note == "3 signalements en cours."
