"""Close contributions while writing: the live panel (htmx fragment) and the confirmation step without JavaScript."""

import json
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from mediane.consultation.models import Contribution, Support
from mediane.consultation.services import support_contribution
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

TITLE = "Prêter des tablettes aux seniors"
# Line breaks and characters that HTML must escape: the confirmation step must give them back untouched.
BODY = "La médiathèque pourrait prêter des tablettes aux seniors isolés.\r\n\r\n- comme un livre & « sans frais »"


def contribute_url(theme):
    return reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug])


def panel_url(theme, assisted=False):
    name = "consultation:similar_assisted" if assisted else "consultation:similar_draft"
    return reverse(name, args=[theme.consultation.slug, theme.slug])


def close_to(theme, **kwargs):
    defaults = {
        "title": "Un prêt de tablettes pour les seniors",
        "body": "Les seniors isolés empruntent une tablette à la médiathèque, comme un livre.",
    }
    return ContributionFactory(theme=theme, **{**defaults, **kwargs})


def draft(**overrides):
    return {"kind": "proposition", "title": TITLE, "body": BODY, **overrides}


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden field {name}"
    return unescape(match.group(1))


# --- The live panel (htmx fragment) -------------------------------------------------------------------


def test_the_panel_lists_close_contributions_with_what_a_person_needs_to_choose(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme, supports_count=3)
    client.force_login(citizen)
    response = client.post(panel_url(theme), {"title": TITLE, "body": BODY})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{close.get_absolute_url()}" target="_blank" rel="noopener"' in html
    assert "Un prêt de tablettes pour les seniors" in html
    assert "Proposition" in html and "Les seniors isolés empruntent une tablette" in html
    assert "3 soutiens" in html
    assert "Soutenir cette contribution" in html
    # The button submits a small form outside the contribution form, to the existing support view.
    assert f'form="soutien-{close.pk}"' in html
    assert (
        f'<form id="soutien-{close.pk}" method="post" action="{reverse("consultation:support", args=[close.pk])}">'
        in (html)
    )
    assert 'id="similaires-annonce" hx-swap-oob="innerHTML">1 contribution proche existe déjà.' in html
    assert hidden_value(html, "similar_seen") == str(close.pk)
    assert hidden_value(html, "similar_shown") == str(close.pk)


def test_the_panel_shows_no_personal_data_beyond_the_contribution_page():
    theme = ThemeFactory()
    author = UserFactory(display_name="Bernadette Lacroix", email="bernadette@example.org")
    close_to(theme, author=author)
    client = Client()
    client.force_login(UserFactory())
    html = client.post(panel_url(theme), {"title": TITLE, "body": BODY}).content.decode()
    assert "Un prêt de tablettes" in html
    assert "Bernadette" not in html and "bernadette@example.org" not in html


def test_a_short_draft_changes_nothing_in_an_empty_panel(client, citizen):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(citizen)
    response = client.post(panel_url(theme), {"title": "Prêter", "body": "des tablettes"})
    assert response.status_code == 204


def test_the_same_suggestions_as_the_panel_shows_change_nothing(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    response = client.post(panel_url(theme), {"title": TITLE, "body": BODY, "similar_shown": str(close.pk)})
    assert response.status_code == 204


def test_when_the_draft_no_longer_looks_like_anything_the_panel_empties_and_says_so(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    data = {"title": "Prêter", "body": "", "similar_shown": str(close.pk), "similar_seen": str(close.pk)}
    html = client.post(panel_url(theme), data).content.decode()
    assert "Soutenir" not in html
    assert "Aucune contribution proche pour le moment." in html
    # What was seen stays seen: the form will not ask about it again.
    assert hidden_value(html, "similar_seen") == str(close.pk)
    assert hidden_value(html, "similar_shown") == ""


def test_the_contributions_seen_accumulate_and_damaged_ids_are_ignored(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    data = {"title": TITLE, "body": BODY, "similar_seen": "7,abc,,-3,٣,8"}
    html = client.post(panel_url(theme), data).content.decode()
    assert hidden_value(html, "similar_seen") == f"7,8,{close.pk}"


def test_ones_own_contribution_is_shown_without_a_support_button(client, citizen):
    theme = ThemeFactory()
    close_to(theme, author=citizen)
    client.force_login(citizen)
    html = client.post(panel_url(theme), {"title": TITLE, "body": BODY}).content.decode()
    assert "C'est votre contribution." in html
    assert "Soutenir cette contribution" not in html and "<form id=" not in html


def test_a_contribution_already_supported_says_so(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    support_contribution(citizen, close)
    client.force_login(citizen)
    html = client.post(panel_url(theme), {"title": TITLE, "body": BODY}).content.decode()
    assert "Vous soutenez déjà cette contribution." in html
    assert "Soutenir cette contribution" not in html


def test_an_outsider_gets_nothing(client):
    theme = ThemeFactory()
    close_to(theme)
    response = client.post(panel_url(theme), {"title": TITLE, "body": BODY})
    assert response.status_code == 403
    assert "tablettes" not in response.content.decode()


@pytest.mark.parametrize("phase", ["upcoming", "closed", "synthesis_published"])
def test_the_panel_follows_the_phase_rules_of_the_form(client, citizen, phase):
    theme = ThemeFactory(**{phase: True})
    close_to(theme)
    client.force_login(citizen)
    assert client.post(panel_url(theme), {"title": TITLE, "body": BODY}).status_code == 403


def test_the_panel_needs_a_post_with_the_csrf_token(citizen):
    theme = ThemeFactory()
    close_to(theme)
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.get(panel_url(theme), {"title": TITLE, "body": BODY}).status_code == 405
    assert client.post(panel_url(theme), {"title": TITLE, "body": BODY}).status_code == 403


def test_the_panel_runs_the_same_number_of_queries_for_one_or_five_suggestions(client, citizen, count_queries):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(citizen)

    def queries():
        with count_queries() as ctx:
            response = client.post(panel_url(theme), {"title": TITLE, "body": BODY})
        assert response.status_code == 200
        return len(ctx), response.content.decode().count("Soutenir cette contribution")

    one = queries()
    for _ in range(8):
        close_to(theme)
    five = queries()
    assert (one[1], five[1]) == (1, 5)
    # Session, user, theme, suggestions, the person's supports among them.
    assert one[0] == five[0] == 5


def test_a_mediator_sees_close_contributions_without_a_support_button(client, mediator):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(mediator)
    html = client.post(panel_url(theme, assisted=True), {"title": TITLE, "body": BODY}).content.decode()
    assert "Un prêt de tablettes pour les seniors" in html
    assert "Lisez-la avec la personne" in html
    assert "Soutenir" not in html


def test_the_mediators_panel_is_for_mediators(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    assert client.post(panel_url(theme, assisted=True), {"title": TITLE, "body": BODY}).status_code == 403


# --- The form page ------------------------------------------------------------------------------------


def test_the_form_loads_htmx_from_the_static_files_deferred_and_within_the_csp(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    html = client.get(contribute_url(theme)).content.decode()
    assert '<script defer src="/static/vendor/htmx.org/htmx.min.js"></script>' in html
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html)
    assert config and json.loads(config.group(1))["includeIndicatorStyles"] is False
    assert f'hx-post="{panel_url(theme)}"' in html
    assert 'hx-trigger="input changed delay:600ms from:#id_title, input changed delay:600ms from:#id_body"' in html
    assert 'role="status" aria-live="polite"' in html
    assert finders.find("vendor/htmx.org/htmx.min.js"), "npm ci installs htmx.org in node_modules"


def test_htmx_is_loaded_only_where_it_is_used(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    assert "htmx" not in client.get(theme.get_absolute_url()).content.decode()


def test_the_assisted_form_has_the_live_panel_too(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    html = client.get(reverse("consultation:assisted", args=[theme.consultation.slug, theme.slug])).content.decode()
    assert f'hx-post="{panel_url(theme, assisted=True)}"' in html and "htmx.min.js" in html


# --- Publishing: the confirmation step ----------------------------------------------------------------


def test_without_the_panel_close_contributions_are_shown_before_publishing_and_nothing_is_lost(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    response = client.post(contribute_url(theme), draft())
    html = response.content.decode()
    assert response.status_code == 200
    assert not Contribution.objects.filter(author=citizen).exists()
    assert "<h1>Une contribution proche existe déjà</h1>" in html
    assert "Votre contribution n'est pas encore publiée." in html
    assert close.title in html and f'form="soutien-{close.pk}"' in html
    assert "Publier quand même" in html and "Modifier mon texte" in html
    # What was typed goes back in hidden fields, character for character.
    assert (hidden_value(html, "kind"), hidden_value(html, "title"), hidden_value(html, "body")) == (
        "proposition",
        TITLE,
        BODY,
    )
    assert hidden_value(html, "similar_seen") == str(close.pk)


def test_publish_anyway_publishes_what_was_typed(client, citizen):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(citizen)
    html = client.post(contribute_url(theme), draft()).content.decode()
    resent = {name: hidden_value(html, name) for name in ("kind", "title", "body", "similar_seen")}
    response = client.post(contribute_url(theme), {**resent, "publish_anyway": "1"})
    mine = Contribution.objects.get(author=citizen)
    assert response.status_code == 302 and response["Location"] == mine.get_absolute_url()
    assert (mine.title, mine.body) == (TITLE, BODY)


def test_edit_my_text_goes_back_to_the_filled_form_and_does_not_ask_twice(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    html = client.post(contribute_url(theme), draft()).content.decode()
    resent = {name: hidden_value(html, name) for name in ("kind", "title", "body", "similar_seen")}
    form_page = client.post(contribute_url(theme), {**resent, "edit": "1"})
    form_html = form_page.content.decode()
    assert form_page.status_code == 200 and "Contribuer au thème" in form_html
    assert f'value="{TITLE}"' in unescape(form_html)
    assert "comme un livre &amp; « sans frais »</textarea>" in form_html
    assert 'value="proposition" checked' in form_html
    # The close contributions stay in view, and count as seen.
    assert close.title in form_html and hidden_value(form_html, "similar_seen") == str(close.pk)
    assert "n'est pas encore envoyée" not in form_html
    assert not Contribution.objects.filter(author=citizen).exists()

    edited = {**resent, "body": BODY + " Le samedi aussi."}
    response = client.post(contribute_url(theme), edited)
    assert response.status_code == 302
    assert Contribution.objects.get(author=citizen).body.endswith("Le samedi aussi.")


def test_contributions_the_live_panel_showed_are_not_asked_about_again(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    response = client.post(contribute_url(theme), draft(similar_seen=str(close.pk)))
    assert response.status_code == 302
    assert Contribution.objects.filter(author=citizen).count() == 1


def test_a_close_contribution_not_seen_yet_brings_the_confirmation_back(client, citizen):
    theme = ThemeFactory()
    first = close_to(theme)
    second = close_to(theme, title="Des tablettes prêtées aux seniors")
    client.force_login(citizen)
    html = client.post(contribute_url(theme), draft(similar_seen=str(first.pk))).content.decode()
    assert "Des contributions proches existent déjà" in html
    assert second.title in html
    assert not Contribution.objects.filter(author=citizen).exists()


def test_with_nothing_close_the_contribution_is_published_at_once(client, citizen):
    theme = ThemeFactory()
    close_to(ThemeFactory())
    ContributionFactory(theme=theme, title="Horaires du dimanche", body="Ouvrir le dimanche pour les familles.")
    client.force_login(citizen)
    assert client.post(contribute_url(theme), draft()).status_code == 302


def test_supporting_from_the_confirmation_step_counts_the_support(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    client.post(contribute_url(theme), draft())
    response = client.post(reverse("consultation:support", args=[close.pk]), {"action": "soutenir"})
    assert response.status_code == 302
    assert Support.objects.filter(contribution=close, user=citizen).exists()
    assert not Contribution.objects.filter(author=citizen).exists()


def test_the_confirmation_step_runs_the_same_number_of_queries_for_one_or_five(client, citizen, count_queries):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(citizen)

    def queries():
        with count_queries() as ctx:
            response = client.post(contribute_url(theme), draft())
        assert "Publier quand même" in response.content.decode()
        return len(ctx)

    one = queries()
    for _ in range(8):
        close_to(theme)
    # The fragment's five, and the page header's three (the person's roles for the menu).
    assert queries() == one == 8


def test_a_mediator_recording_for_someone_is_never_stopped_by_close_contributions(client, mediator):
    theme = ThemeFactory()
    close_to(theme)
    client.force_login(mediator)
    data = {
        **draft(),
        "category": "usager",
        "channel": "accueil",
        "consent": "on",
    }
    response = client.post(reverse("consultation:assisted", args=[theme.consultation.slug, theme.slug]), data)
    assert response.status_code == 302
    assert Contribution.objects.filter(collected_by=mediator).count() == 1


def test_the_api_publishes_even_when_close_contributions_exist(citizen):
    theme = ThemeFactory()
    close_to(theme)
    client = Client()
    client.force_login(citizen)
    response = client.post(
        f"/api/v1/themes/{theme.pk}/contributions",
        json.dumps({"kind": "proposition", "title": TITLE, "body": BODY}),
        content_type="application/json",
    )
    assert response.status_code == 201


def test_a_correction_of_the_form_keeps_what_was_seen(client, citizen):
    theme = ThemeFactory()
    close = close_to(theme)
    client.force_login(citizen)
    html = client.post(contribute_url(theme), draft(title="", similar_seen=str(close.pk))).content.decode()
    assert "Écrivez un titre." in html
    assert hidden_value(html, "similar_seen") == str(close.pk)
