"""The profile page and its edit form."""

import pytest
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.accounts.services import grant_role


@pytest.mark.django_db
def test_the_profile_shows_the_persons_data_roles_and_charter(client, mediator):
    grant_role(mediator, Role.WORKING_GROUP_MEMBER)
    client.force_login(mediator)

    html = client.get(reverse("accounts:profile")).content.decode()

    assert "<title>Mon compte — Médiane</title>" in html
    assert html.count("<h1") == 1
    for text in ["Malik", "malik@example.org", "Acteur·rice de la médiation numérique", "Rhône (69)"]:
        assert text in html
    assert "Médiateur·rice" in html
    assert "Membre du groupe de travail" in html
    assert "Acceptée" in html
    for name in ["accounts:profile_edit", "accounts:export", "accounts:delete", "account_change_password"]:
        assert reverse(name) in html


@pytest.mark.django_db
def test_the_profile_invites_to_accept_the_charter_when_not_done(client):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(without_charter=True))

    html = client.get(reverse("accounts:profile")).content.decode()

    assert "Lire et accepter la charte" in html


@pytest.mark.django_db
def test_the_profile_needs_an_account(client):
    assert client.get(reverse("accounts:profile"))["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_the_edit_form_is_filled_with_the_current_profile(client, citizen):
    client.force_login(citizen)

    html = client.get(reverse("accounts:profile_edit")).content.decode()

    assert 'value="Camille"' in html
    assert 'value="69003"' in html
    assert 'value="usager" checked' in html


@pytest.mark.django_db
def test_editing_the_profile_updates_the_departement(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("accounts:profile_edit"),
        {
            "display_name": " Cam ",
            "category": "association",
            "organisation": "Emmaüs Connect",
            "postal_code": "20200",
        },
    )

    assert response["Location"] == reverse("accounts:profile")
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.category, citizen.organisation) == (
        "Cam",
        "association",
        "Emmaüs Connect",
    )
    assert (citizen.postal_code, citizen.departement) == ("20200", "2B")


@pytest.mark.django_db
def test_a_blank_name_is_refused_and_nothing_changes(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "   ", "category": "usager", "organisation": "", "postal_code": "1234"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in html or "Indiquez le nom à afficher." in html
    assert "« 1234 » n&#x27;est pas un code postal" in html
    citizen.refresh_from_db()
    assert citizen.display_name == "Camille"
