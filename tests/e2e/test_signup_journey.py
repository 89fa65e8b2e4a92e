"""Journey 2 of issue 9: a visitor signs up with a mistyped address, fixes it, has the confirmation e-mail sent again,
confirms it from the development inbox (as a newcomer on `make run` does) and contributes.

With JavaScript at 1280 px, and without JavaScript on a 375 px phone; every page is audited (axe-core, one <h1>,
labels whole at 1280 and 375 px, no sideways scrolling at 320 px).
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from playwright.sync_api import expect

from mediane.accounts.models import User
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution
from tests.consultation.factories import ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, fill_sign_up, follow, to_sign_up_from_a_theme

pytestmark = E2E_MARKS

PASSWORD = "Une-phrase-de-passe-solide-2026"


@pytest.fixture
def development_inbox(settings, tmp_path):
    """E-mails go to the development inbox, as on `make run` (MEDIANE_ENV=development)."""
    settings.EMAIL_BACKEND = settings.DEV_INBOX_BACKEND
    settings.EMAIL_FILE_PATH = str(tmp_path / "courriels")
    settings.MEDIANE_DEV_INBOX = True


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_visitor_signs_up_fixes_the_address_gets_the_e_mail_again_confirms_and_contributes(
    browse, development_inbox, javascript, width
):
    theme = ThemeFactory(number=1, title="Ce qui a changé depuis 2019")
    typed, right = f"josiane-{width}@exampel.org", f"josiane-{width}@example.org"
    page = browse(javascript=javascript)
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 740})

    page.goto("/")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Contribuer au thème 1"))
    assert_accessible(page)
    to_sign_up_from_a_theme(page)

    # Sign up, with a typing mistake in the address.
    fill_sign_up(page, typed, PASSWORD)
    follow(page.get_by_role("button", name="Créer mon compte"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    expect(page.get_by_text(f"Nous avons envoyé un e-mail à {typed}")).to_be_visible()
    assert_accessible(page)

    # The address is wrong: the person writes the right one, and the e-mail goes there.
    page.get_by_label("La bonne adresse e-mail").fill(right)
    follow(page.get_by_role("button", name="Corriger l'adresse et envoyer l'e-mail"))
    expect(page.get_by_text(f"C'est noté : nous avons écrit à {right}.")).to_be_visible()
    expect(page.get_by_text(f"Nous avons envoyé un e-mail à {right}")).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(display_name="Josiane").email == right

    # Sent again too soon, allauth's pause says to wait; three minutes later (its counter forgotten), it is sent.
    follow(page.get_by_role("button", name="Renvoyer l'e-mail"))
    expect(page.get_by_text(f"Un e-mail est déjà parti vers {right} il y a moins de 3 minutes.")).to_be_visible()
    assert_accessible(page)
    cache.clear()
    follow(page.get_by_role("button", name="Renvoyer l'e-mail"))
    expect(page.get_by_text(f"C'est fait : un nouvel e-mail est parti vers {right}.")).to_be_visible()
    assert_accessible(page)

    # On a development instance, the e-mail is in the development inbox: its link confirms the address.
    follow(page.get_by_role("link", name="Ouvrir la boîte de réception de développement"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Boîte de réception de développement")
    newest = page.locator("main section").first
    expect(newest.get_by_text(f"À : {right}")).to_be_visible()
    expect(newest.get_by_role("heading")).to_have_text("[Médiane] Confirmez votre adresse e-mail")
    assert_accessible(page)
    follow(newest.get_by_role("link", name=re.compile("confirm-email")))
    expect(page.get_by_text(f"Cliquez sur le bouton pour confirmer que l'adresse {right}")).to_be_visible()
    assert_accessible(page)
    follow(page.get_by_role("button", name="Confirmer mon adresse"))
    assert EmailAddress.objects.get(email=right).verified

    # Confirmed in the same browser: signed in, and on the way to contribute (the charter comes first).
    expect(page).to_have_url(re.compile("/compte/charte/"))
    assert_accessible(page)
    choose(page, "J'ai lu la charte de participation")
    follow(page.get_by_role("button", name="J'accepte la charte"))
    expect(page).to_have_url(re.compile("/contribuer/"))
    assert_accessible(page)
    choose(page, "Retour d'expérience")
    page.get_by_label("Titre").fill("Nos ateliers du samedi ont doublé depuis 2019")
    page.get_by_label("Texte").fill(
        "Deux conseillers numériques nous ont rejoints : nous accueillons deux fois plus de monde."
    )
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_text("Merci ! Votre contribution est publiée.")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Nos ateliers du samedi ont doublé depuis 2019")
    assert_accessible(page)
    mine = Contribution.objects.get(author__email=right)
    assert (mine.theme_id, mine.status) == (theme.pk, ContributionStatus.PUBLISHED)
