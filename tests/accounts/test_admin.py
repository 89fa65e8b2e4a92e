"""The user admin: e-mail based (no username), filterable by category and role."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.accounts.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_user_list_filters_by_category_and_role(admin_client, librarian, moderator):
    url = reverse("admin:accounts_user_changelist")

    by_category = admin_client.get(url, {"category__exact": "bibliotheque"}).content.decode()
    moderators = Group.objects.get(name="moderateur")
    by_role = admin_client.get(url, {"groups__id__exact": moderators.pk}).content.decode()

    assert "leila@example.org" in by_category
    assert "mona@example.org" not in by_category
    assert "mona@example.org" in by_role
    assert "leila@example.org" not in by_role


def test_the_user_change_and_add_pages_open(admin_client, citizen):
    assert admin_client.get(reverse("admin:accounts_user_change", args=[citizen.pk])).status_code == 200
    assert admin_client.get(reverse("admin:accounts_user_add")).status_code == 200


def test_an_admin_creates_a_user_with_an_email_and_no_username(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "nouveau@example.org",
            "usable_password": "true",
            "password1": "x" * 4 + "-Solide-1234",
            "password2": "x" * 4 + "-Solide-1234",
        },
    )

    assert response.status_code == 302
    from mediane.accounts.models import User

    assert User.objects.filter(email="nouveau@example.org").exists()
