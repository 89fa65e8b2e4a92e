"""The theme page: header, phase notices, filters, sorts, keyset pagination and its constant query count."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation import panels
from mediane.consultation.enums import ContributionKind, ContributionSource, ContributionStatus
from mediane.consultation.models import Contribution
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def url_of(theme, **query):
    from urllib.parse import urlencode

    base = reverse("consultation:theme", args=[theme.consultation.slug, theme.slug])
    return f"{base}?{urlencode(query)}" if query else base


def seed(theme, count, **kwargs):
    """`count` contributions with distinct dates and counters, so every sort has a strict order."""
    now = timezone.now()
    return [
        ContributionFactory(
            theme=theme,
            created_at=now - dt.timedelta(minutes=i),
            supports_count=(i * 7) % 11,
            comments_count=(i * 5) % 13,
            **kwargs,
        )
        for i in range(count)
    ]


def titles_on(response):
    return re.findall(r'<h3 class="fr-h6 fr-mb-1w"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_theme_page_shows_the_header_of_an_open_theme(client):
    theme = ThemeFactory(published_count=3, meeting_label="mai 2019")
    html = client.get(url_of(theme)).content.decode()
    assert f"Thème {theme.number} : {theme.title}" in html
    assert theme.question.replace("'", "&#x27;") in html
    assert "mai 2019" in html
    assert "3 contributions publiées" in html
    assert "Ouverte" in html
    assert reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug]) in html


def test_an_upcoming_theme_says_when_it_opens_and_offers_no_contribute_button(client):
    theme = ThemeFactory(upcoming=True)
    html = client.get(url_of(theme)).content.decode()
    assert "Ce thème ouvrira le" in html
    assert reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug]) not in html


def test_a_closed_theme_says_since_when_it_is_closed(client):
    theme = ThemeFactory(closed=True)
    html = client.get(url_of(theme)).content.decode()
    assert "Ce thème est clos depuis le" in html
    assert reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug]) not in html


def test_an_unknown_theme_is_a_404(client):
    theme = ThemeFactory()
    assert client.get(reverse("consultation:theme", args=[theme.consultation.slug, "inconnu"])).status_code == 404


def test_rows_show_kind_author_category_departement_counts_and_origin_tags(client):
    theme = ThemeFactory()
    ContributionFactory(
        theme=theme,
        title="Un retour de Lille",
        kind=ContributionKind.EXPERIENCE,
        author_name="Camille",
        author_category=ParticipantCategory.LIBRARY_PROFESSIONAL,
        author_departement="59",
        supports_count=4,
        comments_count=1,
    )
    ContributionFactory(theme=theme, title="Dit au guichet", source=ContributionSource.ASSISTED, author=None)
    ContributionFactory(theme=theme, title="Venue de Decidim", source=ContributionSource.DECIDIM)
    html = client.get(url_of(theme)).content.decode()
    assert "Retour d&#x27;expérience" in html
    assert "Camille · Professionnel·le de bibliothèque · Nord (59)" in html
    assert "4 soutiens" in html and "1 commentaire" in html
    assert html.count("recueillie par un·e médiateur·rice") == 1
    assert "importée de Decidim" in html


def test_a_hidden_contribution_shows_only_a_placeholder_with_its_reason(client):
    theme = ThemeFactory()
    ContributionFactory(theme=theme, hidden=True, title="Titre secret", body="Texte injurieux ici présent.")
    html = client.get(url_of(theme)).content.decode()
    assert "Contribution masquée par la modération : Propos injurieux ou discriminatoires" in html
    assert "Titre secret" not in html
    assert "Texte injurieux" not in html


def test_pending_and_withdrawn_contributions_are_not_listed(client):
    theme = ThemeFactory()
    ContributionFactory(theme=theme, pending=True, title="En attente")
    ContributionFactory(theme=theme, withdrawn=True, title="Retirée")
    ContributionFactory(theme=theme, title="Publiée")
    assert titles_on(client.get(url_of(theme))) == ["Publiée"]


def test_the_filters_keep_only_the_matching_contributions(client):
    theme = ThemeFactory()
    ContributionFactory(theme=theme, title="Proposition lyonnaise", author_departement="69")
    ContributionFactory(
        theme=theme,
        title="Vigilance nordiste",
        kind=ContributionKind.VIGILANCE,
        author_departement="59",
        author_category=ParticipantCategory.ELECTED_OFFICIAL,
    )
    assert titles_on(client.get(url_of(theme, type="point_vigilance"))) == ["Vigilance nordiste"]
    assert titles_on(client.get(url_of(theme, departement="69"))) == ["Proposition lyonnaise"]
    assert titles_on(client.get(url_of(theme, categorie="elu"))) == ["Vigilance nordiste"]
    response = client.get(url_of(theme, departement="59"))
    assert "1 contribution correspond à vos filtres" in response.content.decode()


def test_an_invalid_filter_value_is_ignored_instead_of_failing(client):
    theme = ThemeFactory()
    ContributionFactory(theme=theme, title="Seule")
    response = client.get(url_of(theme, type="<script>", tri="n'importe quoi", apres="abc_def"))
    assert response.status_code == 200
    assert titles_on(response) == ["Seule"]


def test_the_departement_filter_lists_every_departement(client):
    html = client.get(url_of(ThemeFactory())).content.decode()
    assert '<option value="2A">2A – Corse-du-Sud</option>' in html or "Corse-du-Sud" in html
    assert "974" in html


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("recentes", lambda c: (c.created_at, c.pk)),
        ("soutenues", lambda c: (c.supports_count, c.pk)),
        ("commentees", lambda c: (c.comments_count, c.pk)),
    ],
)
def test_walking_the_pages_forward_and_back_visits_every_row_once_in_order(client, sort, key):
    theme = ThemeFactory()
    seed(theme, 45)
    ContributionFactory(theme=theme, hidden=True)  # hidden rows are listed too, as placeholders
    expected = [c.pk for c in sorted(Contribution.objects.listed().in_theme(theme), key=key, reverse=True)]

    seen, pages, url = [], [], url_of(theme, tri=sort)
    while url:
        response = client.get(url)
        ids = [int(i) for i in re.findall(r'id="contribution-(\d+)"', response.content.decode())]
        pages.append((url, ids))
        seen.extend(ids)
        url = response.context["next_url"] and url_of(theme) + response.context["next_url"]
    assert seen == expected
    assert [len(ids) for _, ids in pages] == [20, 20, 6]
    assert pages[-1][0].endswith("p=3")

    # Back from the last page gives the second page again, then the first.
    response = client.get(url_of(theme) + client.get(pages[-1][0]).context["previous_url"])
    assert [int(i) for i in re.findall(r'id="contribution-(\d+)"', response.content.decode())] == pages[1][1]
    assert response.context["page"] == 2
    response = client.get(url_of(theme) + response.context["previous_url"])
    assert response.context["page"] == 1
    assert response.context["previous_url"] is None


def test_pagination_links_keep_the_filters(client):
    theme = ThemeFactory()
    seed(theme, 25, author_departement="59")
    response = client.get(url_of(theme, departement="59", tri="soutenues"))
    assert "departement=59" in response.context["next_url"]
    assert "tri=soutenues" in response.context["next_url"]
    html = response.content.decode()
    assert 'aria-label="Pagination"' in html and ">Suivant</a>" in html


def test_the_filtered_count_is_capped_at_one_thousand(client, monkeypatch):
    from mediane.consultation import views

    monkeypatch.setattr(views, "FILTERED_COUNT_CAP", 3)
    theme = ThemeFactory()
    seed(theme, 5)
    response = client.get(url_of(theme, type="proposition"))
    assert response.context["total_capped"] is True
    assert "Plus de 1 000 contributions" in response.content.decode()


def test_the_unfiltered_total_is_the_denormalised_counter(client):
    theme = ThemeFactory(published_count=123456)
    assert "123456 contributions" in client.get(url_of(theme)).content.decode()


def _queries_for(client, count_queries, url):
    with count_queries() as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"tri": "soutenues"},
        {"tri": "commentees"},
        {"type": "proposition", "categorie": "usager", "departement": "69"},
        {"tri": "soutenues", "departement": "69"},
    ],
)
def test_the_theme_page_runs_the_same_number_of_queries_for_5_or_40_rows(client, citizen, count_queries, query):
    client.force_login(citizen)
    small, large = ThemeFactory(), ThemeFactory()
    seed(small, 5, author_category="usager", author_departement="69")
    seed(large, 40, author_category="usager", author_departement="69")
    ContributionFactory(theme=large, hidden=True)
    assert _queries_for(client, count_queries, url_of(small, **query)) == _queries_for(
        client, count_queries, url_of(large, **query)
    )
    # A deep page costs the same as the first one.
    first = client.get(url_of(large, **query))
    deep = url_of(large) + first.context["next_url"]
    assert _queries_for(client, count_queries, deep) == _queries_for(client, count_queries, url_of(large, **query))


def test_an_anonymous_visit_runs_a_small_fixed_number_of_queries(client, django_assert_max_num_queries):
    theme = ThemeFactory()
    seed(theme, 30)
    with django_assert_max_num_queries(4):
        client.get(url_of(theme))


@pytest.mark.parametrize("persona", ["outsider", "citizen", "organiser"])
def test_the_panels_of_other_apps_cost_no_query(client, request, count_queries, monkeypatch, persona):
    """Higher apps add panels to the theme page (the synthesis links its published page): no extra query."""
    user = request.getfixturevalue(persona)
    if user.is_authenticated:
        client.force_login(user)
    theme = ThemeFactory(synthesis_published=True)
    seed(theme, 5)
    client.get(url_of(theme))  # cached fragments are warm for both counts
    with count_queries() as with_panels:
        html = client.get(url_of(theme)).content.decode()
    assert "Lire la synthèse" in html
    monkeypatch.setattr(panels, "_PANELS", {})
    with count_queries() as without_panels:
        html = client.get(url_of(theme)).content.decode()
    assert "Lire la synthèse" not in html
    assert len(with_panels) == len(without_panels)


def test_a_signed_in_person_can_follow_then_unfollow_a_theme(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    assert "Suivre ce thème" in client.get(url_of(theme)).content.decode()
    follow = reverse("consultation:follow", args=[theme.consultation.slug, theme.slug])
    assert client.post(follow).status_code == 302
    assert theme.follows.filter(user=citizen).exists()
    assert "Ne plus suivre ce thème" in client.get(url_of(theme)).content.decode()
    client.post(follow)
    assert not theme.follows.filter(user=citizen).exists()


def test_an_outsider_sees_no_follow_button_and_cannot_follow(client):
    theme = ThemeFactory()
    assert "Suivre ce thème" not in client.get(url_of(theme)).content.decode()
    response = client.post(reverse("consultation:follow", args=[theme.consultation.slug, theme.slug]))
    assert response.status_code == 302 and "/compte/" in response["Location"]
    assert not theme.follows.exists()


def test_a_page_of_a_theme_with_only_pending_rows_is_empty():
    theme = ThemeFactory()
    ContributionFactory(theme=theme, status=ContributionStatus.PENDING)
    rows, more = Contribution.objects.in_theme(theme).listed_page("created_at")
    assert rows == [] and more is False


def test_a_mediator_finds_the_assisted_contribution_form_from_the_open_theme(client, mediator):
    from tests.consultation.factories import ThemeFactory

    theme = ThemeFactory()
    client.force_login(mediator)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert (
        "Recueillir la contribution d&#x27;une personne" in html or "Recueillir la contribution d'une personne" in html
    )
    assert "Importer un export Decidim" not in html


def test_a_citizen_sees_no_mediator_or_import_links(client, citizen):
    from tests.consultation.factories import ThemeFactory

    theme = ThemeFactory()
    client.force_login(citizen)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Recueillir la contribution" not in html
    assert "Importer" not in html


@pytest.mark.parametrize(
    "query",
    [{"apres": "²_1"}, {"apres": "1_²"}, {"p": "²", "apres": "1_1"}, {"apres": "٣_١"}, {"apres": "1" * 10_000 + "_1"}],
    ids=["superscript-value", "superscript-id", "superscript-page", "arabic-indic", "ten-thousand-digits"],
)
def test_a_cursor_or_page_that_is_not_ascii_digits_shows_the_first_page(client, query):
    """The outside review's reproduction: « ² » passes str.isdigit() and int() refuses it (500 to anyone)."""
    theme = ThemeFactory()
    seed(theme, 3)
    response = client.get(url_of(theme, **query))
    assert response.status_code == 200
    assert response.context["page"] == 1
    if "p" not in query:  # a refused cursor means the first rows; a valid one with a bad page number keeps its rows
        assert len(response.context["contributions"]) == 3
