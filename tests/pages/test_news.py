"""News and events: the list, the detail page with its Markdown body, and scheduled items."""

from django.urls import reverse

from tests.pages.factories import NewsItemFactory


def list_queries(client, count_queries) -> int:
    with count_queries() as queries:
        response = client.get(reverse("pages:news"))
    assert response.status_code == 200
    return len(queries)


def test_the_news_list_runs_a_constant_number_of_queries(client, db, count_queries):
    NewsItemFactory.create_batch(2)
    few = list_queries(client, count_queries)

    NewsItemFactory.create_batch(20, event=True)
    many = list_queries(client, count_queries)

    assert few == many == 1


def test_the_news_list_shows_the_newest_first_and_hides_scheduled_items(client, db):
    NewsItemFactory(title="Ancienne nouvelle", published_at="2019-04-01T09:00:00Z")
    NewsItemFactory(title="Nouvelle récente", published_at="2019-10-01T09:00:00Z")
    NewsItemFactory(title="Pas encore publiée", scheduled=True)

    html = client.get(reverse("pages:news")).content.decode()

    assert html.index("Nouvelle récente") < html.index("Ancienne nouvelle")
    assert "Pas encore publiée" not in html


def test_a_news_item_renders_its_markdown_body(client, db):
    item = NewsItemFactory(body="Au programme :\n\n- des **ateliers** ;\n- une table ronde.")

    html = client.get(item.get_absolute_url()).content.decode()

    assert "<li>des <strong>ateliers</strong> ;</li>" in html


def test_html_in_a_news_body_stays_inert(client, db):
    item = NewsItemFactory(body='<script>alert("x")</script> <img src=x onerror=alert(1)>')

    html = client.get(item.get_absolute_url()).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_a_scheduled_news_item_is_not_found_before_its_publication(client, db):
    item = NewsItemFactory(scheduled=True)

    assert client.get(item.get_absolute_url()).status_code == 404


def test_an_event_shows_its_date(client, db):
    item = NewsItemFactory(event=True, title="Journée inclusion numérique")

    html = client.get(item.get_absolute_url()).content.decode()

    assert "14 novembre 2019" in html
    assert "Événement" in html
