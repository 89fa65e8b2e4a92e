"""Journey 2: a participant reports a contribution, a moderator hides it from the queue with a reason, and
it leaves the open data while the theme page shows a placeholder naming the reason. Every page is audited."""

import csv
import io
import re

from playwright.sync_api import expect

from mediane.consultation.enums import ContributionStatus, ModerationAction
from mediane.consultation.models import ModerationLog, Report, Theme
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in

pytestmark = E2E_MARKS

SPAM = "Montres de luxe à prix cassés"
KEPT = "Un atelier tablette pour les seniors"


def open_data_titles(page) -> set[str]:
    response = page.request.get("/forum/donnees-ouvertes/contributions.csv")
    assert response.status == 200
    text = response.text().lstrip("\ufeff")
    return {row.get("titre") or row.get("title") or "" for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_a_moderator_hides_a_reported_contribution_and_it_leaves_the_open_data(browse, citizen, moderator):
    theme = ThemeFactory(title="Rôle et missions des bibliothèques")
    spam = ContributionFactory(theme=theme, title=SPAM, body="Rendez-vous sur notre boutique en ligne.")
    ContributionFactory(theme=theme, title=KEPT)
    # Factories leave the denormalised counter alone; the hiding service decrements it.
    Theme.objects.filter(pk=theme.pk).update(published_count=2)

    # A participant reports it, with a reason.
    reporter = browse(javascript=True)
    log_in(reporter, citizen.email, PASSWORD, spam.get_absolute_url())
    assert_accessible(reporter)
    assert open_data_titles(reporter) >= {SPAM, KEPT}
    follow(reporter.get_by_role("link", name="Signaler cette contribution"))
    assert_accessible(reporter)
    choose(reporter, "Publicité ou spam")
    reporter.get_by_label("Précisions (facultatif)").fill("Publicité pour une boutique.")
    follow(reporter.get_by_role("button", name="Envoyer le signalement"))
    assert_accessible(reporter)
    assert Report.objects.filter(contribution=spam, reporter=citizen, resolved_at__isnull=True).count() == 1

    # The moderator finds it in the queue and hides it with a reason.
    page = browse(javascript=True)
    log_in(page, moderator.email, PASSWORD, "/forum/moderation/")
    assert_accessible(page)
    reported = page.locator("section", has=page.get_by_role("heading", name=re.compile("^Signalées")))
    expect(reported.get_by_role("link", name=SPAM, exact=True)).to_be_visible()
    expect(reported.get_by_text("Publicité pour une boutique.")).to_be_visible()
    follow(reported.get_by_role("link", name=f"Masquer « {SPAM} »"))
    assert_accessible(page)
    choose(page, "Publicité ou spam")
    follow(page.get_by_role("button", name=re.compile("^Masquer")))
    assert_accessible(page)
    spam.refresh_from_db()
    assert spam.status == ContributionStatus.HIDDEN
    assert spam.hidden_reason == "publicite"
    assert ModerationLog.objects.filter(contribution=spam, actor=moderator, action=ModerationAction.HIDE).exists()
    theme.refresh_from_db()
    assert theme.published_count == 1

    # It leaves the open data; the other contribution stays.
    titles = open_data_titles(page)
    assert SPAM not in titles
    assert KEPT in titles
    json_export = page.request.get("/forum/donnees-ouvertes/contributions.json")
    assert json_export.status == 200
    assert SPAM not in json_export.text()
    assert KEPT in json_export.text()

    # The theme page keeps its place with a placeholder naming the reason's category, not the text.
    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text("masquée par la modération : Publicité ou spam")).to_be_visible()
    expect(page.get_by_text(SPAM)).to_have_count(0)
    expect(page.get_by_role("link", name=KEPT)).to_be_visible()
