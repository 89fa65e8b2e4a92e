"""Supporting a contribution from its page: one support per person, and a person can take it back."""

import pytest
from django.urls import reverse

from mediane.consultation.models import Support
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def support_url(contribution):
    return reverse("consultation:support", args=[contribution.pk])


def test_supporting_counts_one_support(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    response = client.post(support_url(contribution))
    assert response.status_code == 302 and response["Location"].endswith("#soutiens")
    contribution.refresh_from_db()
    assert contribution.supports_count == 1


def test_a_double_click_on_support_counts_once(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    client.post(support_url(contribution), {"action": "soutenir"})
    client.post(support_url(contribution), {"action": "soutenir"})
    contribution.refresh_from_db()
    assert contribution.supports_count == 1


def test_a_person_can_take_their_support_back(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    client.post(support_url(contribution), {"action": "soutenir"})
    client.post(support_url(contribution), {"action": "retirer"})
    contribution.refresh_from_db()
    assert contribution.supports_count == 0
    assert not Support.objects.exists()


def test_two_people_supporting_count_two(client, citizen, librarian):
    contribution = ContributionFactory()
    for person in (citizen, librarian):
        client.force_login(person)
        client.post(support_url(contribution))
    contribution.refresh_from_db()
    assert contribution.supports_count == 2


def test_the_same_support_recorded_twice_by_the_service_counts_once(citizen):
    from mediane.consultation.services import support_contribution

    contribution = ContributionFactory()
    assert support_contribution(citizen, contribution) is True
    assert support_contribution(citizen, contribution) is False
    contribution.refresh_from_db()
    assert contribution.supports_count == 1
    assert Support.objects.count() == 1


def test_supporting_needs_a_post(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    assert client.get(support_url(contribution)).status_code == 405


def test_an_outsider_is_sent_to_sign_in_and_nothing_is_counted(client):
    contribution = ContributionFactory()
    response = client.post(support_url(contribution))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    contribution.refresh_from_db()
    assert contribution.supports_count == 0


def test_an_author_cannot_support_their_own_contribution(client):
    contribution = ContributionFactory()
    client.force_login(contribution.author)
    response = client.post(support_url(contribution), follow=True)
    assert "Vous ne pouvez pas soutenir votre propre contribution" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.supports_count == 0


def test_supporting_in_a_closed_theme_is_refused_in_french(client, citizen):
    contribution = ContributionFactory(theme=ThemeFactory(closed=True))
    client.force_login(citizen)
    response = client.post(support_url(contribution), follow=True)
    assert "Ce thème est clos" in response.content.decode()
    assert not Support.objects.exists()


def test_a_hidden_contribution_cannot_be_supported(client, citizen):
    contribution = ContributionFactory(hidden=True)
    client.force_login(citizen)
    client.post(support_url(contribution))
    assert not Support.objects.exists()
