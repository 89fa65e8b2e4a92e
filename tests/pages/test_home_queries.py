"""The home page runs the same number of SQL queries whatever the number of themes and news."""

from django.urls import reverse

from tests.consultation.factories import ConsultationFactory, ThemeFactory
from tests.pages.factories import NewsItemFactory

HOME_QUERIES = 4  # the latest consultation, its themes, the whole forum's figures, the latest news


def home_queries(client, count_queries) -> int:
    with count_queries() as queries:
        response = client.get(reverse("pages:home"))
    assert response.status_code == 200
    return len(queries)


def test_the_home_page_runs_a_constant_number_of_queries(client, db, count_queries):
    consultation = ConsultationFactory()
    ThemeFactory(consultation=consultation)
    NewsItemFactory()
    few = home_queries(client, count_queries)

    ThemeFactory.create_batch(5, consultation=consultation)
    NewsItemFactory.create_batch(10)
    many = home_queries(client, count_queries)

    assert few == many == HOME_QUERIES
