"""Every allauth page Médiane uses renders in the site layout, in French, with one h1 and labelled fields."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse

from tests.accounts.factories import UserFactory, verify_email


def check_page(response) -> str:
    """The page's <title>, after checking the layout, the h1, the labels and the aria references."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert 'id="pied-de-page"' in html, "the site layout (base.html) is missing"
    assert html.count("<h1") == 1
    assert "Sign In" not in html
    assert "Email Address" not in html
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for tag in re.findall(r"<input\b[^>]*>", html):
        if re.search(r'type="(hidden|submit)"', tag):
            continue
        field_id = re.search(r'\sid="([^"]+)"', tag).group(1)
        assert f'for="{field_id}"' in html, f"no label for {field_id}"
    for reference in re.findall(r'aria-describedby="([^"]+)"', html):
        assert set(reference.split()) <= ids, reference
    [title] = re.findall(r"<title>(.*?)</title>", html, flags=re.S)
    return title


@pytest.fixture
def unverified(db):
    return UserFactory(email="ines@example.org")


@pytest.mark.django_db
def test_the_visitor_pages_are_french_dsfr_pages_with_distinct_titles(client, citizen):
    uid = user_pk_to_url_str(citizen)
    key = default_token_generator.make_token(citizen)
    titles = {
        "login": check_page(client.get(reverse("account_login"))),
        "signup": check_page(client.get(reverse("account_signup"))),
        "verification_sent": check_page(client.get(reverse("account_email_verification_sent"))),
        "reset": check_page(client.get(reverse("account_reset_password"))),
        "reset_done": check_page(client.get(reverse("account_reset_password_done"))),
        "bad_key": check_page(
            client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": "nope-x"}))
        ),
        "from_key": check_page(
            client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": key}), follow=True)
        ),
        "from_key_done": check_page(client.get(reverse("account_reset_password_from_key_done"))),
        "inactive": check_page(client.get(reverse("account_inactive"))),
        "bad_confirmation": check_page(client.get(reverse("account_confirm_email", args=["cle-inconnue"]))),
    }
    assert titles["login"] == "Se connecter — Médiane"
    assert len(set(titles.values())) == len(titles), titles


@pytest.mark.django_db
def test_the_email_confirmation_page_names_the_address(client, unverified):
    address = EmailAddress.objects.create(user=unverified, email=unverified.email, primary=True)
    key = EmailConfirmationHMAC(address).key

    response = client.get(reverse("account_confirm_email", args=[key]))

    assert check_page(response) == "Confirmer mon adresse e-mail — Médiane"
    assert "ines@example.org" in response.content.decode()


@pytest.mark.django_db
def test_the_signed_in_pages_are_french_dsfr_pages_with_distinct_titles(client, citizen):
    client.force_login(citizen)
    titles = {
        check_page(client.get(reverse("account_logout"))),
        check_page(client.get(reverse("account_email"))),
        check_page(client.get(reverse("account_change_password"))),
        check_page(client.get(reverse("accounts:profile"))),
        check_page(client.get(reverse("accounts:profile_edit"))),
        check_page(client.get(reverse("accounts:charter"))),
        check_page(client.get(reverse("accounts:delete"))),
    }
    assert len(titles) == 7


@pytest.mark.django_db
def test_the_password_change_form_shows_errors_next_to_the_fields(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "faux", "password1": "court", "password2": "autre"},
    )

    html = response.content.decode()
    check_page(response)
    assert "fr-input-group--error" in html
    assert 'aria-describedby="id_oldpassword-messages"' in html
    assert re.search(r'id="id_oldpassword-messages"[^>]*>\s*<p class="fr-error-text">', html)


@pytest.mark.django_db
def test_the_email_page_lists_the_addresses_with_their_state(client, citizen):
    EmailAddress.objects.create(user=citizen, email="camille.pro@example.net", verified=False)
    client.force_login(citizen)

    html = client.get(reverse("account_email")).content.decode()

    assert "camille.pro@example.net" in html
    assert "Non confirmée" in html
    assert "Principale" in html
    assert "<script" not in html.split('id="pied-de-page"')[0]


@pytest.mark.django_db
def test_a_page_we_do_not_override_still_gets_the_layout_and_dsfr_fields(client):
    user = UserFactory(email="rea@example.org", password=None)
    user.set_unusable_password()
    user.save()
    verify_email(user)
    client.force_login(user)

    # allauth's own « password_set » page, through our allauth layout and element overrides.
    response = client.get(reverse("account_set_password"))

    check_page(response)
    assert 'class="fr-input"' in response.content.decode() or "fr-input " in response.content.decode()
    assert 'class="fr-btn"' in response.content.decode()
