"""« Confirmez votre adresse e-mail »: where the e-mail went, sending it again, fixing a mistyped address, and the
page a person meets when they sign in before confirming. No dead end, and nothing revealed about other accounts."""

import html
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from mediane.accounts.confirmation import MAX_ADDRESS_CHANGES
from mediane.accounts.models import User
from tests.accounts.test_signup import PASSWORD, signup_data

pytestmark = pytest.mark.django_db
PAGE = reverse("account_email_verification_sent")
RESEND = reverse("accounts:resend_confirmation")
CHANGE = reverse("accounts:change_confirmation_email")


def text(response) -> str:
    """What a person reads: the page without its tags (each counts as a space), entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def link_in(message) -> str:
    return re.search(r"https?://testserver(/compte/confirm-email/[^/\s]+/)", message.body).group(1)


def sign_up(client, email="nadia@exampel.org", next_path=None):
    url = reverse("account_signup") + (f"?next={next_path}" if next_path else "")
    return client.post(url, signup_data(email=email), follow=True)


def pause_is_over():
    """allauth allows one confirmation e-mail per address every 3 minutes; its counter lives in the cache."""
    cache.clear()


def test_after_sign_up_the_page_says_where_the_e_mail_went_and_what_to_do(client):
    page = text(sign_up(client))

    assert "Votre compte est créé. Il reste une étape : confirmer votre adresse e-mail." in page
    assert re.search(r"Nous avons envoyé un e-mail à nadia@exampel\.org , à \d\dh\d\d\.", page)
    assert "Ouvrez l'e-mail « Confirmez votre adresse e-mail », envoyé par Médiane." in page
    assert "Renvoyer l'e-mail" in page
    assert "Vous pouvez en demander un nouveau toutes les 3 minutes." in page
    assert "L'adresse n'est pas la bonne ?" in page
    # allauth's own « E-mail de confirmation envoyé » is not repeated above: the page says it.
    assert "confirmation envoyé" not in page
    assert [message.to for message in mail.outbox] == [["nadia@exampel.org"]]


def test_the_confirmation_e_mail_is_plain_french_with_its_link(client):
    sign_up(client)

    message = mail.outbox[0]
    assert message.subject == "[Médiane] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,\n\nCette adresse e-mail a été donnée pour créer un compte sur Médiane.")
    assert "Pour activer le compte, ouvrez ce lien :\nhttp://testserver/compte/confirm-email/" in message.body
    assert message.body.rstrip().endswith("— Médiane")


def test_sending_again_waits_for_allauths_pause_then_sends_a_working_link(client):
    sign_up(client, email="nadia@example.org")

    too_soon = text(client.post(RESEND, follow=True))
    assert "Un e-mail est déjà parti vers nadia@example.org il y a moins de 3 minutes." in too_soon
    assert len(mail.outbox) == 1

    pause_is_over()
    again = text(client.post(RESEND, follow=True))
    assert "C'est fait : un nouvel e-mail est parti vers nadia@example.org." in again
    assert len(mail.outbox) == 2

    confirmed = client.post(link_in(mail.outbox[1]), follow=True)
    assert EmailAddress.objects.get(email="nadia@example.org").verified
    assert confirmed.wsgi_request.user.is_authenticated  # same browser: signed in at once


def test_a_mistyped_address_is_fixed_and_the_confirmation_goes_to_the_right_one(client):
    sign_up(client, email="nadia@exampel.org", next_path="/forum/")
    old_link = link_in(mail.outbox[0])

    page = client.post(CHANGE, {"email": "Nadia@Example.org"}, follow=True)

    user = User.objects.get()
    assert user.email == "nadia@example.org"
    assert list(EmailAddress.objects.values_list("email", "verified", "primary")) == [
        ("nadia@example.org", False, True)
    ]
    assert [message.to for message in mail.outbox] == [["nadia@exampel.org"], ["nadia@example.org"]]
    assert "C'est noté : nous avons écrit à nadia@example.org." in text(page)
    assert "Nous avons envoyé un e-mail à nadia@example.org" in text(page)
    # The link sent to the mistyped address no longer works; the new one confirms and goes where the person was going.
    assert "Ce lien de confirmation n'est plus valable" in text(client.get(old_link))
    confirmed = client.post(link_in(mail.outbox[1]))
    assert confirmed["Location"] == "/forum/"
    assert EmailAddress.objects.get(email="nadia@example.org").verified


def test_the_address_of_another_account_is_never_revealed(client, citizen):
    sign_up(client, email="nadia@exampel.org")

    taken = text(client.post(CHANGE, {"email": "camille@example.org"}, follow=True))

    # The account keeps its address; the owner of the other one is told that an account exists.
    assert User.objects.get(display_name="Nadia").email == "nadia@exampel.org"
    assert mail.outbox[-1].to == ["camille@example.org"]
    assert mail.outbox[-1].subject == "[Médiane] Vous avez déjà un compte"
    # The page reads exactly as for a free address.
    assert "C'est noté : nous avons écrit à camille@example.org." in taken
    assert "Nous avons envoyé un e-mail à camille@example.org" in taken


def test_a_wrong_or_identical_address_is_refused_next_to_the_field(client):
    sign_up(client)

    wrong = client.post(CHANGE, {"email": "nadia-at-example"})
    same = client.post(CHANGE, {"email": "NADIA@exampel.org"})

    assert wrong.status_code == same.status_code == 200
    assert "Ce n&#x27;est pas une adresse e-mail : vérifiez-la." in wrong.content.decode()
    assert "C&#x27;est déjà l&#x27;adresse où nous avons écrit." in same.content.decode()
    assert 'aria-describedby="id_email-messages"' in wrong.content.decode()
    assert len(mail.outbox) == 1


def test_the_address_can_be_fixed_a_few_times_only(client):
    sign_up(client)
    for attempt in range(MAX_ADDRESS_CHANGES):
        client.post(CHANGE, {"email": f"nadia{attempt}@example.org"})

    page = text(client.get(PAGE))
    refused = client.post(CHANGE, {"email": "nadia-encore@example.org"})

    assert "L'adresse n'est pas la bonne ?" not in page
    assert refused["Location"] == PAGE
    assert User.objects.get().email == f"nadia{MAX_ADDRESS_CHANGES - 1}@example.org"


def test_signing_in_before_confirming_explains_what_to_do_and_sends_the_e_mail_again(client):
    sign_up(client, email="nadia@example.org")
    client.logout()  # another day, another session
    pause_is_over()

    page = client.post(reverse("account_login"), {"login": "nadia@example.org", "password": PASSWORD}, follow=True)

    assert page.redirect_chain[-1][0] == PAGE
    assert "Votre compte n'est pas encore activé : avant de vous connecter, il faut confirmer votre adresse" in text(
        page
    )
    assert "Nous avons envoyé un e-mail à nadia@example.org" in text(page)
    assert [message.to for message in mail.outbox] == [["nadia@example.org"], ["nadia@example.org"]]
    assert "Renvoyer l'e-mail" in text(page)


def test_once_confirmed_elsewhere_the_page_says_so_and_offers_to_sign_in(client):
    sign_up(client, email="nadia@example.org")
    EmailAddress.objects.filter(email="nadia@example.org").update(verified=True)

    page = text(client.get(PAGE))
    client.post(RESEND)

    assert "Votre adresse nadia@example.org est confirmée : votre compte est activé." in page
    assert "Renvoyer l'e-mail" not in page
    assert len(mail.outbox) == 1


def test_without_a_confirmation_pending_the_page_says_how_to_get_a_new_e_mail(client):
    page = text(client.get(PAGE))

    assert "connectez-vous avec votre adresse e-mail et votre mot de passe : nous vous le renverrons" in page
    assert client.post(RESEND)["Location"] == PAGE
    assert client.post(CHANGE, {"email": "x@example.org"})["Location"] == PAGE
    assert not mail.outbox


def test_fixing_the_address_counts_like_a_sign_up(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    sign_up(client)  # one sign-up

    client.post(CHANGE, {"email": "nadia1@example.org"})  # two
    refused = text(client.post(CHANGE, {"email": "nadia2@example.org"}, follow=True))

    assert "Vous avez fait trop de demandes en peu de temps." in refused
    assert User.objects.get().email == "nadia1@example.org"
