"""Sign-up: e-mail login, the participant profile, and mandatory e-mail verification."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from mediane.accounts.models import User

PASSWORD = "une-phrase-de-passe-solide-7"


def signup_data(**overrides):
    data = {
        "email": "Nadia@Example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Nadia",
        "category": "bibliotheque",
        "organisation": "Médiathèque de Lens",
        "postal_code": "62300",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signing_up_creates_the_profile_with_its_departement(client):
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "nadia@example.org"
    assert user.display_name == "Nadia"
    assert user.category == "bibliotheque"
    assert user.organisation == "Médiathèque de Lens"
    assert user.postal_code == "62300"
    assert user.departement == "62"
    assert user.charter_accepted_at is None


@pytest.mark.django_db
def test_the_postal_code_and_organisation_are_optional(client):
    client.post(reverse("account_signup"), signup_data(organisation="", postal_code=""))

    user = User.objects.get()
    assert (user.organisation, user.postal_code, user.departement) == ("", "", "")


@pytest.mark.django_db
def test_a_new_account_must_verify_its_email_before_it_can_sign_in(client):
    response = client.post(reverse("account_signup"), signup_data())
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    client.logout()
    refused = client.post(reverse("account_login"), {"login": "nadia@example.org", "password": PASSWORD})
    assert refused.status_code == 302
    assert refused["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    assert mail.outbox
    link = re.search(r"https?://testserver(/compte/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    confirm_page = client.get(link)
    assert "Confirmer mon adresse e-mail" in confirm_page.content.decode()
    client.post(link)
    assert EmailAddress.objects.get(email="nadia@example.org").verified

    accepted = client.post(reverse("account_login"), {"login": "nadia@example.org", "password": PASSWORD})
    assert accepted.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("postal_code", "message"),
    [
        ("6930", "« 6930 » n&#x27;est pas un code postal : il faut 5 chiffres, par exemple 69003."),
        ("lyon", "« lyon » n&#x27;est pas un code postal : il faut 5 chiffres, par exemple 69003."),
        ("00100", "Le code postal « 00100 » ne correspond à aucun département français."),
        ("96000", "Le code postal « 96000 » ne correspond à aucun département français."),
    ],
)
def test_a_wrong_postal_code_gets_a_precise_french_error_next_to_the_field(client, postal_code, message):
    response = client.post(reverse("account_signup"), signup_data(postal_code=postal_code))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-describedby="id_postal_code-messages"' in html
    assert re.search(r'id="id_postal_code-messages"[^>]*>\s*<p class="fr-error-text">', html)
    assert "fr-input-group--error" in html
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_missing_category_is_refused_in_french(client):
    response = client.post(reverse("account_signup"), signup_data(category=""))

    assert "fr-fieldset--error" in response.content.decode()
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_address_already_used_creates_nothing_and_reveals_nothing(client, citizen):
    response = client.post(reverse("account_signup"), signup_data(email="CAMILLE@example.org"))

    # Same answer as a new address (no account enumeration); the owner is told by e-mail instead.
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]


@pytest.mark.django_db
def test_the_signup_form_offers_the_six_categories_as_radio_buttons(client):
    html = client.get(reverse("account_signup")).content.decode()

    assert html.count('type="radio" id="id_category_') == 6
    for label in [
        "Professionnel·le de bibliothèque",
        "Acteur·rice de la médiation numérique",
        "Élu·e",
        "Usager·e",
    ]:
        assert label in html
