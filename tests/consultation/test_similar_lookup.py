"""`Contribution.objects.similar_to_text`: the close contributions of a draft, as the person types it."""

import pytest

from mediane.consultation.models import (
    DRAFT_MIN_SHARED,
    DRAFT_SIMILAR_FIELDS,
    Contribution,
    _score_similar,
    similarity_terms,
)
from mediane.consultation.search import search_document
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

DRAFT = "Prêter des tablettes aux seniors\nLa médiathèque pourrait prêter des tablettes aux seniors isolés."


def close_to(theme, **kwargs):
    defaults = {
        "title": "Un prêt de tablettes pour les seniors",
        "body": "Les seniors isolés empruntent une tablette à la médiathèque, comme un livre.",
    }
    return ContributionFactory(theme=theme, **{**defaults, **kwargs})


def test_a_draft_finds_the_published_contributions_of_its_theme_that_say_the_same_thing():
    theme = ThemeFactory()
    close = close_to(theme)
    ContributionFactory(theme=theme, title="Horaires du dimanche", body="Ouvrir le dimanche pour les familles.")
    assert Contribution.objects.similar_to_text(theme, DRAFT) == [close]


def test_a_draft_with_fewer_than_three_significant_terms_finds_nothing_and_runs_no_query(
    django_assert_num_queries,
):
    theme = ThemeFactory()
    close_to(theme)
    with django_assert_num_queries(0):
        # « Prêter des tablettes » is two terms; stop words and weak words (« peuvent », « beaucoup ») do not count.
        assert Contribution.objects.similar_to_text(theme, "Prêter des tablettes") == []
        assert Contribution.objects.similar_to_text(theme, "Les gens peuvent prêter beaucoup de tablettes") == []
        assert Contribution.objects.similar_to_text(theme, "") == []


def test_another_theme_is_never_searched():
    theme = ThemeFactory()
    close_to(ThemeFactory())
    assert Contribution.objects.similar_to_text(theme, DRAFT) == []


@pytest.mark.parametrize("state", ["hidden", "withdrawn", "pending"])
def test_hidden_withdrawn_and_pending_contributions_are_never_suggested(state):
    theme = ThemeFactory()
    close_to(theme, **{state: True})
    assert Contribution.objects.similar_to_text(theme, DRAFT) == []


def test_a_contribution_sharing_fewer_than_three_terms_with_the_draft_is_not_close():
    theme = ThemeFactory()
    # Shares « tablet » and « senior » only: the same words, not the same idea.
    ContributionFactory(theme=theme, title="Des seniors sur tablette", body="Un atelier photo sur tablette.")
    assert Contribution.objects.similar_to_text(theme, DRAFT) == []


def test_at_most_five_are_suggested_best_first_in_one_query(django_assert_num_queries):
    theme = ThemeFactory()
    closest = close_to(theme, title="Prêter des tablettes aux seniors isolés", body=DRAFT)
    for _ in range(7):
        close_to(theme)
    with django_assert_num_queries(1):
        similar = Contribution.objects.similar_to_text(theme, DRAFT, limit=5)
    assert len(similar) == 5
    assert similar[0] == closest


def test_the_suggestions_carry_what_the_form_shows_without_another_query(django_assert_num_queries):
    theme = ThemeFactory()
    close_to(theme, supports_count=4)
    with django_assert_num_queries(1):
        (row,) = Contribution.objects.similar_to_text(theme, DRAFT)
        assert (row.title, row.kind, row.supports_count, row.status, row.theme_id) == (
            "Un prêt de tablettes pour les seniors",
            "proposition",
            4,
            "publiee",
            theme.pk,
        )
        assert row.body.startswith("Les seniors isolés") and row.author_id is not None
    assert set(DRAFT_SIMILAR_FIELDS) >= {"body", "status", "author", "theme", "supports_count"}


def test_the_title_words_lead_the_terms_of_a_long_draft():
    body = " ".join(f"mot{i}" for i in range(20))
    terms = similarity_terms(search_document("Médiathèque mobile", body))
    assert list(terms)[:2] == ["mediathequ", "mobil"]


def test_weak_words_are_not_similarity_terms():
    terms = similarity_terms(search_document("Les personnes peuvent faire beaucoup de choses avec une tablette"))
    assert list(terms) == ["tablet"]


def test_without_full_text_engine_the_draft_rule_of_three_shared_terms_holds():
    theme = ThemeFactory()
    close = close_to(theme)
    ContributionFactory(theme=theme, title="Des seniors sur tablette", body="Un atelier photo sur tablette.")
    candidates = Contribution.objects.published().filter(theme=theme)
    terms = similarity_terms(search_document(DRAFT))
    assert _score_similar(candidates, terms, 5, min_shared=DRAFT_MIN_SHARED) == [close]
