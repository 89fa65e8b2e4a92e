"""Moderation: hide, restore, pre-moderation, dismissing reports, the queue and the audit log."""

import pytest
from django.urls import reverse

from mediane.consultation import services, services_moderation
from mediane.consultation.enums import CommentStatus, ContributionStatus, ModerationAction, ModerationReason
from mediane.consultation.models import ModerationLog, Report, Theme
from tests.accounts.factories import UserFactory
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def published(theme=None, **kwargs):
    """A published contribution with the theme counter as the services keep it."""
    contribution = ContributionFactory(theme=theme or ThemeFactory(), **kwargs)
    Theme.objects.filter(pk=contribution.theme_id).update(published_count=1)
    return contribution


def reported(contribution, count=2):
    for reporter in UserFactory.create_batch(count):
        services_moderation.report_contribution(reporter, contribution, ModerationReason.ABUSIVE)
    return contribution


def published_count(contribution):
    return Theme.objects.get(pk=contribution.theme_id).published_count


def last_log():
    return ModerationLog.objects.order_by("-id").first()


# --- Services ---


def test_a_moderator_hides_a_contribution_with_a_reason(moderator):
    contribution = reported(published())

    services_moderation.hide_contribution(moderator, contribution, ModerationReason.ABUSIVE, "Insultes répétées.")

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN
    assert (contribution.hidden_reason, contribution.hidden_note) == (
        ModerationReason.ABUSIVE,
        "Insultes répétées.",
    )
    assert contribution.reports_count == 0
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert published_count(contribution) == 0
    log = last_log()
    assert (log.actor, log.action, log.contribution, log.reason, log.note) == (
        moderator,
        ModerationAction.HIDE,
        contribution,
        ModerationReason.ABUSIVE,
        "Insultes répétées.",
    )


def test_only_the_moderation_team_may_hide(citizen):
    contribution = published()
    with pytest.raises(services.ForumError, match="équipe de modération"):
        services_moderation.hide_contribution(citizen, contribution, ModerationReason.SPAM)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED


def test_hiding_needs_a_reason_from_the_list(moderator):
    with pytest.raises(services.ForumError, match="motif"):
        services_moderation.hide_contribution(moderator, published(), "")


def test_an_organiser_may_moderate_too(organiser):
    contribution = published()
    services_moderation.hide_contribution(organiser, contribution, ModerationReason.SPAM)
    assert contribution.status == ContributionStatus.HIDDEN


def test_a_withdrawn_contribution_cannot_be_hidden(moderator):
    contribution = ContributionFactory(withdrawn=True)
    with pytest.raises(services.ForumError, match="Impossible de passer"):
        services_moderation.hide_contribution(moderator, contribution, ModerationReason.SPAM)
    assert not ModerationLog.objects.exists()


def test_hiding_twice_is_refused(moderator):
    contribution = ContributionFactory(hidden=True)
    with pytest.raises(services.ForumError, match="déjà"):
        services_moderation.hide_contribution(moderator, contribution, ModerationReason.SPAM)


def test_the_transition_table_refuses_what_it_does_not_list():
    services.check_transition(ContributionStatus.HIDDEN, ContributionStatus.PUBLISHED)
    with pytest.raises(services.ForumError):
        services.check_transition(ContributionStatus.WITHDRAWN, ContributionStatus.PUBLISHED)
    with pytest.raises(services.ForumError):
        services.check_transition(ContributionStatus.HIDDEN, ContributionStatus.WITHDRAWN)


def test_a_moderator_restores_a_hidden_contribution_and_says_why(moderator):
    contribution = published()
    services_moderation.hide_contribution(moderator, contribution, ModerationReason.OFF_TOPIC)

    services_moderation.restore_contribution(moderator, contribution, "Finalement dans le sujet.")

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.hidden_reason == ""
    assert published_count(contribution) == 1
    log = last_log()
    assert (log.action, log.reason, log.note) == (
        ModerationAction.RESTORE,
        ModerationReason.OFF_TOPIC,
        "Finalement dans le sujet.",
    )


def test_restoring_needs_a_note(moderator):
    contribution = ContributionFactory(hidden=True)
    with pytest.raises(services.ForumError, match="Le motif du rétablissement est vide"):
        services_moderation.restore_contribution(moderator, contribution, "  ")
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN


def test_only_a_hidden_contribution_can_be_restored(moderator):
    with pytest.raises(services.ForumError, match="masquée"):
        services_moderation.restore_contribution(moderator, published(), "Pourquoi pas.")


def test_restoring_an_auto_hidden_contribution_closes_its_reports(moderator):
    contribution = reported(published(ThemeFactory(consultation__auto_hide_threshold=2)))
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN
    assert published_count(contribution) == 0

    services_moderation.restore_contribution(moderator, contribution, "Signalements abusifs.")

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.reports_count == 0
    assert published_count(contribution) == 1
    assert not Report.objects.filter(resolved_at__isnull=True).exists()


def test_confirming_an_automatic_hiding_keeps_the_counter_right(moderator):
    contribution = reported(published(ThemeFactory(consultation__auto_hide_threshold=2)))
    services_moderation.hide_contribution(moderator, contribution, ModerationReason.ABUSIVE)
    contribution.refresh_from_db()
    assert contribution.hidden_reason == ModerationReason.ABUSIVE
    assert contribution.reports_count == 0
    assert published_count(contribution) == 0


def test_reports_of_an_item_awaiting_review_cannot_just_be_dismissed(moderator):
    contribution = reported(published(ThemeFactory(consultation__auto_hide_threshold=2)))
    with pytest.raises(services.ForumError, match="rétablissez-la ou confirmez"):
        services_moderation.dismiss_reports(moderator, contribution)


def test_a_moderator_dismisses_the_reports_of_a_contribution_that_stays(moderator):
    contribution = reported(published())

    assert services_moderation.dismiss_reports(moderator, contribution, "Rien d'anormal.") == 2

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.reports_count == 0
    assert last_log().action == ModerationAction.DISMISS
    with pytest.raises(services.ForumError, match="aucun signalement"):
        services_moderation.dismiss_reports(moderator, contribution)


def test_pre_moderation_keeps_new_contributions_waiting(citizen):
    theme = ThemeFactory(consultation__pre_moderation=True)
    contribution = services.publish_contribution(
        citizen,
        theme,
        services.ContributionDraft(kind="proposition", title="Un titre clair", body="Un texte assez long pour passer."),
    )
    theme.refresh_from_db()
    assert contribution.status == ContributionStatus.PENDING
    assert theme.published_count == 0


def test_approving_a_waiting_contribution_publishes_it(moderator):
    contribution = ContributionFactory(pending=True)

    services_moderation.approve_contribution(moderator, contribution)

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED
    assert contribution.published_at is not None
    assert published_count(contribution) == 1
    assert (last_log().action, last_log().actor) == (ModerationAction.APPROVE, moderator)


def test_rejecting_a_waiting_contribution_hides_it_with_its_reason(moderator):
    contribution = ContributionFactory(pending=True)

    services_moderation.reject_contribution(moderator, contribution, ModerationReason.PERSONAL_DATA, "Adresse visible.")

    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN
    assert contribution.hidden_reason == ModerationReason.PERSONAL_DATA
    assert published_count(contribution) == 0
    assert (last_log().action, last_log().reason) == (ModerationAction.REJECT, ModerationReason.PERSONAL_DATA)


def test_only_a_waiting_contribution_can_be_approved_or_rejected(moderator):
    contribution = published()
    with pytest.raises(services.ForumError, match="n'attend pas"):
        services_moderation.approve_contribution(moderator, contribution)
    with pytest.raises(services.ForumError, match="n'attend pas"):
        services_moderation.reject_contribution(moderator, contribution, ModerationReason.SPAM)


def test_comments_are_hidden_restored_and_their_reports_dismissed_with_a_log(moderator):
    comment = CommentFactory()
    services_moderation.report_comment(UserFactory(), comment, ModerationReason.SPAM)
    services_moderation.dismiss_comment_reports(moderator, comment)
    assert last_log().action == ModerationAction.DISMISS

    services_moderation.hide_comment(moderator, comment, ModerationReason.SPAM, "Lien publicitaire.")
    comment.refresh_from_db()
    assert (comment.status, comment.hidden_reason) == (CommentStatus.HIDDEN, ModerationReason.SPAM)
    assert (last_log().action, last_log().comment) == (ModerationAction.HIDE, comment)

    services_moderation.restore_comment(moderator, comment, "Lien utile en fait.")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert (last_log().action, last_log().note) == (ModerationAction.RESTORE, "Lien utile en fait.")


def test_a_hidden_contribution_is_not_in_the_open_data_export(client, moderator):
    contribution = published(title="Une contribution à masquer")
    services_moderation.hide_contribution(moderator, contribution, ModerationReason.ABUSIVE)
    response = client.get(reverse("consultation:open_data_csv"))
    content = b"".join(response.streaming_content).decode()
    assert "Une contribution à masquer" not in content


# --- The queue and the log ---


def test_the_queue_is_for_the_moderation_team_only(client, citizen, mediator):
    url = reverse("consultation:moderation_queue")
    assert url == "/forum/moderation/"
    assert client.get(url).status_code == 302
    for person in (citizen, mediator):
        client.force_login(person)
        assert client.get(url).status_code == 403


def test_the_queue_lists_pending_reported_and_hidden_items(client, moderator):
    ContributionFactory(pending=True, title="En attente de validation ici")
    reported(published(title="Très signalée"), count=2)
    ContributionFactory(hidden=True, title="Déjà masquée")
    comment = CommentFactory(body="Commentaire signalé")
    services_moderation.report_comment(UserFactory(), comment, ModerationReason.SPAM, "Pub.")
    client.force_login(moderator)

    content = client.get(reverse("consultation:moderation_queue")).content.decode()

    assert "En attente de validation ici" in content
    assert "Très signalée" in content
    assert "2 signalements en cours" in content
    assert "Propos injurieux ou discriminatoires" in content
    assert "Commentaire signalé" in content
    assert "Déjà masquée" in content


def test_the_most_reported_come_first(client, moderator):
    reported(published(title="Une fois"), count=1)
    reported(published(title="Trois fois"), count=3)
    client.force_login(moderator)
    content = client.get(reverse("consultation:moderation_queue")).content.decode()
    assert content.index("Trois fois") < content.index("Une fois")


def _fill_queue(count):
    theme = ThemeFactory(consultation__auto_hide_threshold=0)
    reporters = UserFactory.create_batch(2)
    for _ in range(count):
        ContributionFactory(theme=theme, pending=True)
        ContributionFactory(theme=theme, hidden=True)
        contribution = ContributionFactory(theme=theme)
        comment = CommentFactory(contribution=contribution)
        for reporter in reporters:
            services_moderation.report_contribution(reporter, contribution, ModerationReason.SPAM)
            services_moderation.report_comment(reporter, comment, ModerationReason.SPAM)


@pytest.mark.parametrize("url_name", ["consultation:moderation_queue", "consultation:moderation_log"])
def test_the_moderation_pages_run_a_constant_number_of_queries(client, moderator, count_queries, url_name):
    client.force_login(moderator)
    url = reverse(url_name)
    _fill_queue(3)
    client.get(url)  # warm the session and the permission caches
    with count_queries() as small:
        assert client.get(url).status_code == 200
    _fill_queue(27)
    with count_queries() as large:
        assert client.get(url).status_code == 200
    assert len(small) == len(large)


def test_a_moderator_hides_from_the_action_page(client, moderator):
    contribution = reported(published(title="À masquer"))
    client.force_login(moderator)
    url = reverse("consultation:hide", args=[contribution.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "À masquer" in page.content.decode()

    response = client.post(url, {"reason": ModerationReason.ABUSIVE, "note": "Propos blessants."})

    assert response.status_code == 302
    assert response["Location"] == reverse("consultation:moderation_queue")
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN


def test_restoring_from_the_page_without_a_note_shows_an_error(client, moderator):
    contribution = ContributionFactory(hidden=True)
    client.force_login(moderator)
    response = client.post(reverse("consultation:restore", args=[contribution.pk]), {"note": ""})
    assert response.status_code == 200
    assert "Expliquez pourquoi vous rétablissez ce contenu." in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.HIDDEN


def test_a_refused_transition_is_explained_on_the_page(client, moderator):
    contribution = ContributionFactory(withdrawn=True)
    client.force_login(moderator)
    response = client.post(reverse("consultation:hide", args=[contribution.pk]), {"reason": ModerationReason.SPAM})
    assert response.status_code == 200
    assert "Impossible de passer" in response.content.decode()


def test_one_click_approval_and_dismissal_from_the_queue(client, moderator):
    waiting = ContributionFactory(pending=True)
    flagged = reported(published())
    client.force_login(moderator)
    assert client.post(reverse("consultation:approve", args=[waiting.pk])).status_code == 302
    assert client.post(reverse("consultation:dismiss_reports", args=[flagged.pk])).status_code == 302
    waiting.refresh_from_db()
    flagged.refresh_from_db()
    assert waiting.status == ContributionStatus.PUBLISHED
    assert flagged.reports_count == 0


def test_comment_actions_go_through_their_pages(client, moderator):
    comment = CommentFactory()
    client.force_login(moderator)
    client.post(reverse("consultation:hide_comment", args=[comment.pk]), {"reason": ModerationReason.SPAM})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    client.post(reverse("consultation:restore_comment", args=[comment.pk]), {"note": "Erreur de ma part."})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_a_citizen_cannot_use_the_moderation_actions(client, citizen):
    contribution = published()
    client.force_login(citizen)
    response = client.post(reverse("consultation:hide", args=[contribution.pk]), {"reason": ModerationReason.SPAM})
    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PUBLISHED


def test_the_log_shows_every_action_with_its_author(client, moderator):
    contribution = reported(published(title="Suivie au journal"), count=1)
    services_moderation.hide_contribution(moderator, contribution, ModerationReason.SPAM, "Publicité.")
    client.force_login(moderator)
    content = client.get(reverse("consultation:moderation_log")).content.decode()
    assert "Suivie au journal" in content
    assert "Signalement" in content
    assert "Masquage" in content
    assert "Mona" in content
    assert "Publicité." in content
