"""The back-office lists and edits news items."""

from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.pages.factories import NewsItemFactory


def test_an_admin_lists_the_news_in_the_back_office(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    NewsItemFactory(title="Journée inclusion numérique")

    response = client.get(reverse("admin:pages_newsitem_changelist"))

    assert response.status_code == 200
    assert "Journée inclusion numérique" in response.content.decode()
