"""Journey 1: a person signs up, confirms their e-mail, accepts the charter, proposes, and supports another.

Runs with JavaScript and without it; axe-core audits every page on the way, error states included.
"""

import re

import pytest
from playwright.sync_api import expect

from mediane.accounts.models import User
from mediane.consultation.enums import ContributionKind, ContributionStatus
from mediane.consultation.models import Contribution, Support
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, fill_sign_up, follow, to_sign_up_from_a_theme

pytestmark = E2E_MARKS

PASSWORD = "Une-phrase-de-passe-solide-2019"


def confirmation_link(mailoutbox, email: str) -> str:
    messages = [message for message in mailoutbox if email in message.to]
    assert messages, f"aucun e-mail envoyé à {email}"
    match = re.search(r"https?://\S+/confirm-email/\S+/", messages[-1].body)
    assert match, messages[-1].body
    return match.group()


def sign_up(page, email: str) -> None:
    fill_sign_up(page, email, PASSWORD, postal_code="62300")
    follow(page.get_by_role("button", name="Créer mon compte"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_person_signs_up_contributes_and_supports_another_contribution(browse, mailoutbox, javascript):
    theme = ThemeFactory(title="Rôle et missions des bibliothèques")
    other = ContributionFactory(
        theme=theme,
        title="Former les bibliothécaires à l'accueil numérique",
        body="Les agents d'accueil ont besoin d'une formation pour aider les usagers en difficulté.",
    )
    email = f"josiane-{'js' if javascript else 'nojs'}@example.org"
    page = browse(javascript=javascript)

    page.goto("/")
    assert_accessible(page)
    page.goto(theme.get_absolute_url())
    assert_accessible(page)

    # Contributing needs an account: the button leads an anonymous visitor to the login page, then sign-up.
    to_sign_up_from_a_theme(page)

    # A wrong postal code is refused with an accessible error, and nothing is created.
    fill_sign_up(page, email, PASSWORD, postal_code="999")
    follow(page.get_by_role("button", name="Créer mon compte"))
    assert_accessible(page)
    expect(page.locator(".fr-input-group--error").first).to_be_attached()
    assert not User.objects.filter(email=email).exists()

    sign_up(page, email)
    expect(page.get_by_role("heading", name="Confirmez votre adresse e-mail")).to_be_visible()
    assert_accessible(page)
    user = User.objects.get(email=email)
    assert (user.display_name, user.category, user.departement) == ("Josiane", "bibliotheque", "62")

    page.goto(confirmation_link(mailoutbox, email))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Confirmer mon adresse"))
    assert_accessible(page)
    if "/compte/login/" in page.url:
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(PASSWORD)
        follow(page.get_by_role("button", name="Se connecter"))
        assert_accessible(page)

    # First contribution: the charter comes first, then the form.
    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name="Contribuer", exact=True))
    expect(page).to_have_url(re.compile("/compte/charte/"))
    assert_accessible(page)
    choose(page, "J'ai lu la charte de participation")
    follow(page.get_by_role("button", name="J'accepte la charte"))
    expect(page).to_have_url(re.compile("/contribuer/"))
    assert_accessible(page)

    # An empty form is refused with accessible errors.
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_role("heading", name="Votre contribution n'est pas encore envoyée")).to_be_visible()
    assert_accessible(page)

    choose(page, "Proposition")
    page.get_by_label("Titre").fill("Un créneau d'accompagnement aux démarches le samedi")
    page.get_by_label("Texte").fill("Beaucoup de personnes qui travaillent ne peuvent venir que le samedi matin.")
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_text("Merci ! Votre contribution est publiée.")).to_be_visible()
    assert_accessible(page)
    mine = Contribution.objects.get(author=user)
    assert (mine.kind, mine.status, mine.theme_id) == (
        ContributionKind.PROPOSAL,
        ContributionStatus.PUBLISHED,
        theme.pk,
    )
    expect(page.locator("h1")).to_have_text("Un créneau d'accompagnement aux démarches le samedi")

    # Supporting someone else's contribution, from the theme page.
    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name=other.title))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Soutenir cette contribution"))
    expect(page.get_by_text("Merci, votre soutien est enregistré.")).to_be_visible()
    expect(page.get_by_text("1 soutien", exact=True)).to_be_visible()
    assert_accessible(page)
    assert Support.objects.filter(contribution=other, user=user).count() == 1
    other.refresh_from_db()
    assert other.supports_count == 1
