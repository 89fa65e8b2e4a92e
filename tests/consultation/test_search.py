"""French full-text search: the index, `Contribution.objects.search` and the search page."""

import pytest
from django.db import connection
from django.urls import reverse

from mediane.consultation.enums import ContributionKind
from mediane.consultation.models import Contribution
from mediane.consultation.search import repair_fulltext_triggers, search_document
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def contribution(title, body="Un texte assez long pour être publié.", **kwargs):
    return ContributionFactory(title=title, body=body, **kwargs)


def found(query, queryset=None):
    results, _ = (queryset or Contribution.objects).search(query)
    return list(results)


# --- The index ---------------------------------------------------------------------------------------


def test_the_migration_creates_the_full_text_index_of_the_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'contrib_search_vector_gin'")
            assert "gin (search_vector)" in cursor.fetchone()[0]
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'consultation_contribution_fts%'")
            names = {name for (name,) in cursor.fetchall()}
            assert {
                "consultation_contribution_fts",
                "consultation_contribution_fts_ai",
                "consultation_contribution_fts_ad",
                "consultation_contribution_fts_au",
            } <= names


def test_the_index_follows_a_changed_text_and_a_deleted_contribution():
    item = contribution("Atelier du samedi")
    Contribution.objects.filter(pk=item.pk).update(
        title="Permanence du mardi", search_text=search_document("Permanence du mardi")
    )
    assert found("samedi") == []
    assert found("mardi") == [Contribution.objects.get(pk=item.pk)]
    Contribution.objects.filter(pk=item.pk).delete()
    assert found("mardi") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the triggers exist on SQLite only")
def test_triggers_dropped_by_a_table_rebuild_are_restored_after_migrate():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER consultation_contribution_fts_ai")
    missing_row = contribution("Tablettes prêtées à domicile")  # inserted while the trigger is gone
    assert repair_fulltext_triggers() == ["consultation_contribution_fts_ai"]
    later_row = contribution("Tablettes pour les seniors")
    assert set(found("tablettes")) == {missing_row, later_row}
    assert repair_fulltext_triggers() == []


# --- The query ---------------------------------------------------------------------------------------


def test_a_search_without_accents_finds_the_accented_word():
    item = contribution("La Bibliothèque municipale ouvre le dimanche")
    assert found("bibliotheque") == [item]
    assert found("BIBLIOTHÈQUES") == [item]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ateliers", "Un atelier pour débuter"),
        ("numériques", "Le passe numérique"),
        ("Médiathèques", "La mediatheque du quartier"),
    ],
)
def test_a_search_finds_other_forms_of_the_same_word(query, title):
    item = contribution(title)
    assert found(query) == [item]


def test_every_word_of_the_query_must_be_present():
    both = contribution("Atelier numérique pour les seniors")
    contribution("Atelier de couture")
    assert found("atelier seniors") == [both]


def test_only_published_contributions_are_found():
    published = contribution("Aide aux démarches en ligne")
    contribution("Aide aux démarches masquée", hidden=True)
    contribution("Aide aux démarches en attente", pending=True)
    contribution("Aide aux démarches retirée", withdrawn=True)
    assert found("démarches") == [published]


def test_results_come_best_first():
    passing = contribution(
        "Horaires de la médiathèque",
        body="Les horaires sont trop courts ; une imprimante serait utile mais ce n'est pas le sujet "
        "principal de cette contribution qui parle surtout des horaires d'ouverture, du samedi et du soir.",
    )
    focused = contribution("Imprimante en libre accès", body="Une imprimante, une imprimante pour tous.")
    assert found("imprimante") == [focused, passing]


def test_search_combines_with_the_theme_and_kind_filters():
    theme = ThemeFactory()
    wanted = contribution("Prêt de tablettes", theme=theme, kind=ContributionKind.PROPOSAL)
    contribution("Prêt de tablettes", theme=theme, kind=ContributionKind.VIGILANCE)
    contribution("Prêt de tablettes", kind=ContributionKind.PROPOSAL)
    results, _ = Contribution.objects.search("tablettes")
    assert list(results.in_theme(theme).by_kind(ContributionKind.PROPOSAL)) == [wanted]
    results, _ = Contribution.objects.in_theme(theme).search("tablettes")
    assert results.count() == 2


@pytest.mark.parametrize("query", ["", "   ", "le la les de", "?!"])
def test_an_empty_or_stop_word_query_finds_nothing_without_error(query):
    contribution("Le numérique à la bibliothèque")
    results, terms = Contribution.objects.search(query)
    assert terms == []
    assert list(results) == []


@pytest.mark.parametrize(
    "query",
    [
        '"atelier',
        'atelier"',
        "atelier*",
        "*",
        "atelier NEAR numérique",
        "NEAR(atelier numérique)",
        "-atelier",
        "atelier -numérique",
        "(atelier OR",
        "atelier)",
        "atelier AND",
        "NOT atelier",
        "atelier:numérique",
        "atelier & | ! numérique",
        "title:atelier",
        "^atelier",
        "'atelier'",
        "atelier\\",
        "{atelier}",
        "a" * 400,
        "atelier_numérique",
        "atelier 2024",
    ],
)
def test_query_syntax_characters_never_break_the_search(query):
    contribution("Atelier numérique 2024")
    results, _ = Contribution.objects.search(query)
    list(results)  # runs the SQL


def test_query_words_are_plain_words_not_operators():
    contribution("Atelier numérique")
    assert len(found("atelier NEAR numérique")) == 0  # "near" is a word the contribution lacks
    assert len(found("(atelier) numérique*")) == 1


# --- The page ----------------------------------------------------------------------------------------


def test_the_search_page_has_a_labelled_search_field_that_works_without_javascript(client):
    response = client.get(reverse("consultation:search"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get" action="/forum/rechercher/"' in html
    assert '<label class="fr-label" for="search-q">' in html
    assert html.count("<h1") == 1


def test_the_search_page_highlights_the_matching_words(client):
    item = contribution("Ateliers numériques du samedi", body="Nos ateliers accueillent les débutant·es.")
    response = client.get(reverse("consultation:search"), {"q": "atelier"})
    html = response.content.decode()
    assert "1 résultat" in html
    assert "<mark>Ateliers</mark> numériques du samedi" in html
    assert "Nos <mark>ateliers</mark> accueillent" in html
    assert item.get_absolute_url() in html


def test_the_search_page_escapes_the_text_it_highlights(client):
    contribution("Atelier <script>alert(1)</script>")
    html = client.get(reverse("consultation:search"), {"q": "atelier"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_the_search_page_filters_by_theme_and_kind(client):
    theme = ThemeFactory(title="Formation des équipes")
    contribution("Former les agents au numérique", theme=theme, kind=ContributionKind.PROPOSAL)
    contribution("Former les agents : attention", theme=theme, kind=ContributionKind.VIGILANCE)
    contribution("Former les agents ailleurs", kind=ContributionKind.PROPOSAL)
    response = client.get(
        reverse("consultation:search"), {"q": "agents", "theme": theme.pk, "type": ContributionKind.PROPOSAL}
    )
    html = response.content.decode()
    assert "1 résultat" in html
    assert "au numérique" in html
    assert f'<option value="{theme.pk}" selected>' in html


def test_a_stop_word_query_gets_a_hint_not_an_error(client):
    response = client.get(reverse("consultation:search"), {"q": "le la"})
    assert response.status_code == 200
    assert "trop courants" in response.content.decode()


def test_a_query_that_matches_nothing_says_so(client):
    response = client.get(reverse("consultation:search"), {"q": "hippopotame"})
    assert "Aucun résultat" in response.content.decode()


def test_results_are_paginated_twenty_per_page(client):
    theme = ThemeFactory()
    ContributionFactory.create_batch(45, theme=theme)
    first = client.get(reverse("consultation:search"), {"q": "atelier"})
    assert first.context["total"] == 45
    assert len(first.context["results"]) == 20
    assert first.context["page_count"] == 3
    last = client.get(reverse("consultation:search"), {"q": "atelier", "page": "3"})
    assert len(last.context["results"]) == 5
    assert "page=2" in last.content.decode()
    beyond = client.get(reverse("consultation:search"), {"q": "atelier", "page": "999"})
    assert beyond.context["page"] == 3
    garbage = client.get(reverse("consultation:search"), {"q": "atelier", "page": "abc"})
    assert garbage.context["page"] == 1


def test_a_very_common_word_stops_at_fifty_pages(client, monkeypatch):
    monkeypatch.setattr("mediane.consultation.views.SEARCH_PAGE_SIZE", 2)
    monkeypatch.setattr("mediane.consultation.views.SEARCH_MAX_PAGES", 3)
    ContributionFactory.create_batch(8, theme=ThemeFactory())
    response = client.get(reverse("consultation:search"), {"q": "atelier", "page": "10"})
    assert response.context["page_count"] == 3
    assert response.context["page"] == 3
    assert "Plus de 6 résultats" in response.content.decode()


def test_the_search_page_runs_the_same_number_of_queries_whatever_the_number_of_results(client, count_queries):
    def queries_for(rows):
        Contribution.objects.all().delete()
        theme = ThemeFactory()
        ContributionFactory.create_batch(rows, theme=theme)
        with count_queries() as ctx:
            response = client.get(reverse("consultation:search"), {"q": "atelier numérique"})
        assert len(response.context["results"]) == min(rows, 20)
        return len(ctx)

    assert queries_for(3) == queries_for(30)
    assert queries_for(3) <= 3
