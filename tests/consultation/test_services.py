"""The forum's write services (contributions, supports, comments, follows) and the reads the pages rely on."""

import pytest

from mediane.consultation.models import Contribution, _score_similar, similarity_terms
from mediane.consultation.services import (
    ContributionDraft,
    ForumError,
    add_comment,
    follow_theme,
    publish_contribution,
    support_contribution,
    unfollow_theme,
    withdraw_contribution,
    withdraw_support,
)
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

DRAFT = ContributionDraft(kind="proposition", title="Ouvrir le samedi", body="Ouvrir la médiathèque le samedi.")


def test_publishing_counts_the_contribution_on_its_theme(citizen):
    theme = ThemeFactory()
    contribution = publish_contribution(citizen, theme, DRAFT)
    theme.refresh_from_db()
    assert theme.published_count == 1
    assert contribution.author_category == citizen.category and contribution.author_departement == "69"


@pytest.mark.parametrize("phase", ["closed", "upcoming", "synthesis_published"])
def test_publishing_outside_the_open_phase_is_refused_and_writes_nothing(citizen, phase):
    theme = ThemeFactory(**{phase: True})
    with pytest.raises(ForumError):
        publish_contribution(citizen, theme, DRAFT)
    assert not Contribution.objects.exists()
    theme.refresh_from_db()
    assert theme.published_count == 0


def test_withdrawing_a_published_contribution_decrements_the_theme_counter(citizen):
    theme = ThemeFactory()
    contribution = publish_contribution(citizen, theme, DRAFT)
    withdraw_contribution(citizen, contribution)
    withdraw_contribution(citizen, contribution)  # twice changes nothing more
    theme.refresh_from_db()
    assert theme.published_count == 0
    assert Contribution.objects.get().status == "retiree"


def test_an_author_takes_back_a_contribution_waiting_for_moderation(citizen):
    theme = ThemeFactory()
    contribution = ContributionFactory(theme=theme, author=citizen, status="en_attente")
    withdraw_contribution(citizen, contribution)
    assert Contribution.objects.get().status == "retiree"
    theme.refresh_from_db()
    assert theme.published_count == 0


def test_a_contribution_hidden_by_moderation_cannot_be_withdrawn(citizen):
    contribution = ContributionFactory(author=citizen, status="masquee")
    with pytest.raises(ForumError, match="masquée par la modération"):
        withdraw_contribution(citizen, contribution)
    assert Contribution.objects.get().status == "masquee"


def test_withdrawing_someone_else_s_contribution_is_refused(citizen):
    contribution = publish_contribution(UserFactory(), ThemeFactory(), DRAFT)
    with pytest.raises(ForumError, match="Seul·e l'auteur·rice"):
        withdraw_contribution(citizen, contribution)


def test_support_then_withdraw_support_leaves_the_counter_at_zero(citizen):
    contribution = ContributionFactory()
    assert support_contribution(citizen, contribution) is True
    assert withdraw_support(citizen, contribution) is True
    assert withdraw_support(citizen, contribution) is False
    contribution.refresh_from_db()
    assert contribution.supports_count == 0


def test_replies_stay_one_level_deep(citizen):
    contribution = ContributionFactory()
    top = add_comment(citizen, contribution, "Premier")
    reply = add_comment(citizen, contribution, "Réponse", parent=top)
    deeper = add_comment(citizen, contribution, "Réponse à la réponse", parent=reply)
    assert reply.parent == top and deeper.parent == top
    contribution.refresh_from_db()
    assert contribution.comments_count == 3


def test_following_twice_keeps_one_follow_and_unfollowing_removes_it(citizen):
    theme = ThemeFactory()
    assert follow_theme(citizen, theme) is True
    assert follow_theme(citizen, theme) is False
    assert unfollow_theme(citizen, theme) is True
    assert unfollow_theme(citizen, theme) is False


def test_a_listed_page_merges_published_and_hidden_rows_in_order():
    theme = ThemeFactory()
    rows = [ContributionFactory(theme=theme, supports_count=n, hidden=n == 3) for n in range(6)]
    ContributionFactory(theme=theme, supports_count=10, pending=True)
    page, more = Contribution.objects.in_theme(theme).listed_page("supports_count", size=4)
    assert [c.supports_count for c in page] == [5, 4, 3, 2] and more is True
    cursor = (page[-1].supports_count, page[-1].pk)
    page, more = Contribution.objects.in_theme(theme).listed_page("supports_count", cursor, size=4)
    assert page == [rows[1], rows[0]] and more is False
    back, more = Contribution.objects.in_theme(theme).listed_page(
        "supports_count", (rows[1].supports_count, rows[1].pk), backwards=True, size=4
    )
    assert [c.supports_count for c in back] == [5, 4, 3, 2] and more is False


def test_ties_on_the_sort_key_are_broken_by_id_without_losing_rows():
    theme = ThemeFactory()
    rows = [ContributionFactory(theme=theme, supports_count=1) for _ in range(5)]
    page, _ = Contribution.objects.in_theme(theme).listed_page("supports_count", size=2)
    page2, _ = Contribution.objects.in_theme(theme).listed_page("supports_count", (1, page[-1].pk), size=2)
    page3, more = Contribution.objects.in_theme(theme).listed_page("supports_count", (1, page2[-1].pk), size=2)
    assert [c.pk for c in page + page2 + page3] == sorted((c.pk for c in rows), reverse=True)
    assert more is False


def test_similarity_terms_are_the_most_frequent_analysed_terms():
    terms = similarity_terms("atel atel senior tablet tablet tablet de")
    assert list(terms) == ["tablet", "atel", "senior"]
    assert len(similarity_terms(" ".join(f"mot{i}" for i in range(30)))) == 8


def test_without_full_text_engine_similar_rows_are_scored_by_shared_terms():
    theme = ThemeFactory()
    source = ContributionFactory(theme=theme, title="Tablettes seniors", body="Des tablettes pour les seniors.")
    close = ContributionFactory(theme=theme, title="Tablettes seniors", body="Tablettes et seniors.")
    half = ContributionFactory(theme=theme, title="Seniors", body="Les seniors d'abord.")
    ContributionFactory(theme=theme, title="Horaires", body="Ouvrir le dimanche.")
    candidates = Contribution.objects.published().filter(theme=theme).exclude(pk=source.pk)
    assert _score_similar(candidates, similarity_terms(source.search_text), 5) == [close, half]


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x08", "\x7f", "\x85", "\x9b"])
def test_a_control_character_in_a_text_is_refused_before_anything_is_stored(citizen, char):
    """Services check text whatever called them (a form, the API, a command): the forms are not the only door."""
    theme = ThemeFactory()
    draft = ContributionDraft(kind="proposition", title="Ateliers le samedi", body=f"Un texte{char} assez long.")
    with pytest.raises(ForumError, match=r"^Le texte : caractère invisible interdit \(U\+00"):
        publish_contribution(citizen, theme, draft)
    with pytest.raises(ForumError, match="^Le commentaire : caractère invisible interdit"):
        add_comment(citizen, ContributionFactory(theme=theme), f"Bravo{char} !")
    assert not Contribution.objects.filter(theme=theme, title="Ateliers le samedi").exists()
